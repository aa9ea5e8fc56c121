import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

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

async function controls(page: Page) {
  // Links inside running text are exempt from the target size (WCAG 2.5.8); everything else counts.
  return page.locator("a:not(p a):not(li p a), button, input:not([type=hidden]), select, textarea").all();
}

for (const [name, path] of PAGES) {
  test(`the ${name} page has no serious accessibility problems`, async ({ page }) => {
    await page.goto(path);
    const results = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
      .analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

    const small: string[] = [];
    for (const control of await controls(page)) {
      if (!(await control.isVisible())) continue;
      const box = await control.boundingBox();
      if (box && (box.height < 44 || box.width < 44)) {
        small.push(
          `${(await control.evaluate((el) => el.outerHTML)).slice(0, 90)} ${Math.round(box.width)}×${Math.round(box.height)}`,
        );
      }
    }
    expect(small).toEqual([]);
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
