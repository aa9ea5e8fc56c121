import fs from "node:fs";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { seriousViolations } from "./a11y";
import { e2eDatabaseUrlFile } from "./database-url";
import { queryValue } from "./db";
import { signIn } from "./look";

// An anggota gets a read-only account: the ketua gives her a one-time code, she sets a password
// with her phone and the code, and sees her own page, on a 360 px phone.
const SHOTS = "/tmp/shots-dasbor";
const PHONE_360 = { width: 360, height: 740 };
const MEMBER_PHONE = "+6281255500017";

/**
 * The one setup write: a member's phone. The demo's members have none yet, and the member list
 * where the ketua types it (/kelola/anggota) is another part of this issue.
 */
async function givePhone(memberId: string) {
  const url = fs.readFileSync(e2eDatabaseUrlFile(), "utf8").trim();
  const sql = `UPDATE "GroupMember" SET "phone" = $1 WHERE "id" = $2`;
  if (url.startsWith("file:")) {
    const db = new Database(url.slice("file:".length));
    try {
      db.prepare(sql.replace(/\$\d+/g, "?")).run(MEMBER_PHONE, memberId);
    } finally {
      db.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql, [MEMBER_PHONE, memberId]);
  } finally {
    await client.end();
  }
}

test("the ketua gives a code; the member sets her password and sees only her own page", async ({
  browser,
}) => {
  fs.mkdirSync(SHOTS, { recursive: true });
  const memberId = await queryValue(
    `SELECT m."id" FROM "GroupMember" m JOIN "Group" g ON g."id" = m."groupId"
     WHERE g."name" = 'KUBE Perempuan Mandiri' AND m."role" = 'ANGGOTA' AND m."userId" IS NULL
     ORDER BY m."name" LIMIT 1`,
    [],
  );
  expect(memberId).not.toBe("");
  await givePhone(memberId);
  const memberName = await queryValue(`SELECT "name" FROM "GroupMember" WHERE "id" = $1`, [memberId]);

  const ketua = await signIn(browser, "081200000001", { viewport: PHONE_360 });
  await ketua.goto("/kelola");
  await ketua.getByRole("link", { name: "Akun anggota" }).click();
  await expect(ketua.getByRole("heading", { name: "Akun anggota" })).toBeVisible();
  expect(await seriousViolations(ketua)).toEqual([]);
  await ketua.getByRole("button", { name: `Beri kode masuk untuk ${memberName}` }).click();
  const status = ketua.getByRole("status").filter({ hasText: memberName });
  await expect(status).toBeVisible();
  const code = ((await status.locator(".font-mono").innerText()) ?? "").replace(/\s/g, "");
  expect(code).toMatch(/^\d{8}$/);
  await ketua.screenshot({ path: `${SHOTS}/code-given.png`, fullPage: true });
  await ketua.context().close();

  const context = await browser.newContext({ viewport: PHONE_360, locale: "id-ID" });
  const page = await context.newPage();
  await page.goto("/masuk");
  await page.getByRole("link", { name: "Punya kode masuk dari ketua?" }).click();
  await expect(page.getByRole("heading", { name: "Masuk dengan kode" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByLabel("Nomor HP").fill("0812 5550 0017");
  await page.getByLabel("Kode masuk").fill("00000000" === code ? "11111111" : "00000000");
  await page.getByLabel("Kata sandi baru").fill("anyaman-bambu-jayagiri");
  await page.getByRole("button", { name: "Simpan kata sandi dan masuk" }).click();
  await expect(page.getByText(/Nomor HP atau kode salah/)).toBeVisible();
  await expect(page.getByLabel("Nomor HP")).toHaveValue("0812 5550 0017");
  await page.screenshot({ path: `${SHOTS}/code-wrong.png`, fullPage: true });

  await page.getByLabel("Kode masuk").fill(code);
  await page.getByLabel("Kata sandi baru").fill("anyaman-bambu-jayagiri");
  await page.getByRole("button", { name: "Simpan kata sandi dan masuk" }).click();
  await page.waitForURL(/\/saya$/);
  await expect(page.getByRole("heading", { name: memberName })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Per bulan" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(PHONE_360.width);
  await page.screenshot({ path: `${SHOTS}/her-page.png`, fullPage: true });

  // The officers' pages are not there for her.
  const response = await page.goto("/kelola");
  expect(response?.status()).toBe(404);
  await context.close();
});
