import { db, Prisma } from "../db/client";

// The monitoring facts every TKM figure is built from, per group (and buyer) and WIB month: what
// the cash book earned and spent, the orders placed and their value, the deliveries and how many
// came on time. Read from the (group, month) summaries GroupMonth and GroupBuyerMonth, which every
// write keeps in its own transaction (app/.server/summaries) and `npm run reconcile` checks against
// the raw rows; a district's year is a few thousand summary rows instead of a million orders.
// Months are WIB month keys ("2026-11"); `to` is included. Only groups whose village path starts
// with `areaPath`; their buyers may be anywhere. A (group, month) whose figures are all zero (an
// order placed and cancelled) has nothing in it and is left out, as the raw rows would leave it.

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

function groupsInArea(areaPath: string): Prisma.Sql {
  return Prisma.sql`(SELECT g."id" FROM "Group" g JOIN "Area" a ON a."id" = g."villageId"
    WHERE a."path" LIKE ${`${areaPath}%`})`;
}

const count = (value: number | bigint | null | undefined) => Number(value ?? 0);

function byGroupThenMonth(a: { groupId: string; month: string }, b: { groupId: string; month: string }) {
  if (a.groupId !== b.groupId) return a.groupId < b.groupId ? -1 : 1;
  return a.month < b.month ? -1 : a.month > b.month ? 1 : 0;
}

function byGroupMonthBuyer(
  a: { groupId: string; businessId: string; month: string },
  b: { groupId: string; businessId: string; month: string },
) {
  return byGroupThenMonth(a, b) || (a.businessId < b.businessId ? -1 : a.businessId > b.businessId ? 1 : 0);
}

/**
 * Per group of the area and WIB month in [from, to]: the facts above. Only (group, month) pairs
 * with something in them are returned, sorted by group then month.
 */
export async function groupMonthFacts(areaPath: string, from: string, to: string): Promise<GroupMonthFact[]> {
  type Row = { [K in keyof GroupMonthFact]: K extends "groupId" | "month" ? string : number | bigint };
  const rows = await db.$queryRaw<Row[]>(Prisma.sql`
    SELECT m."groupId" AS "groupId", m."month" AS "month", m."earned" AS "earned", m."costs" AS "costs",
      m."orders" AS "orders", m."salesValue" AS "salesValue", m."delivered" AS "delivered", m."onTime" AS "onTime"
    FROM "GroupMonth" m
    WHERE m."groupId" IN ${groupsInArea(areaPath)} AND m."month" >= ${from} AND m."month" <= ${to}
      AND (m."earned" <> 0 OR m."costs" <> 0 OR m."orders" <> 0 OR m."salesValue" <> 0
        OR m."delivered" <> 0 OR m."onTime" <> 0)`);
  return rows
    .map((row) => ({
      groupId: row.groupId,
      month: row.month,
      earned: count(row.earned),
      costs: count(row.costs),
      orders: count(row.orders),
      salesValue: count(row.salesValue),
      delivered: count(row.delivered),
      onTime: count(row.onTime),
    }))
    .sort(byGroupThenMonth);
}

/**
 * Per group of the area, buyer (anywhere) and WIB month placed in [from, to]: the orders that were
 * not rejected or cancelled, and their total value. Sorted by group, month, then buyer.
 */
export async function linkMonthFacts(areaPath: string, from: string, to: string): Promise<LinkMonthFact[]> {
  const rows = await db.$queryRaw<
    { groupId: string; businessId: string; month: string; orders: number | bigint; value: number | bigint }[]
  >(Prisma.sql`
    SELECT l."groupId" AS "groupId", l."businessId" AS "businessId", l."month" AS "month",
      l."orders" AS "orders", l."value" AS "value"
    FROM "GroupBuyerMonth" l
    WHERE l."groupId" IN ${groupsInArea(areaPath)} AND l."month" >= ${from} AND l."month" <= ${to}
      AND l."orders" > 0`);
  return rows
    .map((row) => ({
      groupId: row.groupId,
      businessId: row.businessId,
      month: row.month,
      orders: count(row.orders),
      value: count(row.value),
    }))
    .sort(byGroupMonthBuyer);
}

/** Each group-business pair's first month of trade ever (for "new links"): its first sales order. */
export async function firstLinkMonths(
  areaPath: string,
): Promise<{ groupId: string; businessId: string; month: string }[]> {
  const rows = await db.$queryRaw<{ groupId: string; businessId: string; month: string }[]>(Prisma.sql`
    SELECT l."groupId" AS "groupId", l."businessId" AS "businessId", MIN(l."month") AS "month"
    FROM "GroupBuyerMonth" l
    WHERE l."groupId" IN ${groupsInArea(areaPath)} AND l."orders" > 0
    GROUP BY l."groupId", l."businessId"`);
  return rows
    .map((row) => ({ groupId: row.groupId, businessId: row.businessId, month: row.month }))
    .sort(byGroupMonthBuyer);
}
