import { db, Prisma, type Tx } from "../db/client";
import { rawGroupBuyerMonths, rawGroupMonths } from "./summaries-rebuild";

// Do the kept summaries equal the raw rows? The database compares (EXCEPT both ways), so a
// district's million orders are checked without reading them here. A row of zeros and a missing
// row are the same thing (an order placed and cancelled in one month leaves zeros behind).

export type SummaryRow = {
  table: "GroupMonth" | "GroupBuyerMonth";
  groupId: string;
  businessId: string | null;
  month: string;
  values: Record<string, number>;
};

export type SummaryDifference = {
  table: SummaryRow["table"];
  groupId: string;
  businessId: string | null;
  month: string;
  /** What the summary table holds (zeros when it has no row). */
  kept: Record<string, number>;
  /** What the raw rows say. */
  raw: Record<string, number>;
};

const GROUP_FIELDS = ["earned", "costs", "orders", "salesValue", "delivered", "onTime", "buyers"] as const;
const LINK_FIELDS = ["orders", "value"] as const;

type Raw = Record<string, unknown>;

function nonZero(fields: readonly string[]) {
  return Prisma.raw(fields.map((field) => `"${field}" <> 0`).join(" OR "));
}

function columns(fields: readonly string[]) {
  return Prisma.raw(fields.map((field) => `"${field}"`).join(", "));
}

function scoped(groupIds: string[] | undefined) {
  return groupIds
    ? Prisma.sql`"groupId" IN (${Prisma.join(groupIds.length ? groupIds : [""])})`
    : Prisma.sql`1 = 1`;
}

/**
 * Every (group, month) and (group, business, month) where the summaries and the raw rows differ,
 * for the given groups or all. Empty when they agree.
 */
export async function summaryDifferences(
  client: Tx | typeof db = db,
  scope: { groupIds?: string[] } = {},
): Promise<SummaryDifference[]> {
  const where = scoped(scope.groupIds);
  const groupCols = columns(GROUP_FIELDS);
  const linkCols = columns(LINK_FIELDS);
  const rawGroup = Prisma.sql`SELECT "groupId", "month", ${groupCols} FROM (${rawGroupMonths()}) "r"
    WHERE (${nonZero(GROUP_FIELDS)}) AND ${where}`;
  const keptGroup = Prisma.sql`SELECT "groupId", "month", ${groupCols} FROM "GroupMonth"
    WHERE (${nonZero(GROUP_FIELDS)}) AND ${where}`;
  const rawLink = Prisma.sql`SELECT "groupId", "businessId", "month", ${linkCols} FROM (${rawGroupBuyerMonths()}) "r"
    WHERE (${nonZero(LINK_FIELDS)}) AND ${where}`;
  const keptLink = Prisma.sql`SELECT "groupId", "businessId", "month", ${linkCols} FROM "GroupBuyerMonth"
    WHERE (${nonZero(LINK_FIELDS)}) AND ${where}`;
  // One after another: inside a transaction the statements share one connection.
  const rawOnlyGroup = await client.$queryRaw<Raw[]>(Prisma.sql`${rawGroup} EXCEPT ${keptGroup}`);
  const keptOnlyGroup = await client.$queryRaw<Raw[]>(Prisma.sql`${keptGroup} EXCEPT ${rawGroup}`);
  const rawOnlyLink = await client.$queryRaw<Raw[]>(Prisma.sql`${rawLink} EXCEPT ${keptLink}`);
  const keptOnlyLink = await client.$queryRaw<Raw[]>(Prisma.sql`${keptLink} EXCEPT ${rawLink}`);
  const differences = new Map<string, SummaryDifference>();
  const note = (table: SummaryRow["table"], fields: readonly string[], rows: Raw[], side: "kept" | "raw") => {
    for (const row of rows) {
      const businessId = table === "GroupBuyerMonth" ? String(row.businessId) : null;
      const key = `${table}|${String(row.groupId)}|${businessId ?? ""}|${String(row.month)}`;
      const zeros = Object.fromEntries(fields.map((field) => [field, 0]));
      const difference = differences.get(key) ?? {
        table,
        groupId: String(row.groupId),
        businessId,
        month: String(row.month),
        kept: { ...zeros },
        raw: { ...zeros },
      };
      difference[side] = Object.fromEntries(fields.map((field) => [field, Number(row[field] ?? 0)]));
      differences.set(key, difference);
    }
  };
  note("GroupMonth", GROUP_FIELDS, rawOnlyGroup, "raw");
  note("GroupMonth", GROUP_FIELDS, keptOnlyGroup, "kept");
  note("GroupBuyerMonth", LINK_FIELDS, rawOnlyLink, "raw");
  note("GroupBuyerMonth", LINK_FIELDS, keptOnlyLink, "kept");
  return [...differences.values()].sort((a, b) =>
    `${a.table}${a.groupId}${a.month}` < `${b.table}${b.groupId}${b.month}` ? -1 : 1,
  );
}

/** One line for a person: which row, which fields, both numbers. */
export function describeSummaryDifference(d: SummaryDifference): string {
  const fields = Object.keys(d.raw).filter((field) => d.raw[field] !== d.kept[field]);
  const what = fields.map((field) => `${field} kept ${d.kept[field]} ≠ raw ${d.raw[field]}`).join(", ");
  const row = d.businessId ? `group ${d.groupId} × business ${d.businessId}` : `group ${d.groupId}`;
  return `${d.table} ${row} ${d.month}: ${what}`;
}
