import { deliveredOnTime } from "../catalog/groups";
import { db, Prisma, type Tx } from "../db/client";
import { COSTS_IN, EARNED_IN, UNCOUNTED_IN, wibMonthSql } from "../summaries/sql";

// The summaries computed from scratch out of the raw rows: the seed and the benchmark write orders
// and cash lines in bulk and build the summaries once at the end; the reconcile check and the tests
// compare the kept summaries with the same computation. The migration that created the tables
// holds the same statements, written out for each dialect.

/**
 * A cash line's part of earned income, as SQL over the cash book's columns: a sales line with its
 * sign (an expense there is a correction taking part of a sale back), less a refund.
 */
export const EARNED_OF_LINE = Prisma.sql`(CASE
    WHEN "category" IN (${EARNED_IN}) THEN (CASE WHEN "kind" = 'EXPENSE' THEN -"amount" ELSE "amount" END)
    WHEN "category" = 'REFUND' AND "kind" = 'EXPENSE' THEN -"amount"
    ELSE 0 END)`;

/**
 * A cash line's part of costs: an expense of a cost category, less the corrections that take one
 * back (a correction is the opposite kind, so an income line there with `reversesId` set). An income
 * line of such a category (equipment sold) and its own correction are not costs.
 */
export const COSTS_OF_LINE = Prisma.sql`(CASE
    WHEN "category" IN (${COSTS_IN}) AND "kind" = 'EXPENSE' AND "reversesId" IS NULL THEN "amount"
    WHEN "category" IN (${COSTS_IN}) AND "kind" = 'INCOME' AND "reversesId" IS NOT NULL THEN -"amount"
    ELSE 0 END)`;

/** Per group and month, straight from CashEntry and Order: the statement both tables are built from. */
export function rawGroupMonths(): Prisma.Sql {
  const cashMonth = wibMonthSql(Prisma.sql`"occurredAt"`);
  const placedMonth = wibMonthSql(Prisma.sql`o."placedAt"`);
  const deliveredMonth = wibMonthSql(Prisma.sql`o."deliveredAt"`);
  return Prisma.sql`SELECT "groupId", "month",
      SUM("earned") AS "earned", SUM("costs") AS "costs", SUM("orders") AS "orders",
      SUM("salesValue") AS "salesValue", SUM("delivered") AS "delivered", SUM("onTime") AS "onTime",
      SUM("buyers") AS "buyers"
    FROM (
      SELECT "groupId", ${cashMonth} AS "month", ${EARNED_OF_LINE} AS "earned", ${COSTS_OF_LINE} AS "costs",
        0 AS "orders", 0 AS "salesValue", 0 AS "delivered", 0 AS "onTime", 0 AS "buyers"
      FROM "CashEntry"
      WHERE "category" IN (${EARNED_IN}) OR "category" IN (${COSTS_IN}) OR "category" = 'REFUND'
      UNION ALL
      SELECT o."groupId", ${placedMonth}, 0, 0, 1, o."total", 0, 0, 0
      FROM "Order" o WHERE o."status" NOT IN (${UNCOUNTED_IN})
      UNION ALL
      SELECT o."groupId", ${deliveredMonth}, 0, 0, 0, 0, 1,
        CASE WHEN ${deliveredOnTime()} THEN 1 ELSE 0 END, 0
      FROM "Order" o WHERE o."deliveredAt" IS NOT NULL
      UNION ALL
      SELECT "groupId", "month", 0, 0, 0, 0, 0, 0, 1 FROM (${rawGroupBuyerMonths()}) "links"
    ) "facts"
    GROUP BY "groupId", "month"`;
}

/** Per group, business and month placed, straight from Order. */
export function rawGroupBuyerMonths(): Prisma.Sql {
  const placedMonth = wibMonthSql(Prisma.sql`o."placedAt"`);
  return Prisma.sql`SELECT o."groupId" AS "groupId", o."businessId" AS "businessId", ${placedMonth} AS "month",
      COUNT(*) AS "orders", SUM(o."total") AS "value"
    FROM "Order" o WHERE o."status" NOT IN (${UNCOUNTED_IN})
    GROUP BY o."groupId", o."businessId", ${placedMonth}`;
}

/**
 * Replaces both summary tables with what the raw rows say, in one transaction (inside `client` when
 * it is one already). For bulk writers (seed, benchmark) and repair after `npm run reconcile`.
 */
export async function rebuildSummaries(client: Tx | typeof db = db): Promise<void> {
  const work = async (tx: Tx) => {
    await tx.$executeRaw`DELETE FROM "GroupBuyerMonth"`;
    await tx.$executeRaw`DELETE FROM "GroupMonth"`;
    await tx.$executeRaw(Prisma.sql`INSERT INTO "GroupMonth"
        ("groupId", "month", "earned", "costs", "orders", "salesValue", "delivered", "onTime", "buyers")
      ${rawGroupMonths()}`);
    await tx.$executeRaw(Prisma.sql`INSERT INTO "GroupBuyerMonth" ("groupId", "businessId", "month", "orders", "value")
      ${rawGroupBuyerMonths()}`);
  };
  if ("$transaction" in client) await client.$transaction(work, { timeout: 30 * 60 * 1000 });
  else await work(client);
}
