import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { adminOverview } from "~/.server/admin/overview";
import { requireAdmin } from "~/.server/auth/guards";
import type { MessageKey } from "~/locales";
import { useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "adm.overview_title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return adminOverview();
}

export default function AdminOverview() {
  const t = useT();
  const o = useLoaderData<typeof loader>();
  const tiles: { to: string; title: MessageKey; figure: string }[] = [
    {
      to: "/admin/wilayah",
      title: "adm.areas",
      figure: t("adm.area_counts", {
        provinces: o.areas.PROVINCE ?? 0,
        regencies: o.areas.REGENCY ?? 0,
        districts: o.areas.DISTRICT ?? 0,
        villages: o.areas.VILLAGE ?? 0,
      }),
    },
    {
      to: "/admin/kategori",
      title: "adm.categories",
      figure: t("adm.count_categories", { count: o.categories }),
    },
    { to: "/admin/tkm", title: "adm.teams", figure: t("adm.count_teams", { count: o.teams }) },
    { to: "/admin/desa", title: "adm.officials", figure: t("adm.count_officials", { count: o.officials }) },
    {
      to: "/admin/pengguna",
      title: "adm.users",
      figure: t("adm.count_users", { count: o.users, suspended: o.suspended }),
    },
    { to: "/admin/audit", title: "adm.audit", figure: t("adm.count_events", { count: o.eventsLastDay }) },
  ];
  return (
    <div className="space-y-4">
      <header>
        <h1 className="text-2xl font-bold">{t("adm.overview_title")}</h1>
        <p className="text-stone-600">{t("adm.overview_intro")}</p>
      </header>
      <ul className="grid gap-3 sm:grid-cols-2">
        {tiles.map((tile) => (
          <li key={tile.to}>
            <Link to={tile.to} className="card block min-h-11 hover:border-brand-300">
              <span className="block font-bold text-brand-800">{t(tile.title)}</span>
              <span className="block text-stone-600">{tile.figure}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
