import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { queryValue } from "./db";

// A draft has no public page. Saving one with JavaScript (the photo goes up with a progress bar)
// must store one product and bring the manager back to her shop, not to a 404 page.
test.use({ viewport: { width: 390, height: 844 }, locale: "id-ID" });

test("saving a draft stores one product and shows it saved, with a link to edit it", async ({ page }) => {
  const name = `Rengginang ketan ${Date.now()}`;
  await page.goto("/masuk");
  await page.getByLabel("Nomor HP atau email").fill("081200000001");
  await page.getByLabel("Kata sandi").fill("lembang-sejahtera");
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page.getByRole("button", { name: "Keluar" })).toBeVisible();
  await page.goto("/kelola/produk/baru");
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST")
      posts.push(`${request.resourceType()} ${new URL(request.url()).pathname}`);
  });

  const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: "#d9b26f" } })
    .jpeg()
    .toBuffer();
  await page
    .getByLabel("Foto produk")
    .setInputFiles({ name: "rengginang.jpg", mimeType: "image/jpeg", buffer: photo });
  await page.getByLabel("Nama produk").fill(name);
  await page.getByLabel("Kategori", { exact: true }).selectOption({ index: 1 });
  // Typed key by key, the price shows its thousands as people write them.
  const price = page.getByLabel("Harga (Rp)", { exact: true });
  await price.pressSequentially("35000");
  await expect(price).toHaveValue("35.000");
  await page.getByLabel("Belum, simpan sebagai draf").check();
  await page.getByRole("button", { name: "Simpan produk" }).click();

  await expect(page).toHaveURL(/\/kelola\?tersimpan=/);
  await expect(page.getByRole("status").filter({ hasText: "Tersimpan" })).toContainText(name);
  await expect(page.getByRole("link", { name: `Ubah ${name}` })).toBeVisible();
  expect(await queryValue(`SELECT COUNT(*) FROM "Product" WHERE name = $1`, [name])).toBe("1");
  expect(await queryValue(`SELECT price FROM "Product" WHERE name = $1`, [name])).toBe("35000");
  expect(await queryValue(`SELECT status FROM "Product" WHERE name = $1`, [name])).toBe("DRAFT");
  expect(posts).toEqual(["xhr /kelola/produk/baru"]);

  await page.getByRole("link", { name: `Ubah ${name}` }).click();
  await expect(page.getByRole("heading", { name: "Ubah produk" })).toBeVisible();
  await expect(page.getByLabel("Nama produk")).toHaveValue(name);
});
