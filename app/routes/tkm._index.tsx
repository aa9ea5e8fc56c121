import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireTkmOfficer } from "~/.server/auth/guards";
import { incomeByMonthForArea } from "~/.server/reports/income";
import { MonthlyBars } from "~/components/monthly-bars";
import { useLang, useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { formatRupiah } from "~/utils/money";
import { formatMonth } from "~/utils/time";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "tkm.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const { team } = await requireTkmOfficer(request);
  const report = await incomeByMonthForArea(team.areaPath, 12);
  return { team, ...report };
}

export default function TkmMonitoring() {
  const t = useT();
  const lang = useLang();
  const { team, months, groups, totals } = useLoaderData<typeof loader>();
  const recent = months.slice(-6);
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold">{t("tkm.title")}</h1>
        <p className="text-stone-600">{t("tkm.scope", { team: team.name, area: team.areaName })}</p>
        <nav className="flex flex-wrap gap-x-4">
          <Link to="/tkm/pembeli" className="link inline-flex min-h-11 items-center">
            {t("tkm.tempo_link")}
          </Link>
          <Link to="/tkm/permintaan" className="link inline-flex min-h-11 items-center">
            {t("unmet.link")}
          </Link>
          <Link to="/tkm/verifikasi" className="link inline-flex min-h-11 items-center">
            {t("stew.verify.nav")}
          </Link>
          <Link to="/tkm/kelompok/baru" className="link inline-flex min-h-11 items-center">
            {t("stew.register.nav")}
          </Link>
        </nav>
      </header>

      <section className="card" aria-labelledby="area-income">
        <h2 id="area-income" className="font-bold">
          {t("tkm.area_income")}
        </h2>
        <MonthlyBars months={months} amounts={totals} />
      </section>

      <section aria-labelledby="group-income" className="space-y-2">
        <h2 id="group-income" className="text-xl font-bold">
          {t("tkm.income_per_group")}
        </h2>
        {groups.length === 0 ? (
          <p className="card text-stone-600">{t("tkm.no_groups")}</p>
        ) : (
          <div className="card overflow-x-auto p-0">
            <table className="w-full min-w-[40rem] text-sm">
              <caption className="sr-only">{t("tkm.income_per_group")}</caption>
              <thead>
                <tr className="border-b border-stone-200 text-left">
                  <th scope="col" className="p-2">
                    {t("tkm.group")}
                  </th>
                  {recent.map((month) => (
                    <th key={month} scope="col" className="p-2 text-right">
                      {formatMonth(month, lang)}
                    </th>
                  ))}
                  <th scope="col" className="p-2 text-right">
                    {t("tkm.twelve_months")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {groups.map((group) => (
                  <tr key={group.id} className="border-b border-stone-100">
                    <th scope="row" className="p-2 text-left font-medium">
                      <Link to={`/tkm/kelompok/${group.id}`} className="link">
                        {group.name}
                      </Link>
                      <span className="block text-xs font-normal text-stone-500">{group.villageName}</span>
                    </th>
                    {recent.map((month) => (
                      <td key={month} className="p-2 text-right tabular-nums">
                        {formatRupiah(group.months[month] ?? 0)}
                      </td>
                    ))}
                    <td className="p-2 text-right font-semibold tabular-nums">{formatRupiah(group.total)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
