import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireBuyer } from "~/.server/auth/guards";
import { listPlacementsForBusiness, reportConsignment } from "~/.server/consignment/consignment";
import { readForm } from "~/.server/http/form";
import { ConsignmentLedger } from "~/components/consignment-ledger";
import { FormErrors, WholeNumberInput, allErrors } from "~/components/forms";
import { ReportConsignmentSchema } from "~/forms/consignment";
import { encodeMessage, useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "consignment.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const { business } = await requireBuyer(request);
  return { business, placements: await listPlacementsForBusiness(business.id) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { viewer, business } = await requireBuyer(request);
  const submission = parseWithZod(await readForm(request), { schema: ReportConsignmentSchema });
  if (submission.status !== "success") return Response.json(submission.reply(), { status: 400 });
  const { placementId, quantitySold, quantityReturned } = submission.value;
  const result = await reportConsignment(business.id, viewer.id, placementId, {
    quantitySold,
    quantityReturned,
  });
  if (!result.ok) {
    if (result.key === "consignment.not_found") throw new Response("Not found", { status: 404 });
    return Response.json(submission.reply({ formErrors: [encodeMessage(result.key, result.params)] }), {
      status: 400,
    });
  }
  return redirect("/konsinyasi");
}

export default function ShopConsignment() {
  const t = useT();
  const { business, placements } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <div className="space-y-4">
      <Link to="/pesanan" className="link inline-flex min-h-11 items-center">
        ← {t("orders.title")}
      </Link>
      <header>
        <h1 className="text-2xl font-bold">{t("consignment.title")}</h1>
        <p className="text-stone-600">{t("consignment.intro_shop", { business: business.name })}</p>
      </header>
      <FormErrors errors={allErrors(lastResult)} />
      {placements.length === 0 ? <p className="card text-stone-600">{t("consignment.none_shop")}</p> : null}
      {placements.map((placement) => (
        <ConsignmentLedger key={placement.id} placement={placement} perspective="buyer">
          {placement.closedAt ? null : (
            <Form
              method="post"
              className="grid gap-2 border-t border-stone-200 pt-2 sm:grid-cols-3 sm:items-end"
            >
              <input type="hidden" name="placementId" value={placement.id} />
              <label className="text-sm">
                <span className="block">{t("consignment.sold_this_period")}</span>
                <WholeNumberInput name="quantitySold" min={0} max={placement.atShop} defaultValue={0} />
              </label>
              <label className="text-sm">
                <span className="block">{t("consignment.returned_this_period")}</span>
                <WholeNumberInput name="quantityReturned" min={0} max={placement.atShop} defaultValue={0} />
              </label>
              <button type="submit" className="btn-primary" disabled={busy}>
                {t("consignment.report")}
              </button>
            </Form>
          )}
        </ConsignmentLedger>
      ))}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
