import { Form, Link } from "@remix-run/react";
import type { MessageKey } from "~/locales";
import { useLang, useT } from "~/utils/i18n";
import { PAYMENT_METHOD_KEYS, UNIT_KEYS } from "~/utils/labels";
import { formatRupiah } from "~/utils/money";
import { formatDate } from "~/utils/time";
import { FormErrors, MoneyInput } from "./forms";
import { MatchReasons, QUOTE_STATUS_KEYS } from "./request-summary";

export type ComparedQuote = {
  id: string;
  revision: number;
  status: string;
  unitPrice: number;
  quantity: number;
  earliestDelivery: string | Date;
  validUntil: string | Date;
  note: string;
  counterUnitPrice: number | null;
  counterNote: string | null;
  product: { name: string; slug: string };
  tiers: { minQuantity: number; unitPrice: number }[];
  forQuantity: number;
  unitPriceAtQuantity: number;
  total: number;
  expired: boolean;
  late: boolean;
  canAccept: boolean;
  canCounter: boolean;
  trackRecord: { completed: number; delivered: number; onTime: number } | null;
  group: {
    name: string;
    slug: string;
    distanceKm: number | null;
    unread: number;
    reasons: { key: MessageKey; params?: Record<string, string | number> }[];
  };
};

type Payment = { methods: string[]; tempo: { days: number; available: number } | null } | null;

/**
 * The quotes side by side: one card per quote with the same rows in the same order, so on a wide
 * screen they read across and on a phone they stack into the same readable list.
 */
export function QuoteComparison({
  quotes,
  request,
  payment,
  errors,
  errorQuoteId,
  busy,
}: {
  quotes: ComparedQuote[];
  request: { number: string; quantity: number; unit: keyof typeof UNIT_KEYS; neededBy: string | Date };
  payment: Payment;
  errors: string[] | null;
  errorQuoteId: string | null;
  busy: boolean;
}) {
  const t = useT();
  const lang = useLang();
  const unit = t(UNIT_KEYS[request.unit]);
  return (
    <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
      {quotes.map((quote) => {
        const headingId = `quote-${quote.id}`;
        return (
          <li key={quote.id} className="card space-y-3" aria-labelledby={headingId}>
            <div>
              <h3 id={headingId} className="text-lg font-bold">
                <Link
                  to={`/kelompok/${quote.group.slug}`}
                  className="inline-flex min-h-11 items-center hover:underline"
                >
                  {quote.group.name}
                </Link>
              </h3>
              <p className="text-sm text-stone-600">
                {t(QUOTE_STATUS_KEYS[quote.status]!)}
                {quote.expired && quote.status === "SUBMITTED" ? ` · ${t("quote.expired_label")}` : ""}
                {quote.revision > 1 ? ` · ${t("quote.revision_n", { revision: quote.revision })}` : ""}
              </p>
            </div>
            {/* Fixed shares, not "auto": the longest label would leave the values a thin column on a phone. */}
            <dl className="grid grid-cols-[minmax(0,2fr)_minmax(0,3fr)] gap-x-3 gap-y-1 text-sm">
              <dt className="text-stone-600">{t("quote.product")}</dt>
              <dd>
                <Link to={`/produk/${quote.product.slug}`} className="link inline-flex min-h-11 items-center">
                  {quote.product.name}
                </Link>
              </dd>
              <dt className="text-stone-600">{t("quote.unit_price")}</dt>
              <dd className="font-medium">
                {t("quote.per_unit", { price: formatRupiah(quote.unitPriceAtQuantity), unit })}
              </dd>
              {quote.tiers.length > 0 ? (
                <>
                  <dt className="text-stone-600">{t("quote.tiers")}</dt>
                  <dd>
                    {quote.tiers
                      .map((tier) =>
                        t("quote.tier_line", {
                          from: tier.minQuantity,
                          price: formatRupiah(tier.unitPrice),
                          unit,
                        }),
                      )
                      .join("; ")}
                  </dd>
                </>
              ) : null}
              <dt className="text-stone-600">{t("quote.total")}</dt>
              <dd className="font-bold">
                {formatRupiah(quote.total)}{" "}
                <span className="font-normal text-stone-600">
                  ({quote.forQuantity} {unit})
                </span>
              </dd>
              <dt className="text-stone-600">{t("quote.quantity")}</dt>
              <dd className={quote.quantity < request.quantity ? "font-medium text-red-800" : ""}>
                {quote.quantity < request.quantity
                  ? t("quote.can_make_only", { quantity: quote.quantity, asked: request.quantity, unit })
                  : t("quote.can_make", { quantity: quote.quantity, unit })}
              </dd>
              <dt className="text-stone-600">{t("quote.earliest_delivery")}</dt>
              <dd className={quote.late ? "font-medium text-red-800" : ""}>
                {formatDate(quote.earliestDelivery, lang)}{" "}
                {quote.late
                  ? t("quote.after_needed_by", { date: formatDate(request.neededBy, lang) })
                  : t("quote.before_needed_by")}
              </dd>
              <dt className="text-stone-600">{t("quote.valid_until")}</dt>
              <dd>{formatDate(quote.validUntil, lang)}</dd>
              <dt className="text-stone-600">{t("quote.distance")}</dt>
              <dd>{quote.group.distanceKm !== null ? t("quote.km", { km: quote.group.distanceKm }) : "–"}</dd>
              <dt className="text-stone-600">{t("quote.track_record")}</dt>
              <dd>
                {quote.trackRecord && quote.trackRecord.delivered > 0
                  ? t("quote.track_line", {
                      completed: quote.trackRecord.completed,
                      onTime: quote.trackRecord.onTime,
                      delivered: quote.trackRecord.delivered,
                    })
                  : t("quote.track_none")}
              </dd>
              <dt className="col-span-2 mt-1 text-stone-600">{t("quote.why_matched_short")}</dt>
              <dd className="col-span-2">
                <MatchReasons reasons={quote.group.reasons} />
              </dd>
            </dl>
            {quote.note ? <p className="text-sm whitespace-pre-line">“{quote.note}”</p> : null}
            {quote.counterUnitPrice !== null ? (
              <p className="text-sm">
                {t("quote.your_counter", { price: formatRupiah(quote.counterUnitPrice), unit })}
              </p>
            ) : null}
            <Link
              to={`/permintaan/${request.number}/kelompok/${quote.group.slug}`}
              className="link inline-flex min-h-11 items-center"
            >
              {t("quote.thread_link")}
              {quote.group.unread > 0 ? ` (${t("quote.unread_n", { count: quote.group.unread })})` : ""}
            </Link>
            {errorQuoteId === quote.id ? <FormErrors errors={errors} /> : null}
            {quote.canAccept && payment ? (
              <Form method="post" className="space-y-2 rounded-lg border border-brand-200 p-3">
                <h4 className="font-bold">{t("quote.accept_title")}</h4>
                <input type="hidden" name="intent" value="accept" />
                <input type="hidden" name="quoteId" value={quote.id} />
                <input type="hidden" name="revision" value={quote.revision} />
                <label htmlFor={`qty-${quote.id}`} className="block font-medium">
                  {t("quote.accept_quantity", { max: quote.quantity, unit })}
                </label>
                <input
                  id={`qty-${quote.id}`}
                  name="quantity"
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={quote.quantity}
                  step={1}
                  required
                  defaultValue={quote.forQuantity}
                  className="field-input"
                />
                <fieldset className="space-y-2">
                  <legend className="font-medium">{t("order.payment_method")}</legend>
                  {payment.methods.map((method, index) => (
                    <label
                      key={method}
                      className="flex min-h-11 items-center gap-3 rounded-lg border border-stone-300 px-3"
                    >
                      <input
                        type="radio"
                        name="paymentMethod"
                        value={method}
                        defaultChecked={index === 0}
                        className="size-5"
                      />
                      <span>
                        {t(PAYMENT_METHOD_KEYS[method as keyof typeof PAYMENT_METHOD_KEYS])}
                        {method === "TEMPO" && payment.tempo ? (
                          <span className="block text-sm text-stone-600">
                            {t("checkout.tempo_terms", {
                              days: payment.tempo.days,
                              available: formatRupiah(payment.tempo.available),
                            })}
                          </span>
                        ) : null}
                      </span>
                    </label>
                  ))}
                </fieldset>
                <label className="flex min-h-11 items-start gap-3">
                  <input type="checkbox" name="confirm" required className="mt-1 size-5" />
                  <span>{t("quote.accept_confirm", { group: quote.group.name })}</span>
                </label>
                <button type="submit" className="btn-primary w-full" disabled={busy}>
                  {t("quote.accept_button")}
                </button>
              </Form>
            ) : null}
            {quote.canCounter ? (
              <details className="rounded-lg border border-stone-200 p-3">
                <summary className="min-h-11 cursor-pointer py-2.5 font-medium">
                  {t("quote.counter_title")}
                </summary>
                <Form method="post" className="mt-2 space-y-2">
                  <input type="hidden" name="intent" value="counter" />
                  <input type="hidden" name="quoteId" value={quote.id} />
                  <label htmlFor={`counter-${quote.id}`} className="block font-medium">
                    {t("quote.counter_price", { unit })}
                  </label>
                  <MoneyInput id={`counter-${quote.id}`} name="counterUnitPrice" required />
                  <label htmlFor={`counter-note-${quote.id}`} className="block font-medium">
                    {t("quote.counter_note")}
                  </label>
                  <textarea
                    id={`counter-note-${quote.id}`}
                    name="note"
                    rows={2}
                    maxLength={500}
                    className="field-input"
                  />
                  <button type="submit" className="btn-secondary" disabled={busy}>
                    {t("quote.counter_button")}
                  </button>
                </Form>
              </details>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
