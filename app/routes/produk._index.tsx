import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { areaPathByCode, listAreasWithGroups } from "~/.server/areas/areas";
import { getViewer } from "~/.server/auth/guards";
import { businessLocation } from "~/.server/buyers/businesses";
import { listCategories } from "~/.server/catalog/products";
import { searchCatalog } from "~/.server/catalog/search";
import { publicOrigin } from "~/.server/http/origin";
import { MoneyInput } from "~/components/forms";
import { ProductGrid } from "~/components/product-card";
import { parseCatalogParams } from "~/forms/catalog";
import { SORT_PARAMS } from "~/utils/catalog-sorts";
import type { MessageKey } from "~/locales";
import { useLang, useT } from "~/utils/i18n";
import { metaTranslator, socialMeta } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  socialMeta(matches, {
    title: data?.params.q ?? metaTranslator(matches)("catalog.title"),
    description: "",
    url: `${data?.origin ?? ""}/produk`,
  });

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const params = parseCatalogParams(url.searchParams);
  const areaPath = params.wilayah ? await areaPathByCode(params.wilayah) : null;
  const viewer = params.urut === "terdekat" ? await getViewer(request) : null;
  const near = viewer?.business ? await businessLocation(viewer.business.id) : null;
  const [result, categories, areas] = await Promise.all([
    searchCatalog({
      text: params.q,
      categorySlug: params.kategori,
      areaPath: areaPath ?? undefined,
      priceMin: params.harga_min,
      priceMax: params.harga_maks,
      maxMinOrder: params.min_pesan,
      readyStockOnly: params.stok === "1",
      deliverBy: params.kirim_sebelum ? new Date(`${params.kirim_sebelum}T23:59:59+07:00`) : undefined,
      sort: params.urut ? SORT_PARAMS[params.urut] : undefined,
      near: near ?? undefined,
      page: params.halaman,
    }),
    listCategories(),
    listAreasWithGroups(),
  ]);
  return {
    ...result,
    params,
    categories,
    areas,
    origin: publicOrigin,
    query: url.search,
    nearestUnavailable: params.urut === "terdekat" && !near,
  };
}

const SORT_KEYS: Record<keyof typeof SORT_PARAMS, MessageKey> = {
  relevansi: "catalog.sort.relevance",
  terbaru: "catalog.sort.newest",
  termurah: "catalog.sort.price_asc",
  termahal: "catalog.sort.price_desc",
  terdekat: "catalog.sort.nearest",
};

/** One labelled filter field: a whole number (the default) or a date. */
function FilterInput({
  label,
  name,
  value,
  min,
  type = "number",
}: {
  label: string;
  name: string;
  value: number | string | undefined;
  min?: number;
  type?: "number" | "date" | "money";
}) {
  return (
    <label className="block">
      <span className="block text-sm font-medium">{label}</span>
      {type === "money" ? (
        <MoneyInput name={name} defaultValue={value ?? ""} />
      ) : (
        <input
          type={type}
          name={name}
          defaultValue={value ?? ""}
          className="field-input"
          {...(type === "number" ? { min, step: 1, inputMode: "numeric" as const } : {})}
        />
      )}
    </label>
  );
}

export default function Catalog() {
  const t = useT();
  const lang = useLang();
  const { products, total, moreThanTotal, pageCount, params, categories, areas, query, nearestUnavailable } =
    useLoaderData<typeof loader>();
  const count = moreThanTotal
    ? t("catalog.more_than", { count: total.toLocaleString(lang === "en" ? "en-GB" : "id-ID") })
    : total;
  const pageLink = (page: number) => {
    const next = new URLSearchParams(query);
    next.set("halaman", String(page));
    return `?${next}`;
  };
  const parents = categories.filter((c) => c.parentId === null);
  const name = (c: { nameId: string; nameEn: string }) => (lang === "en" ? c.nameEn : c.nameId);
  const filtersUsed = [
    params.kategori,
    params.wilayah,
    params.harga_min,
    params.harga_maks,
    params.min_pesan,
    params.stok,
    params.kirim_sebelum,
  ].some((v) => v !== undefined && v !== "");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("catalog.title")}</h1>
      <Form method="get" className="space-y-3" role="search">
        <div className="flex gap-2">
          <label className="flex-1">
            <span className="sr-only">{t("catalog.search_label")}</span>
            <input
              type="search"
              name="q"
              defaultValue={params.q ?? ""}
              placeholder={t("catalog.search_placeholder")}
              className="field-input"
              maxLength={100}
            />
          </label>
          <button type="submit" className="btn-primary">
            {t("catalog.search")}
          </button>
        </div>
        <details className="card p-3" open={filtersUsed}>
          <summary className="flex min-h-11 cursor-pointer items-center justify-between font-medium">
            {t("catalog.filters")}
            <span aria-hidden="true" className="text-stone-500">
              ▾
            </span>
          </summary>
          <div className="mt-2 grid gap-3 sm:grid-cols-2">
            <label className="block">
              <span className="block text-sm font-medium">{t("catalog.category")}</span>
              <select name="kategori" defaultValue={params.kategori ?? ""} className="field-input">
                <option value="">{t("catalog.all_categories")}</option>
                {parents.map((parent) => (
                  <optgroup key={parent.slug} label={name(parent)}>
                    <option value={parent.slug}>{t("catalog.all_in", { name: name(parent) })}</option>
                    {categories
                      .filter((c) => c.parentId === parent.id)
                      .map((c) => (
                        <option key={c.slug} value={c.slug}>
                          {name(c)}
                        </option>
                      ))}
                  </optgroup>
                ))}
              </select>
            </label>
            <label className="block">
              <span className="block text-sm font-medium">{t("catalog.area")}</span>
              <select name="wilayah" defaultValue={params.wilayah ?? ""} className="field-input">
                <option value="">{t("catalog.all_areas")}</option>
                {areas.map((district) => (
                  <optgroup key={district.code} label={district.name}>
                    <option value={district.code}>{t("catalog.all_in", { name: district.name })}</option>
                    {district.villages.map((village) => (
                      <option key={village.code} value={village.code}>
                        {village.name}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            </label>
            <FilterInput
              label={t("catalog.price_min")}
              name="harga_min"
              type="money"
              value={params.harga_min}
            />
            <FilterInput
              label={t("catalog.price_max")}
              name="harga_maks"
              type="money"
              value={params.harga_maks}
            />
            <FilterInput
              label={t("catalog.max_min_order")}
              name="min_pesan"
              min={1}
              value={params.min_pesan}
            />
            <FilterInput
              label={t("catalog.deliver_by")}
              name="kirim_sebelum"
              type="date"
              value={params.kirim_sebelum}
            />
            <label className="flex min-h-11 items-center gap-3">
              <input
                type="checkbox"
                name="stok"
                value="1"
                defaultChecked={params.stok === "1"}
                className="size-5"
              />
              {t("catalog.ready_stock_only")}
            </label>
            <label className="block">
              <span className="block text-sm font-medium">{t("catalog.sort")}</span>
              <select name="urut" defaultValue={params.urut ?? ""} className="field-input">
                <option value="">{t("catalog.sort.default")}</option>
                {(Object.keys(SORT_KEYS) as (keyof typeof SORT_KEYS)[]).map((key) => (
                  <option key={key} value={key}>
                    {t(SORT_KEYS[key])}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <div className="mt-3 flex flex-wrap gap-2">
            <button type="submit" className="btn-primary">
              {t("catalog.filter")}
            </button>
            <Link to="/produk" className="btn-secondary">
              {t("catalog.clear")}
            </Link>
          </div>
        </details>
      </Form>
      <p className="text-stone-600" aria-live="polite">
        {params.q ? t("catalog.count_for", { count, q: params.q }) : t("catalog.count", { count })}
      </p>
      {nearestUnavailable ? (
        <p role="status" className="rounded-lg bg-amber-100 p-3 text-amber-900">
          {t("catalog.nearest_unavailable")}
        </p>
      ) : null}
      {products.length === 0 ? (
        <p className="card text-stone-600">
          {params.q || filtersUsed ? t("catalog.no_results") : t("catalog.empty")}
        </p>
      ) : (
        <ProductGrid products={products} eager={4} />
      )}
      {pageCount > 1 ? (
        <nav aria-label={t("catalog.pages")} className="flex items-center justify-between">
          {params.halaman > 1 ? (
            <Link to={pageLink(params.halaman - 1)} className="btn-secondary">
              {t("catalog.previous")}
            </Link>
          ) : (
            <span />
          )}
          <span className="text-stone-600">
            {t("catalog.page_of", { page: params.halaman, count: pageCount })}
          </span>
          {params.halaman < pageCount ? (
            <Link to={pageLink(params.halaman + 1)} className="btn-secondary">
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
