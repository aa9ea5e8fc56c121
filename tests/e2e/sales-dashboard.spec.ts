import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { seriousViolations } from "./a11y";
import { signIn } from "./look";

// The group's sales dashboard on /kelola, on a 360 px phone, with and without JavaScript: the
// charts are SVG drawn on the server, each with its table behind a fold-out.
const SHOTS = "/tmp/shots-dasbor";
const PHONE_360 = { width: 360, height: 740 };

async function checkDashboard(page: Page, name: string, scripts: boolean) {
  await page.goto("/kelola");
  const sales = page.getByRole("region", { name: "Penjualan" });
  await expect(sales).toBeVisible();
  await expect(sales.getByRole("term").filter({ hasText: "Pendapatan" })).toBeVisible();
  await expect(sales.getByText(/^Bulan lalu: /).first()).toBeVisible();
  await expect(sales.getByRole("img", { name: "Pendapatan 12 bulan terakhir" })).toBeVisible();
  // The table behind the chart opens without a script (details/summary).
  await sales.getByText("Lihat tabel").first().click();
  const table = sales.getByRole("table", { name: "Pendapatan 12 bulan terakhir" });
  await expect(table).toBeVisible();
  await expect(table.getByRole("row")).toHaveCount(13);
  // Measuring the page and axe run as scripts in the page: only where scripts run.
  if (scripts) {
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(PHONE_360.width);
    expect(await seriousViolations(page)).toEqual([]);
  }
  fs.mkdirSync(SHOTS, { recursive: true });
  await sales.screenshot({ path: `${SHOTS}/${name}.png` });
}

test("the ketua reads her group's sales on a phone", async ({ browser }) => {
  const page = await signIn(browser, "081200000001", { viewport: PHONE_360 });
  await checkDashboard(page, "dashboard-js", true);
});

test("the dashboard reads the same without JavaScript", async ({ browser }) => {
  const page = await signIn(browser, "081200000001", { viewport: PHONE_360, javaScriptEnabled: false });
  await checkDashboard(page, "dashboard-no-js", false);
});
