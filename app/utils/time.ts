import type { Lang } from "~/locales";

// Times are stored in UTC and shown in Western Indonesian Time (WIB, UTC+7, no daylight saving).
export const TIME_ZONE = "Asia/Jakarta";
const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;

const locales: Record<Lang, string> = { id: "id-ID", en: "en-GB" };

export function formatDate(value: Date | string, lang: Lang): string {
  return new Intl.DateTimeFormat(locales[lang], { dateStyle: "medium", timeZone: TIME_ZONE }).format(
    new Date(value),
  );
}

export function formatDateTime(value: Date | string, lang: Lang): string {
  const text = new Intl.DateTimeFormat(locales[lang], {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: TIME_ZONE,
  }).format(new Date(value));
  return `${text} WIB`;
}

/** "2026-11" for the WIB calendar month the instant falls in. */
export function wibMonthKey(value: Date): string {
  const shifted = new Date(value.getTime() + WIB_OFFSET_MS);
  return `${shifted.getUTCFullYear()}-${String(shifted.getUTCMonth() + 1).padStart(2, "0")}`;
}

/** The last `count` WIB month keys ending with the month of `now`, oldest first. */
export function lastWibMonths(now: Date, count: number): string[] {
  const shifted = new Date(now.getTime() + WIB_OFFSET_MS);
  const keys: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth() - i, 1));
    keys.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`);
  }
  return keys;
}

/** The UTC instant at which the WIB month `key` ("2026-11") starts. */
export function wibMonthStart(key: string): Date {
  const [year, month] = key.split("-").map(Number);
  return new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, 1) - WIB_OFFSET_MS);
}

export function formatMonth(key: string, lang: Lang): string {
  return new Intl.DateTimeFormat(locales[lang], { month: "short", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${key}-01T00:00:00Z`),
  );
}
