import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

/** axe's serious and critical findings (WCAG 2.1 A and AA) on the page as it is now. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** Visible controls smaller than 44×44 px (links inside running text are exempt, WCAG 2.5.8). */
export async function smallTargets(page: Page): Promise<string[]> {
  const small: string[] = [];
  const controls = await page
    .locator("a:not(p a):not(li p a), button, input:not([type=hidden]), select, textarea")
    .all();
  for (const control of controls) {
    if (!(await control.isVisible())) continue;
    // A radio button or checkbox is tapped through its label: the label is the target.
    const wrappingLabel = control.locator("xpath=ancestor::label[1]");
    const isChoice = await control.evaluate(
      (el) => el instanceof HTMLInputElement && (el.type === "radio" || el.type === "checkbox"),
    );
    const box =
      isChoice && (await wrappingLabel.count()) > 0
        ? await wrappingLabel.boundingBox()
        : await control.boundingBox();
    if (box && (box.height < 44 || box.width < 44)) {
      small.push(
        `${(await control.evaluate((el) => el.outerHTML)).slice(0, 90)} ${Math.round(box.width)}×${Math.round(box.height)}`,
      );
    }
  }
  return small;
}
