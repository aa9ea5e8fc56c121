import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireBuyer } from "~/.server/auth/guards";
import { listBuyerRequests } from "~/.server/matching/requests";
import { ResponsiveImage } from "~/components/responsive-image";
import { REQUEST_TABS, type RequestTab } from "~/forms/requests";
import { REQUEST_STATUS_KEYS, UNIT_KEYS } from "~/utils/labels";
import { useLang, useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { formatDate } from "~/utils/time";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "request.title_list");

export async function loader({ request }: LoaderFunctionArgs) {
  const { business } = await requireBuyer(request);
  const asked = new URL(request.url).searchParams.get("tab");
  const tab: RequestTab = REQUEST_TABS.includes(asked as RequestTab) ? (asked as RequestTab) : "aktif";
  return { tab, ...(await listBuyerRequests(business.id, tab)) };
}

export default function BuyerRequests() {
  const t = useT();
  const lang = useLang();
  const { tab, requests, counts } = useLoaderData<typeof loader>();
  return (
    <section className="space-y-4">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">{t("request.title_list")}</h1>
        <p className="text-stone-600">{t("request.intro_list")}</p>
        <Link to="/permintaan/baru" className="btn-primary">
          {t("request.new")}
        </Link>
      </header>
      <nav aria-label={t("request.title_list")} className="flex flex-wrap gap-2">
        {REQUEST_TABS.map((name) => (
          <Link
            key={name}
            to={name === "aktif" ? "/permintaan" : `/permintaan?tab=${name}`}
            aria-current={tab === name ? "page" : undefined}
            className={`inline-flex min-h-11 items-center whitespace-nowrap rounded-full border px-4 ${
              tab === name ? "border-brand-700 bg-brand-700 text-white" : "border-stone-300 bg-white"
            }`}
          >
            {t(`request.tab.${name}`)} ({counts[name]})
          </Link>
        ))}
      </nav>
      {requests.length === 0 ? (
        <p className="card text-stone-700">{t(`request.empty_${tab}`)}</p>
      ) : (
        <ul className="space-y-3">
          {requests.map((row) => (
            <li key={row.number}>
              <Link
                to={`/permintaan/${row.number}`}
                className="card flex gap-3 hover:border-brand-600 focus-visible:border-brand-600"
              >
                {row.photo ? (
                  <ResponsiveImage
                    image={row.photo}
                    alt=""
                    sizes="4rem"
                    className="size-16 shrink-0 rounded object-cover"
                  />
                ) : null}
                <span className="min-w-0 flex-1 space-y-1">
                  <span className="flex flex-wrap items-baseline justify-between gap-2">
                    <span className="font-semibold">{row.title}</span>
                    <span className="rounded bg-stone-100 px-2 text-sm">
                      {t(REQUEST_STATUS_KEYS[row.state])}
                    </span>
                  </span>
                  <span className="block text-sm text-stone-600">
                    {row.number} ·{" "}
                    {t("request.row_quantity", {
                      quantity: row.quantity.toLocaleString("id-ID"),
                      unit: t(UNIT_KEYS[row.unit]),
                    })}{" "}
                    · {t("request.row_needed", { date: formatDate(row.neededBy, lang) })}
                  </span>
                  <span className="block text-sm">
                    {t("request.row_groups", { count: row.groups })} ·{" "}
                    {t("request.row_quotes", { count: row.quotes })}
                    {row.declined > 0 ? ` · ${t("request.row_declined", { count: row.declined })}` : ""}
                    {row.unread > 0 ? (
                      <span className="ml-1 rounded-full bg-brand-700 px-2 text-white">
                        {t("request.row_unread", { count: row.unread })}
                      </span>
                    ) : null}
                  </span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
