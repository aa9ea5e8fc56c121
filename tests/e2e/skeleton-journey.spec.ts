import fs from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import sharp from "sharp";
import { catalogs } from "../../app/locales";
import { queryValue } from "./db";

// The walking skeleton, as three people would walk it: a group manager lists a product from her
// phone, a buyer orders it, the manager confirms, delivers and records the money, and a TKM
// officer sees the income. Every page visited is saved as a screenshot.

const PASSWORD = "lembang-sejahtera";
const MANAGER = "0812-0000-0001"; // Euis, ketua of KUBE Perempuan Mandiri (Jayagiri)
const BUYER = "081300000001"; // Dadang, Toko Oleh-oleh Rasa Lembang
const TKM = "+62 814 0000 0001"; // Nining, TKM Desa Jayagiri
const PHONE = { width: 390, height: 844 };
const SCREENS = "tests/artifacts/screens";
const CATALOG_KEYS = Object.keys(catalogs.id);

let shot = 0;
async function look(page: Page, name: string) {
  // No page may show a raw catalog key instead of words.
  const text = await page.locator("body").innerText();
  const raw = CATALOG_KEYS.filter((key) => text.includes(key));
  expect(raw, `raw catalog keys on ${name}`).toEqual([]);
  shot += 1;
  fs.mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: `${SCREENS}/${String(shot).padStart(2, "0")}-${name}.png`, fullPage: true });
}

async function signIn(browser: Browser, identifier: string, viewport = PHONE) {
  const context = await browser.newContext({ viewport, locale: "id-ID" });
  const page = await context.newPage();
  await page.goto("/masuk");
  await look(page, "masuk");
  await page.getByLabel("Nomor HP atau email").fill(identifier);
  await page.getByLabel("Kata sandi").fill(PASSWORD);
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page.getByRole("button", { name: "Keluar" })).toBeVisible();
  return page;
}

const rupiah = (text: string) => Number(text.replace(/[^\d]/g, ""));

test("a product goes from a manager's phone to a buyer's order to the TKM's income report", async ({
  browser,
}) => {
  const productName = `Tas anyaman pandan ${Date.now() % 100000}`;

  // The TKM officer's view before: this month's income of the group.
  const tkm = await signIn(browser, TKM, { width: 1280, height: 900 });
  await tkm.getByRole("link", { name: "Pemantauan" }).click();
  await expect(tkm.getByRole("heading", { name: "Pemantauan KUBE" })).toBeVisible();
  // The groups table: this month's income is the first figure.
  const groupRow = tkm.getByRole("row", { name: /KUBE Perempuan Mandiri/ });
  const incomeBefore = rupiah(await groupRow.getByRole("cell").nth(0).innerText());
  await expect(tkm.getByRole("row", { name: /KUBE Saluyu/ })).toHaveCount(0);
  await look(tkm, "tkm-sebelum");

  // 1. The group manager adds a product with a photo from her phone.
  const manager = await signIn(browser, MANAGER);
  await manager.getByRole("link", { name: "Kelola Toko", exact: true }).click();
  await look(manager, "kelola-toko");
  await manager.getByRole("link", { name: /Tambah produk/ }).click();
  const photo = await sharp({
    create: { width: 1600, height: 1200, channels: 3, background: { r: 140, g: 170, b: 90 } },
  })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .toBuffer();
  await manager
    .getByLabel("Foto produk")
    .setInputFiles({ name: "IMG_20261127.jpg", mimeType: "image/jpeg", buffer: photo });
  await manager.getByLabel("Nama produk").fill(productName);
  await manager.getByLabel("Kategori", { exact: true }).selectOption({ label: "Anyaman bambu" });
  await manager.getByLabel("Harga (Rp)", { exact: true }).fill("45000");
  await manager.getByLabel("Satuan", { exact: true }).selectOption({ label: "pcs" });
  await manager.getByLabel("Minimal pemesanan", { exact: true }).fill("10");
  await manager.getByLabel("Stok siap", { exact: true }).fill("50");
  await manager.getByLabel("Keterangan").fill("Anyaman pandan buatan ibu-ibu RW 08.");
  await look(manager, "tambah-produk");
  await manager.getByRole("button", { name: "Simpan produk" }).click();
  await expect(manager.getByRole("heading", { name: productName })).toBeVisible();
  const image = manager.getByRole("img", { name: productName });
  await expect(image).toBeVisible();
  // Upright: the sideways 1600 × 1200 photo is shown taller than wide.
  const size = await image.evaluate((img: HTMLImageElement) => ({
    w: img.naturalWidth,
    h: img.naturalHeight,
  }));
  expect(size.h).toBeGreaterThan(size.w);
  await look(manager, "produk-baru");

  // She adds a cheaper price for 20 pieces or more from her shop page.
  await manager.getByRole("link", { name: "Kelola Toko", exact: true }).click();
  await manager.getByRole("link", { name: productName }).click();
  await expect(manager.getByRole("heading", { name: "Ubah produk" })).toBeVisible();
  await manager.getByText("Harga bertingkat (tidak wajib)").click();
  await manager.getByLabel("Tingkat 1: mulai jumlah").fill("20");
  await manager.getByLabel("Tingkat 1: harga (Rp)").fill("40000");
  await look(manager, "ubah-produk");
  await manager.getByRole("button", { name: "Simpan produk" }).click();
  await expect(manager.getByText("Perubahan tersimpan.")).toBeVisible();

  // 2. The buyer finds it in the catalog and orders, first too few, then enough.
  const buyer = await signIn(browser, BUYER);
  await buyer
    .getByRole("navigation", { name: "Menu utama" })
    .getByRole("link", { name: "Produk", exact: true })
    .click();
  await expect(buyer.getByRole("heading", { name: "Produk", exact: true, level: 1 })).toBeVisible();
  await look(buyer, "katalog");
  // Lower case, no accents, part of a word: search forgives all three.
  await buyer.getByRole("searchbox", { name: "Cari produk" }).fill("anyaman PAND");
  await buyer.getByRole("button", { name: "Cari", exact: true }).click();
  await expect(buyer.getByText(/produk untuk “anyaman PAND”/)).toBeVisible();
  await look(buyer, "katalog-cari");
  await buyer.getByRole("link", { name: new RegExp(productName) }).click();
  await expect(buyer.getByRole("heading", { name: productName })).toBeVisible();
  await buyer.getByLabel(/Jumlah/).fill("5");
  await buyer.getByRole("button", { name: "Tambah ke keranjang" }).click();
  await expect(buyer.getByText("Minimal pemesanan 10.")).toBeVisible();
  await look(buyer, "pesan-kurang-dari-minimal");
  await buyer.getByLabel(/Jumlah/).fill("12");
  await buyer.getByRole("button", { name: "Tambah ke keranjang" }).click();
  await expect(buyer.getByText("Produk ditambahkan ke keranjang.")).toBeVisible();
  await look(buyer, "keranjang");
  await buyer.getByRole("link", { name: "Lanjut ke checkout" }).click();
  await expect(buyer.getByRole("heading", { name: "Checkout", level: 1 })).toBeVisible();
  await buyer.getByLabel("Transfer bank").check();
  await look(buyer, "checkout");
  await buyer.getByRole("button", { name: /^Buat pesanan/ }).click();
  await expect(buyer.getByText(/pesanan terkirim ke kelompok/)).toBeVisible();
  await look(buyer, "pesanan-terkirim");
  await buyer.getByRole("status").getByRole("link").first().click();
  // The list behind shows the same status words: wait for the order's own page.
  await buyer.waitForURL(/\/pesanan\/JJR-/);
  await expect(buyer.getByText("Menunggu konfirmasi").first()).toBeVisible();
  const orderNumber = (await buyer.getByRole("heading", { level: 1 }).innerText()).trim();
  expect(orderNumber).toMatch(/^JJR-\d{4}-[A-Z2-9]{5}$/);
  await look(buyer, "pesanan-dibuat");

  // 3. The manager confirms, ships, marks it received and records the transfer.
  await manager.getByRole("link", { name: "Kelola Toko", exact: true }).click();
  await manager.getByRole("link", { name: new RegExp(orderNumber) }).click();
  await look(manager, "pesanan-masuk");
  await manager.getByRole("button", { name: "Konfirmasi pesanan" }).click();
  await expect(manager.getByText("Dikonfirmasi").first()).toBeVisible();
  await manager.getByRole("button", { name: "Tandai dikirim" }).click();
  await expect(manager.getByText("Dikirim").first()).toBeVisible();
  await manager.getByRole("button", { name: "Tandai sudah diterima pembeli" }).click();
  await expect(manager.getByRole("button", { name: "Catat pembayaran" })).toBeVisible();
  await look(manager, "catat-pembayaran");
  await expect(manager.getByLabel("Jumlah diterima (Rp)")).toHaveValue("540.000");
  await manager.getByLabel("Nomor referensi transfer").fill("TRF-2611-001");
  await manager.getByRole("button", { name: "Catat pembayaran" }).click();
  await expect(manager.getByText("Selesai").first()).toBeVisible();
  const managerTimeline = manager.getByRole("region", { name: "Riwayat pesanan" });
  for (const step of [
    "Menunggu konfirmasi",
    "Dikonfirmasi",
    "Dikirim",
    "Diterima",
    "Pembayaran diterima Rp540.000",
    "Selesai",
  ]) {
    await expect(managerTimeline.getByText(step, { exact: true })).toBeVisible();
  }
  await look(manager, "pesanan-selesai");

  // The buyer sees the same timeline.
  await buyer.reload();
  const buyerTimeline = buyer.getByRole("region", { name: "Riwayat pesanan" });
  for (const step of ["Dikonfirmasi", "Dikirim", "Diterima", "Selesai"]) {
    await expect(buyerTimeline.getByText(step, { exact: true })).toBeVisible();
  }
  await expect(buyer.getByText("Lunas")).toBeVisible();
  await look(buyer, "pesanan-pembeli-selesai");

  // 4. The TKM officer sees this month's income grown by the order, and nothing outside the village.
  await tkm.reload();
  const incomeAfter = rupiah(
    await tkm
      .getByRole("row", { name: /KUBE Perempuan Mandiri/ })
      .getByRole("cell")
      .nth(0)
      .innerText(),
  );
  expect(incomeAfter - incomeBefore).toBe(540_000);
  await look(tkm, "tkm-sesudah");
  await tkm.getByRole("link", { name: "KUBE Perempuan Mandiri" }).click();
  await expect(tkm.getByText(orderNumber)).toBeVisible();
  await look(tkm, "tkm-kelompok");

  const outside = await queryValue(`SELECT id FROM "Group" WHERE slug = $1`, ["kube-saluyu"]);
  expect(outside).not.toBe("");
  const response = await tkm.goto(`/tkm/kelompok/${outside}`);
  expect(response?.status()).toBe(404);
  await expect(tkm.getByRole("heading", { name: "Halaman tidak ditemukan" })).toBeVisible();
  await look(tkm, "tkm-di-luar-wilayah");

  // And the buyer cannot open another business's order.
  const foreignOrder = await queryValue(
    `SELECT "number" FROM "Order" WHERE "businessId" <> (SELECT "businessId" FROM "Order" WHERE "number" = $1) LIMIT 1`,
    [orderNumber],
  );
  expect((await buyer.goto(`/pesanan/${foreignOrder}`))?.status()).toBe(404);
});

test("the storefront speaks English when asked and keeps the choice", async ({ browser }) => {
  const context = await browser.newContext({ viewport: PHONE, locale: "id-ID" });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Lihat produk" })).toBeVisible();
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("link", { name: "Browse products" })).toBeVisible();
  await page.goto("/produk");
  await expect(page.getByRole("heading", { name: "Products", exact: true, level: 1 })).toBeVisible();
  await look(page, "katalog-english");
  const missing = await page.goto("/tidak-ada");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await look(page, "404-english");
});
