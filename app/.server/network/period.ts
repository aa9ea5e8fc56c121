import { pageParam } from "../http/responses";
import {
  nextPeriod,
  parsePeriod,
  periodSearch,
  previousPeriod,
  quickPeriods,
  type Period,
} from "../monitoring/periods";

// The network picture's period, read like every monitoring page's (monitoring/periods: a month, a
// quarter, a year or a custom run of months, five years at most), with one difference: asked for
// nothing, the picture shows the last twelve months, since a single month holds few links.

const DEFAULT_CHOICE = "mon.period.last_12";

function hrefFor(path: string, period: Period, extra: Record<string, string> = {}) {
  const search = periodSearch(period);
  for (const [name, value] of Object.entries(extra)) search.set(name, value);
  return `${path}?${search.toString()}`;
}

/** The period asked for at `path` (or why it cannot be shown), the picker's links and the page. */
export function networkPeriod(url: URL, path: string, now = new Date()) {
  const quick = quickPeriods(now);
  const fallback = (quick.find((choice) => choice.key === DEFAULT_CHOICE) ?? quick[0])?.period as Period;
  const asked = ["periode", "dari", "sampai"].some((name) => url.searchParams.has(name));
  const parsed = asked ? parsePeriod(url.searchParams, now) : ({ ok: true, period: fallback } as const);
  const period = parsed.ok ? parsed.period : fallback;
  const typed = {
    dari: url.searchParams.get("dari") ?? (period.kind === "custom" ? period.from : ""),
    sampai: url.searchParams.get("sampai") ?? (period.kind === "custom" ? period.to : ""),
  };
  const picker = {
    period,
    previous: previousPeriod(period),
    quick: quick.map((choice) => ({
      key: choice.key,
      href: hrefFor(path, choice.period),
      current:
        parsed.ok &&
        choice.period.kind === period.kind &&
        choice.period.from === period.from &&
        choice.period.to === period.to,
    })),
    earlierHref: hrefFor(path, previousPeriod(period)),
    laterHref: hrefFor(path, nextPeriod(period)),
    typed: { dari: typed.dari.slice(0, 10), sampai: typed.sampai.slice(0, 10) },
    problem: parsed.ok ? null : { key: parsed.key, params: parsed.params, field: parsed.field },
  };
  return {
    ok: parsed.ok,
    period,
    picker,
    page: pageParam(url),
    pageHref: (page: number) => hrefFor(path, period, { page: String(page) }),
  };
}
