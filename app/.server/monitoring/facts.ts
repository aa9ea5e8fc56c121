import { wibMonthStart } from "~/utils/time";
import { deliveredOnTime } from "../catalog/groups";
import { db, Prisma } from "../db/client";
import { earnedAndCostsByGroupMonth } from "../ledger/area-months";
import { wibMonthOf } from "../ledger/summary";
import { addMonths } from "./months";

// The monitoring facts every TKM figure is built from, per group (and buyer) and WIB month: what
// the cash book earned and spent, the orders placed and their value, the deliveries and how many
// came on time. Read here from the raw tables with grouped SQL; the (group, month) summaries
// (GroupMonth, GroupBuyerMonth) hold the same figures and may serve them behind this interface.
// Months are WIB month keys ("2026-11"); `to` is included. Only groups whose village path starts
// with `areaPath`; their buyers may be anywhere.

export type GroupMonthFact = {
  groupId: string;
  month: string;
  /** Earned income from the cash book: ORDER, CONSIGNMENT, OTHER_SALES, less REFUND. */
  earned: number;
  /** Recorded costs: materials, transport, equipment and other expenses, net of corrections. */
  costs: number;
  /** Orders placed in the month that were not rejected or cancelled, and their total value. */
  orders: number;
  salesValue: number;
  /** Orders delivered in the month, and those delivered on time (catalog/groups deliveredOnTime). */
  delivered: number;
  onTime: number;
};

export type LinkMonthFact = {
  groupId: string;
  businessId: string;
  month: string;
  orders: number;
  value: number;
};

/** Orders that were refused or called off are not sales. */
const NOT_SALES = Prisma.raw(`'REJECTED', 'CANCELLED'`);

function groupsInArea(areaPath: string): Prisma.Sql {
  return Prisma.sql`(SELECT g."id" FROM "Group" g JOIN "Area" a ON a."id" = g."villageId"
    WHERE a."path" LIKE ${`${areaPath}%`})`;
}

function range(from: string, to: string) {
  return { from: wibMonthStart(from), to: wibMonthStart(addMonths(to, 1)) };
}

const count = (value: number | bigint | null | undefined) => Number(value ?? 0);

const emptyFact = (groupId: string, month: string): GroupMonthFact => ({
  groupId,
  month,
  earned: 0,
  costs: 0,
  orders: 0,
  salesValue: 0,
  delivered: 0,
  onTime: 0,
});

/**
 * Per group of the area and WIB month in [from, to]: the facts above. Only (group, month) pairs
 * with something in them are returned, sorted by group then month.
 */
export async function groupMonthFacts(areaPath: string, from: string, to: string): Promise<GroupMonthFact[]> {
  const bounds = range(from, to);
  const placedMonth = wibMonthOf(Prisma.sql`o."placedAt"`);
  const deliveredMonth = wibMonthOf(Prisma.sql`o."deliveredAt"`);
  const [money, sales, deliveries] = await Promise.all([
    earnedAndCostsByGroupMonth({ areaPath }, bounds),
    db.$queryRaw<
      { groupId: string; month: string; orders: number | bigint; value: number | bigint | null }[]
    >(
      Prisma.sql`
      SELECT o."groupId" AS "groupId", ${placedMonth} AS "month", COUNT(*) AS "orders", SUM(o."total") AS "value"
      FROM "Order" o
      WHERE o."groupId" IN ${groupsInArea(areaPath)}
        AND o."placedAt" >= ${bounds.from} AND o."placedAt" < ${bounds.to}
        AND o."status" NOT IN (${NOT_SALES})
      GROUP BY o."groupId", ${placedMonth}`,
    ),
    db.$queryRaw<
      { groupId: string; month: string; delivered: number | bigint; onTime: number | bigint | null }[]
    >(
      Prisma.sql`
      SELECT o."groupId" AS "groupId", ${deliveredMonth} AS "month", COUNT(*) AS "delivered",
        SUM(CASE WHEN ${deliveredOnTime()} THEN 1 ELSE 0 END) AS "onTime"
      FROM "Order" o
      WHERE o."groupId" IN ${groupsInArea(areaPath)}
        AND o."deliveredAt" >= ${bounds.from} AND o."deliveredAt" < ${bounds.to}
      GROUP BY o."groupId", ${deliveredMonth}`,
    ),
  ]);

  const facts = new Map<string, GroupMonthFact>();
  const factOf = (groupId: string, month: string) => {
    const key = `${groupId} ${month}`;
    let fact = facts.get(key);
    if (!fact) {
      fact = emptyFact(groupId, month);
      facts.set(key, fact);
    }
    return fact;
  };
  for (const row of money) {
    const fact = factOf(row.groupId, row.month);
    fact.earned = row.earned;
    fact.costs = row.costs;
  }
  for (const row of sales) {
    const fact = factOf(row.groupId, row.month);
    fact.orders = count(row.orders);
    fact.salesValue = count(row.value);
  }
  for (const row of deliveries) {
    const fact = factOf(row.groupId, row.month);
    fact.delivered = count(row.delivered);
    fact.onTime = count(row.onTime);
  }
  return [...facts.values()].sort(byGroupThenMonth);
}

function byGroupThenMonth(a: { groupId: string; month: string }, b: { groupId: string; month: string }) {
  if (a.groupId !== b.groupId) return a.groupId < b.groupId ? -1 : 1;
  return a.month < b.month ? -1 : a.month > b.month ? 1 : 0;
}

/**
 * Per group of the area, buyer (anywhere) and WIB month placed in [from, to]: the orders that were
 * not rejected or cancelled, and their total value. Sorted by group, month, then buyer.
 */
export async function linkMonthFacts(areaPath: string, from: string, to: string): Promise<LinkMonthFact[]> {
  const bounds = range(from, to);
  const placedMonth = wibMonthOf(Prisma.sql`o."placedAt"`);
  const rows = await db.$queryRaw<
    {
      groupId: string;
      businessId: string;
      month: string;
      orders: number | bigint;
      value: number | bigint | null;
    }[]
  >(Prisma.sql`
    SELECT o."groupId" AS "groupId", o."businessId" AS "businessId", ${placedMonth} AS "month",
      COUNT(*) AS "orders", SUM(o."total") AS "value"
    FROM "Order" o
    WHERE o."groupId" IN ${groupsInArea(areaPath)}
      AND o."placedAt" >= ${bounds.from} AND o."placedAt" < ${bounds.to}
      AND o."status" NOT IN (${NOT_SALES})
    GROUP BY o."groupId", o."businessId", ${placedMonth}`);
  return rows
    .map((row) => ({
      groupId: row.groupId,
      businessId: row.businessId,
      month: row.month,
      orders: count(row.orders),
      value: count(row.value),
    }))
    .sort(
      (a, b) =>
        byGroupThenMonth(a, b) || (a.businessId < b.businessId ? -1 : a.businessId > b.businessId ? 1 : 0),
    );
}

/** Each group-business pair's first month of trade ever (for "new links"): its first sales order. */
export async function firstLinkMonths(
  areaPath: string,
): Promise<{ groupId: string; businessId: string; month: string }[]> {
  const rows = await db.$queryRaw<{ groupId: string; businessId: string; month: string }[]>(Prisma.sql`
    SELECT f."groupId" AS "groupId", f."businessId" AS "businessId", ${wibMonthOf(Prisma.sql`f."firstAt"`)} AS "month"
    FROM (SELECT o."groupId" AS "groupId", o."businessId" AS "businessId", MIN(o."placedAt") AS "firstAt"
      FROM "Order" o
      WHERE o."groupId" IN ${groupsInArea(areaPath)} AND o."status" NOT IN (${NOT_SALES})
      GROUP BY o."groupId", o."businessId") f`);
  return rows
    .map((row) => ({ groupId: row.groupId, businessId: row.businessId, month: row.month }))
    .sort(
      (a, b) =>
        byGroupThenMonth(a, b) || (a.businessId < b.businessId ? -1 : a.businessId > b.businessId ? 1 : 0),
    );
}
