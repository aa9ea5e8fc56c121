import { describe, expect, it } from "vitest";
import { getSessionUserId, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from "~/.server/auth/session";
import { db } from "~/.server/db/client";
import { action as signInAction } from "~/routes/masuk";
import { action as signUpAction } from "~/routes/daftar";
import { action as signOutAction } from "~/routes/keluar";
import { createAreas, createUser, TEST_PASSWORD } from "../helpers/factories";
import { callAction, jsonOf, request, statusOf } from "../helpers/requests";

function cookieFrom(response: unknown) {
  if (!(response instanceof Response)) throw new Error("Expected a Response");
  return response.headers.get("Set-Cookie")?.split(";")[0] ?? "";
}

describe("sign-up", () => {
  it("creates a buyer with the phone stored in E.164, a business, and a session", async () => {
    const { villageA1 } = await createAreas();
    const response = await callAction(
      signUpAction,
      await request("/daftar", {
        form: {
          accountType: "buyer",
          name: "Dadang",
          identifier: "0812 7777-1234",
          password: "kopi-susu-lembang",
          organisationName: "Toko Rasa",
          businessKind: "KAFE",
          villageId: villageA1.id,
        },
      }),
    );
    expect(statusOf(response)).toBe(302);
    const user = await db.user.findUniqueOrThrow({
      where: { phone: "+6281277771234" },
      select: {
        id: true,
        passwordHash: true,
        businessRoles: { select: { business: { select: { name: true, kind: true } } } },
      },
    });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.businessRoles[0]?.business).toEqual({ name: "Toko Rasa", kind: "KAFE" });
    const cookie = cookieFrom(response);
    expect((response as Response).headers.get("Set-Cookie")).toMatch(/HttpOnly/i);
    expect((response as Response).headers.get("Set-Cookie")).toMatch(/SameSite=Lax/i);
    expect(await getSessionUserId(new Request("http://x/", { headers: { Cookie: cookie } }))).toBe(user.id);
  });

  it("creates a group manager as ketua of a new KUBE", async () => {
    const { villageA1 } = await createAreas();
    await callAction(
      signUpAction,
      await request("/daftar", {
        form: {
          accountType: "group",
          name: "Euis",
          identifier: "euis@example.com",
          password: "anyaman-bambu-08",
          organisationName: "KUBE Melati",
          villageId: villageA1.id,
        },
      }),
    );
    const member = await db.groupMember.findFirstOrThrow({
      where: { user: { email: "euis@example.com" } },
      select: { role: true, group: { select: { name: true, verifiedAt: true } } },
    });
    expect(member).toEqual({ role: "KETUA", group: { name: "KUBE Melati", verifiedAt: null } });
  });

  it.each([
    [{ password: "12345678" }, "password", "auth.password_common"],
    [{ password: "short" }, "password", "auth.password_too_short"],
    [{ password: "kopi-".repeat(13) }, "password", "auth.password_too_long"],
    [{ identifier: "021-555-1234" }, "identifier", "auth.identifier_invalid"],
    [{ name: "" }, "name", "form.required"],
    [{ name: "x".repeat(81) }, "name", "form.too_long"],
    [{ villageId: "not-a-village" }, "villageId", "form.choose_one"],
    [{ businessKind: "" }, "businessKind", "form.choose_one"],
  ])("refuses %j with a message on %s and creates nothing", async (override, field, message) => {
    const { villageA1 } = await createAreas();
    const before = await db.user.count();
    const form = {
      accountType: "buyer",
      name: "Dadang",
      identifier: "081288889999",
      password: "kopi-susu-lembang",
      organisationName: "Toko Rasa",
      businessKind: "KAFE",
      villageId: villageA1.id,
      ...override,
    };
    const response = await callAction(signUpAction, await request("/daftar", { form }));
    expect(statusOf(response)).toBe(400);
    expect((await jsonOf(response)).error?.[field]).toEqual([message]);
    expect(await db.user.count()).toBe(before);
  });

  it("refuses a number that is already registered, whatever way it is written", async () => {
    const { villageA1 } = await createAreas();
    await createUser({ phone: "+6281299990000" });
    const response = await callAction(
      signUpAction,
      await request("/daftar", {
        form: {
          accountType: "buyer",
          name: "Dadang",
          identifier: "+62 812-9999-0000",
          password: "kopi-susu-lembang",
          organisationName: "Toko",
          businessKind: "KAFE",
          villageId: villageA1.id,
        },
      }),
    );
    expect((await jsonOf(response)).error?.identifier).toEqual(["auth.identifier_taken"]);
  });
});

describe("sign-in", () => {
  it("signs in with the number written any way and starts a new session each time", async () => {
    const user = await createUser({ phone: "+6281211112222" });
    const first = await callAction(
      signInAction,
      await request("/masuk", { form: { identifier: "0812-1111-2222", password: TEST_PASSWORD } }),
    );
    const second = await callAction(
      signInAction,
      await request("/masuk", { form: { identifier: "6281211112222", password: TEST_PASSWORD } }),
    );
    expect(statusOf(first)).toBe(302);
    expect(cookieFrom(first)).not.toBe(cookieFrom(second));
    expect(await db.session.count({ where: { userId: user.id } })).toBe(2);
  });

  it("does not follow a redirect to another site after sign-in", async () => {
    await createUser({ phone: "+6281233334444" });
    const response = await callAction(
      signInAction,
      await request("/masuk", {
        form: { identifier: "081233334444", password: TEST_PASSWORD, redirectTo: "//evil.example/" },
      }),
    );
    expect((response as Response).headers.get("Location")).toBe("/");
  });

  it.each(
    [
      // Chromium drops the tab and reads "//evil.example/phish": another site.
      "/\t/evil.example/phish",
      "/\\evil.example",
      "/%2F%2Fevil.example",
      // A newline cannot go into a Location header at all; it used to answer 500.
      "/pesanan\nSet-Cookie: x=1",
    ].map((redirectTo, i) => [redirectTo, `08123333555${i}`]),
  )("signs in and goes home when redirectTo is %j", async (redirectTo, phone) => {
    await createUser({ phone: `+62${phone.slice(1)}` });
    const response = await callAction(
      signInAction,
      await request("/masuk", { form: { identifier: phone, password: TEST_PASSWORD, redirectTo } }),
    );
    expect(statusOf(response)).toBe(302);
    expect((response as Response).headers.get("Location")).toBe("/");
    expect(cookieFrom(response)).toMatch(/^jj_session=./);
  });

  it("answers an unknown account exactly like a wrong password", async () => {
    const response = await callAction(
      signInAction,
      await request("/masuk", { form: { identifier: "081200009999", password: "apa-saja-123" } }),
    );
    expect((await jsonOf(response)).error?.[""]).toEqual(["auth.invalid_credentials"]);
  });
});

describe("sessions", () => {
  it("end after a week unused and after 30 days in any case", async () => {
    const user = await createUser();
    const { createSession } = await import("~/.server/auth/session");
    const start = new Date("2026-01-01T00:00:00Z");
    const cookie = (await createSession(user.id, {}, start)).split(";")[0] ?? "";
    const req = () => new Request("http://x/", { headers: { Cookie: cookie } });
    expect(await getSessionUserId(req(), new Date(start.getTime() + SESSION_IDLE_MS - 1000))).toBe(user.id);
    expect(await getSessionUserId(req(), new Date(start.getTime() + SESSION_IDLE_MS * 2 - 2000))).toBe(
      user.id,
    );
    expect(await getSessionUserId(req(), new Date(start.getTime() + SESSION_ABSOLUTE_MS + 1))).toBeNull();
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);

    const idle = (await createSession(user.id, {}, start)).split(";")[0] ?? "";
    expect(
      await getSessionUserId(
        new Request("http://x/", { headers: { Cookie: idle } }),
        new Date(start.getTime() + SESSION_IDLE_MS + 1),
      ),
    ).toBeNull();
  });

  it("sign-out deletes the session and clears the cookie", async () => {
    const user = await createUser();
    const req = await request("/keluar", { userId: user.id, form: {} });
    const response = await callAction(signOutAction, req);
    expect(statusOf(response)).toBe(302);
    expect((response as Response).headers.get("Set-Cookie")).toMatch(/Max-Age=0/);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });
});
