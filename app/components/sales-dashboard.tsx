import type { MessageKey } from "~/locales";
import { useLang, useT } from "~/utils/i18n";
import { formatRupiah } from "~/utils/money";
import { formatMonth } from "~/utils/time";

type MonthFigures = {
  month: string;
  income: number;
  orders: number;
  buyers: number;
  newBuyers: number;
  returningBuyers: number;
  delivered: number;
  onTime: number;
  onTimeShare: number | null;
};

export type SalesDashboardData = {
  months: string[];
  incomeByMonth: Record<string, number>;
  current: MonthFigures;
  previous: MonthFigures;
  lastYear: MonthFigures;
  topProducts: { productId: string; name: string; quantity: number; value: number }[];
  owed: {
    tempo: { invoices: number; amount: number; overdue: number; overdueAmount: number };
    consignment: { reports: number; amount: number };
  };
};

const percentOf = (share: number | null) => (share === null ? "–" : `${Math.round(share * 100)}%`);

/** This month, beside last month and the same month last year, for one figure. */
function Comparison({
  label,
  value,
  previous,
  lastYear,
  detail,
}: {
  label: MessageKey;
  value: string;
  previous: string;
  lastYear: string;
  detail?: string;
}) {
  const t = useT();
  return (
    <div className="card p-3">
      <dt className="text-sm text-stone-600">{t(label)}</dt>
      <dd className="text-xl font-bold tabular-nums">{value}</dd>
      {detail ? <dd className="text-sm text-stone-700">{detail}</dd> : null}
      <dd className="text-sm text-stone-600 tabular-nums">{t("sales.vs_previous", { value: previous })}</dd>
      <dd className="text-sm text-stone-600 tabular-nums">{t("sales.vs_last_year", { value: lastYear })}</dd>
    </div>
  );
}

/**
 * Income for twelve months as an SVG column chart drawn on the server (no script, no inline
 * styles: the Content-Security-Policy allows none), with the table behind it in a fold-out.
 */
function IncomeChart({ months, amounts }: { months: string[]; amounts: Record<string, number> }) {
  const t = useT();
  const lang = useLang();
  const values = months.map((m) => amounts[m] ?? 0);
  const peak = Math.max(1, ...values);
  const low = Math.min(0, ...values);
  const range = peak - low;
  const height = 120;
  const zero = (peak / range) * height;
  const slot = 30;
  return (
    <figure className="space-y-2">
      <svg
        viewBox={`0 0 ${months.length * slot} ${height + 18}`}
        className="h-40 w-full"
        role="img"
        aria-labelledby="income-chart-title"
      >
        <title id="income-chart-title">{t("sales.income_chart_title")}</title>
        {months.map((month, index) => {
          const value = values[index] ?? 0;
          const size = (Math.abs(value) / range) * height;
          return (
            <g key={month}>
              <rect
                className={value < 0 ? "fill-clay-500" : "fill-brand-600"}
                x={index * slot + 4}
                y={value < 0 ? zero : zero - size}
                width={slot - 8}
                height={Math.max(size, value === 0 ? 0 : 1)}
                rx="2"
              />
              <text
                x={index * slot + slot / 2}
                y={height + 14}
                textAnchor="middle"
                className="fill-stone-600 text-[9px]"
              >
                {formatMonth(month, lang).slice(0, 3)}
              </text>
            </g>
          );
        })}
        <line x1="0" x2={months.length * slot} y1={zero} y2={zero} className="stroke-stone-400" />
      </svg>
      <details>
        <summary className="link inline-flex min-h-11 cursor-pointer items-center">
          {t("sales.show_table")}
        </summary>
        <table className="w-full text-sm">
          <caption className="sr-only">{t("sales.income_chart_title")}</caption>
          <thead>
            <tr>
              <th scope="col" className="text-left">
                {t("sales.month")}
              </th>
              <th scope="col" className="text-right">
                {t("sales.income")}
              </th>
            </tr>
          </thead>
          <tbody>
            {months.map((month) => (
              <tr key={month} className="border-t border-stone-200">
                <th scope="row" className="py-1 text-left font-normal">
                  {formatMonth(month, lang)}
                </th>
                <td className="py-1 text-right tabular-nums">{formatRupiah(amounts[month] ?? 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

/** The best-selling products as SVG bars with their value written beside, and a table behind. */
function TopProducts({ products }: { products: SalesDashboardData["topProducts"] }) {
  const t = useT();
  if (products.length === 0) return <p className="card text-stone-600">{t("sales.top_empty")}</p>;
  const peak = Math.max(1, ...products.map((p) => p.value));
  return (
    <figure className="space-y-2">
      <ol className="space-y-2" aria-hidden="true">
        {products.map((product) => (
          <li key={product.productId} className="text-sm">
            <p className="flex justify-between gap-2">
              <span className="truncate">{product.name}</span>
              <span className="font-medium tabular-nums">{formatRupiah(product.value)}</span>
            </p>
            <svg className="h-3 w-full rounded bg-stone-100">
              <rect
                className="fill-brand-600"
                width={`${Math.round((product.value / peak) * 100)}%`}
                height="100%"
                rx="3"
              />
            </svg>
          </li>
        ))}
      </ol>
      <details>
        <summary className="link inline-flex min-h-11 cursor-pointer items-center">
          {t("sales.show_table")}
        </summary>
        <table className="w-full text-sm">
          <caption className="sr-only">{t("sales.top_title")}</caption>
          <thead>
            <tr>
              <th scope="col" className="text-left">
                {t("sales.product")}
              </th>
              <th scope="col" className="text-right">
                {t("sales.quantity")}
              </th>
              <th scope="col" className="text-right">
                {t("sales.value")}
              </th>
            </tr>
          </thead>
          <tbody>
            {products.map((product) => (
              <tr key={product.productId} className="border-t border-stone-200">
                <th scope="row" className="py-1 text-left font-normal">
                  {product.name}
                </th>
                <td className="py-1 text-right tabular-nums">{product.quantity}</td>
                <td className="py-1 text-right tabular-nums">{formatRupiah(product.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

export function SalesDashboard({ data }: { data: SalesDashboardData }) {
  const t = useT();
  const lang = useLang();
  const { current, previous, lastYear, owed } = data;
  const buyersDetail = (f: MonthFigures) =>
    t("sales.buyers_split", { new: f.newBuyers, returning: f.returningBuyers });
  return (
    <section aria-labelledby="sales-title" className="space-y-4">
      <div>
        <h2 id="sales-title" className="text-xl font-bold">
          {t("sales.title")}
        </h2>
        <p className="text-sm text-stone-600">
          {t("sales.period", {
            month: formatMonth(current.month, lang),
            previous: formatMonth(previous.month, lang),
            lastYear: formatMonth(lastYear.month, lang),
          })}
        </p>
      </div>
      <dl className="grid grid-cols-1 gap-2 min-[400px]:grid-cols-2">
        <Comparison
          label="sales.income"
          value={formatRupiah(current.income)}
          previous={formatRupiah(previous.income)}
          lastYear={formatRupiah(lastYear.income)}
        />
        <Comparison
          label="sales.orders"
          value={String(current.orders)}
          previous={String(previous.orders)}
          lastYear={String(lastYear.orders)}
        />
        <Comparison
          label="sales.buyers"
          value={String(current.buyers)}
          detail={buyersDetail(current)}
          previous={String(previous.buyers)}
          lastYear={String(lastYear.buyers)}
        />
        <Comparison
          label="sales.on_time"
          value={percentOf(current.onTimeShare)}
          detail={t("sales.on_time_detail", { onTime: current.onTime, delivered: current.delivered })}
          previous={percentOf(previous.onTimeShare)}
          lastYear={percentOf(lastYear.onTimeShare)}
        />
      </dl>

      <div className="card space-y-1 p-3">
        <h3 className="font-semibold">{t("sales.owed_title")}</h3>
        <p className="text-sm">
          {t("sales.owed_tempo", { count: owed.tempo.invoices, amount: formatRupiah(owed.tempo.amount) })}
        </p>
        {owed.tempo.overdue > 0 ? (
          <p className="text-sm font-medium text-amber-900">
            {t("sales.owed_overdue", {
              count: owed.tempo.overdue,
              amount: formatRupiah(owed.tempo.overdueAmount),
            })}
          </p>
        ) : null}
        <p className="text-sm">
          {t("sales.owed_consignment", {
            count: owed.consignment.reports,
            amount: formatRupiah(owed.consignment.amount),
          })}
        </p>
      </div>

      <div className="space-y-2">
        <h3 className="font-semibold">{t("sales.income_chart_title")}</h3>
        <IncomeChart months={data.months} amounts={data.incomeByMonth} />
      </div>
      <div className="space-y-2">
        <h3 className="font-semibold">{t("sales.top_title")}</h3>
        <TopProducts products={data.topProducts} />
      </div>
    </section>
  );
}
