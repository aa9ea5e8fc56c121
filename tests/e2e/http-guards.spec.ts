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
