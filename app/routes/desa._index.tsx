import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { loadMonitoringPage } from "~/.server/monitoring/page";
import { pageTitle } from "~/utils/meta";

// The village government's dashboard: the same page as TKM's (tkm._index), for its village, read
// only and without buyers' names.

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "mon.village_title");

export async function loader({ request }: LoaderFunctionArgs) {
  const page = await loadMonitoringPage(request, "/desa");
  return data(page, { status: page.status });
}

export { default, ErrorBoundary } from "./tkm._index";
