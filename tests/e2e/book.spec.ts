import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { catalogs } from "../../app/locales";
import { seriousViolations } from "./a11y";
import { signIn } from "./look";

// The treasurer keeps the group's cash book on a small phone: she adds a line, corrects it,
// filters, and prints; with JavaScript and without. Screenshots go to SHOTS to be looked at.

const SMALL_PHONE = { width: 360, height: 740 };
const SHOTS = process.env.BOOK_SHOTS ?? "/tmp/shots-kas";
const TREASURER = "081200000002";
const CATALOG_KEYS = Object.keys(catalogs.id);

async function look(page: Page, name: string, options: { axe?: boolean } = {}) {
  const text = await page.locator("body").innerText();
  expect(
    CATALOG_KEYS.filter((key) => key.startsWith("book.") && text.includes(key)),
    `raw keys on ${name}`,
  ).toEqual([]);
  const width = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    screen: window.innerWidth,
  }));
  expect(width.page, `${name} is wider than the screen`).toBeLessThanOrEqual(width.screen);
  // axe runs as a script in the page: not on a page with JavaScript off (its HTML is the same).
  if (options.axe !== false) expect(await seriousViolations(page), `axe on ${name}`).toEqual([]);
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

test("the treasurer adds a line, corrects it, filters and prints the book", async ({ browser }) => {
  const page = await signIn(browser, TREASURER, { viewport: SMALL_PHONE });
  await page.goto("/kelola");
  await page.getByRole("link", { name: "Buku kas" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Buku kas" })).toBeVisible();
  await look(page, "book-01-page");

  await page.getByText("Catat uang masuk/keluar").click();
  await page.getByLabel("Pengeluaran").check();
  await page.getByLabel("Kategori", { exact: true }).selectOption({ label: "Bahan baku" });
  await page.getByLabel("Jumlah (Rp)").fill("35.000");
  await page.getByLabel("Keterangan").fill("Benang rajut merah 5 gulung");
  await look(page, "book-02-form");
  await page.getByRole("button", { name: "Simpan ke buku kas" }).click();
  await expect(page.getByRole("status")).toHaveText("Baris tersimpan di buku kas.");
  const line = page.getByRole("listitem").filter({ hasText: "Benang rajut merah 5 gulung" });
  await expect(line).toContainText("−Rp35.000");
  await expect(line).toContainText("Dicatat oleh Neneng Suryani");

  await line.getByText("Koreksi", { exact: true }).click();
  await line.getByLabel("Alasan koreksi").fill("Salah catat, benang belum dibeli");
  await look(page, "book-03-correction");
  await line.getByRole("button", { name: "Catat koreksi" }).click();
  await expect(page.getByRole("status")).toHaveText("Koreksi tersimpan. Baris asli tetap ada.");
  const reversal = page.getByRole("listitem").filter({ hasText: "Alasan: Salah catat, benang belum dibeli" });
  await expect(reversal).toContainText("+Rp35.000");
  await expect(
    page
      .getByRole("listitem")
      .filter({ hasText: "Benang rajut merah 5 gulung" })
      .filter({ hasText: "Sudah dikoreksi" }),
  ).toBeVisible();

  await page.getByLabel("Tampilkan kategori").selectOption({ label: "Bantuan diterima" });
  await page.getByRole("button", { name: "Tampilkan" }).click();
  await expect(page).toHaveURL(/kategori=AID/);
  await expect(page.getByText("Dari: DKUKM Kabupaten Bandung Barat")).toBeVisible();
  await look(page, "book-04-filtered");

  await page.getByRole("link", { name: "Cetak" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Buku kas — KUBE Perempuan Mandiri");
  await expect(page.getByRole("cell", { name: "DKUKM Kabupaten Bandung Barat" })).toBeVisible();
  await look(page, "book-05-print");
  await page.emulateMedia({ media: "print" });
  await page.screenshot({ path: `${SHOTS}/book-06-print-media.png`, fullPage: true });
  await page.context().close();
});

test("without JavaScript a refused line keeps what was typed, then saves", async ({ browser }) => {
  const page = await signIn(browser, TREASURER, { viewport: SMALL_PHONE, javaScriptEnabled: false });
  await page.goto("/kelola/kas");
  await page.getByText("Catat uang masuk/keluar").click();
  await page.getByLabel("Pemasukan").check();
  await page.getByLabel("Kategori", { exact: true }).selectOption({ label: "Bantuan diterima" });
  await page.getByLabel("Jumlah (Rp)").fill("tiga juta");
  await page.getByLabel("Keterangan").fill("Bantuan alat dari desa");
  await page.getByRole("button", { name: "Simpan ke buku kas" }).click();
  await expect(page.getByText("Tulis jumlah rupiah dengan angka, misalnya 35.000 atau 35 rb.")).toBeVisible();
  await expect(page.getByLabel("Keterangan")).toHaveValue("Bantuan alat dari desa");
  await page.getByLabel("Jumlah (Rp)").fill("3.000.000");
  await page.getByRole("button", { name: "Simpan ke buku kas" }).click();
  await expect(page.getByText("Tulis siapa pemberi bantuannya.")).toBeVisible();
  await look(page, "book-07-nojs-refused", { axe: false });
  await page.getByLabel("Pemberi bantuan").fill("Pemerintah Desa Jayagiri");
  await page.getByRole("button", { name: "Simpan ke buku kas" }).click();
  await expect(page.getByRole("status")).toHaveText("Baris tersimpan di buku kas.");
  await expect(page.getByText("Dari: Pemerintah Desa Jayagiri")).toBeVisible();
  await page.context().close();
});

test("a buyer is told the book does not exist", async ({ browser }) => {
  const page = await signIn(browser, "081300000001", { viewport: SMALL_PHONE });
  const response = await page.goto("/kelola/kas");
  expect(response?.status()).toBe(404);
  await page.context().close();
});
