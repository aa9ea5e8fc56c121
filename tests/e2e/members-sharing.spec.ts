import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { seriousViolations } from "./a11y";
import { screenshots, signIn } from "./look";

// The group's officers on a 360 px phone: the member list, a week's hours, a bagi hasil proposed,
// approved and paid, and a member's slip; the same forms without JavaScript; no one else sees them.

const SCREEN = { width: 360, height: 740 };
const SHOTS = "/tmp/shots-anggota";
const look = screenshots("members");

async function shot(page: Page, name: string, options: { axe: boolean } = { axe: true }) {
  await look(page, name);
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  // axe runs inside the page: not where JavaScript is off (the same markup is checked with it on).
  if (options.axe) expect(await seriousViolations(page), `axe on ${name}`).toEqual([]);
}

function thisMonth() {
  return new Date(Date.now() + 7 * 60 * 60 * 1000).toISOString().slice(0, 7);
}

// Without JavaScript first: the journey below approves this month's bagi hasil, after which no
// work can be recorded for today.
test("the forms work without JavaScript, and a buyer finds nothing there", async ({ browser }) => {
  const page = await signIn(browser, "081200000002", { viewport: SCREEN, javaScriptEnabled: false });
  await page.goto("/kelola/anggota/kerja");
  await page.getByLabel("Anggota", { exact: true }).selectOption({ label: "Cucu Sumiati" });
  await page.getByRole("button", { name: "Catat hasil kerja" }).click();
  await expect(page.getByText("Isi jumlah dibuat atau jam kerja.")).toBeVisible();
  await page.getByLabel("Jumlah dibuat (buah)").fill("24");
  await page.getByRole("button", { name: "Catat hasil kerja" }).click();
  await expect(page.getByText("24 buah").first()).toBeVisible();
  await shot(page, "07-work-no-js", { axe: false });

  // The month before last was approved and paid: its payout forms are gone, the slips stay.
  await page.goto("/kelola/bagi-hasil");
  await page.getByRole("link", { name: /^BH-/ }).last().click();
  await expect(page.getByText("Lunas").first()).toBeVisible();
  await page.context().close();

  const buyer = await signIn(browser, "081300000001", { viewport: SCREEN });
  for (const path of ["/kelola/anggota", "/kelola/anggota/kerja", "/kelola/bagi-hasil"]) {
    const response = await buyer.goto(path);
    expect(response?.status(), path).toBe(404);
  }
  await buyer.context().close();
});

test("the ketua keeps members, records hours, shares a month's income and prints a slip", async ({
  browser,
}) => {
  const page = await signIn(browser, "081200000001", { viewport: SCREEN });
  await page.goto("/kelola/anggota");
  await expect(page.getByRole("heading", { name: "Anggota", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "11 anggota aktif" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Sudah keluar" })).toBeVisible();
  await shot(page, "01-members");

  await page.getByText("+ Tambah anggota").click();
  await page.getByLabel("Nama").fill("Ai Nurhayati");
  await page.getByLabel("RW", { exact: true }).fill("6");
  await page.getByRole("button", { name: "Simpan" }).click();
  await expect(page.getByRole("link", { name: "Ai Nurhayati" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "12 anggota aktif" })).toBeVisible();

  await page.getByRole("link", { name: "Hasil kerja" }).click();
  await page.getByLabel("Anggota", { exact: true }).selectOption({ label: "Ai Nurhayati" });
  await page.getByLabel("Jam kerja").fill("6");
  await page.getByLabel("Catatan", { exact: true }).fill("Menganyam besek");
  await page.getByRole("button", { name: "Catat hasil kerja" }).click();
  await expect(page.getByText("Menganyam besek")).toBeVisible();
  await shot(page, "02-work");

  await page.getByRole("link", { name: "Bagi hasil" }).click();
  await expect(page.getByRole("link", { name: /^BH-/ }).first()).toBeVisible();
  await page.getByLabel("Dari bulan").fill(thisMonth());
  await page.getByLabel("Dibagi menurut").selectOption("HOURS");
  await page.getByRole("button", { name: "Hitung usulan" }).click();
  await expect(page.getByRole("heading", { name: /Usulan bagi hasil/ })).toBeVisible();
  await expect(page.getByRole("rowheader", { name: "Ai Nurhayati" })).toBeVisible();
  await shot(page, "03-proposal");

  await page.getByRole("button", { name: "Simpan usulan" }).click();
  await expect(page.getByRole("heading", { name: `BH-${thisMonth()}`, level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "Setujui" }).click();
  await expect(page.getByText("Disetujui")).toBeVisible();
  const pay = page.getByLabel("Jumlah dibayar: Ai Nurhayati");
  await pay.fill("999.999.999");
  await page.locator("form", { has: pay }).getByRole("button", { name: "Catat pembayaran" }).click();
  await expect(page.getByText(/Melebihi sisa bagiannya/)).toBeVisible();
  await shot(page, "04-distribution");

  await page.getByRole("link", { name: "Slip: Ai Nurhayati" }).click();
  await expect(page.getByRole("heading", { name: `Slip bagi hasil BH-${thisMonth()}` })).toBeVisible();
  await expect(page.getByText("Belum ada pembayaran.")).toBeVisible();
  await shot(page, "05-slip");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Cetak" })).toBeHidden();
  await page.screenshot({ path: `${SHOTS}/06-slip-print.png`, fullPage: true });
  await page.context().close();
});
