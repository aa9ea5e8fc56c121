import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireBuyer } from "~/.server/auth/guards";
import { invariantResponse } from "~/.server/http/responses";
import { reorder } from "~/.server/cart/reorder";
import { getLang } from "~/.server/http/lang";
import { publicOrigin } from "~/.server/http/origin";
import { rateOrder } from "~/.server/orders/ratings";
import { answerProposal, openProposal } from "~/.server/orders/proposals";
import { ProposalSummary } from "~/components/proposal-summary";
import { translator } from "~/locales";
import { getOrderForBusiness, transitionOrder } from "~/.server/orders/orders";
import { canRecordPayment } from "~/.server/orders/state";
import { newIdempotencyKey } from "~/.server/payments/record";
import { pendingTransfers, reportTransfer } from "~/.server/payments/transfers";
import { ImageRejected } from "~/.server/images/pipeline";
import { readMultipartForm } from "~/.server/http/multipart";
import { closeOpenCardAttempts, reconcileOrderCardPayments, startCardPayment } from "~/.server/payments/card";
import { cardProvider } from "~/.server/payments/stripe";
import { readForm } from "~/.server/http/form";
import { Field, FormErrors, MoneyInput, PhotoInput, RadioChoices, typedValue } from "~/components/forms";
import { OrderStepButton, OrderView } from "~/components/order-view";
import { BuyerOrderActionSchema } from "~/forms/order";
import { encodeMessage, translateEncoded, useT } from "~/utils/i18n";
import { formatRupiah } from "~/utils/money";
import { plainTitle } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? plainTitle(matches, data.order.number) : [];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { business } = await requireBuyer(request);
  const number = params.number ?? "";
  const card = new URL(request.url).searchParams.get("kartu");
  // Back from the card page: ask Stripe now rather than wait for its webhook.
  if (card === "selesai") await reconcileOrderCardPayments(business.id, number);
  const order = await getOrderForBusiness(business.id, number);
  invariantResponse(order);
  return {
    order,
    transfers: await pendingTransfers({ orderId: order.id }),
    canReportTransfer:
      order.paymentMethod === "BANK_TRANSFER" &&
      canRecordPayment(order.status) &&
      order.total > order.amountPaid,
    proposal: await openProposal(order.id),
    transferKey: newIdempotencyKey(),
    card: card === "selesai" || card === "batal" ? card : null,
    canPayByCard:
      order.paymentMethod === "CARD" &&
      canRecordPayment(order.status) &&
      order.total > order.amountPaid &&
      cardProvider() !== null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, business } = await requireBuyer(request);
  const multipart = request.headers.get("Content-Type")?.startsWith("multipart/form-data");
  const formData = multipart ? await readMultipartForm(request) : await readForm(request);
  if (formData === "too_large") {
    return Response.json({ status: "error", error: { proof: ["image.too_large"] } }, { status: 400 });
  }
  const submission = parseWithZod(formData, { schema: BuyerOrderActionSchema });
  if (submission.status !== "success") {
    const reply =
      submission.payload.intent === "rate" || submission.payload.intent === "transfer"
        ? submission.reply()
        : submission.reply({ formErrors: ["order.action_not_allowed"] });
    return Response.json(reply, { status: 400 });
  }
  const number = params.number ?? "";
  if (submission.value.intent === "reorder") {
    const lines = await reorder(business.id, number);
    if (!lines) throw new Response("Not found", { status: 404 });
    const lang = await getLang(request);
    return Response.json({
      reorder: lines.map((line) =>
        line.outcome === "added"
          ? line.oldPrice === line.newPrice
            ? encodeMessage("reorder.added", { name: line.name, qty: line.quantity })
            : encodeMessage("reorder.price_changed", {
                name: line.name,
                qty: line.quantity,
                old: formatRupiah(line.oldPrice),
                new: formatRupiah(line.newPrice),
              })
          : encodeMessage("reorder.not_added", {
              name: line.name,
              why: translator(lang)(line.problem.key, line.problem.params),
            }),
      ),
    });
  }
  if (submission.value.intent === "transfer") {
    const proof = formData.get("proof");
    const bytes =
      proof instanceof File && proof.size > 0 ? new Uint8Array(await proof.arrayBuffer()) : undefined;
    try {
      const reported = await reportTransfer(business.id, viewer.id, number, {
        ...submission.value,
        proof: bytes,
      });
      if (!reported.ok) {
        if (reported.key === "order.not_found") throw new Response("Not found", { status: 404 });
        const message = encodeMessage(reported.key, reported.params);
        return Response.json(
          reported.field === "form"
            ? submission.reply({ formErrors: [message] })
            : submission.reply({ fieldErrors: { [reported.field]: [message] } }),
          { status: 400 },
        );
      }
    } catch (error) {
      if (!(error instanceof ImageRejected)) throw error;
      return Response.json(submission.reply({ fieldErrors: { proof: [error.problem] } }), { status: 400 });
    }
    return redirect(`/pesanan/${number}`);
  }
  if (submission.value.intent === "answer_proposal") {
    // A card session opened for the old total could be paid after a lower one: closed first.
    if (submission.value.answer === "accept") {
      await closeOpenCardAttempts({ number, businessId: business.id });
    }
    const answered = await answerProposal(
      business.id,
      viewer.id,
      number,
      submission.value.proposalId,
      submission.value.answer,
    );
    if (!answered.ok) {
      if (answered.key === "proposal.not_found") throw new Response("Not found", { status: 404 });
      return Response.json(submission.reply({ formErrors: [encodeMessage(answered.key, answered.params)] }), {
        status: 400,
      });
    }
    return redirect(`/pesanan/${number}`);
  }
  if (submission.value.intent === "rate") {
    const rated = await rateOrder(business.id, viewer.id, number, submission.value);
    if (!rated.ok) {
      if (rated.key === "order.not_found") throw new Response("Not found", { status: 404 });
      return Response.json(submission.reply({ formErrors: [rated.key] }), { status: 400 });
    }
    return redirect(`/pesanan/${number}`);
  }
  if (submission.value.intent === "card") {
    const returnUrl = `${publicOrigin}/pesanan/${params.number}`;
    const started = await startCardPayment(business.id, params.number ?? "", returnUrl, viewer.email);
    if (!started.ok) {
      if (started.key === "order.not_found") throw new Response("Not found", { status: 404 });
      return Response.json(submission.reply({ formErrors: [started.key] }), { status: 400 });
    }
    return redirect(started.url);
  }
  // A card session left open could still be paid after the cancellation: closed first.
  if (submission.value.step === "cancel") await closeOpenCardAttempts({ number, businessId: business.id });
  const result = await transitionOrder(
    { party: "buyer", businessId: business.id },
    viewer.id,
    number,
    submission.value.step,
    {
      reason: submission.value.reason,
      quantities: submission.value.quantities,
      downPayment: submission.value.downPayment,
    },
  );
  if (!result.ok) {
    if (result.message === "order.not_found") throw new Response("Not found", { status: 404 });
    return Response.json(submission.reply({ formErrors: [result.message] }), { status: 400 });
  }
  return redirect(`/pesanan/${params.number}`);
}

export default function BuyerOrder() {
  const t = useT();
  const { order, card, canPayByCard, transfers, transferKey, proposal, canReportTransfer } =
    useLoaderData<typeof loader>();
  const due = order.total - order.amountPaid;
  const actionData = useActionData<typeof action>();
  const lastResult = actionData && "reorder" in actionData ? undefined : actionData;
  const reordered = actionData && "reorder" in actionData ? actionData.reorder : null;
  return (
    <OrderView order={order} perspective="buyer">
      <FormErrors errors={lastResult?.error?.[""] ?? null} />
      {reordered ? (
        <div role="status" className="space-y-1 rounded-lg bg-brand-100 p-3 text-brand-900">
          <p className="font-medium">{t("reorder.title")}</p>
          <ul className="list-inside list-disc text-sm">
            {reordered.map((line: string) => (
              <li key={line}>{translateEncoded(t, line)}</li>
            ))}
          </ul>
          <Link to="/keranjang" className="btn-primary">
            {t("cart.title")}
          </Link>
        </div>
      ) : null}
      {card ? (
        <p role="status" className="rounded-lg border border-brand-600 bg-brand-50 p-3 text-brand-800">
          {card === "batal"
            ? t("payment.card_cancelled")
            : order.paymentStatus === "PAID"
              ? t("payment.card_paid")
              : t("payment.card_waiting")}
        </p>
      ) : null}
      {order.paymentMethod === "CARD" && order.status === "PLACED" ? (
        <p className="rounded-lg bg-stone-100 p-3 text-sm">{t("payment.card_after_confirmation")}</p>
      ) : null}
      {canPayByCard ? (
        <Form method="post">
          <input type="hidden" name="intent" value="card" />
          <button type="submit" className="btn-primary w-full sm:w-auto">
            {t("payment.pay_by_card", { amount: formatRupiah(order.total - order.amountPaid) })}
          </button>
        </Form>
      ) : null}
      {proposal ? (
        <section className="card space-y-2 border-amber-400" aria-labelledby="proposal-title">
          <h2 id="proposal-title" className="font-bold">
            {t("proposal.title")}
          </h2>
          <ProposalSummary proposal={proposal} />
          <Form method="post" className="flex flex-wrap gap-2">
            <input type="hidden" name="intent" value="answer_proposal" />
            <input type="hidden" name="proposalId" value={proposal.id} />
            <button type="submit" name="answer" value="accept" className="btn-primary">
              {t("proposal.accept")}
            </button>
            <button type="submit" name="answer" value="decline" className="btn-secondary">
              {t("proposal.decline")}
            </button>
          </Form>
        </section>
      ) : null}
      {transfers.length > 0 ? (
        <ul className="space-y-1" aria-label={t("transfer.pending_title")}>
          {transfers.map((transfer) => (
            <li key={transfer.id} className="rounded-lg bg-amber-50 p-3 text-sm text-amber-900">
              {t("transfer.waiting", { amount: formatRupiah(transfer.amount) })}
            </li>
          ))}
        </ul>
      ) : null}
      {canReportTransfer ? (
        <details
          className="card"
          open={Boolean(
            lastResult?.error &&
            ("proof" in lastResult.error || "amount" in lastResult.error || "reference" in lastResult.error),
          )}
        >
          <summary className="flex min-h-11 cursor-pointer items-center font-bold">
            {t("transfer.report_title")}
          </summary>
          <Form method="post" encType="multipart/form-data" className="mt-2 space-y-3">
            <input type="hidden" name="intent" value="transfer" />
            <input type="hidden" name="idempotencyKey" value={transferKey} />
            <Field
              label={t("transfer.amount")}
              htmlFor="transfer-amount"
              errorId="transfer-amount-error"
              errors={lastResult?.error?.amount ?? null}
            >
              <MoneyInput
                id="transfer-amount"
                name="amount"
                defaultValue={typedValue(lastResult, "amount") ?? due}
              />
            </Field>
            <Field
              label={t("payment.reference")}
              htmlFor="transfer-reference"
              errorId="transfer-reference-error"
              errors={lastResult?.error?.reference ?? null}
              hint={t("transfer.reference_hint")}
            >
              <input
                id="transfer-reference"
                name="reference"
                maxLength={100}
                defaultValue={typedValue(lastResult, "reference")}
                className="field-input"
              />
            </Field>
            <Field
              label={t("transfer.proof")}
              htmlFor="transfer-proof"
              errorId="transfer-proof-error"
              errors={lastResult?.error?.proof ?? null}
            >
              <PhotoInput
                id="transfer-proof"
                name="proof"
                errorId="transfer-proof-error"
                errors={lastResult?.error?.proof ?? null}
              />
            </Field>
            <button type="submit" className="btn-primary">
              {t("transfer.report_button")}
            </button>
          </Form>
        </details>
      ) : null}
      {order.actions.length > 0 ? (
        <div className="flex flex-wrap gap-2">
          {order.actions.includes("mark_received") ? (
            <OrderStepButton step="mark_received" label={t("order.action.buyer_received")} />
          ) : null}
          {order.actions.includes("cancel") ? (
            <OrderStepButton step="cancel" label={t("order.action.cancel")} tone="danger" />
          ) : null}
        </div>
      ) : null}
      <Form method="post">
        <input type="hidden" name="intent" value="reorder" />
        <button type="submit" className="btn-secondary">
          {t("reorder.button")}
        </button>
      </Form>
      {order.rating ? (
        <p className="card">
          {t("rating.yours", { score: order.rating.score })}
          {order.rating.comment ? (
            <span className="block text-stone-600">“{order.rating.comment}”</span>
          ) : null}
        </p>
      ) : order.status === "COMPLETED" ? (
        <Form method="post" className="card space-y-3">
          <input type="hidden" name="intent" value="rate" />
          <RadioChoices
            legend={t("rating.title")}
            name="score"
            checked={undefined}
            errorId="score-error"
            errors={lastResult?.error?.score ?? null}
            choices={[5, 4, 3, 2, 1].map((score) => ({
              value: String(score),
              label: t(`rating.score_${score as 1 | 2 | 3 | 4 | 5}`),
            }))}
          />
          <label htmlFor="rating-comment" className="block font-medium">
            {t("rating.comment")}
          </label>
          <textarea id="rating-comment" name="comment" rows={2} maxLength={500} className="field-input" />
          <button type="submit" className="btn-primary">
            {t("rating.submit")}
          </button>
        </Form>
      ) : null}
    </OrderView>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
