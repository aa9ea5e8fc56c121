import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireTkmOfficer } from "~/.server/auth/guards";
import { areaGroups } from "~/.server/institutions/institutions";
import { institutionsWithSupport } from "~/.server/institutions/support";
import { SupportList } from "~/components/institutions";
import { INSTITUTION_KIND_KEYS, isSupportKind, SUPPORT_KIND_KEYS, SUPPORT_KINDS } from "~/utils/institutions";
import { useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { formatRupiah } from "~/utils/money";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "inst.title");

/** The filter a page address carries (`?kelompok=…&jenis=TRAINING&tahun=2026`); nonsense is ignored. */
function filterFromUrl(url: URL, groupIds: Set<string>) {
  const group = url.searchParams.get("kelompok") ?? "";
  const kind = url.searchParams.get("jenis") ?? "";
  const year = Number(url.searchParams.get("tahun") ?? "");
  return {
    groupId: groupIds.has(group) ? group : null,
    kind: isSupportKind(kind) ? kind : null,
    year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : null,
  };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { team } = await requireTkmOfficer(request);
  const tenant = { areaPath: team.areaPath };
  const groups = await areaGroups(tenant);
  const filter = filterFromUrl(new URL(request.url), new Set(groups.map((group) => group.id)));
  const list = await institutionsWithSupport(tenant, filter);
  return { team, groups, filter, ...list };
}

export default function Institutions() {
  const t = useT();
  const { team, groups, filter, institutions, supports, years } = useLoaderData<typeof loader>();
  const filtered = filter.groupId !== null || filter.kind !== null || filter.year !== null;
  return (
    <div className="space-y-4">
      <Link to="/tkm" className="link inline-flex min-h-11 items-center">
        ← {t("tkm.back")}
      </Link>
      <header>
        <h1 className="text-2xl font-bold">{t("inst.title")}</h1>
        <p className="text-stone-600">{t("inst.intro", { area: team.areaName })}</p>
        <p className="flex flex-wrap gap-2 pt-2">
          <Link to="/tkm/dukungan/baru" className="btn-primary">
            {t("inst.record_support")}
          </Link>
          <Link to="/tkm/lembaga/baru" className="btn-secondary">
            {t("inst.add")}
          </Link>
          <Link to="/tkm/rapat" className="btn-secondary">
            {t("meet.title")}
          </Link>
        </p>
      </header>

      <Form method="get" className="card grid gap-3 sm:grid-cols-4 sm:items-end">
        <div className="space-y-1">
          <label htmlFor="filter-group" className="block font-medium">
            {t("inst.group")}
          </label>
          <select
            id="filter-group"
            name="kelompok"
            className="field-input"
            defaultValue={filter.groupId ?? ""}
          >
            <option value="">{t("inst.all_groups")}</option>
            {groups.map((group) => (
              <option key={group.id} value={group.id}>
                {group.name}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="filter-kind" className="block font-medium">
            {t("inst.support_kind")}
          </label>
          <select id="filter-kind" name="jenis" className="field-input" defaultValue={filter.kind ?? ""}>
            <option value="">{t("inst.all_kinds")}</option>
            {SUPPORT_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(SUPPORT_KIND_KEYS[kind])}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="filter-year" className="block font-medium">
            {t("inst.year")}
          </label>
          <select id="filter-year" name="tahun" className="field-input" defaultValue={filter.year ?? ""}>
            <option value="">{t("inst.all_years")}</option>
            {years.map((year) => (
              <option key={year} value={year}>
                {year}
              </option>
            ))}
          </select>
        </div>
        <p className="flex flex-wrap items-center gap-3">
          <button type="submit" className="btn-secondary">
            {t("inst.filter")}
          </button>
          {filtered ? (
            <Link to="/tkm/lembaga" className="link inline-flex min-h-11 items-center">
              {t("inst.clear_filter")}
            </Link>
          ) : null}
        </p>
      </Form>

      <section aria-labelledby="institutions" className="space-y-2">
        <h2 id="institutions" className="text-xl font-bold">
          {t("inst.list")}
        </h2>
        {institutions.length === 0 ? (
          <p className="card text-stone-600">{t(filtered ? "inst.none_filtered" : "inst.none")}</p>
        ) : (
          <ul className="grid gap-2 sm:grid-cols-2">
            {institutions.map((institution) => (
              <li key={institution.id} className="card space-y-1">
                <Link to={`/tkm/lembaga/${institution.id}`} className="link font-bold">
                  {institution.name}
                </Link>
                <p className="text-sm text-stone-600">
                  {t(INSTITUTION_KIND_KEYS[institution.kind])} · {institution.area.name}
                </p>
                <p className="text-sm">
                  {institution.count === 0
                    ? t("inst.gave_nothing")
                    : t("inst.gave_count", { count: institution.count })}
                  {institution.aidMoney > 0
                    ? ` · ${t("inst.aid_total", { amount: formatRupiah(institution.aidMoney) })}`
                    : ""}
                  {institution.loans > 0
                    ? ` · ${t("inst.loan_total", { amount: formatRupiah(institution.loans) })}`
                    : ""}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="supports" className="space-y-2">
        <h2 id="supports" className="text-xl font-bold">
          {t("inst.supports")}
        </h2>
        <SupportList
          supports={supports}
          empty={t(filtered ? "inst.no_support_filtered" : "inst.no_support")}
        />
      </section>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
