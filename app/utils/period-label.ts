import type { Lang, Translate } from "~/locales";
import { formatMonth } from "~/utils/time";

// A monitoring period's name in the reader's language: "Nov 2026", "Kuartal 4 2026", "2026",
// "Jan 2026 – Jun 2026". Browser-safe; the period itself is parsed on the server (monitoring/periods).

export type PeriodLike = { kind: "month" | "quarter" | "year" | "custom"; from: string; to: string };

export function periodLabel(period: PeriodLike, t: Translate, lang: Lang): string {
  if (period.kind === "month") return formatMonth(period.from, lang);
  if (period.kind === "year") return period.from.slice(0, 4);
  if (period.kind === "quarter") {
    const quarter = Math.floor((Number(period.from.slice(5, 7)) - 1) / 3) + 1;
    return t("mon.period.quarter_label", { quarter, year: period.from.slice(0, 4) });
  }
  return period.from === period.to
    ? formatMonth(period.from, lang)
    : `${formatMonth(period.from, lang)} – ${formatMonth(period.to, lang)}`;
}
