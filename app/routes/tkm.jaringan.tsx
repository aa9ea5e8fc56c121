import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { loadNetworkPage } from "~/.server/network/page";
import { IndicatorPeriodPicker } from "~/components/indicator-period-picker";
import { NetworkGrowthChart, NetworkSvg } from "~/components/network-svg";
import { NetworkFiguresCard, NetworkGrowthTable, NetworkLinksTable } from "~/components/network-tables";
import { useLang, useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { periodLabel } from "~/utils/period-label";

// The network picture (issue 12, item 6): TKM at /tkm/jaringan, the village government at
// /desa/jaringan (desa.jaringan.tsx, the same page). Each is sent to its own; the scope says the
// area and whether partners may be named.

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "net.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const page = await loadNetworkPage(request, "/tkm");
  return data(page, { status: page.status });
}

export default function NetworkPage() {
  const t = useT();
  const lang = useLang();
  const { header: scope, path, picker, picture, pageHrefs } = useLoaderData<typeof loader>();
  const periodText = periodLabel(picker.period, t, lang);
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">{t("net.title")}</h1>
        <p className="text-stone-600">{t("net.scope", { area: scope.areaName, period: periodText })}</p>
        {scope.namesPartners ? null : <p className="text-sm text-stone-600">{t("net.names_withheld")}</p>}
      </header>

      <IndicatorPeriodPicker data={picker} action={path} />

      {picture ? (
        <NetworkBody picture={picture} pageHrefs={pageHrefs} groupLinks={scope.kind === "tkm"} />
      ) : null}
    </div>
  );
}

function NetworkBody({
  picture,
  pageHrefs,
  groupLinks,
}: {
  picture: NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["picture"]>;
  pageHrefs: { previous: string | null; next: string | null } | null;
  groupLinks: boolean;
}) {
  const t = useT();
  const lang = useLang();
  const { figures } = picture;
  const groupHref = groupLinks ? tkmGroupHref : null;
  return (
    <>
      <NetworkFiguresCard figures={figures} t={t} lang={lang} groupHref={groupHref} />

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
        <NetworkLinksTable rows={picture.table.rows} nodes={picture.nodes} t={t} groupHref={groupHref} />
        {picture.table.pages > 1 ? (
          <nav aria-label={t("net.pages")} className="flex items-center justify-between gap-2 text-sm">
            {pageHrefs?.previous ? (
              <Link to={pageHrefs.previous} className="btn-secondary">
                {t("net.previous_page")}
              </Link>
            ) : (
              <span />
            )}
            <span className="text-stone-600">
              {t("net.page_of", { page: picture.table.page, pages: picture.table.pages })}
            </span>
            {pageHrefs?.next ? (
              <Link to={pageHrefs.next} className="btn-secondary">
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
    </>
  );
}

function tkmGroupHref(groupId: string) {
  return `/tkm/kelompok/${groupId}`;
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
