import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { getViewer, requireBuyer } from "~/.server/auth/guards";
import { groupTrackRecord } from "~/.server/catalog/groups";
import { getProductForBuyers } from "~/.server/catalog/products";
import { publicOrigin } from "~/.server/http/origin";
import { invariantResponse } from "~/.server/http/responses";
import { addToCart } from "~/.server/cart/cart";
import { readForm } from "~/.server/http/form";
import { Field, FormErrors } from "~/components/forms";
import { AddToCartSchema } from "~/forms/cart";
import { encodeMessage, useLang, useT } from "~/utils/i18n";
import { UNIT_KEYS } from "~/utils/labels";
import { socialMeta } from "~/utils/meta";
import { productJsonLd } from "~/utils/structured-data";
import { formatRupiah } from "~/utils/money";
import { priceForQuantity } from "~/utils/pricing";
import { earliestArrival, whatsAppChatLink, whatsAppShareLink } from "~/utils/delivery";
import { formatDate } from "~/utils/time";
import { ResponsiveImage } from "~/components/responsive-image";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data
    ? socialMeta(matches, {
        title: data.product.name,
        description: data.product.description,
        url: `${data.origin}/produk/${data.product.slug}`,
        image: data.product.image ? `${data.origin}${data.product.image.src}` : undefined,
        type: "product",
      })
    : [];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const product = await getProductForBuyers(params.slug ?? "");
  invariantResponse(product);
  const viewer = await getViewer(request);
  return {
    product,
    trackRecord: await groupTrackRecord(product.group.id),
    now: new Date().toISOString(),
    origin: publicOrigin,
    buyer: viewer?.business ? { businessName: viewer.business.name } : null,
    signedIn: viewer !== null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { business } = await requireBuyer(request);
  const product = await getProductForBuyers(params.slug ?? "");
  invariantResponse(product);
  const submission = parseWithZod(await readForm(request), { schema: AddToCartSchema });
  if (submission.status !== "success") return Response.json(submission.reply(), { status: 400 });
  // The product is the one in the URL; its price is read again whenever the cart is shown.
  const result = await addToCart(business.id, product.id, submission.value.quantity);
  if (!result.ok) {
    const message = encodeMessage(result.key, result.params);
    const reply =
      result.key === "order.product_unavailable" || result.key === "cart.paused" || result.key === "cart.full"
        ? submission.reply({ formErrors: [message] })
        : submission.reply({ fieldErrors: { quantity: [message] } });
    return Response.json(reply, { status: 400 });
  }
  return redirect(`/keranjang?ditambah=${encodeURIComponent(product.slug)}`);
}

export default function ProductPage() {
  const t = useT();
  const lang = useLang();
  const { product, buyer, signedIn, origin, trackRecord, now } = useLoaderData<typeof loader>();
  const unit = t(UNIT_KEYS[product.unit]);
  const arrival = earliestArrival(new Date(now), product.leadTimeDays);
  const pausedUntil =
    product.pausedUntil && new Date(product.pausedUntil) > new Date(now) ? product.pausedUntil : null;
  const badges = [
    product.halalCertificate ? t("product.badge_halal") : null,
    product.pirtNumber ? t("product.badge_pirt", { number: product.pirtNumber }) : null,
    product.bpomNumber ? t("product.badge_bpom", { number: product.bpomNumber }) : null,
  ].filter((badge): badge is string => badge !== null);
  const shareLink = whatsAppShareLink(
    `${t("product.share_text", {
      name: product.name,
      price: formatRupiah(product.price),
      unit,
      min: product.minOrderQuantity,
      group: product.group.name,
      village: product.group.village.name,
    })}\n${origin}/produk/${product.slug}`,
  );
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult,
    // Revalidate while typing, not on blur: a message vanishing on blur moves the button away
    // from under the finger that is tapping it.
    shouldRevalidate: "onInput",
    defaultValue: { quantity: String(product.minOrderQuantity) },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AddToCartSchema }),
  });
  const [quantityText, setQuantityText] = useState(String(product.minOrderQuantity));
  const quantity = Number(quantityText);
  const validQuantity = Number.isInteger(quantity) && quantity > 0;
  const unitPrice = validQuantity ? priceForQuantity(product, quantity) : product.price;
  const tiers = [
    { minQuantity: product.minOrderQuantity, unitPrice: product.price },
    ...product.tiers.filter((tier) => tier.minQuantity > product.minOrderQuantity),
  ];

  return (
    <article className="grid gap-6 md:grid-cols-2">
      <script
        type="application/ld+json"
        // Serialised by us from our own data; "<" is escaped so no text can close the script.
        dangerouslySetInnerHTML={{ __html: productJsonLd(product, origin) }}
      />
      <div>
        {product.photos.length > 0 ? (
          // A swipeable row of photos: plain CSS scroll snapping, no JavaScript needed.
          <ul className="flex snap-x snap-mandatory gap-2 overflow-x-auto" aria-label={t("product.photos")}>
            {product.photos.map((photo, index) => (
              <li key={photo.src} className="w-full flex-none snap-center">
                <ResponsiveImage
                  image={photo}
                  alt={
                    product.photos.length > 1
                      ? `${photo.alt} — ${t("product.photo_n", { n: index + 1, count: product.photos.length })}`
                      : photo.alt
                  }
                  sizes="(min-width: 768px) 480px, 100vw"
                  eager={index === 0}
                  className="w-full rounded-xl bg-stone-100 object-cover"
                />
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <div className="space-y-4">
        <div>
          <p className="text-sm text-stone-600">
            {lang === "en" ? product.category.nameEn : product.category.nameId}
          </p>
          <h1 className="text-2xl font-bold">{product.name}</h1>
          <p className="mt-1 text-2xl font-bold text-brand-700">
            {formatRupiah(product.price)}{" "}
            <span className="text-base font-normal text-stone-600">/ {unit}</span>
          </p>
          {badges.length > 0 ? (
            <ul className="mt-2 flex flex-wrap gap-2 text-sm" aria-label={t("product.certificates")}>
              {badges.map((badge) => (
                <li
                  key={badge}
                  className="rounded-full border border-brand-600 px-3 py-1 font-medium text-brand-800"
                >
                  {badge}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
        {pausedUntil ? (
          <p role="status" className="rounded-lg bg-amber-100 p-3 font-medium text-amber-900">
            {t("product.paused_until", { date: formatDate(pausedUntil, lang) })}
          </p>
        ) : null}
        <dl className="grid grid-cols-2 gap-2 text-sm">
          <div className="card p-3">
            <dt className="text-stone-600">{t("product.min_order")}</dt>
            <dd className="font-semibold">
              {product.minOrderQuantity} {unit}
              {product.orderMultiple > 1 ? (
                <span className="block font-normal text-stone-600">
                  {t("product.multiple_of", { qty: product.orderMultiple, unit })}
                </span>
              ) : null}
            </dd>
          </div>
          <div className="card p-3">
            <dt className="text-stone-600">{t("product.stock")}</dt>
            <dd className="font-semibold">
              {product.supplyMode === "READY_STOCK"
                ? `${product.stock} ${unit}`
                : t("product.made_to_order", { days: product.leadTimeDays })}
              {product.supplyMode === "MADE_TO_ORDER" && product.capacityPerWeek !== null ? (
                <span className="block font-normal text-stone-600">
                  {t("product.capacity_per_week", { qty: product.capacityPerWeek, unit })}
                </span>
              ) : null}
            </dd>
          </div>
          <div className="card col-span-2 p-3">
            <dt className="text-stone-600">{t("product.earliest_arrival")}</dt>
            <dd className="font-semibold">{formatDate(arrival, lang)}</dd>
          </div>
        </dl>
        <div className="grid gap-2 sm:grid-cols-2">
          {product.group.phone ? (
            <a
              href={whatsAppChatLink(
                product.group.phone,
                t("product.quote_text", {
                  name: product.name,
                  group: product.group.name,
                  url: `${origin}/produk/${product.slug}`,
                }),
              )}
              className="btn-secondary w-full"
              rel="noopener"
              target="_blank"
            >
              {t("product.ask_quote")}
            </a>
          ) : null}
          <a href={shareLink} className="btn-secondary w-full" rel="noopener" target="_blank">
            {t("product.share_whatsapp")}
          </a>
        </div>
        {tiers.length > 1 ? (
          <table className="w-full text-sm">
            <caption className="text-left font-medium">{t("product.tier_prices")}</caption>
            <tbody>
              {tiers.map((tier) => (
                <tr key={tier.minQuantity} className="border-b border-stone-200">
                  <td className="py-1">{t("product.tier_from", { qty: tier.minQuantity, unit })}</td>
                  <td className="py-1 text-right font-semibold">{formatRupiah(tier.unitPrice)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {product.description ? (
          <p className="whitespace-pre-line text-stone-700">{product.description}</p>
        ) : null}

        <section className="card space-y-3" aria-labelledby="order-title">
          <h2 id="order-title" className="text-lg font-bold">
            {t("order.form_title")}
          </h2>
          {pausedUntil ? (
            <p className="text-stone-600">{t("order.product_unavailable")}</p>
          ) : buyer ? (
            <Form method="post" className="space-y-3" {...getFormProps(form)}>
              <FormErrors errors={form.errors} />
              <Field
                label={t("order.quantity", { unit })}
                htmlFor={fields.quantity.id}
                errorId={fields.quantity.errorId}
                errors={fields.quantity.errors}
              >
                <input
                  {...getInputProps(fields.quantity, { type: "number" })}
                  min={product.minOrderQuantity}
                  step={product.orderMultiple}
                  inputMode="numeric"
                  className="field-input"
                  onChange={(event) => setQuantityText(event.target.value)}
                />
              </Field>
              {validQuantity ? (
                <p className="text-stone-700" aria-live="polite">
                  {t("order.estimate", {
                    qty: quantity,
                    unit,
                    price: formatRupiah(unitPrice),
                    total: formatRupiah(unitPrice * quantity),
                  })}
                </p>
              ) : null}
              <button
                type="submit"
                className="btn-primary w-full"
                disabled={navigation.state === "submitting"}
              >
                {t("cart.add")}
              </button>
            </Form>
          ) : signedIn ? (
            <p className="text-stone-600">{t("order.buyers_only")}</p>
          ) : (
            <p>
              <Link
                to={`/masuk?redirectTo=${encodeURIComponent(`/produk/${product.slug}`)}`}
                className="btn-primary"
              >
                {t("cart.sign_in_to_buy")}
              </Link>
            </p>
          )}
        </section>

        <section className="card" aria-labelledby="maker-title">
          <h2 id="maker-title" className="font-bold">
            {t("product.made_by")}
          </h2>
          <p className="mt-1 font-semibold">{product.group.name}</p>
          <p className="text-sm text-stone-600">
            {[
              product.group.rw ? `RW ${product.group.rw}` : null,
              product.group.village.name,
              product.group.village.parent?.name,
            ]
              .filter(Boolean)
              .join(", ")}
            {" · "}
            {t("group.member_count", { count: product.group._count.members })}
          </p>
          <p className="mt-1 text-sm">
            {t("product.track_record", {
              completed: trackRecord.completed,
              onTime:
                trackRecord.onTimeShare === null ? "–" : `${Math.round(trackRecord.onTimeShare * 100)}%`,
            })}
          </p>
          {product.group.story ? <p className="mt-2 text-stone-700">{product.group.story}</p> : null}
          <Link
            to={`/kelompok/${product.group.slug}`}
            className="link mt-2 inline-flex min-h-11 items-center"
          >
            {t("group.see_group")}
          </Link>
        </section>
      </div>
    </article>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
