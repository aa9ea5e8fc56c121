import { db } from "../db/client";

// Sign-in attempts live in the database, so the limit holds however many app servers run.
export const WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

export const accountKey = (identifier: string) => `account:${identifier}`;
export const addressKey = (address: string) => `ip:${address}`;

async function failuresSince(key: string, since: Date) {
  return db.loginAttempt.count({ where: { key, succeeded: false, createdAt: { gte: since } } });
}

/** True when either the account or the client address has failed too often in the window. */
export async function isSignInLimited(identifier: string, address: string | null, now = new Date()) {
  const since = new Date(now.getTime() - WINDOW_MS);
  if ((await failuresSince(accountKey(identifier), since)) >= MAX_FAILURES_PER_ACCOUNT) return true;
  if (address && (await failuresSince(addressKey(address), since)) >= MAX_FAILURES_PER_ADDRESS) return true;
  return false;
}

export async function recordSignInAttempt(
  identifier: string,
  address: string | null,
  succeeded: boolean,
  now = new Date(),
) {
  const keys = [accountKey(identifier), ...(address ? [addressKey(address)] : [])];
  await db.loginAttempt.createMany({ data: keys.map((key) => ({ key, succeeded, createdAt: now })) });
  if (succeeded) {
    // A successful sign-in clears the account's count; the address keeps its history.
    await db.loginAttempt.deleteMany({ where: { key: accountKey(identifier), succeeded: false } });
  }
}

/** Old attempts are only noise; called from time to time. */
export async function pruneSignInAttempts(now = new Date()) {
  await db.loginAttempt.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - WINDOW_MS) } } });
}
