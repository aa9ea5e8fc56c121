import { useLang, useT } from "~/utils/i18n";
import { formatRupiah } from "~/utils/money";
import { formatMonth } from "~/utils/time";

// Income by month per group as stacked SVG columns drawn on the server (no script, no inline
// styles: the Content-Security-Policy allows none), a legend in words, and the table behind it.

type Series = { groupId: string | null; name: string | null; amounts: Record<string, number>; total: number };

/** One colour per series, in order; the last is for "other groups". */
const FILLS = [
  "fill-brand-600",
  "fill-clay-500",
  "fill-sky-600",
  "fill-amber-400",
  "fill-violet-600",
  "fill-rose-500",
];
const OTHERS_FILL = "fill-stone-400";

const HEIGHT = 120;
const SLOT = 30;

export function IncomeByGroupChart({
  months,
  series,
  totals,
}: {
  months: string[];
  series: Series[];
  totals: Record<string, number>;
}) {
  const t = useT();
  const lang = useLang();
  if (series.length === 0) return <p className="text-stone-600">{t("mon.chart.empty")}</p>;
  const fillOf = (index: number, item: Series) =>
    item.groupId === null ? OTHERS_FILL : (FILLS[index] ?? OTHERS_FILL);
  // Negative months (refunds above sales) are drawn as nothing; the table shows the real figure.
  const peak = Math.max(
    1,
    ...months.map((m) => series.reduce((sum, s) => sum + Math.max(0, s.amounts[m] ?? 0), 0)),
  );
  const nameOf = (item: Series) => item.name ?? t("mon.chart.others");
  return (
    <figure className="space-y-2">
      <svg
        viewBox={`0 0 ${months.length * SLOT} ${HEIGHT + 16}`}
        className="h-44 w-full"
        role="img"
        aria-labelledby="mon-income-chart-title"
      >
        <title id="mon-income-chart-title">{t("mon.chart.income")}</title>
        {months.map((month, index) => {
          let top = HEIGHT;
          return (
            <g key={month}>
              {series.map((item, s) => {
                const value = Math.max(0, item.amounts[month] ?? 0);
                const size = (value / peak) * HEIGHT;
                top -= size;
                return value > 0 ? (
                  <rect
                    key={item.groupId ?? "others"}
                    className={fillOf(s, item)}
                    x={index * SLOT + 4}
                    y={top}
                    width={SLOT - 8}
                    height={Math.max(size, 1)}
                  >
                    <title>{`${nameOf(item)} · ${formatMonth(month, lang)}: ${formatRupiah(item.amounts[month] ?? 0)}`}</title>
                  </rect>
                ) : null;
              })}
              <text
                x={index * SLOT + SLOT / 2}
                y={HEIGHT + 12}
                textAnchor="middle"
                className="fill-stone-600 text-[9px]"
              >
                {formatMonth(month, lang).slice(0, 3)}
              </text>
            </g>
          );
        })}
        <line x1="0" x2={months.length * SLOT} y1={HEIGHT} y2={HEIGHT} className="stroke-stone-400" />
      </svg>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {series.map((item, s) => (
          <li key={item.groupId ?? "others"} className="flex items-center gap-1">
            <svg className="h-3 w-3 shrink-0" aria-hidden="true">
              <rect className={fillOf(s, item)} width="100%" height="100%" rx="2" />
            </svg>
            {nameOf(item)}
          </li>
        ))}
      </ul>
      <figcaption className="text-sm text-stone-600">
        {t("mon.chart.income_caption", { months: months.length })}
      </figcaption>
      <details>
        <summary className="link inline-flex min-h-11 cursor-pointer items-center">
          {t("mon.chart.table")}
        </summary>
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <caption className="sr-only">{t("mon.chart.income")}</caption>
            <thead>
              <tr>
                <th scope="col" className="p-1 text-left">
                  {t("mon.chart.month")}
                </th>
                {series.map((item) => (
                  <th key={item.groupId ?? "others"} scope="col" className="p-1 text-right">
                    {nameOf(item)}
                  </th>
                ))}
                <th scope="col" className="p-1 text-right">
                  {t("mon.chart.total")}
                </th>
              </tr>
            </thead>
            <tbody>
              {months.map((month) => (
                <tr key={month} className="border-t border-stone-200">
                  <th scope="row" className="p-1 text-left font-normal whitespace-nowrap">
                    {formatMonth(month, lang)}
                  </th>
                  {series.map((item) => (
                    <td
                      key={item.groupId ?? "others"}
                      className="p-1 text-right whitespace-nowrap tabular-nums"
                    >
                      {formatRupiah(item.amounts[month] ?? 0)}
                    </td>
                  ))}
                  <td className="p-1 text-right font-semibold whitespace-nowrap tabular-nums">
                    {formatRupiah(totals[month] ?? 0)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
