import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireBuyer } from "~/.server/auth/guards";
import { invariantResponse } from "~/.server/http/responses";
import { publicOrigin } from "~/.server/http/origin";
import { getOrderForBusiness, transitionOrder } from "~/.server/orders/orders";
import { canRecordPayment } from "~/.server/orders/state";
import { reconcileOrderCardPayments, startCardPayment } from "~/.server/payments/card";
import { cardProvider } from "~/.server/payments/stripe";
import { FormErrors } from "~/components/forms";
import { OrderStepButton, OrderView } from "~/components/order-view";
import { BuyerOrderActionSchema } from "~/forms/order";
import { useT } from "~/utils/i18n";
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
  const submission = parseWithZod(await request.formData(), { schema: BuyerOrderActionSchema });
  if (submission.status !== "success") {
    return Response.json(submission.reply({ formErrors: ["order.action_not_allowed"] }), { status: 400 });
  }
  if (submission.value.intent === "card") {
    const returnUrl = `${publicOrigin(request)}/pesanan/${params.number}`;
    const started = await startCardPayment(business.id, params.number ?? "", returnUrl, viewer.email);
    if (!started.ok) {
      if (started.key === "order.not_found") throw new Response("Not found", { status: 404 });
      return Response.json(submission.reply({ formErrors: [started.key] }), { status: 400 });
    }
    return redirect(started.url);
  }
  const result = await transitionOrder(
    { party: "buyer", businessId: business.id },
    viewer.id,
    params.number ?? "",
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
  const { order, card, canPayByCard } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <OrderView order={order} perspective="buyer">
      <FormErrors errors={lastResult?.error?.[""] ?? null} />
      {card ? (
        <p role="status" className="rounded-lg border border-brand-600 bg-brand-50 p-3 text-brand-800">
          {card === "batal"
            ? t("payment.card_cancelled")
            : order.paymentStatus === "PAID"
              ? t("payment.card_paid")
              : t("payment.card_waiting")}
        </p>
      ) : null}
      {canPayByCard ? (
        <Form method="post">
          <input type="hidden" name="intent" value="card" />
          <button type="submit" className="btn-primary w-full sm:w-auto">
            {t("payment.pay_by_card", { amount: formatRupiah(order.total - order.amountPaid) })}
          </button>
        </Form>
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
    </OrderView>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
