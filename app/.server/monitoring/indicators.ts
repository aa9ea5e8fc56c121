import type { MessageKey } from "~/locales";
import { wibMonthStart } from "~/utils/time";
import { db } from "../db/client";
import { AreaFacts, linkPeriodTotals, type GroupMonthFact, type LinkPeriodTotals } from "./facts";
import { addMonths, monthsBetween } from "./months";
import { previousPeriod, type Period } from "./periods";

// TKM's indicators for an area and a period, each beside the previous period of equal length and,
// for income, the baseline. ONE table of definitions (INDICATORS) serves the dashboard, the CSV and
// the API, so a figure means the same everywhere; the catalog holds each one-line definition.

export type IndicatorKey =
  | "income"
  | "net"
  | "orders"
  | "on_time"
  | "buyers"
  | "links"
  | "new_links"
  | "institution_links"
  | "active_members"
  | "earning_share";

export type IndicatorUnit = "rupiah" | "count" | "share";

/** Key → unit, label and one-line definition (catalog keys). The order is the dashboard's. */
export const INDICATORS: readonly {
  key: IndicatorKey;
  unit: IndicatorUnit;
  label: MessageKey;
  definition: MessageKey;
}[] = [
  { key: "income", unit: "rupiah", label: "mon.ind.income", definition: "mon.def.income" },
  { key: "net", unit: "rupiah", label: "mon.ind.net", definition: "mon.def.net" },
  { key: "orders", unit: "count", label: "mon.ind.orders", definition: "mon.def.orders" },
  { key: "on_time", unit: "share", label: "mon.ind.on_time", definition: "mon.def.on_time" },
  { key: "buyers", unit: "count", label: "mon.ind.buyers", definition: "mon.def.buyers" },
  { key: "links", unit: "count", label: "mon.ind.links", definition: "mon.def.links" },
  { key: "new_links", unit: "count", label: "mon.ind.new_links", definition: "mon.def.new_links" },
  {
    key: "institution_links",
    unit: "count",
    label: "mon.ind.institution_links",
    definition: "mon.def.institution_links",
  },
  {
    key: "active_members",
    unit: "count",
    label: "mon.ind.active_members",
    definition: "mon.def.active_members",
  },
  {
    key: "earning_share",
    unit: "share",
    label: "mon.ind.earning_share",
    definition: "mon.def.earning_share",
  },
];

/** A figure: for a share, `value` is numerator / denominator (null when the denominator is 0). */
export type Figure = { value: number | null; numerator?: number; denominator?: number };

export type IndicatorRow = {
  key: IndicatorKey;
  unit: IndicatorUnit;
  label: MessageKey;
  definition: MessageKey;
  current: Figure;
  previous: Figure;
  /**
   * Income only: the baseline of the groups that have one (monthly baseline × months in the
   * period), beside what those same groups earned in the period.
   */
  baseline: { value: number; income: number; groups: number } | null;
};

type PeriodFigures = Record<IndicatorKey, Figure> & {
  baseline: { value: number; income: number; groups: number };
};

const sum = <T>(items: readonly T[], pick: (item: T) => number) =>
  items.reduce((total, item) => total + pick(item), 0);
const share = (numerator: number, denominator: number): Figure => ({
  value: denominator ? numerator / denominator : null,
  numerator,
  denominator,
});

function insideArea(areaPath: string) {
  return { village: { path: { startsWith: areaPath } } };
}

/** The UTC instants of a period: [start of its first WIB month, start of the month after it). */
export function periodBounds(period: Pick<Period, "from" | "to">) {
  return { gte: wibMonthStart(period.from), lt: wibMonthStart(addMonths(period.to, 1)) };
}

/** Everything an area's indicators are made of for one period, counted from the facts and the tables. */
async function figuresFor(
  areaPath: string,
  period: Period,
  baselines: Map<string, number>,
  reader: AreaFacts,
): Promise<PeriodFigures> {
  const range = periodBounds(period);
  const [facts, links, linkMonths, institutionPairs, activeMembers, members, earning] = await Promise.all([
    reader.groupMonths(period.from, period.to),
    linkPeriodTotals(areaPath, period.from, period.to),
    reader.linkMonths(period.from, period.to),
    db.support.groupBy({
      by: ["groupId", "institutionId"],
      where: { group: insideArea(areaPath), date: range },
    }),
    db.groupMember.count({
      where: {
        group: insideArea(areaPath),
        OR: [
          { contributions: { some: { date: range } } },
          { shares: { some: { distribution: { status: "APPROVED", periodFrom: range } } } },
        ],
      },
    }),
    db.groupMember.count({ where: memberDuring(areaPath, range) }),
    db.groupMember.count({
      where: {
        ...memberDuring(areaPath, range),
        shares: { some: { amount: { gt: 0 }, distribution: { status: "APPROVED", periodFrom: range } } },
      },
    }),
  ]);
  return figuresFromFacts({
    facts,
    links: { ...links, newLinks: sum(linkMonths, (month) => month.newLinks) },
    baselines,
    months: period.months.length,
    institutionPairs: institutionPairs.length,
    activeMembers,
    members,
    earning,
  });
}

/** Members who belonged to a group of the area at some moment of the period. */
function memberDuring(areaPath: string, range: { gte: Date; lt: Date }) {
  return {
    group: insideArea(areaPath),
    joinedAt: { lt: range.lt },
    OR: [{ leftAt: null }, { leftAt: { gte: range.gte } }],
  };
}

function figuresFromFacts(input: {
  facts: GroupMonthFact[];
  links: LinkPeriodTotals & { newLinks: number };
  baselines: Map<string, number>;
  months: number;
  institutionPairs: number;
  activeMembers: number;
  members: number;
  earning: number;
}): PeriodFigures {
  const { facts, links } = input;
  const earned = sum(facts, (f) => f.earned);
  const costs = sum(facts, (f) => f.costs);
  const delivered = sum(facts, (f) => f.delivered);
  const onTime = sum(facts, (f) => f.onTime);
  const baselineGroups = [...input.baselines.keys()];
  const baselineIncome = sum(
    facts.filter((f) => input.baselines.has(f.groupId)),
    (f) => f.earned,
  );
  return {
    income: { value: earned },
    net: { value: earned - costs },
    orders: { value: sum(facts, (f) => f.orders) },
    on_time: share(onTime, delivered),
    buyers: { value: links.buyers },
    links: { value: links.links },
    new_links: { value: links.newLinks },
    institution_links: { value: input.institutionPairs },
    active_members: { value: input.activeMembers },
    earning_share: share(input.earning, input.members),
    baseline: {
      value: sum(baselineGroups, (id) => (input.baselines.get(id) ?? 0) * input.months),
      income: baselineIncome,
      groups: baselineGroups.length,
    },
  };
}

/** Each group's current baseline (monthly income before joining), for the groups that have one. */
async function baselinesOf(reader: AreaFacts): Promise<Map<string, number>> {
  const groups = await reader.groups();
  return new Map(
    groups.flatMap((g) => (g.baselineMonthlyIncome === null ? [] : [[g.id, g.baselineMonthlyIncome]])),
  );
}

export type AreaIndicators = {
  period: Period;
  previous: Period;
  rows: IndicatorRow[];
  /** New links per month of the period: pairs whose first trade ever fell in that month. */
  newLinksByMonth: { month: string; count: number }[];
};

/**
 * What a page showing the indicators and the charts of a period reads per month, read once: the
 * previous period of equal length through the charts' last month (monitoring/facts AreaFacts).
 */
export function periodFacts(areaPath: string, period: Period): AreaFacts {
  const { from } = chartMonths(period);
  const previous = previousPeriod(period);
  return new AreaFacts(areaPath).preload(previous.from < from ? previous.from : from, period.to);
}

/** The indicators of an area (every group whose village path starts with areaPath) for a period. */
export async function areaIndicators(
  tenant: { areaPath: string },
  period: Period,
  reader = new AreaFacts(tenant.areaPath),
): Promise<AreaIndicators> {
  const previous = previousPeriod(period);
  const baselines = await baselinesOf(reader);
  const [current, before, perMonth] = await Promise.all([
    figuresFor(tenant.areaPath, period, baselines, reader),
    figuresFor(tenant.areaPath, previous, baselines, reader),
    reader.linkMonths(period.from, period.to),
  ]);
  const newPerMonth = new Map(perMonth.map((row) => [row.month, row.newLinks]));
  return {
    period,
    previous,
    newLinksByMonth: period.months.map((month) => ({ month, count: newPerMonth.get(month) ?? 0 })),
    rows: INDICATORS.map((indicator) => ({
      ...indicator,
      current: current[indicator.key],
      previous: before[indicator.key],
      baseline: indicator.key === "income" ? current.baseline : null,
    })),
  };
}

/** How many months the charts show: twelve ending with the period's last month, or the whole period if longer. */
export const CHART_MONTHS = 12;

/** Groups drawn in their own colour in the income chart; the rest are summed as "other groups". */
export const CHART_SERIES = 6;

export type ChartSeries = {
  /** null for the sum of the other groups. */
  groupId: string | null;
  name: string | null;
  amounts: Record<string, number>;
  total: number;
};

export type AreaCharts = {
  months: string[];
  /** Earned income per month: the groups with the most in the window first, then the others summed. */
  income: ChartSeries[];
  incomeTotals: Record<string, number>;
  /** Per month: the links that traded in it, and those trading for the first time ever. */
  links: { month: string; active: number; new: number }[];
};

/** The charts' months: twelve ending with the period's last month, or the whole period if longer. */
function chartMonths(period: Period): { from: string; months: string[] } {
  const long = period.months.length >= CHART_MONTHS;
  const from = long ? period.from : addMonths(period.to, 1 - CHART_MONTHS);
  return { from, months: long ? period.months : monthsBetween(from, period.to) };
}

/** The charts' data: income by month per group, and links over time. */
export async function areaCharts(
  tenant: { areaPath: string },
  period: Period,
  reader = new AreaFacts(tenant.areaPath),
): Promise<AreaCharts> {
  const { from, months } = chartMonths(period);
  const [facts, links, groups] = await Promise.all([
    reader.groupMonths(from, period.to),
    reader.linkMonths(from, period.to),
    reader.groups(),
  ]);
  const names = new Map(groups.map((g) => [g.id, g.name]));
  const byGroup = new Map<string, ChartSeries>();
  for (const fact of facts) {
    if (fact.earned === 0) continue;
    let series = byGroup.get(fact.groupId);
    if (!series) {
      series = { groupId: fact.groupId, name: names.get(fact.groupId) ?? "", amounts: {}, total: 0 };
      byGroup.set(fact.groupId, series);
    }
    series.amounts[fact.month] = (series.amounts[fact.month] ?? 0) + fact.earned;
    series.total += fact.earned;
  }
  const ranked = [...byGroup.values()].sort(
    (a, b) => b.total - a.total || (a.name ?? "").localeCompare(b.name ?? ""),
  );
  const income = ranked.slice(0, CHART_SERIES);
  const rest = ranked.slice(CHART_SERIES);
  if (rest.length > 0) {
    const others: ChartSeries = { groupId: null, name: null, amounts: {}, total: 0 };
    for (const series of rest) {
      for (const [month, amount] of Object.entries(series.amounts)) {
        others.amounts[month] = (others.amounts[month] ?? 0) + amount;
      }
      others.total += series.total;
    }
    income.push(others);
  }
  const linksIn = new Map(links.map((row) => [row.month, row]));
  return {
    months,
    income,
    incomeTotals: Object.fromEntries(
      months.map((month) => [month, sum(ranked, (series) => series.amounts[month] ?? 0)]),
    ),
    links: months.map((month) => ({
      month,
      active: linksIn.get(month)?.links ?? 0,
      new: linksIn.get(month)?.newLinks ?? 0,
    })),
  };
}
