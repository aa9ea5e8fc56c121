import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireMonitor } from "~/.server/auth/guards";
import { invariantResponse } from "~/.server/http/responses";
import { groupFlagEvidence } from "~/.server/monitoring/evidence";
import { LATE_WINDOW_DAYS } from "~/.server/monitoring/flags";
import { FLAG_LABEL_KEYS, flagReason, type FlagKind } from "~/utils/flags";
import { useLang, useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { formatRupiah } from "~/utils/money";
import { formatDate, formatMonth } from "~/utils/time";

// The evidence behind a group's flags (TKM and the village government, inside their area only;
// buyers are named to TKM alone): each flag's reason and the months, orders, invoices, requests and
// officers it counts.

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "mon.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireMonitor(request);
  const evidence = await groupFlagEvidence({
    areaPath: scope.areaPath,
    groupId: params.groupId ?? "",
    namesPartners: scope.namesPartners,
  });
  invariantResponse(evidence);
  return { ...evidence, isTkm: scope.kind === "tkm", lateDays: LATE_WINDOW_DAYS };
}

export default function FlagEvidence() {
  const t = useT();
  const lang = useLang();
  const data = useLoaderData<typeof loader>();
  const { group, flags, isTkm } = data;
  const back = isTkm ? "/tkm" : "/desa";
  const flagged = new Set(flags.map((f) => f.kind));
  const sectionClass = (kind: FlagKind) =>
    `card space-y-2 scroll-mt-4 ${flagged.has(kind) ? "border-clay-500" : ""}`;
  return (
    <div className="space-y-6">
      <Link to={back} className="link inline-flex min-h-11 items-center">
        ← {t("mon.evidence.back")}
      </Link>
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">{t("mon.evidence.title", { group: group.name })}</h1>
        <p className="text-stone-600">{group.villageName}</p>
        {isTkm ? (
          <Link to={`/tkm/kelompok/${group.id}`} className="link inline-flex min-h-11 items-center">
            {t("mon.evidence.group_page")}
          </Link>
        ) : null}
      </header>

      {flags.length === 0 ? (
        <p className="card text-stone-600">{t("mon.evidence.none")}</p>
      ) : (
        <ul className="space-y-2">
          {flags.map((flag) => (
            <li key={flag.kind} className="rounded-lg border border-clay-500 bg-orange-50 p-3">
              <a href={`#${flag.kind}`} className="font-semibold text-orange-900 underline">
                {t(FLAG_LABEL_KEYS[flag.kind])}
              </a>
              <p className="text-sm">{flagReason(flag, t, lang)}</p>
            </li>
          ))}
        </ul>
      )}

      <section id="no_sales" className={sectionClass("no_sales")}>
        <h2 className="font-bold">{t("mon.flag.no_sales")}</h2>
        <p className="text-sm">
          {data.lastOrderAt
            ? t("mon.evidence.last_order", { date: formatDate(data.lastOrderAt, lang) })
            : t("mon.evidence.no_order")}
        </p>
      </section>

      <section id="falling_income" className={sectionClass("falling_income")}>
        <h2 className="font-bold">{t("mon.evidence.months")}</h2>
        <table className="w-full text-sm">
          <thead>
            <tr className="text-left">
              <th scope="col" className="p-1">
                {t("mon.chart.month")}
              </th>
              <th scope="col" className="p-1 text-right">
                {t("mon.ind.income")}
              </th>
              <th scope="col" className="p-1 text-right">
                {t("mon.ind.orders")}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.months.map((month) => (
              <tr key={month.month} className="border-t border-stone-200">
                <th scope="row" className="p-1 text-left font-normal">
                  {month.complete
                    ? formatMonth(month.month, lang)
                    : t("mon.evidence.month_incomplete", { month: formatMonth(month.month, lang) })}
                </th>
                <td className="p-1 text-right tabular-nums">{formatRupiah(month.earned)}</td>
                <td className="p-1 text-right tabular-nums">{month.orders}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section id="late_deliveries" className={sectionClass("late_deliveries")}>
        <h2 className="font-bold">{t("mon.evidence.deliveries", { days: data.lateDays })}</h2>
        {data.deliveries.length === 0 ? (
          <p className="text-sm text-stone-600">{t("mon.evidence.no_deliveries")}</p>
        ) : (
          <ul className="divide-y divide-stone-200 text-sm">
            {data.deliveries.map((order) => (
              <li key={order.number} className="py-2">
                <p className="flex flex-wrap justify-between gap-2">
                  <span className="font-medium">{order.number}</span>
                  <span className={order.onTime ? "text-brand-700" : "font-semibold text-red-700"}>
                    {order.onTime ? t("mon.evidence.on_time") : t("mon.evidence.late")}
                  </span>
                </p>
                {order.buyer ? <p className="text-stone-600">{order.buyer}</p> : null}
                <p className="text-stone-600">
                  {order.wantedBy
                    ? `${t("mon.evidence.wanted_by")}: ${formatDate(order.wantedBy, lang)} · `
                    : ""}
                  {t("mon.evidence.delivered_at")}: {formatDate(order.deliveredAt, lang)}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section id="overdue_tempo" className={sectionClass("overdue_tempo")}>
        <h2 className="font-bold">{t("mon.evidence.overdue")}</h2>
        {data.overdue.length === 0 ? (
          <p className="text-sm text-stone-600">{t("mon.evidence.no_overdue")}</p>
        ) : (
          <ul className="divide-y divide-stone-200 text-sm">
            {data.overdue.map((order) => (
              <li key={order.number} className="flex flex-wrap justify-between gap-2 py-2">
                <span>
                  <span className="font-medium">{order.number}</span>
                  {order.buyer ? <span className="block text-stone-600">{order.buyer}</span> : null}
                  <span className="block text-stone-600">
                    {t("mon.evidence.due")}: {formatDate(order.dueAt, lang)}
                  </span>
                </span>
                <span className="font-semibold tabular-nums">{formatRupiah(order.owed)}</span>
              </li>
            ))}
          </ul>
        )}
        {isTkm ? (
          <Link to="/tkm/pembeli" className="link inline-flex min-h-11 items-center">
            {t("mon.evidence.tempo_page")}
          </Link>
        ) : null}
      </section>

      <section id="unanswered_requests" className={sectionClass("unanswered_requests")}>
        <h2 className="font-bold">{t("mon.evidence.unanswered")}</h2>
        {data.unanswered.length === 0 ? (
          <p className="text-sm text-stone-600">{t("mon.evidence.no_unanswered")}</p>
        ) : (
          <ul className="divide-y divide-stone-200 text-sm">
            {data.unanswered.map((request) => (
              <li key={request.number} className="py-2">
                <span className="font-medium">{request.number}</span> · {request.title}
                <span className="block text-stone-600">
                  {t("mon.evidence.matched_at")}: {formatDate(request.matchedAt, lang)}
                </span>
              </li>
            ))}
          </ul>
        )}
        {isTkm ? (
          <Link to="/tkm/permintaan" className="link inline-flex min-h-11 items-center">
            {t("mon.evidence.requests_page")}
          </Link>
        ) : null}
      </section>

      <section id="no_manager" className={sectionClass("no_manager")}>
        <h2 className="font-bold">{t("mon.evidence.officers")}</h2>
        <p className="text-sm">
          {group.verifiedAt
            ? t("mon.evidence.verified", { date: formatDate(group.verifiedAt, lang) })
            : t("mon.evidence.not_verified")}
        </p>
        {group.suspendedAt ? (
          <p className="text-sm font-semibold text-red-700">
            {t("mon.evidence.suspended", { reason: group.suspendReason ?? "" })}
          </p>
        ) : null}
        {data.officers.length === 0 ? (
          <p className="text-sm text-stone-600">{t("mon.evidence.no_officers")}</p>
        ) : (
          <ul className="text-sm">
            {data.officers.map((officer) => (
              <li key={officer.id}>
                {officer.name} ({t(`members.role.${officer.role}`)}) ·{" "}
                {officer.suspended
                  ? t("mon.evidence.account_suspended")
                  : officer.hasAccount
                    ? t("mon.evidence.has_account")
                    : t("mon.evidence.no_account")}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
