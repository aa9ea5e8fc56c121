import { describe, expect, it } from "vitest";
import { action as languageAction } from "~/routes/bahasa";
import { callAction, ORIGIN, request } from "../helpers/requests";

describe("the language switch", () => {
  it("goes back to the page it was used on, with the language remembered", async () => {
    const response = (await callAction(
      languageAction,
      await request("/bahasa", { form: { lang: "en", redirectTo: "/produk?q=dodol" } }),
    )) as Response;
    expect(response.headers.get("Location")).toBe("/produk?q=dodol");
    expect(response.headers.get("Set-Cookie")).toMatch(/^jj_lang=/);
  });

  it.each(["/\t/evil.example/phish", "/\\evil.example", "/%5C%5Cevil.example", "/produk\r\nX-Evil: 1"])(
    "goes home instead of following %j",
    async (redirectTo) => {
      const response = (await callAction(
        languageAction,
        await request("/bahasa", { form: { lang: "en", redirectTo } }),
      )) as Response;
      expect(response.status).toBe(302);
      expect(response.headers.get("Location")).toBe("/");
      expect(response.headers.get("Set-Cookie")).toMatch(/^jj_lang=/);
    },
  );
});

describe("the language switch given a body that is not a form", () => {
  it("answers 400 and sets no cookie", async () => {
    const response = (await callAction(
      languageAction,
      new Request(`${ORIGIN}/bahasa`, {
        method: "POST",
        headers: { "Content-Type": "text/plain", Origin: ORIGIN },
        body: "lang=en",
      }),
    )) as Response;
    expect(response.status).toBe(400);
    expect(response.headers.get("Set-Cookie")).toBeNull();
  });
});
