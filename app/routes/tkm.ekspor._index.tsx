import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { MessageKey } from "~/locales";
import { loadExportsPage } from "~/.server/reports/report-page";
import { IndicatorPeriodPicker } from "~/components/indicator-period-picker";
import { useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";

// Every file of a period in one place (TKM at /tkm/ekspor, the village government at /desa/ekspor,
// which re-exports this module): the report's PDF and the CSVs of indicators, flagged groups,
// orders and links. Plain links and a GET form: it works without JavaScript.

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "rep.exports.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const page = await loadExportsPage(request, "/tkm");
  return data(page, { status: page.status });
}

type Links = NonNullable<Awaited<ReturnType<typeof loadExportsPage>>["links"]>;

const FILES: {
  key: Exclude<keyof Links, "dashboard" | "exportsPage" | "reportHtml">;
  title: MessageKey;
  about: MessageKey;
  file: MessageKey;
}[] = [
  {
    key: "reportPdf",
    title: "rep.exports.report",
    about: "rep.exports.report_about",
    file: "rep.exports.pdf",
  },
  {
    key: "indicators",
    title: "rep.exports.indicators",
    about: "rep.exports.indicators_about",
    file: "rep.exports.csv",
  },
  { key: "groups", title: "rep.exports.groups", about: "rep.exports.groups_about", file: "rep.exports.csv" },
  { key: "orders", title: "rep.exports.orders", about: "rep.exports.orders_about", file: "rep.exports.csv" },
  { key: "links", title: "rep.exports.links", about: "rep.exports.links_about", file: "rep.exports.csv" },
];

export default function ExportsPage() {
  const t = useT();
  const { base, picker, namesPartners, areaName, links } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <Link to={links?.dashboard ?? base} className="link inline-flex min-h-11 items-center">
        ← {t("rep.report.back")}
      </Link>
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">{t("rep.exports.title")}</h1>
        <p className="text-stone-600">{t("rep.exports.intro", { area: areaName })}</p>
        {namesPartners ? null : <p className="text-sm text-stone-600">{t("rep.exports.no_names")}</p>}
      </header>
      <IndicatorPeriodPicker data={picker} action={`${base}/ekspor`} />
      {links ? (
        <ul className="space-y-3">
          <li className="card space-y-1">
            <h2 className="font-bold">{t("rep.report.title")}</h2>
            <p className="text-sm text-stone-600">{t("rep.exports.report_page_about")}</p>
            <Link to={links.reportHtml} className="link inline-flex min-h-11 items-center">
              {t("rep.exports.open_report")}
            </Link>
          </li>
          {FILES.map((file) => (
            <li key={file.key} className="card space-y-1">
              <h2 className="font-bold">{t(file.title)}</h2>
              <p className="text-sm text-stone-600">{t(file.about)}</p>
              <a href={links[file.key]} className="link inline-flex min-h-11 items-center" download>
                {t(file.file)}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
