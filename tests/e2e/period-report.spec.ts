import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { screenshots, signIn } from "./look";

// The period report as TKM prints it for the meeting: on a phone and on A4 paper (print media),
// and the exports page of the same period.

const TKM = "081400000001";
const SHOTS = process.env.REPORT_SHOTS ?? "tests/artifacts/screens";

test("TKM opens the period report, prints it and finds the exports of the same period", async ({
  browser,
}) => {
  const page = await signIn(browser, TKM, { viewport: { width: 360, height: 740 } });
  const look = screenshots("period-report");
  await page.goto("/tkm/laporan?periode=2026");
  await expect(page.getByRole("heading", { name: "Laporan Pemantauan KUBE" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Sebelum dan sesudah" })).toBeVisible();
  await look(page, "phone");
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.emulateMedia({ media: "print" });
  await page.screenshot({ path: `${SHOTS}/report-print-360.png`, fullPage: true });
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.screenshot({ path: `${SHOTS}/report-print-a4.png`, fullPage: true });
  await page.emulateMedia({ media: "screen" });
  await page.setViewportSize({ width: 360, height: 740 });
  await page.getByRole("link", { name: "Ekspor CSV" }).click();
  await expect(page.getByRole("heading", { name: "Unduh laporan dan data" })).toBeVisible();
  await look(page, "exports");
  const pdf = await page.request.get("/tkm/laporan.pdf?periode=2026");
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
});
