import { expect, test } from "@playwright/test";

// Uploading with JavaScript shows progress; when the server refuses the file, the page shows
// the reason and keeps what was typed.
test.use({ viewport: { width: 390, height: 844 }, locale: "id-ID" });

test("a renamed non-photo is refused with a clear message, keeping the typed fields", async ({ page }) => {
  await page.goto("/masuk");
  await page.getByLabel("Nomor HP atau email").fill("081200000003");
  await page.getByLabel("Kata sandi").fill("lembang-sejahtera");
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page.getByRole("button", { name: "Keluar" })).toBeVisible();
  await page.goto("/kelola/produk/baru");
  const uploads: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST")
      uploads.push(`${request.resourceType()} ${new URL(request.url()).pathname}`);
  });
  await page.getByLabel("Foto produk").setInputFiles({
    name: "foto.jpg",
    mimeType: "image/jpeg",
    buffer: Buffer.from("bukan foto, hanya teks"),
  });
  await page.getByLabel("Nama produk").fill("Karamel susu cokelat");
  await page.getByLabel("Kategori", { exact: true }).selectOption({ label: "Olahan susu" });
  await page.getByLabel("Harga (Rp)", { exact: true }).fill("16000");
  await page.getByRole("button", { name: "Simpan produk" }).click();
  await expect(page.getByText("File ini bukan foto JPEG, PNG, WebP atau HEIC.")).toBeVisible();
  await expect(page.getByLabel("Nama produk")).toHaveValue("Karamel susu cokelat");
  await expect(page).toHaveURL(/\/kelola\/produk\/baru$/);
  // Sent once with upload progress (XMLHttpRequest), then again the Remix way to show the reply.
  expect(uploads).toEqual(["xhr /kelola/produk/baru", "fetch /kelola/produk/baru.data"]);
});
