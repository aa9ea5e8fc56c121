import { chromium } from "@playwright/test";
const base = "http://localhost:3612";
const groupId = process.argv[2];
const pendingId = process.argv[3];
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const context = await browser.newContext({ viewport: { width: 360, height: 760 }, locale: "id-ID" });
const page = await context.newPage();
await page.goto(`${base}/masuk`);
await page.getByLabel("Nomor HP atau email").fill("081400000001");
await page.getByLabel("Kata sandi").fill("lembang-sejahtera");
await page.getByRole("button", { name: "Masuk" }).click();
await page.waitForURL((u) => !u.pathname.startsWith("/masuk"));
const shots = [
  ["group", `/tkm/kelompok/${groupId}`],
  ["baseline", `/tkm/kelompok/${groupId}/awal`],
  ["stage", `/tkm/kelompok/${groupId}/tahap`],
  ["verify", `/tkm/verifikasi`],
  ["register", `/tkm/kelompok/baru`],
  ["pending-group", `/tkm/kelompok/${pendingId}`],
  ["akun", `/tkm/kelompok/${groupId}/akun`],
];
for (const [name, path] of shots) {
  const res = await page.goto(`${base}${path}`);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  console.log(name, res?.status(), "width", width);
  await page.screenshot({ path: `/tmp/shots-b/${name}.png`, fullPage: true });
}
// A revision without a reason, without JavaScript semantics aside: the message and what was typed.
await page.goto(`${base}/tkm/kelompok/${groupId}/awal`);
await page.getByLabel("Pendapatan kelompok per bulan").fill("700.000");
await page.getByRole("button", { name: "Ubah pendapatan awal" }).first().click();
await page.waitForLoadState("networkidle");
await page.screenshot({ path: `/tmp/shots-b/baseline-refused.png`, fullPage: true });
await browser.close();
