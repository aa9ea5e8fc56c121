import { useLang, useT } from "~/utils/i18n";
import { formatRupiah } from "~/utils/money";
import { formatMonth } from "~/utils/time";

/**
 * Rupiah per month as horizontal bars, with the amount written beside each: readable on a phone
 * and without JavaScript. A baseline (income before joining) is drawn as a marker line.
 */
export function MonthlyBars({
  months,
  amounts,
  baseline,
}: {
  months: string[];
  amounts: Record<string, number>;
  baseline?: number | null;
}) {
  const lang = useLang();
  const t = useT();
  const peak = Math.max(1, baseline ?? 0, ...months.map((m) => amounts[m] ?? 0));
  const percent = (value: number) => `${Math.round((value / peak) * 100)}%`;
  return (
    <>
      <ol className="mt-3 space-y-1">
        {months.map((month) => (
          <li key={month} className="grid grid-cols-[5rem_1fr_7.5rem] items-center gap-2 text-sm">
            <span className="text-stone-600">{formatMonth(month, lang)}</span>
            {/* SVG lengths, not style attributes: the Content-Security-Policy allows no inline styles. */}
            <svg className="h-4 w-full rounded bg-stone-100" aria-hidden="true">
              <rect className="fill-brand-600" width={percent(amounts[month] ?? 0)} height="100%" rx="4" />
              {baseline ? (
                <rect className="fill-clay-500" x={percent(baseline)} width="2" height="100%" />
              ) : null}
            </svg>
            <span className="text-right font-medium tabular-nums">{formatRupiah(amounts[month] ?? 0)}</span>
          </li>
        ))}
      </ol>
      {baseline ? (
        <p className="mt-2 flex items-center gap-2 text-sm text-stone-600">
          <span className="inline-block h-4 w-0.5 bg-clay-500" aria-hidden="true" />
          {t("tkm.baseline_marker", { amount: formatRupiah(baseline) })}
        </p>
      ) : null}
    </>
  );
}
