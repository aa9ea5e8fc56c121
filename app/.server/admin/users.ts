import { randomBytes } from "node:crypto";
import type { MessageKey } from "~/locales";
import { parseIdentifier } from "~/utils/identifier";
import { audit } from "../audit/audit";
import { CODE_VALID_MS, newCode } from "../auth/member-accounts";
import { hashPassword } from "../auth/password";
import { db, type Tx } from "../db/client";

// The admin's users page: find someone, suspend her with a reason (she cannot sign in and her
// sessions end), lift it, or give her a one-time sign-in code (never a password: she sets her own
// at /masuk/kode with her phone and the code). Every change is audited.

export type AdminRefusal = { ok: false; key: MessageKey; field?: string; notFound?: true };

export const USERS_PAGE_SIZE = 30;

/**
 * Users whose name holds the words, or whose phone or email is the one typed. Names are matched
 * as typed, in lower case and capitalised: SQLite's LIKE ignores case and PostgreSQL's does not,
 * and names here are written capitalised ("Ibu Sari").
 */
export async function searchUsers(query: string, page = 1) {
  const q = query.trim().slice(0, 100);
  const identifier = q ? parseIdentifier(q) : null;
  const capitalised = q.replace(/\b\p{L}/gu, (c) => c.toUpperCase());
  const where = q
    ? {
        OR: [
          ...[...new Set([q, q.toLowerCase(), capitalised])].map((text) => ({ name: { contains: text } })),
          ...(identifier?.kind === "phone" ? [{ phone: identifier.value }] : []),
          ...(identifier?.kind === "email" ? [{ email: identifier.value }] : []),
        ],
      }
    : {};
  const [total, users] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (Math.max(1, page) - 1) * USERS_PAGE_SIZE,
      take: USERS_PAGE_SIZE,
      select: {
        id: true,
        name: true,
        phone: true,
        email: true,
        isAdmin: true,
        createdAt: true,
        suspendedAt: true,
        suspendReason: true,
        memberships: { where: { leftAt: null }, select: { role: true, group: { select: { name: true } } } },
        businessRoles: { select: { business: { select: { name: true } } } },
        tkmRoles: { select: { team: { select: { name: true } } } },
        villageRoles: { select: { area: { select: { name: true } } } },
      },
    }),
  ]);
  return {
    total,
    pages: Math.max(1, Math.ceil(total / USERS_PAGE_SIZE)),
    users: users.map((u) => ({
      id: u.id,
      name: u.name,
      phone: u.phone,
      email: u.email,
      isAdmin: u.isAdmin,
      createdAt: u.createdAt,
      suspendedAt: u.suspendedAt,
      suspendReason: u.suspendReason,
      roles: [
        ...u.memberships.map((m) => ({ kind: "group" as const, role: m.role, name: m.group.name })),
        ...u.businessRoles.map((b) => ({ kind: "business" as const, role: null, name: b.business.name })),
        ...u.tkmRoles.map((r) => ({ kind: "tkm" as const, role: null, name: r.team.name })),
        ...u.villageRoles.map((r) => ({ kind: "village" as const, role: null, name: r.area.name })),
      ],
    })),
  };
}

async function targetUser(userId: string, adminId: string) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, phone: true, isAdmin: true, suspendedAt: true },
  });
  if (!user) return { ok: false, key: "adm.not_found", notFound: true } satisfies AdminRefusal;
  // An admin's own account, or another admin's, is changed from the command line, not here:
  // one admin must not be able to lock the others out.
  if (user.id === adminId || user.isAdmin)
    return { ok: false, key: "adm.not_for_admins" } satisfies AdminRefusal;
  return { ok: true as const, user };
}

/** Suspends her: she cannot sign in, and every session she has ends now. */
export async function suspendUser(adminId: string, userId: string, reason: string, now = new Date()) {
  const found = await targetUser(userId, adminId);
  if (!found.ok) return found;
  const done = await db.$transaction(async (tx) => {
    // Only the first of two clicks suspends; the second finds her suspended already.
    const changed = await tx.user.updateMany({
      where: { id: userId, suspendedAt: null },
      data: { suspendedAt: now, suspendReason: reason },
    });
    if (changed.count !== 1) return false;
    const sessions = await tx.session.deleteMany({ where: { userId } });
    await audit(tx, {
      actorId: adminId,
      action: "user.suspend",
      entityType: "User",
      entityId: userId,
      data: { reason, sessionsEnded: sessions.count },
    });
    return true;
  });
  if (!done) return { ok: false, key: "adm.already_suspended" } satisfies AdminRefusal;
  return { ok: true as const, name: found.user.name };
}

export async function unsuspendUser(adminId: string, userId: string) {
  const found = await targetUser(userId, adminId);
  if (!found.ok) return found;
  const done = await db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { suspendReason: true } });
    const changed = await tx.user.updateMany({
      where: { id: userId, suspendedAt: { not: null } },
      data: { suspendedAt: null, suspendReason: null },
    });
    if (changed.count !== 1) return false;
    await audit(tx, {
      actorId: adminId,
      action: "user.unsuspend",
      entityType: "User",
      entityId: userId,
      data: { previousReason: before?.suspendReason ?? null },
    });
    return true;
  });
  if (!done) return { ok: false, key: "adm.not_suspended" } satisfies AdminRefusal;
  return { ok: true as const, name: found.user.name };
}

/**
 * Writes a new one-time code for the user inside the caller's transaction (older waiting codes are
 * voided) and returns it; the code is stored only as its hash.
 */
export async function writeSignInCode(tx: Tx, userId: string, adminId: string, codeHash: string, now: Date) {
  await tx.signInCode.updateMany({
    where: { userId, usedAt: null, expiresAt: { gt: now } },
    data: { expiresAt: now },
  });
  return tx.signInCode.create({
    data: {
      userId,
      codeHash,
      expiresAt: new Date(now.getTime() + CODE_VALID_MS),
      createdById: adminId,
      createdAt: now,
    },
    select: { id: true, expiresAt: true },
  });
}

/** "Reset": a one-time sign-in code for her phone. Her password is neither shown nor changed. */
export async function resetWithCode(adminId: string, userId: string, now = new Date()) {
  const found = await targetUser(userId, adminId);
  if (!found.ok) return found;
  if (!found.user.phone) return { ok: false, key: "adm.needs_phone" } satisfies AdminRefusal;
  const code = newCode();
  const codeHash = await hashPassword(code);
  const given = await db.$transaction(async (tx) => {
    const written = await writeSignInCode(tx, userId, adminId, codeHash, now);
    await audit(tx, {
      actorId: adminId,
      action: "user.sign_in_code",
      entityType: "User",
      entityId: userId,
      data: { codeId: written.id },
    });
    return written;
  });
  return {
    ok: true as const,
    code,
    expiresAt: given.expiresAt,
    name: found.user.name,
    phone: found.user.phone,
  };
}

/**
 * The account an admin names by phone for a role (TKM officer, village official): the existing one,
 * or, when there is none and a name is given, a new one with a password no one knows and a
 * one-time code for her to set hers.
 */
export async function accountForRole(
  tx: Tx,
  input: { phone: string; name: string | undefined; adminId: string; codeHash: string; unusableHash: string },
  now: Date,
): Promise<{ ok: true; userId: string; created: boolean; codeId: string | null } | AdminRefusal> {
  const existing = await tx.user.findUnique({
    where: { phone: input.phone },
    select: { id: true, isAdmin: true },
  });
  if (existing) return { ok: true, userId: existing.id, created: false, codeId: null };
  if (!input.name) return { ok: false, key: "adm.no_such_user_give_name", field: "name" };
  const user = await tx.user.create({
    data: { name: input.name, phone: input.phone, passwordHash: input.unusableHash },
    select: { id: true },
  });
  await audit(tx, { actorId: input.adminId, action: "user.create", entityType: "User", entityId: user.id });
  const code = await writeSignInCode(tx, user.id, input.adminId, input.codeHash, now);
  return { ok: true, userId: user.id, created: true, codeId: code.id };
}

/** The hashes accountForRole may need, made before the transaction (hashing is slow). */
export async function roleAccountHashes() {
  const code = newCode();
  const [codeHash, unusableHash] = await Promise.all([
    hashPassword(code),
    hashPassword(randomBytes(32).toString("hex")),
  ]);
  return { code, codeHash, unusableHash };
}
