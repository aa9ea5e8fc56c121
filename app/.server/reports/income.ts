import { lastWibMonths, wibMonthKey, wibMonthStart } from "~/utils/time";
import { db } from "../db/client";
import { earnedIncomeLines, signedAmount } from "../ledger/cash-book";

/** Groups whose village lies inside the area (by its path): the only groups a TKM team sees. */
function insideArea(areaPath: string) {
  return { village: { path: { startsWith: areaPath } } };
}

export type GroupIncomeRow = {
  id: string;
  name: string;
  slug: string;
  villageName: string;
  baselineMonthlyIncome: number | null;
  months: Record<string, number>;
  total: number;
};

/**
 * Earned income (money received for sales, from the cash book) per group and WIB month, for every
 * group inside a TKM team's area, over the last `monthCount` months.
 */
export async function incomeByMonthForArea(areaPath: string, monthCount: number, now = new Date()) {
  const months = lastWibMonths(now, monthCount);
  const from = wibMonthStart(months[0] ?? wibMonthKey(now));
  const groups = await db.group.findMany({
    where: insideArea(areaPath),
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      slug: true,
      baselineMonthlyIncome: true,
      village: { select: { name: true } },
    },
  });
  const entries = await earnedIncomeLines(db, { occurredAt: { gte: from }, group: insideArea(areaPath) });
  const rows = new Map<string, GroupIncomeRow>(
    groups.map((g) => [
      g.id,
      {
        id: g.id,
        name: g.name,
        slug: g.slug,
        villageName: g.village.name,
        baselineMonthlyIncome: g.baselineMonthlyIncome,
        months: Object.fromEntries(months.map((m) => [m, 0])),
        total: 0,
      },
    ]),
  );
  for (const entry of entries) {
    const row = rows.get(entry.groupId);
    const key = wibMonthKey(entry.occurredAt);
    if (!row || !(key in row.months)) continue;
    row.months[key] = (row.months[key] ?? 0) + signedAmount(entry);
    row.total += signedAmount(entry);
  }
  const totals = Object.fromEntries(
    months.map((m) => [m, [...rows.values()].reduce((sum, r) => sum + (r.months[m] ?? 0), 0)]),
  );
  return { months, groups: [...rows.values()], totals };
}

/** One group's monthly income and recent orders, if the group lies inside the area; else null. */
export async function groupIncomeInArea(
  areaPath: string,
  groupId: string,
  monthCount: number,
  now = new Date(),
) {
  const group = await db.group.findFirst({
    where: { id: groupId, ...insideArea(areaPath) },
    select: {
      id: true,
      name: true,
      slug: true,
      rw: true,
      stage: true,
      baselineMonthlyIncome: true,
      village: { select: { name: true } },
      _count: { select: { members: { where: { leftAt: null } }, products: { where: { status: "ACTIVE" } } } },
    },
  });
  if (!group) return null;
  const months = lastWibMonths(now, monthCount);
  const from = wibMonthStart(months[0] ?? wibMonthKey(now));
  const [entries, orders] = await Promise.all([
    earnedIncomeLines(db, { groupId, occurredAt: { gte: from } }),
    db.order.findMany({
      where: { groupId },
      orderBy: { placedAt: "desc" },
      take: 20,
      select: {
        number: true,
        status: true,
        total: true,
        amountPaid: true,
        placedAt: true,
        business: { select: { name: true } },
      },
    }),
  ]);
  const income = Object.fromEntries(months.map((m) => [m, 0]));
  for (const entry of entries) {
    const key = wibMonthKey(entry.occurredAt);
    if (key in income) income[key] = (income[key] ?? 0) + signedAmount(entry);
  }
  return { group, months, income, orders };
}
