import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getViewer } from "~/.server/auth/guards";
import { listFeaturedProducts } from "~/.server/catalog/products";
import { suggestGroupsForBuyer } from "~/.server/matching/suggestions";
import { ProductGrid } from "~/components/product-card";
import { GroupSuggestions } from "~/components/suggestions";
import { useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "home.title");

export async function loader({ request }: LoaderFunctionArgs) {
  // A signed-in buyer also sees groups that suit the business (visitors' pages stay cacheable).
  const viewer = await getViewer(request);
  const business = viewer?.business ?? null;
  const [products, suggestions] = await Promise.all([
    listFeaturedProducts(8),
    business ? suggestGroupsForBuyer({ businessId: business.id }, { limit: 4 }) : null,
  ]);
  return { products, suggestions: business && suggestions ? { business, ...suggestions } : null };
}

export default function Home() {
  const t = useT();
  const { products, suggestions } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-8">
      <section className="rounded-2xl bg-brand-700 px-5 py-8 text-white">
        <h1 className="text-3xl font-bold leading-tight">{t("home.headline")}</h1>
        <p className="mt-3 max-w-2xl text-brand-50">{t("home.lead")}</p>
        <div className="mt-5 flex flex-wrap gap-2">
          <Link to="/produk" className="btn bg-white text-brand-800 hover:bg-brand-50">
            {t("home.browse")}
          </Link>
          <Link to="/daftar" className="btn border border-white/70 text-white hover:bg-brand-800">
            {t("home.join")}
          </Link>
        </div>
      </section>
      {suggestions ? <GroupSuggestions data={suggestions} businessName={suggestions.business.name} /> : null}
      <section aria-labelledby="new-products">
        <div className="flex items-baseline justify-between">
          <h2 id="new-products" className="text-xl font-bold">
            {t("home.new_products")}
          </h2>
          <Link to="/produk" className="link inline-flex min-h-11 items-center">
            {t("home.see_all")}
          </Link>
        </div>
        {products.length === 0 ? (
          <p className="card mt-3 text-stone-600">{t("catalog.empty")}</p>
        ) : (
          <ProductGrid products={products} eager={2} className="mt-3" />
        )}
      </section>
      <section className="grid gap-3 md:grid-cols-3" aria-label={t("home.how_title")}>
        {(["home.step_list", "home.step_match", "home.step_track"] as const).map((key, index) => (
          <div key={key} className="card">
            <p className="text-sm font-semibold text-brand-700">{index + 1}</p>
            <p className="mt-1">{t(key)}</p>
          </div>
        ))}
      </section>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
