import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { seriousViolations } from "./a11y";
import { screenshots, signIn } from "./look";

// The admin on a 360 px phone: browses the areas tree down to Jayagiri, suspends a buyer with a
// reason (who then cannot sign in, and is told so), finds the suspension in the audit log.
const SHOTS = "/tmp/shots-f";
const PHONE_360 = { width: 360, height: 740 };
const ADMIN = "admin@jejaring.test";
// A buyer no other browser journey signs in as: the suspension stays in the shared database.
const BUYER = "081300000009";

test("the admin browses areas, suspends a user, and finds it in the audit log", async ({ browser }) => {
  fs.mkdirSync(SHOTS, { recursive: true });
  const look = screenshots("admin");
  const page = await signIn(browser, ADMIN, { viewport: PHONE_360 });
  await page.getByRole("link", { name: "Admin", exact: true }).first().click();
  await expect(page.getByRole("heading", { name: "Admin Jejaring" })).toBeVisible();

  await page.goto("/admin/wilayah");
  await page.getByRole("link", { name: "Jawa Barat" }).click();
  await page.getByRole("link", { name: "Kabupaten Bandung Barat" }).click();
  await page.getByRole("link", { name: "Lembang", exact: true }).click();
  await expect(page.getByText("32.17.01.2008")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await look(page, "wilayah");
  await page.screenshot({ path: `${SHOTS}/admin-wilayah.png`, fullPage: true });

  await page.goto("/admin/pengguna");
  await page.getByLabel("Nama, nomor HP, atau email").fill(BUYER);
  await page.getByRole("button", { name: "Cari" }).click();
  const card = page.getByRole("listitem").filter({ hasText: "0813-0000-0009" }).first();
  await card.getByText("Tangguhkan akun…").click();
  await card.getByLabel("Alasan (dicatat dan dilihat admin)").fill("Pesanan palsu berulang kali");
  await card.getByRole("button", { name: "Tangguhkan sekarang" }).click();
  await expect(page.getByRole("status")).toContainText("ditangguhkan");
  expect(await seriousViolations(page)).toEqual([]);
  await look(page, "pengguna");
  await page.screenshot({ path: `${SHOTS}/admin-pengguna.png`, fullPage: true });

  await page.goto("/admin/audit?action=user.");
  await expect(page.getByText("user.suspend").first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await look(page, "audit");
  await page.screenshot({ path: `${SHOTS}/admin-audit.png`, fullPage: true });

  // The other pages: no raw keys, nothing wider than the phone, no serious accessibility problem.
  for (const [path, name] of [
    ["/admin", "ringkasan"],
    ["/admin/kategori", "kategori"],
    ["/admin/tkm", "tkm"],
    ["/admin/desa", "desa"],
  ] as const) {
    await page.goto(path);
    expect(await seriousViolations(page)).toEqual([]);
    await look(page, name);
    await page.screenshot({ path: `${SHOTS}/admin-${name}.png`, fullPage: true });
  }

  // The suspended buyer is told why she cannot sign in.
  const context = await browser.newContext({ viewport: PHONE_360, locale: "id-ID" });
  const buyer = await context.newPage();
  await buyer.goto("/masuk");
  await buyer.getByLabel("Nomor HP atau email").fill(BUYER);
  await buyer.getByLabel("Kata sandi").fill("lembang-sejahtera");
  await buyer.getByRole("button", { name: "Masuk" }).click();
  await expect(buyer.getByRole("alert")).toContainText("ditangguhkan");
  await buyer.screenshot({ path: `${SHOTS}/masuk-ditangguhkan.png`, fullPage: true });
});

test("a buyer gets 404 on /admin", async ({ browser }) => {
  const page = await signIn(browser, "081300000001", { viewport: PHONE_360 });
  const response = await page.goto("/admin/pengguna");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("link", { name: "Admin", exact: true })).toHaveCount(0);
});
