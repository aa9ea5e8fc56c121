import { expect, test } from "@playwright/test";

// Guards that live in the HTTP server, checked against the real one.
test("a write from another site is refused before it reaches the app", async ({ request }) => {
  const foreign = await request.post("/masuk", {
    headers: { Origin: "https://evil.example" },
    form: { identifier: "081300000001", password: "lembang-sejahtera" },
    maxRedirects: 0,
  });
  expect(foreign.status()).toBe(403);
  expect(foreign.headers()["set-cookie"]).toBeUndefined();

  const own = await request.post("/masuk", {
    headers: { Origin: new URL(test.info().project.use.baseURL ?? "http://localhost").origin },
    form: { identifier: "081300000001", password: "lembang-sejahtera" },
    maxRedirects: 0,
  });
  expect(own.status()).toBe(302);
  expect(own.headers()["set-cookie"]).toContain("jj_session=");
});

test("visitors get storefront pages from the short cache, signed-in people never", async ({ request }) => {
  await request.get("/kelompok");
  const second = await request.get("/kelompok");
  expect(second.headers()["x-microcache"]).toBe("hit");
  const signedIn = await request.get("/kelompok", { headers: { Cookie: "jj_session=anything" } });
  expect(signedIn.headers()["x-microcache"]).toBeUndefined();
});

test("a request naming another Host cannot put its links into the pages others get", async ({ request }) => {
  const poisoned = await request.get("/sitemap.xml?x=1", { headers: { Host: "evil.example" } });
  expect(await poisoned.text()).not.toContain("evil.example");
  const next = await request.get("/sitemap.xml?x=1");
  const xml = await next.text();
  expect(xml).not.toContain("evil.example");
  expect(xml).toContain("<loc>http://localhost:");
  await request.get("/produk/dodol-susu-lembang?x=1", { headers: { Host: "evil.example" } });
  const page = await (await request.get("/produk/dodol-susu-lembang?x=1")).text();
  expect(page).toContain('rel="canonical" href="http://localhost:');
  expect(page).not.toContain("evil.example");
});

test("the server runs in production mode: a malformed address gets the app's page, no stack trace", async ({
  request,
}) => {
  const response = await request.get("/produk/%E0%A4%A");
  expect(response.status()).toBe(404);
  const html = await response.text();
  expect(html).toContain("Halaman tidak ditemukan");
  expect(html).not.toMatch(/URIError|node_modules|\/work\/|at [\w.]+ \(/);
});

test("over http the session cookie is not Secure, so signing in works on http://localhost", async ({
  request,
}) => {
  const response = await request.post("/masuk", {
    form: { identifier: "081300000001", password: "lembang-sejahtera" },
    maxRedirects: 0,
  });
  expect(response.headers()["set-cookie"]).toMatch(/^jj_session=.*HttpOnly/);
  expect(response.headers()["set-cookie"]).not.toMatch(/;\s*Secure/i);
});
