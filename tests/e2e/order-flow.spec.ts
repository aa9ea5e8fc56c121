import fs from "node:fs";
import sharp from "sharp";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { catalogs } from "../../app/locales";
import { seriousViolations, smallTargets } from "./a11y";
import { queryValue } from "./db";

// The pages behind sign-in, on a phone: cart, checkout, both sides of an order with its papers,
// konsinyasi, and the TKM's tempo terms. Each is checked with axe and for 44 px targets, and saved
// as a screenshot to look at.

const PASSWORD = "lembang-sejahtera";
const PHONE = { width: 390, height: 844 };
const SCREENS = "tests/artifacts/screens";
const CATALOG_KEYS = Object.keys(catalogs.id);

async function check(page: Page, name: string) {
  const text = await page.locator("body").innerText();
  expect(
    CATALOG_KEYS.filter((key) => text.includes(key)),
    `raw catalog keys on ${name}`,
  ).toEqual([]);
  expect(await seriousViolations(page), `axe on ${name}`).toEqual([]);
  expect(await smallTargets(page), `small targets on ${name}`).toEqual([]);
  // Nothing may push the page sideways on a phone.
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth),
    `width of ${name}`,
  ).toBeLessThanOrEqual(PHONE.width);
  fs.mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: `${SCREENS}/flow-${name}.png`, fullPage: true });
}

async function signIn(browser: Browser, identifier: string) {
  const context = await browser.newContext({ viewport: PHONE, locale: "id-ID" });
  const page = await context.newPage();
  await page.goto("/masuk");
  await page.getByLabel("Nomor HP atau email").fill(identifier);
  await page.getByLabel("Kata sandi").fill(PASSWORD);
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page.getByRole("button", { name: "Keluar" })).toBeVisible();
  return page;
}

test("a buyer orders through cart and checkout; the group confirms, sends part, and both see the papers", async ({
  browser,
}) => {
  const buyer = await signIn(browser, "081300000004");
  await buyer.goto("/produk/dodol-susu-lembang");
  await buyer.getByLabel(/Jumlah/).fill("24");
  await buyer.getByRole("button", { name: "Tambah ke keranjang" }).click();
  await expect(buyer.getByText("Produk ditambahkan ke keranjang.")).toBeVisible();
  await check(buyer, "keranjang");
  await buyer.getByRole("link", { name: "Lanjut ke checkout" }).click();
  await expect(buyer.getByRole("heading", { name: "Checkout", level: 1 })).toBeVisible();
  await check(buyer, "checkout");
  await buyer.getByRole("button", { name: /^Buat pesanan/ }).click();
  await expect(buyer.getByText(/pesanan terkirim ke kelompok/)).toBeVisible();
  const number = (await buyer.getByRole("status").getByRole("link").first().innerText()).trim();
  await buyer.getByRole("status").getByRole("link").first().click();
  await expect(buyer.getByRole("heading", { name: number })).toBeVisible();
  await check(buyer, "pesanan-pembeli");

  const managerPhone = await queryValue(
    `SELECT u."phone" FROM "Order" o JOIN "GroupMember" m ON m."groupId" = o."groupId" JOIN "User" u ON u."id" = m."userId"
     WHERE o."number" = $1 AND m."role" = 'KETUA'`,
    [number],
  );
  const manager = await signIn(browser, managerPhone);
  await manager.goto(`/kelola/pesanan/${number}`);
  await check(manager, "pesanan-masuk");
  await manager.getByRole("button", { name: "Konfirmasi pesanan" }).click();
  await expect(manager.getByText("Dikonfirmasi").first()).toBeVisible();
  // Half now, half later.
  await manager.getByLabel(/Dodol susu Lembang: kirim sekarang/).fill("12");
  await manager.getByRole("button", { name: "Tandai dikirim" }).click();
  await expect(manager.getByText(/Pengiriman ke-1: 12 dikirim, sisa 12/)).toBeVisible();
  await check(manager, "kirim-sebagian");
  await manager.getByRole("link", { name: /^Tagihan TAG\// }).click();
  await expect(manager.getByRole("heading", { name: "Tagihan", level: 1 })).toBeVisible();
  await check(manager, "tagihan");
  const pdf = await manager.request.get(`/dokumen/${number}/pdf/tagihan`);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

  await buyer.reload();
  await buyer.getByRole("link", { name: "Surat jalan pengiriman ke-1" }).click();
  await expect(buyer.getByRole("heading", { name: "Surat Jalan", level: 1 })).toBeVisible();
  await check(buyer, "surat-jalan");

  await buyer.goto("/alamat");
  await expect(buyer.getByRole("heading", { name: "Alamat pengiriman", level: 1 })).toBeVisible();
  await check(buyer, "alamat");
});

test("konsinyasi for the group and the shop, and tempo terms for the TKM", async ({ browser }) => {
  const manager = await signIn(browser, "081200000001");
  await manager.goto("/kelola/konsinyasi");
  await expect(manager.getByRole("button", { name: "Uang diterima" })).toBeVisible();
  await check(manager, "konsinyasi-kelompok");
  const shop = await signIn(browser, "081300000001");
  await shop.goto("/konsinyasi");
  await expect(shop.getByRole("button", { name: "Kirim laporan" })).toBeVisible();
  await check(shop, "konsinyasi-toko");
  const tkm = await signIn(browser, "081400000001");
  await tkm.goto("/tkm/pembeli");
  await expect(tkm.getByRole("heading", { name: "Tempo untuk pembeli" })).toBeVisible();
  await check(tkm, "tkm-tempo");
});

test("a manager tells buyers about the group: story, photo and bank account", async ({ browser }) => {
  const manager = await signIn(browser, "081200000006");
  await manager.goto("/kelola");
  await manager.getByRole("link", { name: "Profil kelompok" }).click();
  await expect(manager.getByRole("heading", { name: "Profil kelompok" })).toBeVisible();
  await check(manager, "profil-kelompok");
  const story = "Kami ibu-ibu Cihideung yang membuat keripik dan dodol susu sejak 2020.";
  await manager.getByLabel("Cerita kelompok").fill(story);
  await manager.getByLabel("Nama bank").fill("BJB");
  await manager.getByLabel("Nomor rekening").fill("12ab");
  await manager.getByLabel("Atas nama").fill("KUBE Cihideung");
  await manager.getByRole("button", { name: "Simpan profil" }).click();
  await expect(manager.getByText("Nomor rekening berisi 5 sampai 20 angka.")).toBeVisible();
  await check(manager, "profil-salah");
  await manager.getByLabel("Nomor rekening").fill("0987 6543 21");
  const photo = await sharp({ create: { width: 1200, height: 900, channels: 3, background: "#b45f3c" } })
    .jpeg()
    .toBuffer();
  await manager
    .getByLabel("Foto kelompok")
    .setInputFiles({ name: "kube.jpg", mimeType: "image/jpeg", buffer: photo });
  await manager.getByRole("button", { name: "Simpan profil" }).click();
  await expect(manager.getByRole("status").filter({ hasText: "Profil tersimpan." })).toBeVisible();
  await expect(manager.getByRole("img", { name: "Foto kelompok sekarang" })).toBeVisible();
  await check(manager, "profil-tersimpan");
  await manager.getByRole("link", { name: "Lihat halaman kelompok" }).click();
  await expect(manager.getByText(story)).toBeVisible();
  await check(manager, "profil-halaman-publik");
});
