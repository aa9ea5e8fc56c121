import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireGroupManager } from "~/.server/auth/guards";
import { invariantResponse } from "~/.server/http/responses";
import { getOrderForGroup, transitionOrder } from "~/.server/orders/orders";
import { closeOpenCardAttempts } from "~/.server/payments/card";
import { newIdempotencyKey, recordPayment } from "~/.server/payments/record";
import { pendingTransfers, reviewTransfer } from "~/.server/payments/transfers";
import { openProposal, proposeChange, withdrawProposal } from "~/.server/orders/proposals";
import { readForm } from "~/.server/http/form";
import { ProposalSummary } from "~/components/proposal-summary";
import { TransferReview } from "~/components/transfer-review";
import { Field, FormErrors, MoneyInput, WholeNumberInput } from "~/components/forms";
import { OrderReasonStep, OrderStepButton, OrderView } from "~/components/order-view";
import { OrderActionSchema } from "~/forms/order";
import { encodeMessage, useT } from "~/utils/i18n";
import { plainTitle } from "~/utils/meta";
import { formatRupiah } from "~/utils/money";
import { UNIT_KEYS } from "~/utils/labels";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? plainTitle(matches, data.order.number) : [];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { group } = await requireGroupManager(request);
  const order = await getOrderForGroup(group.id, params.number ?? "");
  invariantResponse(order);
  // A fresh key per page view: submitting the same form twice records the payment once.
  const [transfers, proposal] = await Promise.all([
    pendingTransfers({ orderId: order.id }),
    openProposal(order.id),
  ]);
  return { order, paymentKey: newIdempotencyKey(), transfers, proposal };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, group } = await requireGroupManager(request);
  const number = params.number ?? "";
  const submission = parseWithZod(await readForm(request), { schema: OrderActionSchema });
  if (submission.status !== "success") return Response.json(submission.reply(), { status: 400 });

  if (submission.value.intent === "payment") {
    // A card session opened for what was due could be paid on top: closed first.
    await closeOpenCardAttempts({ number, groupId: group.id });
    const result = await recordPayment(group.id, viewer.id, number, submission.value);
    if (!result.ok) {
      if (result.message === "order.not_found") throw new Response("Not found", { status: 404 });
      const message = encodeMessage(result.message, "params" in result ? result.params : undefined);
      const reply =
        result.field === "amount"
          ? submission.reply({ fieldErrors: { amount: [message] } })
          : submission.reply({ formErrors: [message] });
      return Response.json(reply, { status: 400 });
    }
    return redirect(`/kelola/pesanan/${number}`);
  }

  if (submission.value.intent === "propose") {
    const proposed = await proposeChange(group.id, viewer.id, number, submission.value);
    if (!proposed.ok) {
      if (proposed.key === "order.not_found") throw new Response("Not found", { status: 404 });
      return Response.json(submission.reply({ formErrors: [encodeMessage(proposed.key, proposed.params)] }), {
        status: 400,
      });
    }
    return redirect(`/kelola/pesanan/${number}`);
  }
  if (submission.value.intent === "withdraw_proposal") {
    await withdrawProposal(group.id, viewer.id, number);
    return redirect(`/kelola/pesanan/${number}`);
  }
  if (submission.value.intent === "review_transfer") {
    const reviewed = await reviewTransfer(
      { kind: "group", groupId: group.id, orderNumber: number },
      viewer.id,
      submission.value.paymentId,
      submission.value.decision,
    );
    if (!reviewed.ok) {
      if (reviewed.key === "transfer.not_found") throw new Response("Not found", { status: 404 });
      return Response.json(submission.reply({ formErrors: [encodeMessage(reviewed.key, reviewed.params)] }), {
        status: 400,
      });
    }
    return redirect(`/kelola/pesanan/${number}`);
  }

  // A card session left open could still be paid after the cancellation: closed first.
  if (submission.value.step === "group_cancel") await closeOpenCardAttempts({ number, groupId: group.id });
  const result = await transitionOrder(
    { party: "group", groupId: group.id },
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
    const message = encodeMessage(result.message, result.params);
    return Response.json(submission.reply({ formErrors: [message] }), { status: 400 });
  }
  return redirect(`/kelola/pesanan/${number}`);
}

const CHANGEABLE: readonly string[] = ["PLACED", "CONFIRMED", "IN_PRODUCTION"];

export default function GroupOrder() {
  const t = useT();
  const { order, paymentKey, transfers, proposal } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const due = order.total - order.amountPaid;
  const [paymentForm, paymentFields] = useForm({
    id: "payment",
    lastResult:
      lastResult &&
      "intent" in (lastResult.initialValue ?? {}) &&
      lastResult.initialValue?.intent === "payment"
        ? lastResult
        : undefined,
    defaultValue: { amount: String(due), reference: "" },
  });
  const formErrors = lastResult?.error?.[""] ?? null;
  return (
    <div className="space-y-4">
      <Link to="/kelola" className="link inline-flex min-h-11 items-center">
        ← {t("manage.back")}
      </Link>
      <OrderView order={order} perspective="group">
        <FormErrors errors={formErrors} />
        <TransferReview transfers={transfers} />
        {proposal ? (
          <section className="card space-y-2" aria-labelledby="proposal-open">
            <h2 id="proposal-open" className="font-bold">
              {t("proposal.waiting")}
            </h2>
            <ProposalSummary proposal={proposal} />
            <Form method="post">
              <input type="hidden" name="intent" value="withdraw_proposal" />
              <button type="submit" className="btn-secondary" disabled={busy}>
                {t("proposal.withdraw")}
              </button>
            </Form>
          </section>
        ) : CHANGEABLE.includes(order.status) ? (
          <details className="card">
            <summary className="flex min-h-11 cursor-pointer items-center font-bold">
              {t("proposal.propose_title")}
            </summary>
            <Form method="post" className="mt-2 space-y-3">
              <input type="hidden" name="intent" value="propose" />
              {order.items.map((item) => (
                <div key={item.id} className="grid grid-cols-2 gap-2">
                  <label className="text-sm">
                    <span className="block">{t("proposal.quantity", { name: item.productName })}</span>
                    <WholeNumberInput
                      name={`lines.${item.id}.quantity`}
                      min={Math.max(1, item.quantityShipped)}
                      defaultValue={item.quantity}
                    />
                  </label>
                  <label className="text-sm">
                    <span className="block">{t("proposal.unit_price", { name: item.productName })}</span>
                    <MoneyInput name={`lines.${item.id}.unitPrice`} defaultValue={item.unitPrice} />
                  </label>
                </div>
              ))}
              <label className="block text-sm">
                <span className="block">{t("proposal.wanted_by")}</span>
                <input name="wantedBy" type="date" className="field-input" />
              </label>
              <label className="block text-sm">
                <span className="block">{t("proposal.reason")}</span>
                <input name="reason" required maxLength={300} className="field-input" />
              </label>
              <button type="submit" className="btn-primary" disabled={busy}>
                {t("proposal.send")}
              </button>
            </Form>
          </details>
        ) : null}
        {order.actions.length > 0 ? (
          <section className="card space-y-3" aria-labelledby="next-step">
            <h2 id="next-step" className="font-bold">
              {t("order.next_step")}
            </h2>
            {order.actions.includes("confirm") ? (
              <Form method="post" className="space-y-2">
                <input type="hidden" name="intent" value="transition" />
                <label htmlFor="down-payment" className="block font-medium">
                  {t("order.down_payment")}
                </label>
                <MoneyInput id="down-payment" name="downPayment" aria-describedby="down-payment-hint" />
                <p id="down-payment-hint" className="text-sm text-stone-600">
                  {t("order.down_payment_hint")}
                </p>
                <button type="submit" name="step" value="confirm" className="btn-primary" disabled={busy}>
                  {t("order.action.confirm")}
                </button>
              </Form>
            ) : null}
            <div className="flex flex-wrap gap-2">
              {order.actions.includes("start_production") ? (
                <OrderStepButton
                  step="start_production"
                  label={t("order.action.start_production")}
                  tone="secondary"
                  disabled={busy}
                />
              ) : null}
              {order.actions.includes("mark_received") ? (
                <OrderStepButton
                  step="mark_received"
                  label={t("order.action.group_delivered")}
                  disabled={busy}
                />
              ) : null}
            </div>
            {order.actions.includes("ship") ? (
              <Form method="post" className="space-y-2">
                <h3 className="font-medium">{t("order.ship_title")}</h3>
                <p className="text-sm text-stone-600">{t("order.ship_intro")}</p>
                <input type="hidden" name="intent" value="transition" />
                {order.items
                  .filter((item) => item.quantity > item.quantityShipped)
                  .map((item) => (
                    <div key={item.id}>
                      <label htmlFor={`ship-${item.id}`} className="block text-sm">
                        {t("order.ship_line", {
                          name: item.productName,
                          left: item.quantity - item.quantityShipped,
                          unit: t(UNIT_KEYS[item.unit]),
                        })}
                      </label>
                      <WholeNumberInput
                        id={`ship-${item.id}`}
                        name={`quantities.${item.id}`}
                        min={0}
                        max={item.quantity - item.quantityShipped}
                        defaultValue={item.quantity - item.quantityShipped}
                        className="w-32"
                      />
                    </div>
                  ))}
                <button type="submit" name="step" value="ship" className="btn-primary" disabled={busy}>
                  {t("order.action.ship")}
                </button>
              </Form>
            ) : null}
            {order.actions.includes("group_cancel") ? (
              <OrderReasonStep
                step="group_cancel"
                label={t("order.cancel_reason")}
                button={t("order.action.group_cancel")}
                disabled={busy}
              />
            ) : null}
            {order.actions.includes("reject") ? (
              <OrderReasonStep
                step="reject"
                label={t("order.reject_reason")}
                button={t("order.action.reject")}
                disabled={busy}
              />
            ) : null}
          </section>
        ) : null}
        {order.canPay && due > 0 ? (
          <section className="card" aria-labelledby="record-payment">
            <h2 id="record-payment" className="font-bold">
              {t("payment.record_title")}
            </h2>
            <p className="text-sm text-stone-600">{t("payment.record_intro", { due: formatRupiah(due) })}</p>
            <Form method="post" className="mt-3 space-y-3" {...getFormProps(paymentForm)}>
              <input type="hidden" name="intent" value="payment" />
              <input type="hidden" name="idempotencyKey" value={paymentKey} />
              <Field
                label={t("payment.amount")}
                htmlFor={paymentFields.amount.id}
                errorId={paymentFields.amount.errorId}
                errors={paymentFields.amount.errors}
              >
                <MoneyInput {...getInputProps(paymentFields.amount, { type: "text" })} />
              </Field>
              <Field
                label={t("payment.reference")}
                htmlFor={paymentFields.reference.id}
                errorId={paymentFields.reference.errorId}
                errors={paymentFields.reference.errors}
                hint={t("payment.reference_hint")}
              >
                <input
                  {...getInputProps(paymentFields.reference, { type: "text" })}
                  className="field-input"
                />
              </Field>
              <button type="submit" className="btn-primary" disabled={busy}>
                {t("payment.record_button")}
              </button>
            </Form>
          </section>
        ) : null}
      </OrderView>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
