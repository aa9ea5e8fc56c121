import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { listCatalog, listCategories } from "~/.server/catalog/products";
import { pageParam } from "~/.server/http/responses";
import { ProductCard } from "~/components/product-card";
import { useLang, useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "catalog.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const page = pageParam(url);
  const category = url.searchParams.get("kategori")?.slice(0, 80) || undefined;
  const [catalog, categories] = await Promise.all([
    listCatalog({ page, categorySlug: category }),
    listCategories(),
  ]);
  return {
    ...catalog,
    page,
    category: category ?? "",
    categories: categories.filter((c) => c.parentId === null),
  };
}

export default function Catalog() {
  const t = useT();
  const lang = useLang();
  const { products, total, page, pageCount, categories, category } = useLoaderData<typeof loader>();
  const pageLink = (n: number) =>
    `?${new URLSearchParams({ ...(category ? { kategori: category } : {}), page: String(n) })}`;
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-bold">{t("catalog.title")}</h1>
        <p className="text-stone-600">{t("catalog.count", { count: total })}</p>
      </div>
      <Form method="get" className="flex flex-wrap items-end gap-2">
        <label className="flex-1">
          <span className="block text-sm font-medium">{t("catalog.category")}</span>
          <select name="kategori" defaultValue={category} className="field-input">
            <option value="">{t("catalog.all_categories")}</option>
            {categories.map((c) => (
              <option key={c.slug} value={c.slug}>
                {lang === "en" ? c.nameEn : c.nameId}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="btn-secondary">
          {t("catalog.filter")}
        </button>
      </Form>
      {products.length === 0 ? (
        <p className="card text-stone-600">{t("catalog.empty")}</p>
      ) : (
        <ul className="grid grid-cols-2 gap-3 md:grid-cols-4">
          {products.map((product, index) => (
            <ProductCard key={product.slug} product={product} eager={index < 4} />
          ))}
        </ul>
      )}
      {pageCount > 1 ? (
        <nav aria-label={t("catalog.pages")} className="flex items-center justify-between">
          {page > 1 ? (
            <Link to={pageLink(page - 1)} className="btn-secondary">
              {t("catalog.previous")}
            </Link>
          ) : (
            <span />
          )}
          <span className="text-stone-600">{t("catalog.page_of", { page, count: pageCount })}</span>
          {page < pageCount ? (
            <Link to={pageLink(page + 1)} className="btn-secondary">
              {t("catalog.next")}
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
