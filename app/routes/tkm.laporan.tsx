import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { loadReportPage } from "~/.server/reports/report-page";
import { IndicatorPeriodPicker } from "~/components/indicator-period-picker";
import { PeriodReportView } from "~/components/period-report";
import printCss from "~/styles/report-print.css?url";
import { useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";

// The period report for the TKM meeting (/tkm/laporan) and the village head (/desa/laporan, which
// re-exports this module with its own loader): printable on A4, with its PDF and the CSV exports
// of the same period beside it.

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "rep.report.title");

export const links: LinksFunction = () => [{ rel: "stylesheet", href: printCss, media: "print" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const page = await loadReportPage(request, "/tkm");
  return data(page, { status: page.status });
}

export default function PeriodReportPage() {
  const t = useT();
  const { base, picker, report, links } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <div className="space-y-4 print:hidden">
        <Link to={links?.dashboard ?? base} className="link inline-flex min-h-11 items-center">
          ← {t("rep.report.back")}
        </Link>
        <IndicatorPeriodPicker data={picker} action={`${base}/laporan`} />
        {links ? (
          <nav aria-label={t("rep.report.actions")} className="flex flex-wrap gap-2">
            <button type="button" className="btn-primary" onClick={() => window.print()}>
              {t("rep.report.print")}
            </button>
            <a href={links.reportPdf} className="btn-secondary">
              {t("rep.report.pdf")}
            </a>
            <Link to={links.exportsPage} className="btn-secondary">
              {t("rep.report.exports")}
            </Link>
          </nav>
        ) : null}
      </div>
      {report ? <PeriodReportView report={report} evidenceBase="/tkm/tanda" /> : null}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
