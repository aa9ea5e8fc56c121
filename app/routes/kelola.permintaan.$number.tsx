import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireGroupManager } from "~/.server/auth/guards";
import { readForm } from "~/.server/http/form";
import { getLang } from "~/.server/http/lang";
import { readMultipartForm, tooLargeReply } from "~/.server/http/multipart";
import { refusalResponse } from "~/.server/http/refusal";
import { invariantResponse } from "~/.server/http/responses";
import {
  acceptCounter,
  declineRequest,
  markRequestSeen,
  requestForGroup,
  submitQuote,
  withdrawQuote,
} from "~/.server/matching/quotes";
import { postMessage, readThread, threadScope } from "~/.server/matching/threads";
import { allErrors, FormErrors } from "~/components/forms";
import { QuoteForm, type QuoteDefaults } from "~/components/quote-form";
import { RequestThread } from "~/components/request-thread";
import { MatchReasons, QUOTE_STATUS_KEYS, RequestSummary } from "~/components/request-summary";
import { DECLINE_REASONS, GroupRequestActionSchema } from "~/forms/quote";
import { translator } from "~/locales";
import { wibDateKey, whatsAppChatLink } from "~/utils/delivery";
import { useLang, useT } from "~/utils/i18n";
import { BUSINESS_KIND_KEYS, UNIT_KEYS } from "~/utils/labels";
import { plainTitle } from "~/utils/meta";
import { formatRupiah } from "~/utils/money";
import { formatDate } from "~/utils/time";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? plainTitle(matches, data.view.request.title) : [];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { group } = await requireGroupManager(request);
  const number = params.number ?? "";
  const now = new Date();
  const view = await requestForGroup({ groupId: group.id }, number, now);
  invariantResponse(view);
  const party = { side: "GROUP" as const, groupId: group.id };
  const scope = await threadScope(party, number);
  invariantResponse(scope);
  const [lines] = await Promise.all([readThread(party, scope, now), markRequestSeen(view.recipient.id, now)]);
  const lang = await getLang(request);
  const phone = view.request.business.phone;
  const whatsApp = phone
    ? whatsAppChatLink(phone, translator(lang)("quote.wa_to_buyer", { number, title: view.request.title }))
    : null;
  return { view, lines, whatsApp, groupName: group.name, today: wibDateKey(now) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, group } = await requireGroupManager(request);
  const number = params.number ?? "";
  const tenant = { groupId: group.id };
  const multipart = request.headers.get("Content-Type")?.startsWith("multipart/form-data");
  const formData = multipart ? await readMultipartForm(request) : await readForm(request);
  if (formData === "too_large") return tooLargeReply("photo");
  const submission = parseWithZod(formData, { schema: GroupRequestActionSchema });
  if (submission.status !== "success") return Response.json(submission.reply(), { status: 400 });
  const lang = await getLang(request);
  const value = submission.value;
  const back = redirect(`/kelola/permintaan/${number}`);

  if (value.intent === "message") {
    const party = { side: "GROUP" as const, groupId: group.id };
    const scope = await threadScope(party, number);
    invariantResponse(scope);
    const photo = formData.get("photo");
    const bytes =
      photo instanceof File && photo.size > 0 ? new Uint8Array(await photo.arrayBuffer()) : undefined;
    const posted = await postMessage(party, scope, viewer.id, { body: value.body, photo: bytes });
    return posted.ok
      ? redirect(`/kelola/permintaan/${number}#thread-title`)
      : refusalResponse(submission.reply, posted, lang);
  }
  const result =
    value.intent === "quote"
      ? await submitQuote(tenant, viewer.id, number, value)
      : value.intent === "withdraw"
        ? await withdrawQuote(tenant, viewer.id, number)
        : value.intent === "accept_counter"
          ? await acceptCounter(tenant, viewer.id, number, value.revision)
          : await declineRequest(tenant, viewer.id, number, value);
  return result.ok ? back : refusalResponse(submission.reply, result, lang);
}

function quoteDefaults(
  view: NonNullable<Awaited<ReturnType<typeof requestForGroup>>>,
  lastDay: string,
): QuoteDefaults {
  const { quote, products, request } = view;
  if (!quote) {
    return {
      productId: products[0]?.id,
      quantity: String(request.quantity),
      earliestDelivery: wibDateKey(new Date(request.neededBy)),
      validUntil: lastDay,
    };
  }
  return {
    productId: quote.productId,
    unitPrice: String(quote.unitPrice),
    quantity: String(quote.quantity),
    earliestDelivery: wibDateKey(new Date(quote.earliestDelivery)),
    validUntil: wibDateKey(new Date(quote.validUntil)),
    note: quote.note,
    tiers: quote.tiers.map((tier) => ({
      minQuantity: String(tier.minQuantity),
      unitPrice: String(tier.unitPrice),
    })),
  };
}

export default function GroupRequestPage() {
  const t = useT();
  const lang = useLang();
  const { view, lines, whatsApp, groupName, today } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const { request, recipient, quote, products, actions } = view;
  const intent = (lastResult as { initialValue?: { intent?: unknown } } | undefined)?.initialValue?.intent;
  const quoteResult = intent === "quote" ? lastResult : undefined;
  const otherErrors = intent !== "quote" && intent !== "message" ? allErrors(lastResult) : null;
  const messageErrors =
    intent === "message" ? (lastResult as { error?: Record<string, string[] | null> }).error : undefined;
  const lastDay = wibDateKey(new Date(request.closesAt));
  const unit = t(UNIT_KEYS[request.unit]);
  return (
    <div className="space-y-4">
      <Link to="/kelola/permintaan" className="link inline-flex min-h-11 items-center">
        ← {t("inbox.back")}
      </Link>
      <RequestSummary request={request}>
        <dt className="text-stone-600">{t("quote.buyer")}</dt>
        <dd>
          {request.business.name} · {t(BUSINESS_KIND_KEYS[request.business.kind])} ·{" "}
          {request.business.village.name}
        </dd>
        {request.distanceKm !== null ? (
          <>
            <dt className="text-stone-600">{t("quote.distance")}</dt>
            <dd>{t("quote.km", { km: request.distanceKm })}</dd>
          </>
        ) : null}
      </RequestSummary>
      {whatsApp ? (
        <a href={whatsApp} className="btn-secondary" target="_blank" rel="noopener">
          {t("quote.wa_buyer_button")}
        </a>
      ) : null}

      <section className="card space-y-1" aria-labelledby="why-matched">
        <h2 id="why-matched" className="font-bold">
          {t("quote.why_matched")}
        </h2>
        <p className="text-sm">
          {recipient.source === "INVITED" ? t("quote.invited") : null}{" "}
          <MatchReasons reasons={recipient.reasons} />
        </p>
      </section>

      <FormErrors errors={otherErrors} />

      {quote ? (
        <section className="card space-y-2" aria-labelledby="own-quote">
          <h2 id="own-quote" className="font-bold">
            {t("quote.yours", { revision: quote.revision })} · {t(QUOTE_STATUS_KEYS[quote.status]!)}
          </h2>
          <p>
            {quote.product.name}: {t("quote.per_unit", { price: formatRupiah(quote.unitPrice), unit })},{" "}
            {t("quote.can_make", { quantity: quote.quantity, unit })},{" "}
            {t("quote.ready_on", { date: formatDate(quote.earliestDelivery, lang) })}
          </p>
          {quote.tiers.length > 0 ? (
            <ul className="text-sm">
              {quote.tiers.map((tier) => (
                <li key={tier.minQuantity}>
                  {t("quote.tier_line", {
                    from: tier.minQuantity,
                    price: formatRupiah(tier.unitPrice),
                    unit,
                  })}
                </li>
              ))}
            </ul>
          ) : null}
          <p className="text-sm text-stone-600">
            {t("quote.valid_until_line", { date: formatDate(quote.validUntil, lang) })}
          </p>
          {quote.order ? (
            <Link
              to={`/kelola/pesanan/${quote.order.number}`}
              className="link inline-flex min-h-11 items-center"
            >
              {t("quote.order_link", { number: quote.order.number })}
            </Link>
          ) : null}
          {quote.counterUnitPrice !== null ? (
            <div className="rounded-lg border border-brand-600 p-3">
              <p className="font-medium">
                {t("quote.counter_received", { price: formatRupiah(quote.counterUnitPrice), unit })}
              </p>
              {quote.counterNote ? <p className="text-sm">“{quote.counterNote}”</p> : null}
              {actions.acceptCounter ? (
                <Form method="post" className="mt-2">
                  <input type="hidden" name="intent" value="accept_counter" />
                  <input type="hidden" name="revision" value={quote.revision} />
                  <button type="submit" className="btn-primary" disabled={busy}>
                    {t("quote.accept_counter_button", { price: formatRupiah(quote.counterUnitPrice) })}
                  </button>
                </Form>
              ) : null}
              <p className="mt-1 text-sm text-stone-600">{t("quote.counter_or_revise")}</p>
            </div>
          ) : null}
          {actions.withdraw ? (
            <Form method="post">
              <input type="hidden" name="intent" value="withdraw" />
              <button type="submit" className="btn-secondary" disabled={busy}>
                {t("quote.withdraw_button")}
              </button>
            </Form>
          ) : null}
        </section>
      ) : null}

      {actions.quote ? (
        products.length === 0 ? (
          <p className="card">
            {t("quote.no_products")}{" "}
            <Link to="/kelola/produk/baru" className="link">
              {t("quote.add_product")}
            </Link>
          </p>
        ) : (
          <section className="card space-y-2" aria-labelledby="quote-form-title">
            <h2 id="quote-form-title" className="font-bold">
              {quote?.status === "SUBMITTED" ? t("quote.revise_title") : t("quote.form_title")}
            </h2>
            <QuoteForm
              products={products}
              defaults={quoteDefaults(view, lastDay)}
              lastResult={quoteResult}
              today={today}
              lastDay={lastDay}
              revising={quote?.status === "SUBMITTED"}
              busy={busy}
            />
          </section>
        )
      ) : !quote && !recipient.declinedAt ? (
        <p className="card">{t("quote.closed_for_quotes")}</p>
      ) : null}

      {recipient.decline ? (
        <p className="card">
          {t("quote.you_declined", { reason: t(`quote.decline_reason.${recipient.decline.reason}`) })}
          {recipient.decline.note ? ` “${recipient.decline.note}”` : ""}
        </p>
      ) : null}

      {actions.decline ? (
        <details className="card">
          <summary className="min-h-11 cursor-pointer py-2.5 font-bold">{t("quote.decline_title")}</summary>
          <Form method="post" className="mt-2 space-y-3">
            <input type="hidden" name="intent" value="decline" />
            <fieldset className="space-y-2">
              <legend className="font-medium">{t("quote.decline_reason_label")}</legend>
              {DECLINE_REASONS.map((reason) => (
                <label
                  key={reason}
                  className="flex min-h-11 items-center gap-3 rounded-lg border border-stone-300 px-3"
                >
                  <input type="radio" name="reason" value={reason} required className="size-5" />
                  {t(`quote.decline_reason.${reason}`)}
                </label>
              ))}
            </fieldset>
            <label htmlFor="decline-note" className="block font-medium">
              {t("quote.decline_note_label")}
            </label>
            <textarea id="decline-note" name="note" rows={2} maxLength={500} className="field-input" />
            <button type="submit" className="btn-danger" disabled={busy}>
              {t("quote.decline_button")}
            </button>
          </Form>
        </details>
      ) : null}

      <RequestThread
        lines={lines}
        viewerSide="GROUP"
        names={{ BUYER: request.business.name, GROUP: groupName }}
        errors={messageErrors ? { body: messageErrors.body, photo: messageErrors.photo } : undefined}
        busy={busy}
      />
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
