import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireTkmOfficer } from "~/.server/auth/guards";
import { invariantResponse } from "~/.server/http/responses";
import { groupIncomeInArea } from "~/.server/reports/income";
import { OrderStatusBadge } from "~/components/order-view";
import { useLang, useT } from "~/utils/i18n";
import { plainTitle } from "~/utils/meta";
import { formatRupiah } from "~/utils/money";
import { formatDate, formatMonth } from "~/utils/time";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? plainTitle(matches, data.group.name) : [];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { team } = await requireTkmOfficer(request);
  // A group outside the team's area is answered exactly like one that does not exist.
  const report = await groupIncomeInArea(team.areaPath, params.groupId ?? "", 12);
  invariantResponse(report);
  return report;
}

export default function TkmGroup() {
  const t = useT();
  const lang = useLang();
  const { group, months, income, orders } = useLoaderData<typeof loader>();
  const peak = Math.max(1, ...Object.values(income), group.baselineMonthlyIncome ?? 0);
  return (
    <div className="space-y-4">
      <Link to="/tkm" className="link">
        ← {t("tkm.back")}
      </Link>
      <header>
        <h1 className="text-2xl font-bold">{group.name}</h1>
        <p className="text-stone-600">
          {[group.rw ? `RW ${group.rw}` : null, group.village.name].filter(Boolean).join(", ")} ·{" "}
          {t("group.member_count", { count: group._count.members })} ·{" "}
          {t("tkm.active_products", { count: group._count.products })}
        </p>
        {group.baselineMonthlyIncome !== null ? (
          <p className="text-sm text-stone-600">
            {t("tkm.baseline", { amount: formatRupiah(group.baselineMonthlyIncome) })}
          </p>
        ) : null}
      </header>
      <section className="card" aria-labelledby="monthly">
        <h2 id="monthly" className="font-bold">
          {t("tkm.monthly_income")}
        </h2>
        <ol className="mt-3 space-y-1">
          {months.map((month) => (
            <li key={month} className="grid grid-cols-[5.5rem_1fr_auto] items-center gap-2 text-sm">
              <span className="text-stone-600">{formatMonth(month, lang)}</span>
              <span className="h-4 rounded bg-stone-100" aria-hidden="true">
                <span
                  className="block h-4 rounded bg-brand-600"
                  style={{ width: `${Math.round(((income[month] ?? 0) / peak) * 100)}%` }}
                />
              </span>
              <span className="text-right font-medium tabular-nums">{formatRupiah(income[month] ?? 0)}</span>
            </li>
          ))}
        </ol>
      </section>
      <section className="card" aria-labelledby="recent-orders">
        <h2 id="recent-orders" className="font-bold">
          {t("tkm.recent_orders")}
        </h2>
        {orders.length === 0 ? (
          <p className="text-stone-600">{t("orders.empty")}</p>
        ) : (
          <ul className="mt-2 divide-y divide-stone-100">
            {orders.map((order) => (
              <li
                key={order.number}
                className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm"
              >
                <span>
                  <strong>{order.number}</strong> · {order.business.name} · {formatDate(order.placedAt, lang)}{" "}
                  · {formatRupiah(order.total)}
                </span>
                <OrderStatusBadge status={order.status} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
