import fs from "node:fs";
import { expect, type Browser, type Page } from "@playwright/test";
import { catalogs } from "../../app/locales";

// Shared by the journeys: sign in through the form, and "look" at a page — no raw catalog key
// instead of words, nothing wider than the phone, and a full-page screenshot to look at afterwards.

export const PASSWORD = "lembang-sejahtera";
export const PHONE = { width: 390, height: 844 };
export const NARROW_PHONE = { width: 320, height: 740 };
const SCREENS = "tests/artifacts/screens";
const CATALOG_KEYS = Object.keys(catalogs.id);

export function screenshots(prefix: string) {
  let shot = 0;
  return async function look(page: Page, name: string) {
    const text = await page.locator("body").innerText();
    const raw = CATALOG_KEYS.filter((key) => text.includes(key));
    expect(raw, `raw catalog keys on ${name}`).toEqual([]);
    // A page wider than the screen makes a phone user scroll sideways to read it.
    const width = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      screen: window.innerWidth,
    }));
    expect(width.page, `${name} is wider than the screen`).toBeLessThanOrEqual(width.screen);
    shot += 1;
    fs.mkdirSync(SCREENS, { recursive: true });
    await page.screenshot({
      path: `${SCREENS}/${prefix}-${String(shot).padStart(2, "0")}-${name}.png`,
      fullPage: true,
    });
  };
}

export async function signIn(
  browser: Browser,
  identifier: string,
  options: { viewport?: { width: number; height: number }; javaScriptEnabled?: boolean } = {},
) {
  const context = await browser.newContext({
    viewport: options.viewport ?? PHONE,
    locale: "id-ID",
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
  const page = await context.newPage();
  await page.goto("/masuk");
  await page.getByLabel("Nomor HP atau email").fill(identifier);
  await page.getByLabel("Kata sandi").fill(PASSWORD);
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page.getByRole("button", { name: "Keluar" })).toBeVisible();
  return page;
}

/** A calendar date `days` from today in Jakarta, as a date input takes it (YYYY-MM-DD). */
export function dateInDays(days: number): string {
  const wib = new Date(Date.now() + 7 * 60 * 60 * 1000 + days * 24 * 60 * 60 * 1000);
  return wib.toISOString().slice(0, 10);
}

/** "Rp2.520.000" → 2520000. */
export const rupiah = (text: string) => Number(text.replace(/[^\d]/g, ""));
