import { Prisma } from "../db/client";
import { EARNED_INCOME_CATEGORIES } from "./cash-book";

// When a group last earned income in its book, for TKM's "no sales" flag (monitoring/flags.ts):
// a piece of SQL the flag's statement embeds, so the book's table is read here, in the ledger.

const EARNED_IN = Prisma.raw(EARNED_INCOME_CATEGORIES.map((category) => `'${category}'`).join(", "));

/**
 * The instant of the group's latest earned-income line (an ORDER, CONSIGNMENT or OTHER_SALES income
 * line, not a correction) before `before`, as a scalar subquery for the group whose id is the SQL
 * `groupId`; NULL for none. It walks the (groupId, occurredAt) index backwards: one row per group.
 */
export function lastEarnedAtSql(groupId: Prisma.Sql, before: Date): Prisma.Sql {
  return Prisma.sql`(SELECT c."occurredAt" FROM "CashEntry" c
    WHERE c."groupId" = ${groupId} AND c."occurredAt" < ${before} AND c."kind" = 'INCOME'
      AND c."reversesId" IS NULL AND c."category" IN (${EARNED_IN})
    ORDER BY c."occurredAt" DESC LIMIT 1)`;
}
