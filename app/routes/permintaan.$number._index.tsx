import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { requireBuyer } from "~/.server/auth/guards";
import { readForm } from "~/.server/http/form";
import { getLang } from "~/.server/http/lang";
import { refusalResponse } from "~/.server/http/refusal";
import { invariantResponse } from "~/.server/http/responses";
import { acceptQuote, counterQuote, requestForBuyer } from "~/.server/matching/quotes";
import { translator } from "~/locales";
import { allErrors, FormErrors } from "~/components/forms";
import { QuoteComparison } from "~/components/quote-compare";
import { MatchReasons, RequestSummary } from "~/components/request-summary";
import { BuyerRequestActionSchema } from "~/forms/quote";
import { whatsAppChatLink } from "~/utils/delivery";
import { cancelReasonText } from "~/utils/labels";
import { useT } from "~/utils/i18n";
import { plainTitle } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? plainTitle(matches, data.view.request.title) : [];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { business } = await requireBuyer(request);
  const number = params.number ?? "";
  const view = await requestForBuyer({ businessId: business.id }, number);
  invariantResponse(view);
  const t = translator(await getLang(request));
  const greeting = t("quote.wa_to_group", { number, title: view.request.title });
  const groups = view.groups.map((group) => ({
    ...group,
    whatsApp: group.phone ? whatsAppChatLink(group.phone, greeting) : null,
  }));
  return { view: { ...view, groups } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, business } = await requireBuyer(request);
  const number = params.number ?? "";
  const submission = parseWithZod(await readForm(request), { schema: BuyerRequestActionSchema });
  if (submission.status !== "success") return Response.json(submission.reply(), { status: 400 });
  const lang = await getLang(request);
  const tenant = { businessId: business.id };
  const value = submission.value;
  if (value.intent === "counter") {
    const countered = await counterQuote(tenant, viewer.id, number, value);
    return countered.ok
      ? redirect(`/permintaan/${number}`)
      : refusalResponse(submission.reply, countered, lang);
  }
  const accepted = await acceptQuote(tenant, viewer.id, number, value);
  return accepted.ok
    ? redirect(`/pesanan/${accepted.orderNumber}`)
    : refusalResponse(submission.reply, accepted, lang);
}

export default function BuyerRequestPage() {
  const t = useT();
  const { view } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const { request, quotes, groups, payment, orderNumber, actions } = view;
  const [searchParams] = useSearchParams();
  const errors = allErrors(lastResult);
  const quoteId = (lastResult as { initialValue?: { quoteId?: unknown } } | undefined)?.initialValue?.quoteId;
  const errorQuoteId =
    typeof quoteId === "string" && quotes.some((quote) => quote.id === quoteId) ? quoteId : null;
  return (
    <div className="space-y-4">
      <Link to="/permintaan" className="link inline-flex min-h-11 items-center">
        ← {t("quote.back_to_requests")}
      </Link>
      {searchParams.get("terkirim") ? (
        <p role="status" className="rounded-lg border border-brand-600 bg-brand-50 p-3 text-brand-800">
          {groups.length > 0
            ? t("request.posted", { number: request.number, count: groups.length })
            : t("request.posted_none", { number: request.number })}
        </p>
      ) : searchParams.get("diubah") ? (
        <p role="status" className="rounded-lg border border-brand-600 bg-brand-50 p-3 text-brand-800">
          {t("request.edited")}
        </p>
      ) : searchParams.get("dibatalkan") ? (
        <p role="status" className="rounded-lg border border-brand-600 bg-brand-50 p-3 text-brand-800">
          {t("request.cancelled")}
        </p>
      ) : null}
      <RequestSummary request={request}>
        <dt className="text-stone-600">{t("quote.delivery_address")}</dt>
        <dd>{request.deliveryAddress}</dd>
      </RequestSummary>
      {actions.edit || actions.cancel ? (
        <div className="flex flex-wrap gap-2">
          {actions.edit ? (
            <Link to={`/permintaan/${request.number}/ubah`} className="btn-secondary">
              {t("quote.edit_request")}
            </Link>
          ) : null}
          {actions.cancel ? (
            <Link to={`/permintaan/${request.number}/batal`} className="btn-secondary">
              {t("quote.cancel_request")}
            </Link>
          ) : null}
        </div>
      ) : null}
      {orderNumber ? (
        <p className="card border-brand-600">
          {t("quote.awarded_order")}{" "}
          <Link to={`/pesanan/${orderNumber}`} className="link font-bold">
            {orderNumber}
          </Link>
        </p>
      ) : null}
      {request.state === "CANCELLED" && request.cancelReason ? (
        <p className="card">
          {t("quote.cancelled_because", { reason: cancelReasonText(request.cancelReason, t) })}
        </p>
      ) : null}
      {errorQuoteId ? null : <FormErrors errors={errors} />}

      <section className="space-y-3" aria-labelledby="quotes-title">
        <h2 id="quotes-title" className="text-xl font-bold">
          {t("quote.compare_title", { count: quotes.length })}
        </h2>
        {quotes.length === 0 ? (
          <p className="card text-stone-600">{t("quote.no_quotes_yet")}</p>
        ) : (
          <QuoteComparison
            quotes={quotes}
            request={request}
            payment={payment}
            errors={errors}
            errorQuoteId={errorQuoteId}
            busy={navigation.state === "submitting"}
          />
        )}
      </section>

      <section className="card space-y-2" aria-labelledby="groups-title">
        <h2 id="groups-title" className="font-bold">
          {t("quote.groups_asked", { count: groups.length })}
        </h2>
        {groups.length === 0 ? (
          <p className="text-stone-600">{t("quote.no_groups_yet")}</p>
        ) : (
          <ul className="divide-y divide-stone-200">
            {groups.map((group) => (
              <li key={group.id} className="space-y-1 py-2">
                <p className="font-medium">
                  <Link to={`/kelompok/${group.slug}`} className="hover:underline">
                    {group.name}
                  </Link>{" "}
                  <span className="text-sm font-normal text-stone-600">
                    · {group.village.name} ·{" "}
                    {group.source === "INVITED" ? t("quote.source_invited") : t("quote.source_matched")}
                  </span>
                </p>
                <p className="text-sm">
                  <MatchReasons reasons={group.reasons} />
                </p>
                {group.decline ? (
                  <p className="text-sm text-red-800">
                    {t("quote.group_declined", { reason: t(`quote.decline_reason.${group.decline.reason}`) })}
                    {group.decline.note ? ` “${group.decline.note}”` : ""}
                  </p>
                ) : null}
                <div className="flex flex-wrap gap-x-4">
                  <Link
                    to={`/permintaan/${request.number}/kelompok/${group.slug}`}
                    className="link inline-flex min-h-11 items-center"
                  >
                    {t("quote.thread_link")}
                    {group.unread > 0 ? ` (${t("quote.unread_n", { count: group.unread })})` : ""}
                  </Link>
                  {group.whatsApp ? (
                    <a
                      href={group.whatsApp}
                      className="link inline-flex min-h-11 items-center"
                      target="_blank"
                      rel="noopener"
                    >
                      {t("quote.wa_group_button")}
                    </a>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
