import { audit } from "../audit/audit";
import { db, type Tx } from "../db/client";
import { lockRow } from "../db/locks";
import { notFound, type Group, type MembersResult } from "./members";

// Who made how much: for one of the group's orders, or for a week's work, a member's units made
// or hours worked on a day. The base of bagi hasil. Once an approved distribution covers a day, the
// work on it is fixed: it can be neither added to nor taken away (the shares were paid from it).

export type ContributionInput = {
  memberId: string;
  orderId?: string | undefined;
  date: Date;
  quantity: number;
  hours: number;
  note?: string | undefined;
};

/** The approved distribution whose period holds `date`, if any. */
export function approvedDistributionCovering(client: Tx, tenant: Group, date: Date) {
  return client.distribution.findFirst({
    where: { groupId: tenant.groupId, status: "APPROVED", periodFrom: { lte: date }, periodTo: { gt: date } },
    select: { number: true },
  });
}

export async function recordContribution(
  tenant: Group,
  actorId: string,
  input: ContributionInput,
): Promise<MembersResult<string>> {
  if (input.quantity <= 0 && input.hours <= 0)
    return { ok: false, key: "members.work_empty", field: "quantity" };
  const [member, order] = await Promise.all([
    db.groupMember.findFirst({
      where: { id: input.memberId, groupId: tenant.groupId },
      select: { id: true, joinedAt: true, leftAt: true },
    }),
    input.orderId
      ? db.order.findFirst({
          where: { id: input.orderId, groupId: tenant.groupId },
          select: { id: true, number: true },
        })
      : null,
  ]);
  if (!member) return notFound;
  if (input.orderId && !order) return notFound;
  if (member.leftAt && input.date > member.leftAt)
    return { ok: false, key: "members.work_after_left", field: "date" };
  return db.$transaction(async (tx) => {
    // The group's row serialises this with approving a distribution that might cover the day.
    await lockRow(tx, "Group", { id: tenant.groupId });
    const covering = await approvedDistributionCovering(tx, tenant, input.date);
    if (covering) {
      return {
        ok: false as const,
        key: "members.work_fixed" as const,
        params: { number: covering.number },
        field: "date",
      };
    }
    const contribution = await tx.memberContribution.create({
      data: {
        groupId: tenant.groupId,
        memberId: member.id,
        orderId: order?.id ?? null,
        date: input.date,
        quantity: input.quantity,
        hours: input.hours,
        note: input.note?.trim() ?? "",
        recordedById: actorId,
      },
      select: { id: true },
    });
    await audit(tx, {
      actorId,
      action: "contribution.record",
      entityType: "MemberContribution",
      entityId: contribution.id,
      groupId: tenant.groupId,
      data: {
        memberId: member.id,
        order: order?.number ?? null,
        quantity: input.quantity,
        hours: input.hours,
      },
    });
    return { ok: true as const, value: contribution.id };
  });
}

/** Takes a wrong entry away, unless an approved distribution already shared by it. */
export async function deleteContribution(
  tenant: Group,
  actorId: string,
  contributionId: string,
): Promise<MembersResult> {
  return db.$transaction(async (tx) => {
    await lockRow(tx, "Group", { id: tenant.groupId });
    const contribution = await tx.memberContribution.findFirst({
      where: { id: contributionId, groupId: tenant.groupId },
      select: { id: true, date: true, memberId: true, quantity: true, hours: true, orderId: true },
    });
    if (!contribution) return notFound;
    const covering = await approvedDistributionCovering(tx, tenant, contribution.date);
    if (covering)
      return { ok: false as const, key: "members.work_fixed" as const, params: { number: covering.number } };
    await tx.memberContribution.delete({ where: { id: contribution.id }, select: { id: true } });
    await audit(tx, {
      actorId,
      action: "contribution.delete",
      entityType: "MemberContribution",
      entityId: contribution.id,
      groupId: tenant.groupId,
      data: { ...contribution, date: contribution.date.toISOString() },
    });
    return { ok: true as const, value: undefined };
  });
}

/** The work recorded in [from, to), newest first, with the member's name and the order's number. */
export function listContributions(tenant: Group, period: { from: Date; to: Date }) {
  return db.memberContribution.findMany({
    where: { groupId: tenant.groupId, date: { gte: period.from, lt: period.to } },
    select: {
      id: true,
      date: true,
      quantity: true,
      hours: true,
      note: true,
      member: { select: { id: true, name: true } },
      order: { select: { number: true } },
    },
    orderBy: [{ date: "desc" }, { createdAt: "desc" }],
  });
}

/** The group's recent orders to pick from when recording work for an order. */
export function ordersToRecordWorkFor(tenant: Group) {
  return db.order.findMany({
    where: { groupId: tenant.groupId, status: { notIn: ["CANCELLED", "REJECTED"] } },
    select: { id: true, number: true, placedAt: true },
    orderBy: { placedAt: "desc" },
    take: 50,
  });
}
