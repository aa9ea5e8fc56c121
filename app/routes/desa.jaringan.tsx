import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { loadNetworkPage } from "~/.server/network/page";

// The village government's view of the network picture: the same page as TKM's (tkm.jaringan),
// for its village, with buyers and institutions numbered instead of named.

export async function loader({ request }: LoaderFunctionArgs) {
  const page = await loadNetworkPage(request, "/desa");
  return data(page, { status: page.status });
}

export { default, ErrorBoundary, meta } from "./tkm.jaringan";
