import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { seriousViolations } from "./a11y";
import { screenshots, signIn } from "./look";

// TKM's monitoring dashboard (/tkm) and the village government's (/desa) on a 360 px phone, with
// and without JavaScript: indicators with their definitions, SVG charts with tables behind them,
// the groups with flag chips that lead to their evidence, and a refused period.
const SHOTS = "/tmp/shots-a";
const PHONE_360 = { width: 360, height: 740 };
const look = screenshots("monitoring");
const BUYERS = [
  "Toko Oleh-oleh Rasa Lembang",
  "Kafe Kebun Teh",
  "Hotel Puncak Lembang",
  "Restoran Saung Sunda",
];

/** The whole page in screen-high pieces, each readable at full size. */
async function shoot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0, part = 1; y < height; y += PHONE_360.height, part++) {
    await page.screenshot({
      path: `${SHOTS}/${name}-${part}.png`,
      fullPage: true,
      clip: { x: 0, y, width: PHONE_360.width, height: Math.min(PHONE_360.height, height - y) },
    });
  }
}

test("TKM reads the indicators, charts and flags of its village on a phone", async ({ browser }) => {
  const page = await signIn(browser, "081400000001", { viewport: PHONE_360 });
  await page.goto("/tkm?periode=2026");
  await expect(page.getByRole("heading", { name: "Pemantauan KUBE", level: 1 })).toBeVisible();
  const indicators = page.getByRole("region", { name: "Indikator" });
  await expect(indicators.getByRole("term").filter({ hasText: "Pendapatan kotor" })).toBeVisible();
  await expect(indicators.getByText(/^Uang penjualan yang diterima kelompok/)).toBeVisible();
  await expect(page.getByRole("img", { name: "Pendapatan per bulan menurut kelompok" })).toBeVisible();
  await expect(page.getByRole("img", { name: "Jejaring usaha dari bulan ke bulan" })).toBeVisible();
  await page.getByText("Lihat tabel").first().click();
  await expect(page.getByRole("table", { name: "Pendapatan per bulan menurut kelompok" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await look(page, "tkm");
  await shoot(page, "tkm-360");

  // A group's flag page: its flags (if any) with their reasons, and the evidence behind each.
  const groupLink = page.locator('a[href^="/tkm/kelompok/"]:not([href="/tkm/kelompok/baru"])').first();
  const groupId = ((await groupLink.getAttribute("href")) ?? "").split("/").pop();
  await page.goto(`/tkm/tanda/${groupId}`);
  await expect(page.getByRole("heading", { name: /^Tanda untuk / })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Pendapatan dan pesanan per bulan" })).toBeVisible();
  await look(page, "tkm-tanda");
  await shoot(page, "tkm-tanda-360");

  // A period ending before it starts is refused with the reason, keeping what was typed.
  await page.goto("/tkm?dari=2026-06&sampai=2026-01");
  await expect(page.getByRole("alert")).toHaveText("Bulan akhir tidak boleh sebelum bulan awal.");
  await expect(page.getByLabel("Dari bulan", { exact: true })).toHaveValue("2026-06");
  await shoot(page, "tkm-periode-salah-360");
});

test("the period form and the tables work without JavaScript", async ({ browser }) => {
  const page = await signIn(browser, "081400000001", { viewport: PHONE_360, javaScriptEnabled: false });
  await page.goto("/tkm");
  await page.getByLabel("Dari bulan", { exact: true }).fill("2026-01");
  await page.getByLabel("Sampai bulan", { exact: true }).fill("2026-06");
  await page.getByRole("button", { name: "Tampilkan" }).click();
  await expect(page).toHaveURL(/dari=2026-01&sampai=2026-06/);
  await expect(page.getByRole("heading", { name: /^Periode: Jan 2026 – Jun 2026/ })).toBeVisible();
  await page.getByText("Lihat tabel").nth(1).click();
  await expect(page.getByRole("table", { name: "Jejaring usaha dari bulan ke bulan" })).toBeVisible();
  await shoot(page, "tkm-tanpa-js-360");
});

test("the village government sees its village's dashboard, read only, without buyers' names", async ({
  browser,
}) => {
  const page = await signIn(browser, "081500000001", { viewport: PHONE_360 });
  await page.getByRole("link", { name: "Desa Jayagiri" }).click();
  await expect(page).toHaveURL(/\/desa/);
  await page.goto("/desa?periode=2026");
  await expect(page.getByRole("heading", { name: "Dasbor desa", level: 1 })).toBeVisible();
  await expect(page.getByText("Tempo pembeli")).toHaveCount(0);
  const text = await page.locator("main").innerText();
  for (const buyer of BUYERS) expect(text).not.toContain(buyer);
  // No link to TKM's group pages (where TKM edits).
  await expect(page.locator('a[href^="/tkm/kelompok/"]')).toHaveCount(0);
  await look(page, "desa");
  await shoot(page, "desa-360");
  // And TKM's pages are not hers.
  const response = await page.goto("/tkm/pembeli");
  expect(response?.status()).toBe(403);
});
