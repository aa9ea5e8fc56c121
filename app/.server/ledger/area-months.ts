import { db, Prisma } from "../db/client";
import { EARNED_INCOME_CATEGORIES } from "./cash-book";
import { wibMonthOf } from "./summary";

// The cash book summed per group and WIB month for every group of an area, for TKM's monitoring
// (monitoring/facts.ts). Counted by the database: an area's ten years of lines are never read
// line by line.

/**
 * The expenses that count as a group's costs in monitoring (net income = earned − costs): what it
 * spends to make and sell. Members' dues, savings, payouts and aid are not costs. OTHER is kept
 * here (unlike bagi hasil's COST_CATEGORIES) because groups book sundry business spending there.
 */
export const MONITORED_COST_CATEGORIES = [
  "MATERIALS",
  "TRANSPORT",
  "EQUIPMENT",
  "OTHER",
] as const satisfies readonly string[];

const EARNED_IN_SQL = Prisma.raw(EARNED_INCOME_CATEGORIES.map((category) => `'${category}'`).join(", "));
const COSTS_IN_SQL = Prisma.raw(MONITORED_COST_CATEGORIES.map((category) => `'${category}'`).join(", "));

export type GroupMonthMoney = { groupId: string; month: string; earned: number; costs: number };

/**
 * Earned income and costs per group and WIB month over [from, to), for the groups whose village
 * path starts with `areaPath`. Earned: every ORDER, CONSIGNMENT and OTHER_SALES line with its sign,
 * less REFUND expenses (as summary.ts). Costs: EXPENSE lines of MONITORED_COST_CATEGORIES that are
 * not corrections, less the corrections (INCOME lines pointing at one) that take them back; an
 * income line of those categories that is not a correction (equipment sold) is not a negative cost,
 * and a correction of such income is not a cost. (group, month) pairs with neither are absent.
 */
export async function earnedAndCostsByGroupMonth(
  tenant: { areaPath: string },
  range: { from: Date; to: Date },
): Promise<GroupMonthMoney[]> {
  const month = wibMonthOf(Prisma.sql`c."occurredAt"`);
  const rows = await db.$queryRaw<
    { groupId: string; month: string; earned: number | bigint | null; costs: number | bigint | null }[]
  >(Prisma.sql`
    SELECT c."groupId" AS "groupId", ${month} AS "month",
      SUM(CASE
        WHEN c."category" IN (${EARNED_IN_SQL}) AND c."kind" = 'EXPENSE' THEN -c."amount"
        WHEN c."category" IN (${EARNED_IN_SQL}) THEN c."amount"
        WHEN c."category" = 'REFUND' AND c."kind" = 'EXPENSE' THEN -c."amount"
        ELSE 0 END) AS "earned",
      SUM(CASE
        WHEN c."category" IN (${COSTS_IN_SQL}) AND c."kind" = 'EXPENSE' AND c."reversesId" IS NULL THEN c."amount"
        WHEN c."category" IN (${COSTS_IN_SQL}) AND c."kind" = 'INCOME' AND c."reversesId" IS NOT NULL THEN -c."amount"
        ELSE 0 END) AS "costs"
    FROM "CashEntry" c
    WHERE c."groupId" IN (SELECT g."id" FROM "Group" g JOIN "Area" a ON a."id" = g."villageId"
        WHERE a."path" LIKE ${`${tenant.areaPath}%`})
      AND c."occurredAt" >= ${range.from} AND c."occurredAt" < ${range.to}
      AND (c."category" IN (${EARNED_IN_SQL}) OR c."category" IN (${COSTS_IN_SQL})
        OR (c."category" = 'REFUND' AND c."kind" = 'EXPENSE'))
    GROUP BY c."groupId", ${month}`);
  return rows.map((row) => ({
    groupId: row.groupId,
    month: row.month,
    earned: Number(row.earned ?? 0),
    costs: Number(row.costs ?? 0),
  }));
}

/**
 * Per group of the area, the moment of its latest earned-income line (an ORDER, CONSIGNMENT or
 * OTHER_SALES income line, not a correction) before `before`; groups with none are absent.
 */
export async function lastEarnedIncomeAt(
  tenant: { areaPath: string },
  before: Date,
): Promise<Map<string, Date>> {
  const rows = await db.cashEntry.groupBy({
    by: ["groupId"],
    where: {
      group: { village: { path: { startsWith: tenant.areaPath } } },
      kind: "INCOME",
      reversesId: null,
      category: { in: [...EARNED_INCOME_CATEGORIES] },
      occurredAt: { lt: before },
    },
    _max: { occurredAt: true },
  });
  const last = new Map<string, Date>();
  for (const row of rows) if (row._max.occurredAt) last.set(row.groupId, row._max.occurredAt);
  return last;
}
