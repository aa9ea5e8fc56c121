import { describe, expect, it } from "vitest";
import { signIn } from "~/.server/auth/accounts";
import {
  KNOWN_ADDRESS_MS,
  pruneSignInAttempts,
  SIGN_IN_RULES,
  waitAfterFailures,
  WINDOW_MS,
} from "~/.server/auth/rate-limit";
import { db } from "~/.server/db/client";
import { action as signInAction } from "~/routes/masuk";
import { createUser, TEST_PASSWORD } from "../helpers/factories";
import { callAction, jsonOf, request, statusOf } from "../helpers/requests";

// Sign-in limits keep guessing slow without handing anyone a way to lock a real person out: a
// treasurer whose phone number strangers know, or who shares her village's internet with them.

const T0 = new Date("2026-06-01T08:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
const SECOND = 1000;

let addressCounter = 0;
/** A fresh client address per use, so tests never share counts. */
function newAddress() {
  addressCounter += 1;
  return `198.51.${Math.floor(addressCounter / 250)}.${addressCounter % 250}`;
}

/** A person with an account who signed in from `home` yesterday. */
async function personAt(home: string) {
  const user = await createUser();
  const phone = user.phone ?? "";
  expect(await signIn(phone, TEST_PASSWORD, home, at(-24 * 3600 * SECOND))).toEqual({
    ok: true,
    userId: user.id,
  });
  return { id: user.id, phone };
}

function strangerNumber(n: number) {
  return `08129${String(n).padStart(7, "0")}`;
}

describe("the slowdown", () => {
  it.each([
    ["pair", 4, 0],
    ["pair", 5, 30 * SECOND],
    ["pair", 6, 60 * SECOND],
    ["pair", 9, 480 * SECOND],
    ["pair", 10, 15 * 60 * SECOND],
    ["pair", 40, 15 * 60 * SECOND],
    ["account", 9, 0],
    ["account", 10, 15 * SECOND],
    ["account", 14, 240 * SECOND],
    ["account", 15, 5 * 60 * SECOND],
    ["address", 19, 0],
    ["address", 20, 15 * SECOND],
    ["address", 30, 5 * 60 * SECOND],
  ] as const)("for one %s after %i failures waits %i ms", (rule, failures, wait) => {
    expect(waitAfterFailures(failures, SIGN_IN_RULES[rule])).toBe(wait);
  });
});

describe("guessing one account's password", () => {
  it("from one address is slowed after five tries and may go on after each wait, never locked", async () => {
    const owner = await personAt(newAddress());
    const stranger = newAddress();
    for (let i = 0; i < 5; i++) {
      expect(await signIn(owner.phone, `tebakan-${i}`, stranger, at(i * SECOND))).toEqual({
        ok: false,
        reason: "invalid",
      });
    }
    expect(await signIn(owner.phone, "tebakan-5", stranger, at(5 * SECOND))).toEqual({
      ok: false,
      reason: "rate_limited",
      retryAfterMs: 29 * SECOND,
    });
    // After the wait one more guess is checked, and the next wait is twice as long.
    expect((await signIn(owner.phone, "tebakan-6", stranger, at(34 * SECOND))).ok).toBe(false);
    expect(await signIn(owner.phone, "tebakan-7", stranger, at(35 * SECOND))).toEqual({
      ok: false,
      reason: "rate_limited",
      retryAfterMs: 59 * SECOND,
    });
  });

  it("from many addresses leaves her signing in from her own address at once", async () => {
    const home = newAddress();
    const treasurer = await personAt(home);
    for (let i = 0; i < 30; i++) {
      expect((await signIn(treasurer.phone, `tebakan-${i}`, newAddress(), T0)).ok).toBe(false);
    }
    expect(await signIn(treasurer.phone, TEST_PASSWORD, home, T0)).toEqual({
      ok: true,
      userId: treasurer.id,
    });
  });

  it("from many addresses checks only ten guesses, and slows a new address of hers for seconds", async () => {
    const treasurer = await personAt(newAddress());
    const reasons: string[] = [];
    for (let i = 0; i < 30; i++) {
      const result = await signIn(treasurer.phone, `tebakan-${i}`, newAddress(), T0);
      reasons.push(result.ok ? "signed in" : result.reason);
    }
    expect(reasons.filter((reason) => reason === "invalid")).toHaveLength(10);
    expect(reasons.filter((reason) => reason === "rate_limited")).toHaveLength(20);

    const newPhone = newAddress();
    expect(await signIn(treasurer.phone, TEST_PASSWORD, newPhone, at(SECOND))).toEqual({
      ok: false,
      reason: "rate_limited",
      retryAfterMs: 14 * SECOND,
    });
    expect(await signIn(treasurer.phone, TEST_PASSWORD, newPhone, at(15 * SECOND))).toEqual({
      ok: true,
      userId: treasurer.id,
    });
  });

  it("five wrong tries by someone who knows her number do not keep her out (the page)", async () => {
    const treasurer = await personAt(newAddress());
    const stranger = newAddress();
    for (let i = 0; i < 6; i++) {
      await callAction(
        signInAction,
        await request("/masuk", { form: { identifier: treasurer.phone, password: `tebakan-${i}` } }),
        {},
        stranger,
      );
    }
    const her = await callAction(
      signInAction,
      await request("/masuk", { form: { identifier: treasurer.phone, password: TEST_PASSWORD } }),
      {},
      newAddress(),
    );
    expect(statusOf(her)).toBe(302);
  });
});

describe("one address trying many accounts", () => {
  it("is slowed after twenty failures, and lets a person who signed in from there before straight in", async () => {
    const cafe = newAddress();
    const treasurer = await personAt(cafe);
    const reasons: string[] = [];
    for (let i = 0; i < 25; i++) {
      const result = await signIn(strangerNumber(i), "kopi-susu-123", cafe, at(i * SECOND));
      reasons.push(result.ok ? "signed in" : result.reason);
    }
    expect(reasons.slice(0, 20).every((reason) => reason === "invalid")).toBe(true);
    expect(reasons.slice(20).every((reason) => reason === "rate_limited")).toBe(true);

    expect(await signIn(treasurer.phone, TEST_PASSWORD, cafe, at(25 * SECOND))).toEqual({
      ok: true,
      userId: treasurer.id,
    });
  });

  it("makes someone new to that address wait seconds, then lets her right password in", async () => {
    const cafe = newAddress();
    const neighbour = await personAt(newAddress());
    for (let i = 0; i < 20; i++) await signIn(strangerNumber(100 + i), "kopi-susu-123", cafe, T0);

    const refused = await signIn(neighbour.phone, TEST_PASSWORD, cafe, at(SECOND));
    expect(refused).toEqual({ ok: false, reason: "rate_limited", retryAfterMs: 14 * SECOND });
    expect(await signIn(neighbour.phone, TEST_PASSWORD, cafe, at(15 * SECOND))).toEqual({
      ok: true,
      userId: neighbour.id,
    });
  });

  it("still has a wrong password from a known address counted as a wrong password", async () => {
    const cafe = newAddress();
    const treasurer = await personAt(cafe);
    for (let i = 0; i < 20; i++) await signIn(strangerNumber(200 + i), "kopi-susu-123", cafe, T0);
    expect(await signIn(treasurer.phone, "salah-ketik", cafe, T0)).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("tries sent at the same instant", () => {
  it("cannot all slip into the free tries together", async () => {
    const owner = await personAt(newAddress());
    const stranger = newAddress();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => signIn(owner.phone, `tebakan-${i}`, stranger, T0)),
    );
    // Each try is written before any reads the counts: at most the free ones get their password
    // checked (on PostgreSQL, where they truly overlap, often none), never all twenty.
    expect(results.every((result) => !result.ok)).toBe(true);
    const checked = results.filter((result) => !result.ok && result.reason === "invalid").length;
    expect(checked).toBeLessThanOrEqual(SIGN_IN_RULES.pair.free);
  });
});

describe("the sign-in page", () => {
  it("answers a slowed try with 429, the wait in minutes and a Retry-After header", async () => {
    const owner = await personAt(newAddress());
    const stranger = newAddress();
    const attempt = async (password: string) =>
      callAction(
        signInAction,
        await request("/masuk", { form: { identifier: owner.phone, password } }),
        {},
        stranger,
      );
    for (let i = 0; i < 5; i++) expect(statusOf(await attempt(`tebakan-${i}`))).toBe(400);
    const slowed = await attempt("tebakan-5");
    expect(statusOf(slowed)).toBe(429);
    expect((await jsonOf(slowed)).error?.[""]).toEqual(['auth.rate_limited|{"minutes":1}']);
    const retryAfter = Number((slowed as Response).headers.get("Retry-After"));
    expect(retryAfter).toBeGreaterThan(25);
    expect(retryAfter).toBeLessThanOrEqual(30);
  });
});

describe("pruning", () => {
  it("drops failures past the window and keeps the addresses people sign in from", async () => {
    const home = newAddress();
    const owner = await personAt(home);
    await signIn(owner.phone, "tebakan", newAddress(), T0);
    await pruneSignInAttempts(at(WINDOW_MS + SECOND));
    expect(await db.loginAttempt.count({ where: { key: { contains: owner.phone }, succeeded: false } })).toBe(
      0,
    );
    expect(await signIn(owner.phone, TEST_PASSWORD, home, at(WINDOW_MS + 2 * SECOND))).toEqual({
      ok: true,
      userId: owner.id,
    });
    await pruneSignInAttempts(at(KNOWN_ADDRESS_MS + WINDOW_MS + 3 * SECOND));
    expect(await db.loginAttempt.count({ where: { key: { contains: owner.phone } } })).toBe(0);
  });
});
