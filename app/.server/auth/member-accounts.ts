import { randomBytes, randomInt } from "node:crypto";
import type { MessageKey } from "~/locales";
import { normalizeIndonesianPhone } from "~/utils/phone";
import { audit } from "../audit/audit";
import { db } from "../db/client";
import type { MemberRole } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import { burnPasswordCheck, hashPassword, verifyPassword } from "./password";
import { closeSignInAttempt, openSignInAttempt } from "./rate-limit";

// Read-only accounts for a group's members (anggota). The ketua, or a TKM officer of the group's
// area, gives a member a one-time sign-in code; with her phone and the code she sets a password.
// The code is stored only as a hash, lasts 72 hours, works once, and a new one voids the older.
// A manager (ketua, sekretaris, bendahara) who forgot her password gets a code only from TKM, never
// from another officer of her group, and hers lasts 24 hours: it opens the group's back office.

export const CODE_DIGITS = 8;
export const CODE_VALID_MS = 72 * 60 * 60 * 1000;
/** Long enough to use the same day on a weak signal; a lost note stops working by tomorrow. */
export const MANAGER_CODE_VALID_MS = 24 * 60 * 60 * 1000;

type Refusal = { ok: false; key: MessageKey; notFound?: boolean };

/** Who gives the code, for which group: its ketua, or a TKM officer if it lies inside the area. */
export type CodeGiver =
  { kind: "ketua"; groupId: string } | { kind: "tkm"; areaPath: string; groupId: string };

function insideArea(giver: CodeGiver) {
  return giver.kind === "tkm" ? { village: { path: { startsWith: giver.areaPath } } } : {};
}

/** The group's current members with whether each has an account and a code waiting. */
export async function listMemberAccounts(giver: CodeGiver, now = new Date()) {
  const { groupId } = giver;
  const group = await db.group.findFirst({
    where: { id: groupId, ...insideArea(giver) },
    select: { id: true, name: true },
  });
  if (!group) return null;
  const members = await db.groupMember.findMany({
    where: { groupId, leftAt: null },
    orderBy: [{ role: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      role: true,
      phone: true,
      userId: true,
      user: {
        select: {
          signInCodes: {
            where: { usedAt: null, expiresAt: { gt: now } },
            orderBy: { createdAt: "desc" },
            take: 1,
            select: { expiresAt: true },
          },
        },
      },
    },
  });
  return {
    group,
    members: members.map((m) => ({
      id: m.id,
      name: m.name,
      role: m.role,
      hasPhone: Boolean(m.phone),
      hasAccount: Boolean(m.userId),
      codeExpiresAt: m.user?.signInCodes[0]?.expiresAt ?? null,
      ...codeChoice(giver, m.role, Boolean(m.phone)),
    })),
  };
}

/** Whether this giver may give this member a code, and if not, why (for the page to say). */
function codeChoice(
  giver: CodeGiver,
  role: MemberRole,
  hasPhone: boolean,
): { canGetCode: boolean; whyNoCode: "officer" | "phone" | null } {
  if (role !== "ANGGOTA" && giver.kind !== "tkm") return { canGetCode: false, whyNoCode: "officer" };
  if (!hasPhone) return { canGetCode: false, whyNoCode: "phone" };
  return { canGetCode: true, whyNoCode: null };
}

/** A fresh one-time sign-in code (digits only, so a basic phone can type it). */
export function newCode(): string {
  return String(randomInt(0, 10 ** CODE_DIGITS)).padStart(CODE_DIGITS, "0");
}

/**
 * Gives a member a one-time code, making her account first if she has none (a password no one
 * knows, until she sets hers). From the ketua only an anggota gets one: a code resets a password,
 * and no officer may take over another officer's account that way. From TKM a manager gets one too
 * (she forgot her password, or TKM registered the group for her), valid for a shorter time. Never
 * for an account that is also a buyer's or an officer's elsewhere, nor a phone that already
 * belongs to someone else's account.
 */
export async function giveSignInCode(
  giver: CodeGiver,
  actorId: string,
  memberId: string,
  now = new Date(),
): Promise<
  { ok: true; code: string; expiresAt: Date; memberName: string; groupId: string; role: MemberRole } | Refusal
> {
  const member = await db.groupMember.findFirst({
    where: { id: memberId, leftAt: null, groupId: giver.groupId, group: insideArea(giver) },
    select: {
      id: true,
      name: true,
      role: true,
      phone: true,
      groupId: true,
      userId: true,
      user: {
        select: {
          isAdmin: true,
          _count: { select: { businessRoles: true, tkmRoles: true, memberships: true } },
        },
      },
    },
  });
  if (!member) return { ok: false, key: "account.not_found", notFound: true };
  if (member.role !== "ANGGOTA" && giver.kind !== "tkm") return { ok: false, key: "account.only_members" };
  const phone = member.phone ? normalizeIndonesianPhone(member.phone) : null;
  if (!phone) return { ok: false, key: "account.needs_phone" };
  const user = member.user;
  if (
    user &&
    (user.isAdmin || user._count.businessRoles > 0 || user._count.tkmRoles > 0 || user._count.memberships > 1)
  ) {
    return { ok: false, key: "account.has_other_roles" };
  }
  if (!member.userId) {
    const taken = await db.user.findUnique({ where: { phone }, select: { id: true } });
    if (taken) return { ok: false, key: "account.phone_taken" };
  }

  const code = newCode();
  const [codeHash, unusable] = await Promise.all([
    hashPassword(code),
    member.userId ? null : hashPassword(randomBytes(32).toString("hex")),
  ]);
  const manager = member.role !== "ANGGOTA";
  const expiresAt = new Date(now.getTime() + (manager ? MANAGER_CODE_VALID_MS : CODE_VALID_MS));
  const done = await db
    .$transaction(async (tx) => {
      let userId = member.userId;
      if (!userId) {
        const created = await tx.user.create({
          data: { name: member.name, phone, passwordHash: unusable ?? "" },
          select: { id: true },
        });
        // Linked only if no one linked her in the meantime (a double submit): the loser rolls back.
        const linked = await tx.groupMember.updateMany({
          where: { id: member.id, userId: null },
          data: { userId: created.id },
        });
        if (linked.count !== 1) return null;
        userId = created.id;
      }
      // A new code voids the older ones still waiting.
      await tx.signInCode.updateMany({
        where: { userId, usedAt: null, expiresAt: { gt: now } },
        data: { expiresAt: now },
      });
      const given = await tx.signInCode.create({
        data: { userId, codeHash, expiresAt, createdById: actorId, createdAt: now },
        select: { id: true },
      });
      await audit(tx, {
        actorId,
        action: "member.sign_in_code",
        entityType: "GroupMember",
        entityId: member.id,
        groupId: member.groupId,
        data: { codeId: given.id, by: giver.kind, newAccount: !member.userId, role: member.role },
      });
      return given;
    })
    .catch((error: unknown) => {
      // Two first codes at once: the phone's unique index refuses the second account.
      if (isUniqueViolation(error)) return null;
      throw error;
    });
  if (!done) return { ok: false, key: "account.try_again" };
  return { ok: true, code, expiresAt, memberName: member.name, groupId: member.groupId, role: member.role };
}

export type RedeemResult =
  | { ok: true; userId: string; manager: boolean; isMember: boolean }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "suspended" }
  | { ok: false; reason: "rate_limited"; retryAfterMs: number };

/**
 * With her phone and the code she sets her password. Wrong codes are slowed down like wrong
 * passwords (./rate-limit, decision 012), counted under their own key so a code guesser and a
 * password guesser share no free tries. Only the latest waiting code counts; it works once, even
 * when the same form is sent twice at once.
 */
export async function redeemSignInCode(
  rawPhone: string,
  code: string,
  password: string,
  address: string | null,
  now = new Date(),
): Promise<RedeemResult> {
  const phone = normalizeIndonesianPhone(rawPhone);
  if (!phone) return { ok: false, reason: "invalid" };
  const opened = await openSignInAttempt(`code:${phone}`, address, now);
  if (!opened.ok) return { ok: false, reason: "rate_limited", retryAfterMs: opened.retryAfterMs };

  const user = await db.user.findUnique({
    where: { phone },
    select: {
      id: true,
      suspendedAt: true,
      signInCodes: {
        where: { usedAt: null, expiresAt: { gt: now } },
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { id: true, codeHash: true },
      },
    },
  });
  const waiting = user?.signInCodes[0];
  const valid = waiting
    ? await verifyPassword(waiting.codeHash, code)
    : (await burnPasswordCheck(code), false);
  if (!user || !waiting || !valid) {
    await closeSignInAttempt(opened.attempt, false, now);
    return { ok: false, reason: "invalid" };
  }
  // A suspended account keeps its code unused: it works again only once the admin lifts it.
  if (user.suspendedAt) {
    await closeSignInAttempt(opened.attempt, false, now);
    return { ok: false, reason: "suspended" };
  }
  const passwordHash = await hashPassword(password);
  const used = await db.$transaction(async (tx) => {
    const taken = await tx.signInCode.updateMany({
      where: { id: waiting.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (taken.count !== 1) return false;
    await tx.user.update({ where: { id: user.id }, data: { passwordHash }, select: { id: true } });
    // A new password signs out every device that knew the old one.
    await tx.session.deleteMany({ where: { userId: user.id } });
    const membership = await tx.groupMember.findFirst({
      where: { userId: user.id, leftAt: null },
      select: { id: true, groupId: true, role: true },
    });
    await audit(tx, {
      actorId: user.id,
      action: "member.password_set",
      entityType: "User",
      entityId: user.id,
      groupId: membership?.groupId ?? null,
      data: { codeId: waiting.id },
    });
    return {
      manager: membership !== null && membership.role !== "ANGGOTA",
      isMember: membership !== null,
    };
  });
  await closeSignInAttempt(opened.attempt, used !== false, now);
  if (!used) return { ok: false, reason: "invalid" };
  return { ok: true, userId: user.id, manager: used.manager, isMember: used.isMember };
}
