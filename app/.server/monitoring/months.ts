// WIB month keys ("2026-11") as a calendar: arithmetic without time zones, since a key already
// names a Jakarta month. Instants become keys through utils/time (wibMonthKey, wibMonthStart).

const MONTH_KEY = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonthKey(value: string): boolean {
  return MONTH_KEY.test(value);
}

function parts(key: string): [number, number] {
  const match = MONTH_KEY.exec(key);
  if (!match) throw new Error(`not a month key: ${key}`);
  return [Number(match[1]), Number(match[2])];
}

/** The month `count` months after `key` (before it when negative). */
export function addMonths(key: string, count: number): string {
  const [year, month] = parts(key);
  const index = year * 12 + (month - 1) + count;
  return `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** Every month from `from` to `to`, both included, oldest first; empty when `to` is before `from`. */
export function monthsBetween(from: string, to: string): string[] {
  const [fromYear, fromMonth] = parts(from);
  const [toYear, toMonth] = parts(to);
  const count = (toYear - fromYear) * 12 + (toMonth - fromMonth) + 1;
  return Array.from({ length: Math.max(0, count) }, (_, i) => addMonths(from, i));
}
