import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireTkmOfficer } from "~/.server/auth/guards";
import { unmetRequestsForArea } from "~/.server/matching/suggestions";
import { useLang, useT } from "~/utils/i18n";
import { UNIT_KEYS } from "~/utils/labels";
import { pageTitle } from "~/utils/meta";
import { formatDate, formatMonth, lastWibMonths, wibMonthStart } from "~/utils/time";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "unmet.title");

const DAY = 24 * 60 * 60 * 1000;
const LAST_DAYS = "90";
const REASON_KEYS = {
  no_match: "unmet.reason.no_match",
  all_declined: "unmet.reason.all_declined",
  no_quote: "unmet.reason.no_quote",
} as const;

/** The last 90 days (default), or one of the last 12 WIB months; anything else reads as the default. */
function periodFrom(value: string | null, now: Date) {
  const months = lastWibMonths(now, 12).reverse();
  if (value && months.includes(value)) {
    const index = months.indexOf(value);
    const to = index === 0 ? new Date(now.getTime() + 1) : wibMonthStart(months[index - 1] ?? value);
    return { months, period: { key: value, from: wibMonthStart(value), to } };
  }
  return {
    months,
    period: { key: LAST_DAYS, from: new Date(now.getTime() - 90 * DAY), to: new Date(now.getTime() + 1) },
  };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { team } = await requireTkmOfficer(request);
  const url = new URL(request.url);
  const now = new Date();
  const { months, period } = periodFrom(url.searchParams.get("periode"), now);
  const { unmet, byCategory, byVillage } = await unmetRequestsForArea(
    { areaPath: team.areaPath },
    period,
    now,
  );
  // The list behind one count: a category ("kategori", "" for none) or a village ("desa").
  const category = url.searchParams.get("kategori");
  const village = url.searchParams.get("desa");
  const list = unmet.filter((request) =>
    category !== null
      ? (request.category?.id ?? "") === category
      : village !== null
        ? request.village.id === village
        : true,
  );
  const filter =
    category !== null
      ? {
          kind: "category" as const,
          category: byCategory.find((row) => row.key === category)?.category ?? null,
        }
      : village !== null
        ? { kind: "village" as const, name: byVillage.find((row) => row.key === village)?.village.name ?? "" }
        : null;
  return { team, months, period: period.key, total: unmet.length, byCategory, byVillage, list, filter };
}

export default function UnmetRequests() {
  const t = useT();
  const lang = useLang();
  const { team, months, period, total, byCategory, byVillage, list, filter } = useLoaderData<typeof loader>();
  const categoryName = (category: { nameId: string; nameEn: string } | null) =>
    category ? (lang === "en" ? category.nameEn : category.nameId) : t("unmet.no_category");
  const query = (extra: Record<string, string>) => `?${new URLSearchParams({ periode: period, ...extra })}`;
  return (
    <div className="space-y-6">
      <Link to="/tkm" className="link inline-flex min-h-11 items-center">
        ← {t("mon.title")}
      </Link>
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">{t("unmet.title")}</h1>
        <p className="text-stone-600">{t("tkm.scope", { team: team.name, area: team.areaName })}</p>
        <p>{t("unmet.lead")}</p>
      </header>

      <Form method="get" className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="periode" className="block text-sm font-medium">
            {t("unmet.period")}
          </label>
          <select id="periode" name="periode" defaultValue={period} className="field-input min-h-11">
            <option value={LAST_DAYS}>{t("unmet.period_90")}</option>
            {months.map((month) => (
              <option key={month} value={month}>
                {formatMonth(month, lang)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn-secondary">
          {t("unmet.show")}
        </button>
      </Form>

      <p role="status" className="text-lg font-semibold">
        {t("unmet.total", { count: total })}
      </p>

      {total === 0 ? (
        <p className="card text-stone-600">{t("unmet.empty")}</p>
      ) : (
        <>
          <div className="grid gap-4 md:grid-cols-2">
            <section aria-labelledby="by-category" className="card overflow-x-auto p-0">
              <table className="w-full text-sm">
                <caption id="by-category" className="p-2 text-left font-bold">
                  {t("unmet.by_category")}
                </caption>
                <thead>
                  <tr className="border-b border-stone-200 text-left">
                    <th scope="col" className="p-2">
                      {t("unmet.category")}
                    </th>
                    <th scope="col" className="p-2 text-right">
                      {t("unmet.count")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {byCategory.map((row) => (
                    <tr key={row.key} className="border-b border-stone-100">
                      <th scope="row" className="p-2 text-left font-medium">
                        <Link
                          to={query({ kategori: row.key })}
                          className="link inline-flex min-h-11 items-center"
                        >
                          {categoryName(row.category)}
                        </Link>
                      </th>
                      <td className="p-2 text-right tabular-nums">{row.count}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
            <section aria-labelledby="by-village" className="card overflow-x-auto p-0">
              <table className="w-full text-sm">
                <caption id="by-village" className="p-2 text-left font-bold">
                  {t("unmet.by_village")}
                </caption>
                <thead>
                  <tr className="border-b border-stone-200 text-left">
                    <th scope="col" className="p-2">
                      {t("unmet.village")}
                    </th>
                    <th scope="col" className="p-2">
                      {t("unmet.district")}
                    </th>
                    <th scope="col" className="p-2 text-right">
                      {t("unmet.count")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {byVillage.map((row) => (
                    <tr key={row.key} className="border-b border-stone-100">
                      <th scope="row" className="p-2 text-left font-medium">
                        <Link
                          to={query({ desa: row.key })}
                          className="link inline-flex min-h-11 items-center"
                        >
                          {row.village.name}
                        </Link>
                      </th>
                      <td className="p-2">{row.district?.name ?? ""}</td>
                      <td className="p-2 text-right tabular-nums">{row.count}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          </div>

          <section aria-labelledby="unmet-list" className="space-y-2">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 id="unmet-list" className="text-xl font-bold">
                {filter
                  ? t("unmet.list_filtered", {
                      name: filter.kind === "category" ? categoryName(filter.category) : filter.name,
                    })
                  : t("unmet.list")}
              </h2>
              {filter ? (
                <Link to={query({})} className="link inline-flex min-h-11 items-center">
                  {t("unmet.show_all")}
                </Link>
              ) : null}
            </div>
            <ul className="space-y-2">
              {list.map((request) => (
                <li key={request.id} className="card p-3">
                  <p className="font-semibold">{request.title}</p>
                  <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 text-sm">
                    <dt className="text-stone-600">{t("unmet.quantity")}</dt>
                    <dd>
                      {request.quantity} {t(UNIT_KEYS[request.unit])}
                    </dd>
                    <dt className="text-stone-600">{t("unmet.needed_by")}</dt>
                    <dd>{formatDate(request.neededBy, lang)}</dd>
                    <dt className="text-stone-600">{t("unmet.village")}</dt>
                    <dd>{request.village.name}</dd>
                    <dt className="text-stone-600">{t("unmet.why")}</dt>
                    <dd>{t(REASON_KEYS[request.reason])}</dd>
                  </dl>
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
