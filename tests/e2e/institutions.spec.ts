import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { catalogs } from "../../app/locales";
import { seriousViolations } from "./a11y";
import { signIn } from "./look";

// A TKM officer on a small phone records what an institution gave a group, then holds the routine
// meeting: she starts from the agenda, closes an overdue follow-up with a note, sets a new one, and
// prints the minutes. Also without JavaScript. Screenshots go to SHOTS to be looked at.

const SMALL_PHONE = { width: 360, height: 740 };
const SHOTS = process.env.INSTITUTION_SHOTS ?? "/tmp/shots-c";
const TKM = "081400000001";
const CATALOG_KEYS = Object.keys(catalogs.id);

async function look(page: Page, name: string, options: { axe?: boolean } = {}) {
  const text = await page.locator("body").innerText();
  expect(
    CATALOG_KEYS.filter((key) => /^(inst|meet)\./.test(key) && text.includes(key)),
    `raw keys on ${name}`,
  ).toEqual([]);
  const width = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    screen: window.innerWidth,
  }));
  expect(width.page, `${name} is wider than the screen`).toBeLessThanOrEqual(width.screen);
  if (options.axe !== false) expect(await seriousViolations(page), `axe on ${name}`).toEqual([]);
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

test("TKM records aid from an institution and a meeting that closes an overdue follow-up", async ({
  browser,
}) => {
  const page = await signIn(browser, TKM, { viewport: SMALL_PHONE });
  await page.goto("/tkm/lembaga");
  await expect(page.getByRole("heading", { level: 1, name: "Lembaga mitra" })).toBeVisible();
  await expect(page.getByRole("link", { name: "DKUKM Kabupaten Bandung Barat" }).first()).toBeVisible();
  // The neighbouring village's BUMDes is not this team's.
  await expect(page.getByText("BUMDes Cikahuripan")).toHaveCount(0);
  await look(page, "e2e-lembaga");

  await page.getByRole("link", { name: "Catat dukungan" }).first().click();
  await page.getByLabel("Lembaga", { exact: true }).selectOption({ label: "BUMDes Jayagiri (BUMDes)" });
  await page
    .getByLabel("Kelompok", { exact: true })
    .selectOption({ label: "KUBE Perempuan Mandiri — Jayagiri" });
  await page.getByLabel("Jenis dukungan").selectOption("TRAINING");
  await page.getByLabel("Nama kegiatan atau bantuan").fill("Pelatihan pemasaran daring");
  await page.getByLabel("Jumlah (Rp)").fill("500.000");
  await page.getByRole("button", { name: "Simpan dukungan" }).click();
  await expect(page.getByText("Kosongkan jumlah")).toBeVisible();
  await expect(page.getByLabel("Nama kegiatan atau bantuan")).toHaveValue("Pelatihan pemasaran daring");
  await page.getByLabel("Jenis dukungan").selectOption("AID_MONEY");
  await page.getByRole("button", { name: "Simpan dukungan" }).click();
  await expect(page.getByRole("status")).toHaveText("Dukungan tercatat.");
  const recorded = page.getByRole("listitem").filter({ hasText: "Pelatihan pemasaran daring" });
  await expect(recorded.getByText("Rp500.000")).toBeVisible();
  await expect(recorded.getByText("Tercatat di buku kas kelompok")).toBeVisible();
  await look(page, "e2e-lembaga-id");

  await page.goto("/tkm/rapat/baru");
  const overdue = page.getByRole("listitem").filter({ hasText: "Susun proposal bantuan mesin jahit" });
  await expect(overdue.getByText(/Lewat tenggat/)).toBeVisible();
  await look(page, "e2e-rapat-baru");
  await overdue.getByLabel("Sudah selesai").check();
  await overdue.getByLabel("Apa yang sudah dikerjakan").fill("Proposal dikirim ke DKUKM");
  await page.getByLabel("Yang hadir").fill("Nining Rusmini\nAgus Supriatna");
  await page.getByLabel("Keputusan").fill("Kirim foto produk baru ke BUMDes");
  await page.locator("#followup-0-text").fill("Tanyakan jadwal pameran kabupaten");
  await page.locator("#followup-0-owner").fill("Agus Supriatna");
  await page.locator("#followup-0-due").fill("2099-01-15");
  await page.getByRole("button", { name: "Simpan rapat" }).click();
  await expect(page.getByRole("status")).toHaveText("Rapat tercatat.");
  await expect(page.getByText("Proposal dikirim ke DKUKM")).toBeVisible();
  await look(page, "e2e-rapat-id");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Cetak notulen" })).toBeHidden();
  await page.screenshot({ path: `${SHOTS}/e2e-rapat-id-print.png`, fullPage: true });

  await page.emulateMedia({ media: "screen" });
  await page.goto("/tkm/rapat");
  await expect(page.getByText("Susun proposal bantuan mesin jahit")).toHaveCount(0);
  await expect(page.getByText("Tanyakan jadwal pameran kabupaten")).toBeVisible();
});

test("the meeting form works without JavaScript and keeps what was typed when refused", async ({
  browser,
}) => {
  const page = await signIn(browser, TKM, { viewport: SMALL_PHONE, javaScriptEnabled: false });
  await page.goto("/tkm/rapat/baru");
  await page.getByLabel("Tempat").fill("Balai Desa Jayagiri");
  await page.getByLabel("Yang hadir").fill("Nining Rusmini");
  await page.locator("#followup-1-text").fill("Hubungi PKK");
  await page.getByRole("button", { name: "Simpan rapat" }).click();
  await expect(page.getByText("Tulis siapa penanggung jawabnya.")).toBeVisible();
  await expect(page.getByText("Isi tanggal tenggat.")).toBeVisible();
  await expect(page.getByLabel("Yang hadir")).toHaveValue("Nining Rusmini");
  await expect(page.getByLabel("Tempat")).toHaveValue("Balai Desa Jayagiri");
  await expect(page.locator("#followup-1-text")).toHaveValue("Hubungi PKK");
  await look(page, "e2e-rapat-refused", { axe: false });
});
