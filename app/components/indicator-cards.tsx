import type { MessageKey } from "~/locales";
import { useT } from "~/utils/i18n";
import { formatRupiah } from "~/utils/money";

// The indicators as cards: the figure, its one-line definition, the change from the previous
// period and, for income, the baseline. Data comes from monitoring/indicators (one definitions table).

type Figure = { value: number | null; numerator?: number; denominator?: number };

export type IndicatorCardRow = {
  key: string;
  unit: "rupiah" | "count" | "share";
  label: MessageKey;
  definition: MessageKey;
  current: Figure;
  previous: Figure;
  baseline: { value: number; income: number; groups: number } | null;
};

const percent = (share: number) => `${Math.round(share * 100)}%`;

export function IndicatorCards({ rows }: { rows: IndicatorCardRow[] }) {
  const t = useT();
  const show = (unit: IndicatorCardRow["unit"], value: number | null) =>
    value === null
      ? t("mon.ind.none")
      : unit === "rupiah"
        ? formatRupiah(value)
        : unit === "share"
          ? percent(value)
          : String(value);
  const change = (row: IndicatorCardRow) => {
    const now = row.current.value;
    const before = row.previous.value;
    if (now === null || before === null) return null;
    const diff = row.unit === "share" ? Math.round((now - before) * 100) : now - before;
    if (diff === 0) return t("mon.ind.change_none");
    const size =
      row.unit === "rupiah"
        ? formatRupiah(Math.abs(diff))
        : row.unit === "share"
          ? t("mon.ind.points", { value: Math.abs(diff) })
          : String(Math.abs(diff));
    return t(diff > 0 ? "mon.ind.change_up" : "mon.ind.change_down", { value: size });
  };
  return (
    <dl className="grid gap-3 sm:grid-cols-2">
      {rows.map((row) => (
        <div key={row.key} className="card p-3" id={`indikator-${row.key}`}>
          <dt className="font-semibold">{t(row.label)}</dt>
          <dd className="text-2xl font-bold tabular-nums">
            {show(row.unit, row.current.value)}
            {row.unit === "share" && row.current.denominator !== undefined ? (
              <span className="ml-2 text-sm font-normal text-stone-600">
                {t("mon.ind.share_of", {
                  numerator: row.current.numerator ?? 0,
                  denominator: row.current.denominator,
                })}
              </span>
            ) : null}
          </dd>
          <dd className="text-sm text-stone-700 tabular-nums">
            {t("mon.ind.previous", { value: show(row.unit, row.previous.value) })}
            {change(row) ? ` · ${change(row)}` : null}
          </dd>
          {row.baseline ? (
            <dd className="text-sm text-stone-700 tabular-nums">
              {row.baseline.groups > 0
                ? t("mon.ind.baseline", {
                    groups: row.baseline.groups,
                    baseline: formatRupiah(row.baseline.value),
                    income: formatRupiah(row.baseline.income),
                  })
                : t("mon.ind.no_baseline")}
            </dd>
          ) : null}
          <dd className="mt-1 text-xs text-stone-500">{t(row.definition)}</dd>
        </div>
      ))}
    </dl>
  );
}
