import { z } from "zod";
import type { MessageKey, MessageParams } from "~/locales";
import { wibMonthKey } from "~/utils/time";
import { addMonths, isMonthKey, monthsBetween } from "./months";

// The period a TKM figure is counted over: a month, a quarter, a year or a custom run of months,
// read from the URL (?periode=2026-11 | 2026-Q4 | 2026, or ?dari=2026-01&sampai=2026-06) and
// compared with the period of equal length just before it. Every monitoring figure is counted per
// WIB month (monitoring/facts.ts and the summaries), so a custom period is whole months; a date
// typed into it (2026-01-15) stands for its month, which the period's label then shows.

export type PeriodKind = "month" | "quarter" | "year" | "custom";

export type Period = {
  kind: PeriodKind;
  /** First and last WIB month, both included. */
  from: string;
  to: string;
  /** Every month of the period, oldest first. */
  months: string[];
};

export type PeriodRefusal = {
  ok: false;
  key: MessageKey;
  params?: MessageParams;
  field: "periode" | "dari" | "sampai";
};

/** The longest custom period: five years. */
export const MAX_PERIOD_MONTHS = 60;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-[Qq]([1-4])$/;
const YEAR = /^(\d{4})$/;
const DATE_OR_MONTH = /^(\d{4}-(?:0[1-9]|1[0-2]))(?:-(?:0[1-9]|[12]\d|3[01]))?$/;
const SANE_YEARS = { min: 2000, max: 2100 };

const paramsSchema = z.object({
  periode: z.string().trim().max(10).optional(),
  dari: z.string().trim().max(10).optional(),
  sampai: z.string().trim().max(10).optional(),
});

function period(kind: PeriodKind, from: string, to: string): Period {
  return { kind, from, to, months: monthsBetween(from, to) };
}

function saneYear(year: number) {
  return year >= SANE_YEARS.min && year <= SANE_YEARS.max;
}

/** The month a "2026-01" or "2026-01-15" value names, or null. */
function monthOf(value: string): string | null {
  const match = DATE_OR_MONTH.exec(value);
  if (!match?.[1] || !isMonthKey(match[1])) return null;
  return saneYear(Number(match[1].slice(0, 4))) ? match[1] : null;
}

/** This WIB month: what the dashboard shows when no period is asked for. */
export function currentMonthPeriod(now: Date): Period {
  const month = wibMonthKey(now);
  return period("month", month, month);
}

/** A single period value: "2026-11" (month), "2026-Q4" (quarter) or "2026" (year). */
export function periodFromValue(value: string): Period | null {
  const month = MONTH.exec(value);
  if (month && saneYear(Number(month[1]))) return period("month", value, value);
  const quarter = QUARTER.exec(value);
  if (quarter && saneYear(Number(quarter[1]))) {
    const first = `${quarter[1]}-${String((Number(quarter[2]) - 1) * 3 + 1).padStart(2, "0")}`;
    return period("quarter", first, addMonths(first, 2));
  }
  const year = YEAR.exec(value);
  if (year && saneYear(Number(year[1]))) return period("year", `${value}-01`, `${value}-12`);
  return null;
}

/**
 * The period the URL asks for, or why it cannot be counted: an unreadable value, an end before
 * the start, or a custom period longer than five years. Nothing asked: this WIB month.
 */
export function parsePeriod(
  params: URLSearchParams,
  now: Date,
): { ok: true; period: Period } | PeriodRefusal {
  const parsed = paramsSchema.safeParse({
    periode: params.get("periode") ?? undefined,
    dari: params.get("dari") ?? undefined,
    sampai: params.get("sampai") ?? undefined,
  });
  if (!parsed.success) return { ok: false, key: "mon.period.unreadable", field: "periode" };
  const { periode, dari, sampai } = parsed.data;
  if (dari || sampai) {
    const from = monthOf(dari ?? "");
    if (!from) return { ok: false, key: "mon.period.bad_date", field: "dari" };
    const to = monthOf(sampai ?? "");
    if (!to) return { ok: false, key: "mon.period.bad_date", field: "sampai" };
    if (to < from) return { ok: false, key: "mon.period.end_before_start", field: "sampai" };
    const length = monthsBetween(from, to).length;
    if (length > MAX_PERIOD_MONTHS) {
      return {
        ok: false,
        key: "mon.period.too_long",
        params: { years: MAX_PERIOD_MONTHS / 12 },
        field: "sampai",
      };
    }
    return { ok: true, period: period("custom", from, to) };
  }
  if (periode) {
    const found = periodFromValue(periode);
    return found
      ? { ok: true, period: found }
      : { ok: false, key: "mon.period.unreadable", field: "periode" };
  }
  return { ok: true, period: currentMonthPeriod(now) };
}

/** The period of equal length that ends the month before this one starts. */
export function previousPeriod(current: Period): Period {
  const length = current.months.length;
  return period(current.kind, addMonths(current.from, -length), addMonths(current.from, -1));
}

/** The period of equal length that starts the month after this one ends. */
export function nextPeriod(current: Period): Period {
  const length = current.months.length;
  return period(current.kind, addMonths(current.to, 1), addMonths(current.to, length));
}

/** The period as URL search params, the way parsePeriod reads it back. */
export function periodSearch(value: Period): URLSearchParams {
  if (value.kind === "month") return new URLSearchParams({ periode: value.from });
  if (value.kind === "year") return new URLSearchParams({ periode: value.from.slice(0, 4) });
  if (value.kind === "quarter") {
    const quarter = Math.floor((Number(value.from.slice(5, 7)) - 1) / 3) + 1;
    return new URLSearchParams({ periode: `${value.from.slice(0, 4)}-Q${quarter}` });
  }
  return new URLSearchParams({ dari: value.from, sampai: value.to });
}

/** Quick choices for the picker: this month, last month, this quarter, this year, the last 12 months. */
export function quickPeriods(now: Date): { key: MessageKey; period: Period }[] {
  const month = wibMonthKey(now);
  const year = month.slice(0, 4);
  const quarterStart = `${year}-${String(Math.floor((Number(month.slice(5, 7)) - 1) / 3) * 3 + 1).padStart(2, "0")}`;
  return [
    { key: "mon.period.this_month", period: period("month", month, month) },
    { key: "mon.period.last_month", period: period("month", addMonths(month, -1), addMonths(month, -1)) },
    { key: "mon.period.this_quarter", period: period("quarter", quarterStart, addMonths(quarterStart, 2)) },
    { key: "mon.period.this_year", period: period("year", `${year}-01`, `${year}-12`) },
    { key: "mon.period.last_12", period: period("custom", addMonths(month, -11), month) },
  ];
}
