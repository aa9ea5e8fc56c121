import { wibMonthKey, wibMonthStart } from "~/utils/time";

// A bagi hasil period is whole WIB months: from the start of the first to the start of the month
// after the last (the end is exclusive, so a line at midnight belongs to one month only).

export function nextMonthKey(key: string): string {
  const [year, month] = key.split("-").map(Number);
  const next = new Date(Date.UTC(year ?? 1970, month ?? 1, 1));
  return `${next.getUTCFullYear()}-${String(next.getUTCMonth() + 1).padStart(2, "0")}`;
}

export function previousMonthKey(key: string): string {
  const [year, month] = key.split("-").map(Number);
  const previous = new Date(Date.UTC(year ?? 1970, (month ?? 1) - 2, 1));
  return `${previous.getUTCFullYear()}-${String(previous.getUTCMonth() + 1).padStart(2, "0")}`;
}

/** The months from `fromKey` through `toKey` (inclusive; the same month when absent). */
export function monthsPeriod(fromKey: string, toKey?: string) {
  const last = toKey ?? fromKey;
  return { from: wibMonthStart(fromKey), to: wibMonthStart(nextMonthKey(last)), fromKey, toKey: last };
}

/** The last WIB month before the one `now` falls in: what a bagi hasil usually looks back on. */
export function lastFullMonth(now: Date) {
  return previousMonthKey(wibMonthKey(now));
}

/** The last moment inside a period whose end is exclusive: for showing "until" dates. */
export function periodLastMoment(to: Date): Date {
  return new Date(to.getTime() - 1);
}
