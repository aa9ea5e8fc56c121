import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { loadExportsPage } from "~/.server/reports/report-page";
import { pageTitle } from "~/utils/meta";

// The village government's exports: the same page as TKM's (tkm.ekspor._index); its files carry
// no names of businesses or institutions.

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "rep.exports.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const page = await loadExportsPage(request, "/desa");
  return data(page, { status: page.status });
}

export { default, ErrorBoundary } from "./tkm.ekspor._index";
