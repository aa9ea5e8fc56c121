import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { loadMonitoringPage } from "~/.server/monitoring/page";
import { IncomeByGroupChart } from "~/components/charts/income-by-group";
import { LinksOverTimeChart } from "~/components/charts/links-over-time";
import { IndicatorCards } from "~/components/indicator-cards";
import { IndicatorGroups } from "~/components/indicator-groups";
import { IndicatorPeriodPicker } from "~/components/indicator-period-picker";
import { useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";

// The monitoring dashboard: TKM's at /tkm, the village government's (read only, no buyer names,
// no edit links) at /desa, which re-exports this module with its own loader.

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "mon.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const page = await loadMonitoringPage(request, "/tkm");
  return data(page, { status: page.status });
}

export default function MonitoringDashboard() {
  const t = useT();
  const { base, header, picker, dashboard, exports } = useLoaderData<typeof loader>();
  const isTkm = header.kind === "tkm";
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">{isTkm ? t("mon.title") : t("mon.village_title")}</h1>
        <p className="text-stone-600">
          {isTkm
            ? t("mon.scope_tkm", { team: header.teamName ?? "", area: header.areaName })
            : t("mon.scope_village", { area: header.areaName })}
        </p>
        {isTkm ? (
          <nav className="flex flex-wrap gap-x-4">
            <Link to="/tkm/pembeli" className="link inline-flex min-h-11 items-center">
              {t("mon.links.tempo")}
            </Link>
            <Link to="/tkm/permintaan" className="link inline-flex min-h-11 items-center">
              {t("mon.links.requests")}
            </Link>
          </nav>
        ) : null}
      </header>

      <IndicatorPeriodPicker data={picker} action={base} />

      {dashboard && exports ? (
        <>
          <section aria-labelledby="mon-indicators" className="space-y-2">
            <h2 id="mon-indicators" className="text-xl font-bold">
              {t("mon.ind.heading")}
            </h2>
            <IndicatorCards rows={dashboard.indicators.rows} />
            <p className="flex flex-wrap gap-x-4">
              <a href={exports.indicators} className="link inline-flex min-h-11 items-center" download>
                {t("mon.csv.indicators")}
              </a>
            </p>
          </section>

          <section aria-labelledby="mon-income-chart" className="card space-y-2">
            <h2 id="mon-income-chart" className="font-bold">
              {t("mon.chart.income")}
            </h2>
            <IncomeByGroupChart
              months={dashboard.charts.months}
              series={dashboard.charts.income}
              totals={dashboard.charts.incomeTotals}
            />
          </section>

          <section aria-labelledby="mon-links-chart" className="card space-y-2">
            <h2 id="mon-links-chart" className="font-bold">
              {t("mon.chart.links")}
            </h2>
            <LinksOverTimeChart links={dashboard.charts.links} />
          </section>

          <section aria-labelledby="mon-groups" className="space-y-2">
            <h2 id="mon-groups" className="text-xl font-bold">
              {t("mon.groups.heading")}
            </h2>
            <p className="text-sm text-stone-600">
              {t("mon.groups.summary", { count: dashboard.groups.total, flagged: dashboard.groups.flagged })}
            </p>
            {dashboard.groups.total === 0 ? (
              <p className="card text-stone-600">{t("mon.groups.empty")}</p>
            ) : (
              <div className="card p-2 sm:p-0">
                <IndicatorGroups
                  rows={dashboard.groups.rows}
                  thisMonth={dashboard.groups.thisMonth}
                  groupHref={isTkm ? (id) => `/tkm/kelompok/${id}` : null}
                  evidenceHref={(id, kind) => `/tkm/tanda/${id}#${kind}`}
                />
              </div>
            )}
            {dashboard.groups.pages > 1 ? (
              <nav aria-label={t("mon.groups.pages")} className="flex items-center justify-between gap-2">
                {dashboard.prevHref ? (
                  <Link to={dashboard.prevHref} className="btn-secondary">
                    {t("mon.groups.prev")}
                  </Link>
                ) : (
                  <span />
                )}
                <span className="text-sm text-stone-600">
                  {t("mon.groups.page_of", { page: dashboard.groups.page, pages: dashboard.groups.pages })}
                </span>
                {dashboard.nextHref ? (
                  <Link to={dashboard.nextHref} className="btn-secondary">
                    {t("mon.groups.next")}
                  </Link>
                ) : (
                  <span />
                )}
              </nav>
            ) : null}
            <p>
              <a href={exports.groups} className="link inline-flex min-h-11 items-center" download>
                {t("mon.csv.groups")}
              </a>
            </p>
          </section>
        </>
      ) : null}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
