import { db, dbKind, Prisma } from "../db/client";
import { EARNED_INCOME_CATEGORIES } from "./cash-book";

// Read-only sums over the cash book for the group's dashboard. Counted by the database, one row
// per WIB month: a group with ten years of daily lines must not be read line by line per page.

// Constant enum names written into the statement: a bound text parameter does not compare with a
// PostgreSQL enum column.
const EARNED_IN_SQL = Prisma.raw(EARNED_INCOME_CATEGORIES.map((category) => `'${category}'`).join(", "));

/** The WIB calendar month ("2026-11") of a stored instant, as SQL for this database. */
export function wibMonthOf(column: Prisma.Sql): Prisma.Sql {
  return dbKind === "postgres"
    ? Prisma.sql`to_char(${column} + INTERVAL '7 hours', 'YYYY-MM')`
    : Prisma.sql`strftime('%Y-%m', ${column}, '+7 hours')`;
}

/**
 * Earned income per WIB month for one group, over [from, to): every ORDER, CONSIGNMENT and
 * OTHER_SALES line with its sign (a correction of a sale takes it back) less REFUND expenses — the
 * same lines as cash-book.ts earnedEntries. Months without a line are absent.
 */
export async function earnedIncomeByMonth(
  tenant: { groupId: string },
  range: { from: Date; to: Date },
): Promise<Map<string, number>> {
  const month = wibMonthOf(Prisma.sql`"occurredAt"`);
  const rows = await db.$queryRaw<{ month: string; amount: number | bigint | null }[]>(Prisma.sql`
    SELECT ${month} AS "month",
      SUM(CASE WHEN "kind" = 'EXPENSE' THEN -"amount" ELSE "amount" END) AS "amount"
    FROM "CashEntry"
    WHERE "groupId" = ${tenant.groupId}
      AND "occurredAt" >= ${range.from} AND "occurredAt" < ${range.to}
      AND ("category" IN (${EARNED_IN_SQL}) OR ("kind" = 'EXPENSE' AND "category" = 'REFUND'))
    GROUP BY ${month}`);
  return new Map(rows.map((row) => [row.month, Number(row.amount ?? 0)]));
}
