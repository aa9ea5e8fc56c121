import type { MessageKey } from "~/locales";
import { audit } from "../audit/audit";
import { db, type BaselineMethod } from "../db/client";
import { lockRow } from "../db/locks";

// A group's baseline (pendapatan awal): its monthly income before joining, as TKM measured it,
// optionally with each member household's. Rows are never edited: a revision is a new row with a
// reason, and the newest row is the baseline. Group.baselineMonthlyIncome mirrors it, written in
// the same transaction, because the dashboards and reports read it from there.

export type AreaGroup = { areaPath: string; groupId: string };
type Refusal = { ok: false; key: MessageKey; field?: string; notFound?: true };

function inArea(tenant: AreaGroup) {
  return { id: tenant.groupId, village: { path: { startsWith: tenant.areaPath } } };
}

export type BaselineInput = {
  monthlyIncome: number;
  method: BaselineMethod;
  note: string;
  measuredOn: Date;
  /** Why it is revised: required when the group already has a baseline. */
  reason: string;
  /** Per member household, optional: only members of this group, each at most once. */
  households: { memberId: string; monthlyIncome: number }[];
  /** The id of the newest baseline when the form was shown ("" for none): a second submit of the
   * same form, or a revision made meanwhile by someone else, is caught by it. */
  basedOn: string;
};

/** The group's baselines, newest first, with their households; null outside the area. */
export async function baselineHistory(tenant: AreaGroup) {
  const group = await db.group.findFirst({
    where: inArea(tenant),
    select: {
      id: true,
      name: true,
      baselineMonthlyIncome: true,
      members: {
        where: { leftAt: null },
        orderBy: [{ role: "asc" }, { name: "asc" }],
        select: { id: true, name: true, role: true },
      },
    },
  });
  if (!group) return null;
  const baselines = await db.groupBaseline.findMany({
    where: { groupId: group.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      monthlyIncome: true,
      method: true,
      note: true,
      measuredOn: true,
      reason: true,
      createdAt: true,
      recordedBy: { select: { name: true } },
      households: {
        orderBy: { label: "asc" },
        select: { id: true, label: true, monthlyIncome: true, memberId: true },
      },
    },
  });
  return { group, baselines, current: baselines[0] ?? null };
}

type Recorded = { ok: true; baselineId: string; repeated: boolean };

/** Records the first baseline or a revision; one transaction, one audit event. */
export async function recordBaseline(
  tenant: AreaGroup,
  actorId: string,
  input: BaselineInput,
  now = new Date(),
): Promise<Recorded | Refusal> {
  const group = await db.group.findFirst({
    where: inArea(tenant),
    select: { id: true, members: { where: { leftAt: null }, select: { id: true, name: true } } },
  });
  if (!group) return { ok: false, key: "stew.not_found", notFound: true };
  const names = new Map(group.members.map((m) => [m.id, m.name]));
  const seen = new Set<string>();
  for (const line of input.households) {
    if (!names.has(line.memberId) || seen.has(line.memberId)) {
      return { ok: false, key: "stew.baseline.household_unknown", field: "households" };
    }
    seen.add(line.memberId);
  }
  if (input.measuredOn.getTime() > now.getTime()) {
    return { ok: false, key: "stew.baseline.measured_future", field: "measuredOn" };
  }
  const reason = input.reason.trim();

  return db.$transaction(async (tx): Promise<Recorded | Refusal> => {
    // Two submits at once wait here; the second then sees the first one's row as the newest.
    await lockRow(tx, "Group", { id: group.id });
    const newest = await tx.groupBaseline.findFirst({
      where: { groupId: group.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: {
        id: true,
        monthlyIncome: true,
        method: true,
        note: true,
        measuredOn: true,
        recordedById: true,
        createdAt: true,
      },
    });
    if ((newest?.id ?? "") !== input.basedOn) {
      // The same form sent twice: the first one's row stands, and that is what she wanted.
      const same =
        newest !== null &&
        newest.recordedById === actorId &&
        newest.monthlyIncome === input.monthlyIncome &&
        newest.method === input.method &&
        newest.note === input.note.trim() &&
        newest.measuredOn.getTime() === input.measuredOn.getTime();
      if (same) return { ok: true, baselineId: newest.id, repeated: true };
      return { ok: false, key: "stew.baseline.changed" };
    }
    if (newest && reason.length === 0) return { ok: false, key: "stew.reason_required", field: "reason" };
    const createdAt =
      newest && newest.createdAt.getTime() >= now.getTime() ? new Date(newest.createdAt.getTime() + 1) : now;
    const created = await tx.groupBaseline.create({
      data: {
        groupId: group.id,
        monthlyIncome: input.monthlyIncome,
        method: input.method,
        note: input.note.trim(),
        measuredOn: input.measuredOn,
        reason: newest ? reason : null,
        recordedById: actorId,
        createdAt,
        households: {
          create: input.households.map((line) => ({
            memberId: line.memberId,
            label: names.get(line.memberId) ?? "",
            monthlyIncome: line.monthlyIncome,
          })),
        },
      },
      select: { id: true },
    });
    await tx.group.update({
      where: { id: group.id },
      data: { baselineMonthlyIncome: input.monthlyIncome },
      select: { id: true },
    });
    await audit(tx, {
      actorId,
      action: newest ? "group.baseline_revise" : "group.baseline_record",
      entityType: "GroupBaseline",
      entityId: created.id,
      groupId: group.id,
      data: {
        monthlyIncome: input.monthlyIncome,
        previous: newest?.monthlyIncome ?? null,
        method: input.method,
        households: input.households.length,
        ...(newest ? { reason } : {}),
      },
    });
    return { ok: true, baselineId: created.id, repeated: false };
  });
}
