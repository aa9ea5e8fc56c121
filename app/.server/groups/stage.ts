import type { MessageKey } from "~/locales";
import { lastWibMonths, wibMonthStart } from "~/utils/time";
import { audit } from "../audit/audit";
import { deliveredOnTime } from "../catalog/groups";
import { db, Prisma, type GroupStage } from "../db/client";
import { lockRow } from "../db/locks";
import { earnedIncomeByMonth } from "../ledger/summary";
import { deriveStage, type StageFacts, type StageVerdict } from "./stage-rule";

// The group's Kemensos stage: derived by the rule (./stage-rule.ts) from the twelve complete WIB
// months before now, then confirmed or overridden by TKM. Group.stage is always the newest
// decision's stage, written in the same transaction as the decision.

const WINDOW_MONTHS = 12;
const RECENT_MONTHS = 6;
/** Orders that were refused or called off are not sales (as reports/dashboard counts them). */
const NOT_SALES = ["REJECTED", "CANCELLED"] as const;

export type AreaGroup = { areaPath: string; groupId: string };
type Refusal = { ok: false; key: MessageKey; field?: string; notFound?: true };

function inArea(tenant: AreaGroup) {
  return { id: tenant.groupId, village: { path: { startsWith: tenant.areaPath } } };
}

/** The twelve complete WIB months before the month of `now`, and their bounds. */
export function stageWindow(now: Date) {
  const months = lastWibMonths(now, WINDOW_MONTHS + 1);
  const current = months.pop() as string;
  return { months, from: wibMonthStart(months[0] as string), to: wibMonthStart(current) };
}

/** What the rule reads for one group (see StageFacts), counted by the database. */
export async function stageFacts(tenant: { groupId: string }, now = new Date()): Promise<StageFacts> {
  const { groupId } = tenant;
  const { months, from, to } = stageWindow(now);
  const [income, group, buyers, deliveries, workers, supports] = await Promise.all([
    earnedIncomeByMonth(tenant, { from, to }),
    db.group.findUniqueOrThrow({ where: { id: groupId }, select: { baselineMonthlyIncome: true } }),
    db.order.groupBy({
      by: ["businessId"],
      where: { groupId, placedAt: { gte: from, lt: to }, status: { notIn: [...NOT_SALES] } },
    }),
    db.$queryRaw<{ delivered: number | bigint; onTime: number | bigint | null }[]>(Prisma.sql`
      SELECT COUNT(*) AS "delivered", SUM(CASE WHEN ${deliveredOnTime()} THEN 1 ELSE 0 END) AS "onTime"
      FROM "Order" o
      WHERE o."groupId" = ${groupId} AND o."deliveredAt" >= ${from} AND o."deliveredAt" < ${to}`),
    db.memberContribution.groupBy({ by: ["memberId"], where: { groupId, date: { gte: from, lt: to } } }),
    db.support.count({ where: { groupId, date: { gte: from, lt: to } } }),
  ]);
  const recent = months.slice(-RECENT_MONTHS);
  return {
    monthsWithIncome: months.filter((month) => (income.get(month) ?? 0) > 0).length,
    averageRecentIncome: Math.round(
      recent.reduce((sum, month) => sum + (income.get(month) ?? 0), 0) / RECENT_MONTHS,
    ),
    baseline: group.baselineMonthlyIncome,
    distinctBuyers: buyers.length,
    activeMembers: workers.length,
    delivered: Number(deliveries[0]?.delivered ?? 0),
    onTime: Number(deliveries[0]?.onTime ?? 0),
    supports,
  };
}

/** The group's stage as decided, what the rule says now and why, and the decisions so far. */
export async function stageOverview(tenant: AreaGroup, now = new Date()) {
  const group = await db.group.findFirst({
    where: inArea(tenant),
    select: { id: true, name: true, stage: true },
  });
  if (!group) return null;
  const facts = await stageFacts({ groupId: group.id }, now);
  const history = await db.stageDecision.findMany({
    where: { groupId: group.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 20,
    select: {
      id: true,
      derived: true,
      stage: true,
      kind: true,
      reason: true,
      createdAt: true,
      decidedBy: { select: { name: true } },
    },
  });
  return {
    name: group.name,
    stage: group.stage,
    facts,
    verdict: deriveStage(facts),
    window: stageWindow(now),
    history,
  };
}

export type StageDecisionInput = {
  stage: GroupStage;
  /** The derived stage the officer saw: if the rule says otherwise now, she must look again. */
  derivedSeen: GroupStage;
  reason: string;
};

/**
 * Confirms the derived stage or overrides it (an override needs a reason). The rule runs again
 * here on the data as it is now: the form only carries the officer's choice. The group's row is
 * locked first and the decision's time taken after, so of two decisions at once the one written
 * last is the newest in the history and the one Group.stage shows.
 */
export async function decideStage(
  tenant: AreaGroup,
  actorId: string,
  input: StageDecisionInput,
  now = () => new Date(),
): Promise<{ ok: true; verdict: StageVerdict } | Refusal> {
  const group = await db.group.findFirst({ where: inArea(tenant), select: { id: true } });
  if (!group) return { ok: false, key: "stew.not_found", notFound: true };
  const facts = await stageFacts({ groupId: group.id }, now());
  const verdict = deriveStage(facts);
  if (verdict.stage !== input.derivedSeen) return { ok: false, key: "stew.stage.rule_changed" };
  const kind = input.stage === verdict.stage ? "CONFIRMED" : "OVERRIDDEN";
  const reason = input.reason.trim();
  if (kind === "OVERRIDDEN" && reason.length === 0) {
    return { ok: false, key: "stew.reason_required", field: "reason" };
  }
  await db.$transaction(async (tx) => {
    await lockRow(tx, "Group", { id: group.id });
    const newest = await tx.stageDecision.findFirst({
      where: { groupId: group.id },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true },
    });
    // Clocks of two app servers may differ by a little: the history's order is the lock's order.
    const at = now();
    const createdAt =
      newest && newest.createdAt.getTime() >= at.getTime() ? new Date(newest.createdAt.getTime() + 1) : at;
    const decision = await tx.stageDecision.create({
      data: {
        groupId: group.id,
        derived: verdict.stage,
        stage: input.stage,
        kind,
        reason,
        facts: JSON.stringify({ facts, criteria: verdict.criteria }),
        decidedById: actorId,
        createdAt,
      },
      select: { id: true },
    });
    await tx.group.update({ where: { id: group.id }, data: { stage: input.stage }, select: { id: true } });
    await audit(tx, {
      actorId,
      action: kind === "CONFIRMED" ? "group.stage_confirm" : "group.stage_override",
      entityType: "Group",
      entityId: group.id,
      groupId: group.id,
      data: { decisionId: decision.id, derived: verdict.stage, stage: input.stage, reason },
    });
  });
  return { ok: true, verdict };
}
