import { db } from "../db/client";

// Sign-in attempts live in the database, so the limits hold however many app servers run.
//
// Failures are counted three ways over the last WINDOW_MS. Each count has a few free tries; past
// them every further try waits after the latest failure, the wait doubling up to a cap. That slows
// guessing to a crawl without ever locking anyone out for long:
// - one account from one address: someone guessing her password;
// - one account from any address: the same guessing spread over many addresses;
// - one address against any account: one common password tried on many accounts.
// The last two are the ones a stranger can set off against a real person (knowing her phone
// number, or sharing her village's internet), so a try from an address this account has signed in
// from before passes them and has its password checked; only the first applies to it.

const MINUTE = 60 * 1000;
export const WINDOW_MS = 15 * MINUTE;
/** How long an address stays one the account has signed in from. */
export const KNOWN_ADDRESS_MS = 90 * 24 * 60 * MINUTE;

export type SlowdownRule = { free: number; firstWaitMs: number; maxWaitMs: number };

export const SIGN_IN_RULES = {
  pair: { free: 5, firstWaitMs: 30 * 1000, maxWaitMs: 15 * MINUTE },
  account: { free: 10, firstWaitMs: 15 * 1000, maxWaitMs: 5 * MINUTE },
  address: { free: 20, firstWaitMs: 15 * 1000, maxWaitMs: 5 * MINUTE },
} satisfies Record<string, SlowdownRule>;

/** How long after the latest failure the next try waits, given how many failures came before it. */
export function waitAfterFailures(failures: number, rule: SlowdownRule): number {
  if (failures < rule.free) return 0;
  return Math.min(rule.firstWaitMs * 2 ** (failures - rule.free), rule.maxWaitMs);
}

// An address never contains "|", so `address|identifier` cannot be read two ways.
function keysFor(identifier: string, address: string | null) {
  return {
    account: `account:${identifier}`,
    pair: address ? `pair:${address}|${identifier}` : null,
    address: address ? `ip:${address}` : null,
    known: address ? `known:${address}|${identifier}` : null,
  };
}

/** How long from `now` until `key` may try again, not counting this attempt's own rows. */
async function waitFor(key: string | null, rule: SlowdownRule, ownIds: string[], now: Date) {
  if (!key) return 0;
  const { _count, _max } = await db.loginAttempt.aggregate({
    where: {
      key,
      succeeded: false,
      createdAt: { gte: new Date(now.getTime() - WINDOW_MS) },
      id: { notIn: ownIds },
    },
    _count: { _all: true },
    _max: { createdAt: true },
  });
  if (!_max.createdAt) return 0;
  return Math.max(0, _max.createdAt.getTime() + waitAfterFailures(_count._all, rule) - now.getTime());
}

export type SignInAttempt = { identifier: string; address: string | null; ids: string[] };

/**
 * Opens an attempt, or says how long to wait first. The attempt is written as a failure before
 * the counts are read, so tries sent at the same instant see each other and cannot all slip into
 * the free tries together. A refused try is taken back: it checked no password, and counting it
 * would let a stranger keep the wait going for ever.
 */
export async function openSignInAttempt(
  identifier: string,
  address: string | null,
  now = new Date(),
): Promise<{ ok: true; attempt: SignInAttempt } | { ok: false; retryAfterMs: number }> {
  const keys = keysFor(identifier, address);
  const rows = await db.loginAttempt.createManyAndReturn({
    data: [keys.account, keys.pair, keys.address]
      .filter((key) => key !== null)
      .map((key) => ({ key, succeeded: false, createdAt: now })),
    select: { id: true },
  });
  const ids = rows.map((row) => row.id);
  const [pairWait, accountWait, addressWait, known] = await Promise.all([
    waitFor(keys.pair, SIGN_IN_RULES.pair, ids, now),
    waitFor(keys.account, SIGN_IN_RULES.account, ids, now),
    waitFor(keys.address, SIGN_IN_RULES.address, ids, now),
    keys.known
      ? db.loginAttempt.count({
          where: {
            key: keys.known,
            succeeded: true,
            createdAt: { gte: new Date(now.getTime() - KNOWN_ADDRESS_MS) },
          },
        })
      : 0,
  ]);
  const retryAfterMs = Math.max(pairWait, known > 0 ? 0 : Math.max(accountWait, addressWait));
  if (retryAfterMs === 0) return { ok: true, attempt: { identifier, address, ids } };
  await db.loginAttempt.deleteMany({ where: { id: { in: ids } } });
  return { ok: false, retryAfterMs };
}

/**
 * A wrong password stays counted as written. The right one takes the attempt back, forgets this
 * address's earlier failures on the account (her own typing mistakes) and remembers the address.
 */
export async function closeSignInAttempt(attempt: SignInAttempt, succeeded: boolean, now = new Date()) {
  if (!succeeded) return;
  const keys = keysFor(attempt.identifier, attempt.address);
  await db.$transaction([
    db.loginAttempt.deleteMany({ where: { id: { in: attempt.ids } } }),
    ...(keys.pair && keys.known
      ? [
          db.loginAttempt.deleteMany({ where: { key: { in: [keys.pair, keys.known] } } }),
          db.loginAttempt.create({ data: { key: keys.known, succeeded: true, createdAt: now } }),
        ]
      : []),
  ]);
}

/** Failures older than the window and addresses not signed in from for long are only noise. */
export async function pruneSignInAttempts(now = new Date()) {
  await db.loginAttempt.deleteMany({
    where: {
      OR: [
        { succeeded: false, createdAt: { lt: new Date(now.getTime() - WINDOW_MS) } },
        { succeeded: true, createdAt: { lt: new Date(now.getTime() - KNOWN_ADDRESS_MS) } },
      ],
    },
  });
}
