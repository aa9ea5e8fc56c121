import { expect, test } from "@playwright/test";

// Cheap phones on weak signal may not run our JavaScript: signing in, ordering and the messages
// for bad input must work as plain HTML forms.
test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 740 }, locale: "id-ID" });

test("a buyer signs in and orders with JavaScript turned off", async ({ page }) => {
  await page.goto("/masuk");
  await page.getByLabel("Nomor HP atau email").fill("081300000002");
  await page.getByLabel("Kata sandi").fill("salah-sandi-nih");
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page.getByText("Nomor HP/email atau kata sandi salah.")).toBeVisible();
  // What was typed stays; the password does not.
  await expect(page.getByLabel("Nomor HP atau email")).toHaveValue("081300000002");
  await expect(page.getByLabel("Kata sandi")).toHaveValue("");
  await page.getByLabel("Kata sandi").fill("lembang-sejahtera");
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page.getByRole("button", { name: "Keluar" })).toBeVisible();

  await page.goto("/produk/dodol-susu-lembang");
  await page.getByLabel(/Jumlah/).fill("30");
  await page.getByRole("button", { name: "Tambah ke keranjang" }).click();
  await expect(page.getByText("Jumlah harus kelipatan 12.")).toBeVisible();
  await expect(page.getByLabel(/Jumlah/)).toHaveValue("30");

  await page.getByLabel(/Jumlah/).fill("36");
  await page.getByRole("button", { name: "Tambah ke keranjang" }).click();
  await expect(page.getByText("Produk ditambahkan ke keranjang.")).toBeVisible();
  await page.getByRole("link", { name: "Lanjut ke checkout" }).click();
  // The business's saved address is already chosen; only a note for the seller is added.
  await page.getByLabel("Catatan untuk penjual").fill("Kirim hari Sabtu");
  await page.getByRole("button", { name: /^Buat pesanan/ }).click();
  await expect(page.getByText(/pesanan terkirim ke kelompok/)).toBeVisible();
  await page.getByRole("status").getByRole("link").first().click();
  // The list behind shows the same status words: wait for the order's own page.
  await page.waitForURL(/\/pesanan\/JJR-/);
  await expect(page.getByText("Menunggu konfirmasi").first()).toBeVisible();
  await expect(page.getByText("36 pak").first()).toBeVisible();
  await expect(page.getByText("Kirim hari Sabtu")).toBeVisible();
});

test("a manager's refused form keeps what was typed, and the profile saves, without JavaScript", async ({
  page,
}) => {
  await page.goto("/masuk");
  await page.getByLabel("Nomor HP atau email").fill("081200000005");
  await page.getByLabel("Kata sandi").fill("lembang-sejahtera");
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page.getByRole("button", { name: "Keluar" })).toBeVisible();

  // Konsinyasi: more than the stock is refused by the server; the page comes back filled in.
  await page.goto("/kelola/konsinyasi");
  const options = await page.locator("#c-product option").allTextContents();
  const stocked = options.find((text) => /\(Stok: \d+\)/.test(text)) ?? "";
  const stock = Number(/\(Stok: (\d+)\)/.exec(stocked)?.[1]);
  await page.getByLabel("Produk", { exact: true }).selectOption({ label: stocked });
  await page.getByLabel("Toko", { exact: true }).selectOption({ index: 1 });
  await page.getByLabel("Jumlah dititipkan").fill(String(stock + 1000));
  await page.getByLabel("Harga jual per satuan (Rp)").fill("15000");
  await page.getByRole("button", { name: "Titipkan" }).click();
  await expect(page.getByText("Stok tidak cukup untuk dititipkan.")).toBeVisible();
  await expect(page.getByLabel("Produk", { exact: true })).toHaveValue(/.+/);
  await expect(page.getByLabel("Jumlah dititipkan")).toHaveValue(String(stock + 1000));
  await expect(page.getByLabel("Harga jual per satuan (Rp)")).toHaveValue("15.000");

  // The group profile is a plain form too.
  await page.goto("/kelola/profil");
  await page.getByLabel("Cerita kelompok").fill("Kelompok kami membuat olahan susu sejak 2019.");
  await page.getByRole("button", { name: "Simpan profil" }).click();
  await expect(page.getByText("Profil tersimpan.")).toBeVisible();
  await expect(page.getByLabel("Cerita kelompok")).toHaveValue(
    "Kelompok kami membuat olahan susu sejak 2019.",
  );
});
