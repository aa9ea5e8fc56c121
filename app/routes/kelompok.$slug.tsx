import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { getGroupPage } from "~/.server/catalog/groups";
import { listGroupProductsForBuyers } from "~/.server/catalog/products";
import { groupRatings } from "~/.server/orders/ratings";
import { invariantResponse } from "~/.server/http/responses";
import { publicOrigin } from "~/.server/http/origin";
import { ProductGrid } from "~/components/product-card";
import { useLang, useT } from "~/utils/i18n";
import { GROUP_STAGE_KEYS } from "~/utils/labels";
import { socialMeta } from "~/utils/meta";
import { formatDate } from "~/utils/time";
import { ResponsiveImage } from "~/components/responsive-image";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data
    ? socialMeta(matches, {
        title: data.group.name,
        description: data.group.story,
        url: `${data.origin}/kelompok/${data.group.slug}`,
        image: data.group.photo ? `${data.origin}${data.group.photo.src}` : undefined,
      })
    : [];

export async function loader({ params }: LoaderFunctionArgs) {
  const group = await getGroupPage(params.slug ?? "");
  invariantResponse(group);
  const [products, ratings] = await Promise.all([
    listGroupProductsForBuyers(group.id),
    groupRatings(group.id),
  ]);
  return { group, products, ratings, origin: publicOrigin };
}

export default function GroupPage() {
  const t = useT();
  const lang = useLang();
  const { group, products, ratings } = useLoaderData<typeof loader>();
  const { latitude, longitude } = group.village;
  const mapUrl =
    latitude !== null && longitude !== null
      ? `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=15/${latitude}/${longitude}`
      : null;
  const record = group.trackRecord;
  return (
    <div className="space-y-6">
      <section className="grid gap-4 md:grid-cols-[2fr_3fr]">
        {group.photo ? (
          <ResponsiveImage
            image={group.photo}
            alt={t("group.photo_alt", { name: group.name })}
            sizes="(min-width: 768px) 380px, 100vw"
            eager
            className="w-full rounded-xl bg-stone-100 object-cover"
          />
        ) : null}
        <div className="space-y-2">
          <h1 className="text-2xl font-bold">{group.name}</h1>
          <p className="text-stone-600">
            {[group.rw ? `RW ${group.rw}` : null, group.village.name, group.village.parent?.name]
              .filter(Boolean)
              .join(", ")}
            {mapUrl ? (
              <>
                {" · "}
                <a href={mapUrl} className="link" rel="noopener" target="_blank">
                  {t("group.see_map")}
                </a>
              </>
            ) : null}
          </p>
          <p className="flex flex-wrap gap-2 text-sm">
            {group.verifiedAt ? (
              <span className="rounded-full bg-brand-100 px-3 py-1 font-semibold text-brand-800">
                {t("group.verified")}
              </span>
            ) : null}
            <span className="rounded-full bg-stone-200 px-3 py-1">{t(GROUP_STAGE_KEYS[group.stage])}</span>
            <span className="rounded-full bg-stone-200 px-3 py-1">
              {t("group.member_count", { count: group._count.members })}
            </span>
            <span className="rounded-full bg-stone-200 px-3 py-1">
              {t("group.joined", { date: formatDate(group.joinedAt, lang) })}
            </span>
          </p>
          {group.story ? <p className="text-stone-700">{group.story}</p> : null}
          <dl className="grid grid-cols-2 gap-2 pt-2 text-sm">
            <div className="card p-3">
              <dt className="text-stone-600">{t("group.orders_completed")}</dt>
              <dd className="text-xl font-bold">{record.completed}</dd>
            </div>
            <div className="card p-3">
              <dt className="text-stone-600">{t("group.on_time")}</dt>
              <dd className="text-xl font-bold">
                {record.onTimeShare === null
                  ? t("group.no_deliveries_yet")
                  : `${Math.round(record.onTimeShare * 100)}%`}
              </dd>
            </div>
          </dl>
          <p className="text-sm font-medium">
            {ratings.average === null
              ? t("rating.none")
              : t("rating.summary", {
                  average: ratings.average.toLocaleString(lang === "id" ? "id-ID" : "en-GB", {
                    maximumFractionDigits: 1,
                  }),
                  count: ratings.count,
                })}
          </p>
        </div>
      </section>
      {ratings.recent.length > 0 ? (
        <section aria-labelledby="group-ratings" className="space-y-2">
          <h2 id="group-ratings" className="text-xl font-bold">
            {t("rating.recent")}
          </h2>
          <ul className="grid gap-2 md:grid-cols-2">
            {ratings.recent.map((rating) => (
              <li key={rating.id} className="card text-sm">
                <p className="font-semibold">
                  {t("rating.yours_other", { score: rating.score })} · {rating.business}
                </p>
                <p className="text-stone-700">“{rating.comment}”</p>
                <p className="text-stone-500">{formatDate(rating.createdAt, lang)}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="group-products" className="space-y-3">
        <h2 id="group-products" className="text-xl font-bold">
          {t("group.products")}
        </h2>
        {products.length === 0 ? (
          <p className="card text-stone-600">{t("group.no_products")}</p>
        ) : (
          <ProductGrid products={products} />
        )}
      </section>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
