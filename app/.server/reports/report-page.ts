import { requireMonitorAt, type MonitorBase } from "../monitoring/page";
import {
  currentMonthPeriod,
  nextPeriod,
  parsePeriod,
  periodSearch,
  previousPeriod,
  quickPeriods,
  type Period,
} from "../monitoring/periods";
import { periodReport } from "./period-report";

// What the report routes share (/tkm/laporan for TKM, /desa/laporan for the village government,
// each sent to its own; the .pdf beside each): the period asked for, the picker's links, the
// report itself, and the exports of the same period.

function hrefFor(path: string, period: Period) {
  return `${path}?${periodSearch(period)}`;
}

/** The links to every export of the period: the report's PDF, A's indicator and group CSVs, and ours. */
export function exportLinks(base: MonitorBase, period: Period) {
  return {
    dashboard: hrefFor(base, period),
    exportsPage: hrefFor(`${base}/ekspor`, period),
    reportHtml: hrefFor(`${base}/laporan`, period),
    reportPdf: hrefFor(`${base}/laporan.pdf`, period),
    indicators: hrefFor("/tkm/indikator.csv", period),
    groups: hrefFor("/tkm/kelompok-tanda.csv", period),
    orders: hrefFor("/tkm/ekspor/pesanan.csv", period),
    links: hrefFor("/tkm/ekspor/jejaring.csv", period),
  };
}

/** The period picker of a page at `path`, and the period (or the problem with what was typed). */
export function pickerFor(url: URL, path: string, now: Date) {
  const parsed = parsePeriod(url.searchParams, now);
  const period = parsed.ok ? parsed.period : currentMonthPeriod(now);
  return {
    parsed,
    period,
    picker: {
      period,
      previous: previousPeriod(period),
      quick: quickPeriods(now).map((choice) => ({
        key: choice.key,
        href: hrefFor(path, choice.period),
        current:
          parsed.ok &&
          choice.period.from === period.from &&
          choice.period.to === period.to &&
          choice.period.kind === period.kind,
      })),
      earlierHref: hrefFor(path, previousPeriod(period)),
      laterHref: hrefFor(path, nextPeriod(period)),
      typed: {
        dari: (url.searchParams.get("dari") ?? (period.kind === "custom" ? period.from : "")).slice(0, 10),
        sampai: (url.searchParams.get("sampai") ?? (period.kind === "custom" ? period.to : "")).slice(0, 10),
      },
      problem: parsed.ok ? null : { key: parsed.key, params: parsed.params, field: parsed.field },
    },
  };
}

/** The report page's data, or the period problem (status 400) with what was typed. */
export async function loadReportPage(request: Request, base: MonitorBase, now = new Date()) {
  const { viewer, scope, url } = await requireMonitorAt(request, base);
  const { parsed, period, picker } = pickerFor(url, `${base}/laporan`, now);
  if (!parsed.ok) return { status: 400, base, picker, report: null, links: null };
  const report = await periodReport(scope, viewer.tkmTeam?.name ?? null, period, now);
  return { status: 200, base, picker, report, links: exportLinks(base, period) };
}

/** The exports page's data: the period's picker and every file of that period. */
export async function loadExportsPage(request: Request, base: MonitorBase, now = new Date()) {
  const { scope, url } = await requireMonitorAt(request, base);
  const { parsed, period, picker } = pickerFor(url, `${base}/ekspor`, now);
  return {
    status: parsed.ok ? 200 : 400,
    base,
    picker,
    namesPartners: scope.namesPartners,
    areaName: scope.areaName,
    links: parsed.ok ? exportLinks(base, period) : null,
  };
}
