import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listGroupDirectory } from "~/.server/catalog/groups";
import { useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "groups.title");

export async function loader() {
  return { districts: await listGroupDirectory() };
}

export default function GroupDirectory() {
  const t = useT();
  const { districts } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold">{t("groups.title")}</h1>
        <p className="text-stone-600">{t("groups.intro")}</p>
      </header>
      {districts.length === 0 ? <p className="card text-stone-600">{t("groups.empty")}</p> : null}
      {districts.map((district) => (
        <section key={district.district} aria-labelledby={`d-${district.district}`} className="space-y-3">
          <h2 id={`d-${district.district}`} className="text-xl font-bold">
            {district.district}
          </h2>
          {district.villages.map((village) => (
            <div key={village.village} className="space-y-2">
              <h3 className="font-semibold text-stone-700">
                {t("groups.village", { village: village.village })}
              </h3>
              <ul className="grid gap-2 md:grid-cols-2">
                {village.groups.map((group) => (
                  <li key={group.slug}>
                    <Link to={`/kelompok/${group.slug}`} className="card block p-3 hover:border-brand-600">
                      <span className="font-semibold">{group.name}</span>
                      {group.verifiedAt ? (
                        <span className="ml-2 rounded-full bg-brand-100 px-2 text-xs font-semibold text-brand-800">
                          {t("group.verified")}
                        </span>
                      ) : null}
                      <span className="block text-sm text-stone-600">
                        {[
                          group.rw ? `RW ${group.rw}` : null,
                          t("group.member_count", { count: group._count.members }),
                        ]
                          .filter(Boolean)
                          .join(" · ")}
                        {" · "}
                        {t("groups.product_count", { count: group._count.products })}
                      </span>
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
