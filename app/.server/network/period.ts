import { z } from "zod";
import type { MessageKey } from "~/locales";
import { wibMonthKey } from "~/utils/time";
import { addMonths, isMonthKey, monthsBetween } from "../monitoring/months";

// The network picture's period, from the page's GET form: a first and a last WIB month (a month, a
// quarter, a year or any span in between). Without them, the last twelve months. A span longer
// than five years, or one that ends before it starts, is refused with a message and the default
// period is shown instead.

export const MAX_PERIOD_MONTHS = 60;
const DEFAULT_MONTHS = 12;

const monthField = z
  .string()
  .trim()
  .refine((value) => value === "" || isMonthKey(value), { message: "net.period_invalid" })
  .optional();

const periodQuery = z.object({
  dari: monthField,
  sampai: monthField,
  halaman: z.coerce.number().int().min(1).catch(1),
});

export type PeriodChoice = {
  from: string;
  to: string;
  page: number;
  /** A refused choice: the catalog key of the reason; the default period is used instead. */
  problem: MessageKey | null;
};

export function periodFromQuery(search: URLSearchParams, now = new Date()): PeriodChoice {
  const current = wibMonthKey(now);
  const fallback = { from: addMonths(current, 1 - DEFAULT_MONTHS), to: current };
  const parsed = periodQuery.safeParse(Object.fromEntries(search));
  if (!parsed.success) return { ...fallback, page: 1, problem: "net.period_invalid" };
  const page = parsed.data.halaman;
  const from = parsed.data.dari || "";
  const to = parsed.data.sampai || "";
  if (!from && !to) return { ...fallback, page, problem: null };
  const start = from || to;
  const end = to || from;
  if (end < start) return { ...fallback, page, problem: "net.period_reversed" };
  if (monthsBetween(start, end).length > MAX_PERIOD_MONTHS)
    return { ...fallback, page, problem: "net.period_too_long" };
  return { from: start, to: end, page, problem: null };
}
