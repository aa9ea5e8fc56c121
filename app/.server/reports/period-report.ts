import type { BeforeAfterKey } from "~/utils/report-labels";
import { wibMonthKey, wibMonthStart } from "~/utils/time";
import type { MonitorScope } from "../auth/guards";
import type { InstitutionKind } from "../db/client";
import { db } from "../db/client";
import { ancestorPaths } from "../institutions/institutions";
import { openFollowUps, type OpenFollowUp } from "../meetings/meetings";
import { areaGroupRows, type GroupRow } from "../monitoring/dashboard";
import { buyerNamesIn, earnedInWindows, linksInWindows } from "../monitoring/facts";
import {
  areaCharts,
  areaIndicators,
  periodFacts,
  type AreaCharts,
  type AreaIndicators,
  type IndicatorKey,
} from "../monitoring/indicators";
import { addMonths } from "../monitoring/months";
import type { Period } from "../monitoring/periods";

// The period report's before/after table, measured: the rows the research used to show what the
// network changed (links with local businesses for marketing, links with government offices,
// income, TKM's routine work), each as "before" and "in the period".
//
// "Before", per group: the baseline TKM recorded (its monthly income; links and support dated
// before the month it was measured), or, for a group without one, its first three months on
// Jejaring (their average monthly earned income, the businesses it traded with then, and support
// dated before they ended). The area's "before" adds up its groups' (businesses and institutions
// counted once). "In the period" is the dashboard's indicator of the same name (monitoring/
// indicators), so the report and the dashboard never disagree; the "before" side is counted here
// from the same facts (monitoring/facts).

/** How many months of a group's start stand for "before" when TKM recorded no baseline. */
export const FIRST_MONTHS = 3;

/** Institutions of the government, the seed's "links with government offices". */
export const GOVERNMENT_KINDS: readonly InstitutionKind[] = [
  "DPMD",
  "DKUKM",
  "DISDALDUK",
  "VILLAGE_GOVERNMENT",
];

export type BeforeAfterRow = {
  key: BeforeAfterKey;
  /** null: not measured before Jejaring (shown as a dash, never as zero). */
  before: number | null;
  after: number | null;
  /** For a share: how many of how many. */
  afterOf?: { numerator: number; denominator: number };
  /** Names behind the count, for TKM only (businesses and institutions); null for the village. */
  names: { before: string[]; after: string[] } | null;
  unit: "count" | "rupiah" | "share";
};

type GroupStart = {
  id: string;
  /** The last month of "before", included: the month before the baseline, or the third month. */
  beforeLast: string;
  /** The first month of "before" when it is the first months on Jejaring; null with a baseline. */
  firstMonth: string | null;
  baselineIncome: number | null;
  /** Support dated before this instant counts as "before". */
  beforeEnds: Date;
};

/** Each group's "before": its newest baseline (measured when), or its first months on Jejaring. */
async function groupStarts(areaPath: string): Promise<GroupStart[]> {
  const groups = await db.group.findMany({
    where: { village: { path: { startsWith: areaPath } } },
    select: {
      id: true,
      joinedAt: true,
      baselineMonthlyIncome: true,
      baselines: {
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { monthlyIncome: true, measuredOn: true },
      },
    },
  });
  return groups.map((group) => {
    const baseline = group.baselines[0];
    const income = baseline?.monthlyIncome ?? group.baselineMonthlyIncome;
    if (income !== null && income !== undefined) {
      const measured = wibMonthKey(baseline?.measuredOn ?? group.joinedAt);
      return {
        id: group.id,
        beforeLast: addMonths(measured, -1),
        firstMonth: null,
        baselineIncome: income,
        beforeEnds: wibMonthStart(measured),
      };
    }
    const first = wibMonthKey(group.joinedAt);
    const last = addMonths(first, FIRST_MONTHS - 1);
    return {
      id: group.id,
      beforeLast: last,
      firstMonth: first,
      baselineIncome: null,
      beforeEnds: wibMonthStart(addMonths(last, 1)),
    };
  });
}

/** Names in Indonesian order; one collator for thousands of comparisons. */
const byName = new Intl.Collator("id");

export type BeforeAfterScope = { areaPath: string; teamId: string | null; namesPartners: boolean };

/**
 * The TKM teams whose meetings the report counts: the officer's own team, or, for a village, every
 * team whose area holds the village or lies inside it.
 */
async function teamIdsFor(scope: BeforeAfterScope): Promise<string[]> {
  if (scope.teamId) return [scope.teamId];
  const teams = await db.tkmTeam.findMany({
    where: {
      area: {
        OR: [{ path: { startsWith: scope.areaPath } }, { path: { in: ancestorPaths(scope.areaPath) } }],
      },
    },
    select: { id: true },
  });
  return teams.map((team) => team.id);
}

/** The dashboard's figure for an indicator (the "in the period" side of a row). */
function figure(indicators: AreaIndicators, key: IndicatorKey) {
  const row = indicators.rows.find((candidate) => candidate.key === key);
  return row?.current ?? { value: null };
}

export async function beforeAfterTable(
  scope: BeforeAfterScope,
  period: Period,
  indicators: AreaIndicators,
): Promise<BeforeAfterRow[]> {
  const { areaPath } = scope;
  const starts = await groupStarts(areaPath);
  const startOf = new Map(starts.map((start) => [start.id, start]));
  // Each group's "before" as its own run of months: its first months, or every month before the
  // baseline's (a link first traded before the baseline traded in one of them).
  const windows = starts.map((start) => ({
    groupId: start.id,
    from: start.firstMonth ?? "0000-00",
    to: start.beforeLast,
  }));
  const periodStart = wibMonthStart(period.from);
  const periodEnd = wibMonthStart(addMonths(period.to, 1));
  const teamIds = await teamIdsFor(scope);

  const [linksBefore, firstMonthsEarned, businessesAfter, supports, meetings, followUpsDone] =
    await Promise.all([
      linksInWindows(windows, { names: scope.namesPartners }),
      earnedInWindows(windows.filter((window) => startOf.get(window.groupId)?.firstMonth)),
      // Only for the names TKM reads beside the count; the count is the indicator's.
      scope.namesPartners ? buyerNamesIn(areaPath, period.from, period.to) : Promise.resolve([]),
      db.support.findMany({
        where: { group: { village: { path: { startsWith: areaPath } } }, date: { lt: periodEnd } },
        select: { groupId: true, date: true, institution: { select: { id: true, name: true, kind: true } } },
      }),
      db.tkmMeeting.count({
        where: { teamId: { in: teamIds }, heldAt: { gte: periodStart, lt: periodEnd } },
      }),
      db.followUp.count({
        where: { meeting: { teamId: { in: teamIds } }, doneAt: { gte: periodStart, lt: periodEnd } },
      }),
    ]);

  // Income before: each group's baseline, or its first months' average earned income.
  let incomeBefore = 0;
  for (const start of starts) {
    if (start.baselineIncome !== null) incomeBefore += start.baselineIncome;
  }
  incomeBefore += firstMonthsEarned / FIRST_MONTHS;
  const earned = figure(indicators, "income").value;
  const incomeAfter = earned === null ? null : Math.round(earned / Math.max(1, period.months.length));

  // Institutions: those that supported a group before its "before" ended, and up to the period's end.
  const institutions = (government: boolean, before: boolean) => {
    const found = new Map<string, string>();
    for (const support of supports) {
      if (GOVERNMENT_KINDS.includes(support.institution.kind) !== government) continue;
      const start = startOf.get(support.groupId);
      if (before && (!start || support.date >= start.beforeEnds)) continue;
      found.set(support.institution.id, support.institution.name);
    }
    return [...found.values()].sort(byName.compare);
  };
  const sorted = (names: string[]) => [...names].sort(byName.compare);
  const names = (before: string[], after: string[]) => (scope.namesPartners ? { before, after } : null);

  const governmentBefore = institutions(true, true);
  const governmentAfter = institutions(true, false);
  const otherBefore = institutions(false, true);
  const otherAfter = institutions(false, false);
  const earning = figure(indicators, "earning_share");
  return [
    {
      key: "businesses",
      before: linksBefore.buyers,
      after: figure(indicators, "buyers").value,
      names: names(sorted(linksBefore.names), sorted(businessesAfter)),
      unit: "count",
    },
    {
      key: "links",
      before: linksBefore.links,
      after: figure(indicators, "links").value,
      names: null,
      unit: "count",
    },
    {
      key: "government",
      before: governmentBefore.length,
      after: governmentAfter.length,
      names: names(governmentBefore, governmentAfter),
      unit: "count",
    },
    {
      key: "otherInstitutions",
      before: otherBefore.length,
      after: otherAfter.length,
      names: names(otherBefore, otherAfter),
      unit: "count",
    },
    { key: "income", before: Math.round(incomeBefore), after: incomeAfter, names: null, unit: "rupiah" },
    {
      key: "activeMembers",
      before: null,
      after: figure(indicators, "active_members").value,
      names: null,
      unit: "count",
    },
    {
      key: "earningShare",
      before: null,
      after: earning.value,
      ...(earning.denominator !== undefined
        ? { afterOf: { numerator: earning.numerator ?? 0, denominator: earning.denominator } }
        : {}),
      names: null,
      unit: "share",
    },
    { key: "meetings", before: null, after: meetings, names: null, unit: "count" },
    { key: "followUpsDone", before: null, after: followUpsDone, names: null, unit: "count" },
  ];
}

export type PeriodReport = {
  area: { name: string; kind: MonitorScope["kind"]; teamName: string | null };
  period: Period;
  generatedAt: Date;
  beforeAfter: BeforeAfterRow[];
  indicators: AreaIndicators;
  charts: AreaCharts;
  /** The groups with at least one flag, by name, each flag with its reason. */
  flagged: GroupRow[];
  groupCount: number;
  /** Open follow-ups of the teams that monitor the area, the earliest due first. */
  followUps: OpenFollowUp[];
};

/**
 * The period report for the TKM meeting and the village head: the before/after table, the
 * indicators and charts of the dashboard, the flagged groups and the open follow-ups. For the
 * village government (scope.namesPartners false) no business or institution is named.
 */
export async function periodReport(
  scope: Pick<MonitorScope, "kind" | "areaPath" | "areaName" | "teamId" | "namesPartners">,
  teamName: string | null,
  period: Period,
  now = new Date(),
): Promise<PeriodReport> {
  const tenant = { areaPath: scope.areaPath };
  const reader = periodFacts(scope.areaPath, period);
  const [indicators, charts, groups, teamIds] = await Promise.all([
    areaIndicators(tenant, period, reader),
    areaCharts(tenant, period, reader),
    areaGroupRows(tenant, period, now, reader),
    teamIdsFor(scope),
  ]);
  const [beforeAfter, followUpLists] = await Promise.all([
    beforeAfterTable(scope, period, indicators),
    Promise.all(teamIds.map((teamId) => openFollowUps(teamId, now))),
  ]);
  // A village sees the follow-ups about its own groups, and those about no group in particular.
  const groupIds = new Set(groups.map((group) => group.id));
  const followUps = followUpLists
    .flat()
    .filter((followUp) => scope.teamId !== null || !followUp.group || groupIds.has(followUp.group.id))
    .sort((a, b) => a.dueOn.getTime() - b.dueOn.getTime() || a.id.localeCompare(b.id));
  return {
    area: { name: scope.areaName, kind: scope.kind, teamName },
    period,
    generatedAt: now,
    beforeAfter,
    indicators,
    charts,
    flagged: groups.filter((group) => group.flags.length > 0),
    groupCount: groups.length,
    followUps,
  };
}
