import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireBuyer } from "~/.server/auth/guards";
import { invariantResponse } from "~/.server/http/responses";
import { getOrderForBusiness, transitionOrder } from "~/.server/orders/orders";
import { FormErrors } from "~/components/forms";
import { OrderStepButton, OrderView } from "~/components/order-view";
import { OrderActionSchema } from "~/forms/order";
import { useT } from "~/utils/i18n";
import { plainTitle } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? plainTitle(matches, data.order.number) : [];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { business } = await requireBuyer(request);
  const order = await getOrderForBusiness(business.id, params.number ?? "");
  invariantResponse(order);
  return { order };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, business } = await requireBuyer(request);
  const submission = parseWithZod(await request.formData(), { schema: OrderActionSchema });
  if (submission.status !== "success" || submission.value.intent !== "transition") {
    return Response.json(submission.reply({ formErrors: ["order.action_not_allowed"] }), { status: 400 });
  }
  const result = await transitionOrder(
    { party: "buyer", businessId: business.id },
    viewer.id,
    params.number ?? "",
    submission.value.step,
    submission.value.reason,
  );
  if (!result.ok) {
    if (result.message === "order.not_found") throw new Response("Not found", { status: 404 });
    return Response.json(submission.reply({ formErrors: [result.message] }), { status: 400 });
  }
  return redirect(`/pesanan/${params.number}`);
}

export default function BuyerOrder() {
  const t = useT();
  const { order } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <OrderView order={order} perspective="buyer">
      <FormErrors errors={lastResult?.error?.[""] ?? null} />
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
