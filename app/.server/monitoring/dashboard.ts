import { wibMonthKey } from "~/utils/time";
import { AreaFacts } from "./facts";
import { areaFlags, type Flag } from "./flags";
import { areaCharts, areaIndicators, periodFacts } from "./indicators";
import type { Period } from "./periods";

// The monitoring dashboard (/tkm for TKM, /desa for the village government): the indicators, the
// charts and the groups with their flags, all for one area and period.

export const GROUPS_PAGE_SIZE = 50;

export type GroupRow = {
  id: string;
  name: string;
  villageName: string;
  /** Earned income this WIB month (the table's first figure), and in the chosen period. */
  thisMonth: number;
  income: number;
  orders: number;
  flags: Flag[];
};

/** Every group of the area with its figures and flags, sorted by name. */
export async function areaGroupRows(
  tenant: { areaPath: string },
  period: Period,
  now = new Date(),
  reader = new AreaFacts(tenant.areaPath),
) {
  const thisMonth = wibMonthKey(now);
  const [groups, periodFacts, monthFacts, flags] = await Promise.all([
    reader.groups(),
    reader.groupMonths(period.from, period.to),
    reader.groupMonths(thisMonth, thisMonth),
    areaFlags(tenant, now, reader),
  ]);
  const totals = new Map<string, { thisMonth: number; income: number; orders: number }>();
  const totalOf = (groupId: string) => {
    let total = totals.get(groupId);
    if (!total) {
      total = { thisMonth: 0, income: 0, orders: 0 };
      totals.set(groupId, total);
    }
    return total;
  };
  for (const fact of periodFacts) {
    const total = totalOf(fact.groupId);
    total.income += fact.earned;
    total.orders += fact.orders;
  }
  for (const fact of monthFacts) totalOf(fact.groupId).thisMonth += fact.earned;
  return groups.map((group): GroupRow => ({
    id: group.id,
    name: group.name,
    villageName: group.village.name,
    ...(totals.get(group.id) ?? { thisMonth: 0, income: 0, orders: 0 }),
    flags: flags.get(group.id) ?? [],
  }));
}

/** Everything the dashboard shows for one page of the groups table. */
export async function monitoringDashboard(
  tenant: { areaPath: string },
  period: Period,
  page: number,
  now = new Date(),
) {
  const reader = periodFacts(tenant.areaPath, period);
  const [indicators, charts, groups] = await Promise.all([
    areaIndicators(tenant, period, reader),
    areaCharts(tenant, period, reader),
    areaGroupRows(tenant, period, now, reader),
  ]);
  const pages = Math.max(1, Math.ceil(groups.length / GROUPS_PAGE_SIZE));
  const current = Math.min(page, pages);
  return {
    indicators,
    charts,
    groups: {
      rows: groups.slice((current - 1) * GROUPS_PAGE_SIZE, current * GROUPS_PAGE_SIZE),
      total: groups.length,
      flagged: groups.filter((g) => g.flags.length > 0).length,
      page: current,
      pages,
      thisMonth: wibMonthKey(now),
    },
  };
}
