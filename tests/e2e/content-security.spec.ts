import { expect, test, type Browser, type Page } from "@playwright/test";
import { queryValue } from "./db";

// The pages work under the Content-Security-Policy (server/security-headers.js), with JavaScript
// and without: Remix's inline scripts run by their nonce, nothing the app needs is refused, and
// the browser reports no violation. And no other site can put our pages in a frame.

const PASSWORD = "lembang-sejahtera";
const GROUP = "kube-perempuan-mandiri";

/** Who walks which pages; null walks as a visitor. */
async function walks(): Promise<[string | null, string[]][]> {
  const groupId = await queryValue(`SELECT id FROM "Group" WHERE slug = $1`, [GROUP]);
  const groupOrder = await queryValue(
    `SELECT o.number FROM "Order" o JOIN "Group" g ON g.id = o."groupId" WHERE g.slug = $1 ORDER BY o.number LIMIT 1`,
    [GROUP],
  );
  const buyerOrder = await queryValue(
    `SELECT o.number FROM "Order" o JOIN "Business" b ON b.id = o."businessId" WHERE b.slug = $1 ORDER BY o.number LIMIT 1`,
    ["toko-oleh-oleh-rasa-lembang"],
  );
  return [
    [null, ["/", "/produk", "/produk/dodol-susu-lembang", "/kelompok", `/kelompok/${GROUP}`, "/daftar"]],
    ["081300000001", ["/keranjang", "/pesanan", `/pesanan/${buyerOrder}`]],
    // Neneng, the treasurer: where transfers are confirmed.
    ["081200000002", ["/kelola", `/kelola/pesanan/${groupOrder}`]],
    // Budi, TKM of the district: the income bars.
    ["081400000003", ["/tkm", `/tkm/kelompok/${groupId}`, "/tkm/pembeli"]],
  ];
}

/** Every message the browser gives about a refused script, style, image, form or frame. */
function collectViolations(page: Page): string[] {
  const found: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) found.push(message.text());
  });
  page.on("pageerror", (error) => found.push(`page error: ${error.message}`));
  return found;
}

async function walk(browser: Browser, javaScriptEnabled: boolean, who: string | null, paths: string[]) {
  const context = await browser.newContext({ javaScriptEnabled, locale: "id-ID" });
  const page = await context.newPage();
  const violations = collectViolations(page);
  if (javaScriptEnabled) {
    // Also what the page itself hears (a report the console might word differently).
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (event) =>
        console.error(`Content Security Policy: ${event.violatedDirective} refused ${event.blockedURI}`),
      );
    });
  }
  if (who) {
    await page.goto("/masuk");
    await page.getByLabel("Nomor HP atau email").fill(who);
    await page.getByLabel("Kata sandi").fill(PASSWORD);
    await page.getByRole("button", { name: "Masuk" }).click();
    await expect(page.getByRole("button", { name: "Keluar" })).toBeVisible();
  }
  for (const path of paths) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBeLessThan(400);
    expect(response?.headers()["content-security-policy"], path).toContain("frame-ancestors 'none'");
    await expect(page.getByRole("heading", { level: 1 }).first(), path).toBeVisible();
  }
  expect(violations).toEqual([]);
  return { page, violations, close: () => context.close() };
}

for (const javaScriptEnabled of [true, false]) {
  const how = javaScriptEnabled ? "with JavaScript" : "without JavaScript";

  test(`pages work under the Content-Security-Policy ${how}, with no violation reported`, async ({
    browser,
  }) => {
    for (const [who, paths] of await walks()) {
      const { close } = await walk(browser, javaScriptEnabled, who, paths);
      await close();
    }
  });
}

test("the app hydrates under the policy: the price follows the quantity and links navigate in place", async ({
  browser,
}) => {
  const { page, violations, close } = await walk(browser, true, "081300000001", [
    "/produk/dodol-susu-lembang",
  ]);
  // React runs only when Remix's inline scripts ran: the estimate follows what is typed.
  await page.getByLabel(/Jumlah/).fill("120");
  await expect(page.getByText(/^120 pak × Rp/)).toBeVisible();
  // A client-side navigation keeps the page's JavaScript state; a full reload would drop it.
  await page.evaluate(() => Object.assign(window, { stayed: true }));
  await page.getByRole("navigation", { name: "Menu utama" }).getByRole("link", { name: "Kelompok" }).click();
  await expect(page).toHaveURL(/\/kelompok$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await page.evaluate(() => "stayed" in window)).toBe(true);
  expect(violations).toEqual([]);
  await close();
});

test("no other site can show the treasurer's order page in a frame", async ({ page, baseURL }) => {
  const order = await queryValue(
    `SELECT o.number FROM "Order" o JOIN "Group" g ON g.id = o."groupId" WHERE g.slug = $1 ORDER BY o.number LIMIT 1`,
    [GROUP],
  );
  const refusals = collectViolations(page);
  await page.setContent(`<iframe title="x" src="${baseURL}/kelola/pesanan/${order}"></iframe>`, {
    waitUntil: "load",
  });
  await expect.poll(() => refusals.join("\n")).toMatch(/frame-ancestors 'none'/);
  await expect(page.frameLocator("iframe").getByRole("button")).toHaveCount(0);
});
