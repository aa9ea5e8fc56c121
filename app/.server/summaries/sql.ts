import { dbKind, Prisma } from "../db/client";

// The few SQL pieces the summaries share with their rebuild and their check (ledger/summaries-*.ts).
// The summaries sit below the ledger and orders (both write through them), so they cannot borrow
// ledger/summary's month expression; this is the same expression.

/** The WIB calendar month ("2026-11") of a stored instant, as SQL for this database. */
export function wibMonthSql(column: Prisma.Sql): Prisma.Sql {
  return dbKind === "postgres"
    ? Prisma.sql`to_char(${column} + INTERVAL '7 hours', 'YYYY-MM')`
    : Prisma.sql`strftime('%Y-%m', ${column}, '+7 hours')`;
}

/** Cash-book categories whose lines are earned income (ledger/cash-book.ts EARNED_INCOME_CATEGORIES). */
export const EARNED_CATEGORIES = ["ORDER", "CONSIGNMENT", "OTHER_SALES"] as const;

/** Expense categories that are the costs of making what was sold (the monitoring definition). */
export const COST_CATEGORIES = ["MATERIALS", "TRANSPORT", "EQUIPMENT", "OTHER"] as const;

/** Orders in these states never happened for the figures: not counted as orders or sales. */
export const UNCOUNTED_STATUSES = ["REJECTED", "CANCELLED"] as const;

// Constant enum names written into the statement: a bound text parameter does not compare with a
// PostgreSQL enum column.
const list = (values: readonly string[]) => Prisma.raw(values.map((value) => `'${value}'`).join(", "));
export const EARNED_IN = list(EARNED_CATEGORIES);
export const COSTS_IN = list(COST_CATEGORIES);
export const UNCOUNTED_IN = list(UNCOUNTED_STATUSES);
