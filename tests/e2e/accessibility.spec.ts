import { expect, test } from "@playwright/test";
import { seriousViolations, smallTargets } from "./a11y";

// The storefront for everyone: no serious or critical axe violations, every control reachable by
// keyboard, and touch targets of at least 44 px on a phone.
const PAGES: [string, string][] = [
  ["home", "/"],
  ["catalog", "/produk"],
  ["product", "/produk/dodol-susu-lembang"],
  ["group directory", "/kelompok"],
  ["group", "/kelompok/kube-perempuan-mandiri"],
  ["sign in", "/masuk"],
];

test.use({ viewport: { width: 390, height: 844 }, locale: "id-ID" });

for (const [name, path] of PAGES) {
  test(`the ${name} page has no serious accessibility problems`, async ({ page }) => {
    await page.goto(path);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);
  });

  test(`every control on the ${name} page is reachable by keyboard`, async ({ page }) => {
    await page.goto(path);
    const expected = await page.evaluate(() =>
      [
        ...document.querySelectorAll<HTMLElement>(
          "a[href], button, input:not([type=hidden]), select, textarea",
        ),
      ]
        .filter((el) => el.checkVisibility() && !el.hasAttribute("disabled") && el.tabIndex >= 0)
        .map((el) => el.outerHTML),
    );
    const reached = new Set<string>();
    for (let i = 0; i < expected.length + 5; i++) {
      await page.keyboard.press("Tab");
      const html = await page.evaluate(() => document.activeElement?.outerHTML ?? "");
      reached.add(html);
    }
    // Radio groups take one tab stop for the group, as browsers do.
    const missing = expected.filter((html) => !reached.has(html) && !html.includes('type="radio"'));
    expect(missing).toEqual([]);
  });
}
