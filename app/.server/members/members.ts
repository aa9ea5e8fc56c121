import type { MessageKey, MessageParams } from "~/locales";
import { normalizeIndonesianPhone } from "~/utils/phone";
import { audit } from "../audit/audit";
import { db, type MemberRole } from "../db/client";

// The group's member list, kept by its officers (ketua, sekretaris, bendahara). Most members have
// no phone and no account. A member who leaves is kept and marked left, never deleted: her work
// and shares stay in the books. Names are for the group's officers only, never for buyers.

export type Group = { groupId: string };

export type MembersResult<T = undefined> =
  | { ok: true; value: T }
  | { ok: false; key: MessageKey; params?: MessageParams; field?: string; notFound?: true };

export const notFound = { ok: false, key: "members.not_found", notFound: true } as const;

export type MemberInput = {
  name: string;
  rw?: string | undefined;
  phone?: string | undefined;
  role: MemberRole;
  joinedAt: Date;
};

const memberFields = {
  id: true,
  name: true,
  rw: true,
  phone: true,
  role: true,
  joinedAt: true,
  leftAt: true,
  userId: true,
} as const;

/** Every member, present ones first (by name), then those who left. */
export async function listMembers(tenant: Group) {
  const members = await db.groupMember.findMany({
    where: { groupId: tenant.groupId },
    select: memberFields,
    orderBy: [{ name: "asc" }],
  });
  return [...members.filter((m) => !m.leftAt), ...members.filter((m) => m.leftAt)];
}

export function findMember(tenant: Group, memberId: string) {
  return db.groupMember.findFirst({ where: { id: memberId, groupId: tenant.groupId }, select: memberFields });
}

function cleanRw(rw: string | undefined) {
  const digits = rw?.trim().replace(/^rw\s*/i, "") ?? "";
  return digits === "" ? null : `RW ${digits.padStart(2, "0")}`;
}

function cleanPhone(phone: string | undefined): MembersResult<string | null> {
  if (!phone?.trim()) return { ok: true, value: null };
  const normalized = normalizeIndonesianPhone(phone);
  return normalized
    ? { ok: true, value: normalized }
    : { ok: false, key: "checkout.phone_invalid", field: "phone" };
}

export async function addMember(
  tenant: Group,
  actorId: string,
  input: MemberInput,
): Promise<MembersResult<string>> {
  const phone = cleanPhone(input.phone);
  if (!phone.ok) return phone;
  return db.$transaction(async (tx) => {
    const member = await tx.groupMember.create({
      data: {
        groupId: tenant.groupId,
        name: input.name.trim(),
        rw: cleanRw(input.rw),
        phone: phone.value,
        role: input.role,
        joinedAt: input.joinedAt,
      },
      select: { id: true },
    });
    await audit(tx, {
      actorId,
      action: "member.add",
      entityType: "GroupMember",
      entityId: member.id,
      groupId: tenant.groupId,
      data: { role: input.role },
    });
    return { ok: true as const, value: member.id };
  });
}

/**
 * Changes a member's details. A role decides what an account may do, so only the ketua changes
 * the role of a member who has an account, and no one changes her own role.
 */
export async function updateMember(
  tenant: Group,
  actor: { id: string; role: MemberRole },
  memberId: string,
  input: MemberInput,
): Promise<MembersResult> {
  const member = await findMember(tenant, memberId);
  if (!member) return notFound;
  const phone = cleanPhone(input.phone);
  if (!phone.ok) return phone;
  if (member.role !== input.role && member.userId) {
    if (member.userId === actor.id) return { ok: false, key: "members.own_role", field: "role" };
    if (actor.role !== "KETUA") return { ok: false, key: "members.role_only_ketua", field: "role" };
  }
  if (member.leftAt && input.joinedAt > member.leftAt) {
    return { ok: false, key: "members.left_before_joined", field: "joinedAt" };
  }
  await db.$transaction(async (tx) => {
    await tx.groupMember.update({
      where: { id: member.id },
      data: {
        name: input.name.trim(),
        rw: cleanRw(input.rw),
        phone: phone.value,
        role: input.role,
        joinedAt: input.joinedAt,
      },
      select: { id: true },
    });
    await audit(tx, {
      actorId: actor.id,
      action: "member.update",
      entityType: "GroupMember",
      entityId: member.id,
      groupId: tenant.groupId,
      data: { role: input.role, previousRole: member.role },
    });
  });
  return { ok: true, value: undefined };
}

/** Marks a member as having left on a day; she stays in the list and the books. */
export async function markMemberLeft(
  tenant: Group,
  actorId: string,
  memberId: string,
  leftAt: Date,
): Promise<MembersResult> {
  const member = await findMember(tenant, memberId);
  if (!member) return notFound;
  if (member.userId === actorId) return { ok: false, key: "members.cannot_leave_self" };
  if (member.leftAt) return { ok: false, key: "members.already_left" };
  if (leftAt < member.joinedAt) return { ok: false, key: "members.left_before_joined", field: "leftAt" };
  await db.$transaction(async (tx) => {
    await tx.groupMember.update({ where: { id: member.id }, data: { leftAt }, select: { id: true } });
    await audit(tx, {
      actorId,
      action: "member.left",
      entityType: "GroupMember",
      entityId: member.id,
      groupId: tenant.groupId,
      data: { leftAt: leftAt.toISOString() },
    });
  });
  return { ok: true, value: undefined };
}
