import type { Lang, MessageKey, Translate } from "~/locales";
import { formatRupiah } from "~/utils/money";
import { formatDate, formatMonth } from "~/utils/time";

// A monitoring flag's reason in the reader's language: the catalog key with its counts, rupiah,
// dates and months each formatted their own way. Browser-safe (the dashboard, the evidence page
// and the CSV use it alike).

/** The flags, in the order their chips show. */
export const FLAG_KINDS = [
  "no_sales",
  "falling_income",
  "late_deliveries",
  "overdue_tempo",
  "unanswered_requests",
  "no_manager",
] as const;

export type FlagKind = (typeof FLAG_KINDS)[number];

/** The chip text of each flag. */
export const FLAG_LABEL_KEYS: Record<FlagKind, MessageKey> = {
  no_sales: "mon.flag.no_sales",
  falling_income: "mon.flag.falling_income",
  late_deliveries: "mon.flag.late_deliveries",
  overdue_tempo: "mon.flag.overdue_tempo",
  unanswered_requests: "mon.flag.unanswered_requests",
  no_manager: "mon.flag.no_manager",
};

export type FlagText = {
  kind: FlagKind;
  reason: MessageKey;
  counts: Record<string, number>;
  money?: Record<string, number>;
  dates?: Record<string, string>;
  months?: Record<string, string>;
};

export function flagReason(flag: FlagText, t: Translate, lang: Lang): string {
  const params: Record<string, string | number> = { ...flag.counts };
  for (const [name, amount] of Object.entries(flag.money ?? {})) params[name] = formatRupiah(amount);
  for (const [name, iso] of Object.entries(flag.dates ?? {})) params[name] = formatDate(iso, lang);
  for (const [name, month] of Object.entries(flag.months ?? {})) params[name] = formatMonth(month, lang);
  return t(flag.reason, params);
}
