import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireGroupManager } from "~/.server/auth/guards";
import { readForm } from "~/.server/http/form";
import {
  confirmConsignmentPayment,
  consignmentFormOptions,
  listPlacementsForGroup,
  placeConsignment,
} from "~/.server/consignment/consignment";
import { ConsignmentLedger } from "~/components/consignment-ledger";
import { Field, FormErrors, MoneyInput, typedValue, WholeNumberInput } from "~/components/forms";
import { GroupConsignmentSchema } from "~/forms/consignment";
import { encodeMessage, useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "consignment.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const { group } = await requireGroupManager(request);
  const [placements, options] = await Promise.all([
    listPlacementsForGroup(group.id),
    consignmentFormOptions(group.id),
  ]);
  return { group, placements, ...options };
}

export async function action({ request }: ActionFunctionArgs) {
  const { viewer, group } = await requireGroupManager(request);
  const submission = parseWithZod(await readForm(request), { schema: GroupConsignmentSchema });
  if (submission.status !== "success") return Response.json(submission.reply(), { status: 400 });
  const result =
    submission.value.intent === "place"
      ? await placeConsignment(group.id, viewer.id, submission.value)
      : await confirmConsignmentPayment(group.id, viewer.id, submission.value.reportId);
  if (!result.ok) {
    return Response.json(submission.reply({ formErrors: [encodeMessage(result.key, result.params)] }), {
      status: 400,
    });
  }
  return redirect("/kelola/konsinyasi");
}

export default function GroupConsignment() {
  const t = useT();
  const { placements, products, businesses } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors = lastResult?.error ?? {};
  return (
    <div className="space-y-4">
      <Link to="/kelola" className="link inline-flex min-h-11 items-center">
        ← {t("manage.back")}
      </Link>
      <header>
        <h1 className="text-2xl font-bold">{t("consignment.title")}</h1>
        <p className="text-stone-600">{t("consignment.intro_group")}</p>
      </header>
      <FormErrors errors={errors[""] ?? null} />
      <details className="card" open={placements.length === 0}>
        <summary className="flex min-h-11 cursor-pointer items-center font-bold">
          {t("consignment.new")}
        </summary>
        <Form method="post" className="mt-2 space-y-3">
          <input type="hidden" name="intent" value="place" />
          <Field
            label={t("order.product")}
            htmlFor="c-product"
            errorId="c-product-error"
            errors={errors.productId}
          >
            <select
              id="c-product"
              name="productId"
              className="field-input"
              defaultValue={typedValue(lastResult, "productId")}
              required
            >
              <option value="">{t("form.choose")}</option>
              {products.map((product) => (
                <option key={product.id} value={product.id}>
                  {product.name}
                  {product.supplyMode === "READY_STOCK" ? ` (${t("product.stock")}: ${product.stock})` : ""}
                </option>
              ))}
            </select>
          </Field>
          <Field
            label={t("consignment.shop")}
            htmlFor="c-business"
            errorId="c-business-error"
            errors={errors.businessId}
          >
            <select
              id="c-business"
              name="businessId"
              className="field-input"
              defaultValue={typedValue(lastResult, "businessId")}
              required
            >
              <option value="">{t("form.choose")}</option>
              {businesses.map((business) => (
                <option key={business.id} value={business.id}>
                  {business.name}
                </option>
              ))}
            </select>
          </Field>
          <div className="grid gap-3 sm:grid-cols-3">
            <Field
              label={t("consignment.quantity")}
              htmlFor="c-qty"
              errorId="c-qty-error"
              errors={errors.quantity}
            >
              <WholeNumberInput
                id="c-qty"
                name="quantity"
                min={1}
                defaultValue={typedValue(lastResult, "quantity")}
                required
              />
            </Field>
            <Field
              label={t("consignment.unit_price")}
              htmlFor="c-price"
              errorId="c-price-error"
              errors={errors.unitPrice}
            >
              <MoneyInput
                id="c-price"
                name="unitPrice"
                defaultValue={typedValue(lastResult, "unitPrice")}
                required
              />
            </Field>
            <Field
              label={t("consignment.commission")}
              htmlFor="c-pct"
              errorId="c-pct-error"
              errors={errors.commissionPct}
            >
              <WholeNumberInput
                id="c-pct"
                name="commissionPct"
                min={0}
                max={90}
                defaultValue={typedValue(lastResult, "commissionPct") ?? 20}
                required
              />
            </Field>
          </div>
          <button type="submit" className="btn-primary" disabled={busy}>
            {t("consignment.place")}
          </button>
        </Form>
      </details>
      {placements.length === 0 ? <p className="card text-stone-600">{t("consignment.none_group")}</p> : null}
      {placements.map((placement) => (
        <ConsignmentLedger
          key={placement.id}
          placement={placement}
          perspective="group"
          reportAction={(reportId) => (
            <Form method="post">
              <input type="hidden" name="intent" value="paid" />
              <input type="hidden" name="reportId" value={reportId} />
              <button type="submit" className="btn-secondary" disabled={busy}>
                {t("consignment.money_received")}
              </button>
            </Form>
          )}
        />
      ))}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
