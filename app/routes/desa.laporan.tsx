import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { loadReportPage } from "~/.server/reports/report-page";
import { pageTitle } from "~/utils/meta";

// The village government's period report: the same page as TKM's (tkm.laporan), for its village,
// without the names of businesses and institutions.

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "rep.report.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const page = await loadReportPage(request, "/desa");
  return data(page, { status: page.status });
}

export { default, ErrorBoundary, links } from "./tkm.laporan";
