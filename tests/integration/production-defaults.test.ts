import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";

/**
 * The Set-Cookie header of a new session, from a fresh process started with exactly these
 * environment variables (the cookie's settings are read once, when the app starts).
 */
function sessionSetCookie(env: Record<string, string>) {
  const script = `
    const { sessionCookie } = await import("./app/.server/auth/session.ts");
    const { langCookie } = await import("./app/.server/http/lang.ts");
    console.log(JSON.stringify([await sessionCookie.serialize("t"), await langCookie.serialize("en")]));
  `;
  const childEnv = { ...process.env, ...env };
  for (const name of ["NODE_ENV", "APP_URL", "COOKIE_SECURE"]) if (!(name in env)) delete childEnv[name];
  const output = execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    env: childEnv,
    encoding: "utf8",
  });
  return JSON.parse(output) as string[];
}

describe("cookies", () => {
  it.each([
    ["the quick start (production, no APP_URL)", false, { NODE_ENV: "production" }],
    ["NODE_ENV unset and an https APP_URL", true, { APP_URL: "https://jejaring.id" }],
    ["production and an https APP_URL", true, { NODE_ENV: "production", APP_URL: "https://jejaring.id" }],
    ["production on http", false, { NODE_ENV: "production", APP_URL: "http://192.168.1.20:3000" }],
    ["COOKIE_SECURE=true over http", true, { APP_URL: "http://localhost:3000", COOKIE_SECURE: "true" }],
    ["COOKIE_SECURE=false behind https", false, { APP_URL: "https://jejaring.id", COOKIE_SECURE: "false" }],
  ])("for %s are Secure: %s", { timeout: 60_000 }, (_name, secure, env) => {
    for (const cookie of sessionSetCookie(env)) {
      expect(/;\s*Secure/i.test(cookie), cookie).toBe(secure);
    }
  });
});
