import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { requireMonitor } from "~/.server/auth/guards";
import { networkPicture } from "~/.server/network/graph";
import { periodFromQuery } from "~/.server/network/period";
import { NetworkGrowthChart, NetworkSvg } from "~/components/network-svg";
import { NetworkFiguresCard, NetworkGrowthTable, NetworkLinksTable } from "~/components/network-tables";
import { useLang, useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { formatMonth } from "~/utils/time";

// The network picture (issue 12, item 6): TKM at /tkm/jaringan, the village government at
// /desa/jaringan (the same module). The scope comes from requireMonitor: the area, and whether
// partners may be named.

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "net.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requireMonitor(request);
  const choice = periodFromQuery(new URL(request.url).searchParams);
  const picture = await networkPicture(
    { areaPath: scope.areaPath, namesPartners: scope.namesPartners },
    { from: choice.from, to: choice.to },
    { page: choice.page },
  );
  return {
    scope: { kind: scope.kind, areaName: scope.areaName, namesPartners: scope.namesPartners },
    problem: choice.problem,
    picture,
  };
}

export default function NetworkPage() {
  const t = useT();
  const lang = useLang();
  const location = useLocation();
  const { scope, problem, picture } = useLoaderData<typeof loader>();
  const { figures, period } = picture;
  const periodText =
    period.from === period.to
      ? formatMonth(period.from, lang)
      : `${formatMonth(period.from, lang)} – ${formatMonth(period.to, lang)}`;
  const pageHref = (page: number) => {
    const search = new URLSearchParams({ dari: period.from, sampai: period.to, halaman: String(page) });
    return `${location.pathname}?${search.toString()}`;
  };
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">{t("net.title")}</h1>
        <p className="text-stone-600">{t("net.scope", { area: scope.areaName, period: periodText })}</p>
        {scope.namesPartners ? null : <p className="text-sm text-stone-600">{t("net.names_withheld")}</p>}
      </header>

      <Form method="get" className="card flex flex-wrap items-end gap-3" aria-labelledby="net-period">
        <h2 id="net-period" className="sr-only">
          {t("net.period")}
        </h2>
        <label className="block w-full text-sm font-medium sm:w-auto sm:flex-1">
          {t("net.period_from")}
          <input
            type="month"
            name="dari"
            defaultValue={period.from}
            pattern="\d{4}-\d{2}"
            placeholder="2026-01"
            className="field-input mt-1"
          />
        </label>
        <label className="block w-full text-sm font-medium sm:w-auto sm:flex-1">
          {t("net.period_to")}
          <input
            type="month"
            name="sampai"
            defaultValue={period.to}
            pattern="\d{4}-\d{2}"
            placeholder="2026-12"
            className="field-input mt-1"
          />
        </label>
        <button type="submit" className="btn-primary w-full sm:w-auto">
          {t("net.show")}
        </button>
        {problem ? (
          <p role="alert" className="w-full text-sm font-medium text-red-700">
            {t(problem)} {t("net.period_default_shown")}
          </p>
        ) : null}
      </Form>

      <NetworkFiguresCard
        figures={figures}
        t={t}
        lang={lang}
        groupHref={scope.kind === "tkm" ? groupHref : null}
      />

      <section className="card" aria-labelledby="net-picture">
        <h2 id="net-picture" className="mb-3 text-xl font-bold">
          {t("net.picture")}
        </h2>
        {picture.nodes.length === 0 ? (
          <p className="text-stone-600">{t("net.empty")}</p>
        ) : (
          <NetworkSvg
            nodes={picture.nodes}
            drawn={picture.drawn}
            linkTotal={figures.links}
            title={t("net.picture_title", {
              groups: figures.groups,
              businesses: figures.businesses,
              institutions: figures.institutions,
              links: figures.links,
            })}
            t={t}
          />
        )}
      </section>

      <section className="space-y-2" aria-labelledby="net-links">
        <h2 id="net-links" className="text-xl font-bold">
          {t("net.links_table")}
        </h2>
        <NetworkLinksTable
          rows={picture.table.rows}
          nodes={picture.nodes}
          t={t}
          groupHref={scope.kind === "tkm" ? groupHref : null}
        />
        {picture.table.pages > 1 ? (
          <nav aria-label={t("net.pages")} className="flex items-center justify-between gap-2 text-sm">
            {picture.table.page > 1 ? (
              <Link to={pageHref(picture.table.page - 1)} className="btn-secondary">
                {t("net.previous_page")}
              </Link>
            ) : (
              <span />
            )}
            <span className="text-stone-600">
              {t("net.page_of", { page: picture.table.page, pages: picture.table.pages })}
            </span>
            {picture.table.page < picture.table.pages ? (
              <Link to={pageHref(picture.table.page + 1)} className="btn-secondary">
                {t("net.next_page")}
              </Link>
            ) : (
              <span />
            )}
          </nav>
        ) : null}
      </section>

      <section className="card space-y-3" aria-labelledby="net-growth">
        <h2 id="net-growth" className="text-xl font-bold">
          {t("net.growth")}
        </h2>
        <p className="text-sm text-stone-600">{t("net.growth_intro")}</p>
        <NetworkGrowthChart growth={picture.growth} t={t} lang={lang} />
        <NetworkGrowthTable growth={picture.growth} t={t} lang={lang} />
      </section>
    </div>
  );
}

function groupHref(groupId: string) {
  return `/tkm/kelompok/${groupId}`;
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
