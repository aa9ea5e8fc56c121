import { redirect } from "@remix-run/node";
import { requireMonitor, type MonitorScope } from "../auth/guards";
import { pageParam } from "../http/responses";
import { monitoringDashboard } from "./dashboard";
import {
  currentMonthPeriod,
  nextPeriod,
  parsePeriod,
  periodSearch,
  previousPeriod,
  quickPeriods,
  type Period,
} from "./periods";

// What the monitoring routes share: who may look (TKM at /tkm, the village government at /desa,
// each sent to its own page), the period asked for, and the links the page offers.

export type MonitorBase = "/tkm" | "/desa";

/** The viewer's scope, sending a village official from /tkm to /desa and TKM from /desa to /tkm. */
export async function requireMonitorAt(request: Request, base: MonitorBase) {
  const { viewer, scope } = await requireMonitor(request);
  const url = new URL(request.url);
  const home: MonitorBase = scope.kind === "village" ? "/desa" : "/tkm";
  if (home !== base) throw redirect(`${home}${url.pathname.slice(base.length)}${url.search}`);
  return { viewer, scope, url };
}

function hrefFor(path: string, period: Period, extra: Record<string, string> = {}) {
  const search = periodSearch(period);
  for (const [name, value] of Object.entries(extra)) search.set(name, value);
  return `${path}?${search}`;
}

/** The dashboard's data for the viewer's area, or the period problem (status 400) with what was typed. */
export async function loadMonitoringPage(request: Request, base: MonitorBase, now = new Date()) {
  const { viewer, scope, url } = await requireMonitorAt(request, base);
  const parsed = parsePeriod(url.searchParams, now);
  const period = parsed.ok ? parsed.period : currentMonthPeriod(now);
  const typed = {
    dari: url.searchParams.get("dari") ?? (period.kind === "custom" ? period.from : ""),
    sampai: url.searchParams.get("sampai") ?? (period.kind === "custom" ? period.to : ""),
  };
  const picker = {
    period,
    previous: previousPeriod(period),
    quick: quickPeriods(now).map((choice) => ({
      key: choice.key,
      href: hrefFor(base, choice.period),
      current:
        parsed.ok &&
        choice.period.from === period.from &&
        choice.period.to === period.to &&
        choice.period.kind === period.kind,
    })),
    earlierHref: hrefFor(base, previousPeriod(period)),
    laterHref: hrefFor(base, nextPeriod(period)),
    typed: { dari: typed.dari.slice(0, 10), sampai: typed.sampai.slice(0, 10) },
    problem: parsed.ok ? null : { key: parsed.key, params: parsed.params, field: parsed.field },
  };
  const header = headerOf(scope, viewer.tkmTeam?.name ?? null);
  if (!parsed.ok) return { status: 400, base, header, picker, dashboard: null, exports: null };
  const dashboard = await monitoringDashboard({ areaPath: scope.areaPath }, period, pageParam(url), now);
  const { page, pages } = dashboard.groups;
  return {
    status: 200,
    base,
    header,
    picker,
    dashboard: {
      ...dashboard,
      prevHref: page > 1 ? hrefFor(base, period, { page: String(page - 1) }) : null,
      nextHref: page < pages ? hrefFor(base, period, { page: String(page + 1) }) : null,
    },
    // The exports and the flags' evidence serve TKM and the village alike (requireMonitor).
    exports: {
      indicators: hrefFor("/tkm/indikator.csv", period),
      groups: hrefFor("/tkm/kelompok-tanda.csv", period),
    },
  };
}

function headerOf(scope: MonitorScope, teamName: string | null) {
  return {
    kind: scope.kind,
    areaName: scope.areaName,
    teamName,
    namesPartners: scope.namesPartners,
    canEdit: scope.canEdit,
  };
}
