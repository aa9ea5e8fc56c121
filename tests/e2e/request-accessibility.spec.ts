import { expect, test, type Page } from "@playwright/test";
import { seriousViolations, smallTargets } from "./a11y";
import { queryValue } from "./db";
import { dateInDays, signIn } from "./look";

// Every page of requests for quotes (issue 10), for the person who uses it, on a phone: no serious
// or critical axe findings and no touch target under 44 px. Folded parts (<details>) are opened
// first, so the forms inside them are checked too.

const BUYER = "081300000001"; // Toko Oleh-oleh Rasa Lembang
const MANAGER = "0812-0000-0001"; // KUBE Perempuan Mandiri

async function findings(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
  return [...(await seriousViolations(page)), ...(await smallTargets(page))];
}

/** A demo request's number by its title (the seed numbers them at random). */
const numberOf = (title: string) =>
  queryValue(`SELECT "number" FROM "QuoteRequest" WHERE title = $1`, [title]);

test("the buyer's request pages have no serious accessibility problems", async ({ browser }) => {
  const open = await numberOf("Dodol stroberi kemasan kotak untuk parsel Natal");
  const quoted = await numberOf("Besek bambu tutup untuk hampers akhir tahun");
  const page = await signIn(browser, BUYER);
  const pages = [
    "/permintaan",
    "/permintaan?tab=berakhir",
    "/permintaan/baru",
    `/permintaan/${quoted}`,
    `/permintaan/${open}/ubah`,
    `/permintaan/${quoted}/batal`,
    `/permintaan/${quoted}/kelompok/kube-perempuan-mandiri`,
  ];
  for (const path of pages) expect.soft(await findings(page, path), path).toEqual([]);

  // The form with its preview of matching groups shown.
  await page.goto("/permintaan/baru");
  await page.getByLabel("Apa yang Anda butuhkan?").fill("Keset kain perca");
  await page.getByLabel("Jumlah", { exact: true }).fill("40");
  await page.getByLabel("Dibutuhkan paling lambat").fill(dateInDays(30));
  await page.getByRole("button", { name: "Lihat kelompok yang cocok" }).click();
  await expect(page.getByRole("heading", { name: "Kelompok yang cocok" })).toBeVisible();
  expect.soft([...(await seriousViolations(page)), ...(await smallTargets(page))], "preview").toEqual([]);
});

test("the group's request pages have no serious accessibility problems", async ({ browser }) => {
  const fresh = await numberOf("Bakul nasi anyaman bambu");
  const quoted = await numberOf("Besek bambu tutup untuk hampers akhir tahun");
  const page = await signIn(browser, MANAGER);
  for (const path of ["/kelola/permintaan", `/kelola/permintaan/${fresh}`, `/kelola/permintaan/${quoted}`]) {
    expect.soft(await findings(page, path), path).toEqual([]);
  }
});
