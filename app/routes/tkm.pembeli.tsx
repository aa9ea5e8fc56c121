import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireTkmOfficer } from "~/.server/auth/guards";
import { listBusinessesInArea, setTempoTerms } from "~/.server/buyers/tempo-terms";
import { TERM_CHOICES } from "~/.server/orders/tempo";
import { readForm } from "~/.server/http/form";
import { FormErrors, MoneyInput, allErrors } from "~/components/forms";
import { TempoTermsSchema } from "~/forms/tempo";
import { useT } from "~/utils/i18n";
import { BUSINESS_KIND_KEYS } from "~/utils/labels";
import { pageTitle } from "~/utils/meta";
import { formatRupiah } from "~/utils/money";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "tempo.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const { team } = await requireTkmOfficer(request);
  return { team, businesses: await listBusinessesInArea(team.areaPath), termChoices: TERM_CHOICES };
}

export async function action({ request }: ActionFunctionArgs) {
  const { viewer, team } = await requireTkmOfficer(request);
  const submission = parseWithZod(await readForm(request), { schema: TempoTermsSchema });
  if (submission.status !== "success") return Response.json(submission.reply(), { status: 400 });
  const { businessId, verified, termDays, creditLimit } = submission.value;
  const saved = await setTempoTerms(team.areaPath, viewer.id, businessId, {
    verified: verified ?? false,
    termDays,
    creditLimit,
  });
  if (!saved) throw new Response("Not found", { status: 404 });
  return redirect("/tkm/pembeli");
}

export default function TempoTerms() {
  const t = useT();
  const { team, businesses, termChoices } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="space-y-4">
      <Link to="/tkm" className="link inline-flex min-h-11 items-center">
        ← {t("tkm.back")}
      </Link>
      <header>
        <h1 className="text-2xl font-bold">{t("tempo.title")}</h1>
        <p className="text-stone-600">{t("tempo.intro", { area: team.areaName })}</p>
      </header>
      <FormErrors errors={allErrors(lastResult)} />
      {businesses.length === 0 ? <p className="card text-stone-600">{t("tempo.none")}</p> : null}
      <ul className="space-y-3">
        {businesses.map((business) => (
          <li key={business.id} className="card space-y-2">
            <h2 className="font-bold">
              {business.name}
              <span className="block text-sm font-normal text-stone-600">
                {t(BUSINESS_KIND_KEYS[business.kind])} · {business.village.name}
              </span>
            </h2>
            <p className="text-sm">
              {t("tempo.outstanding", { amount: formatRupiah(business.outstanding) })}
              {business.overdue > 0 ? (
                <span className="ml-2 font-semibold text-red-800">
                  {t("tempo.overdue_count", { count: business.overdue })}
                </span>
              ) : null}
            </p>
            <Form method="post" className="grid gap-2 sm:grid-cols-4 sm:items-end">
              <input type="hidden" name="businessId" value={business.id} />
              <label className="flex min-h-11 items-center gap-2">
                <input
                  type="checkbox"
                  name="verified"
                  defaultChecked={business.verifiedAt !== null}
                  className="size-5"
                />
                {t("tempo.verified")}
              </label>
              <label className="text-sm">
                <span className="block">{t("tempo.term_days")}</span>
                <select
                  name="termDays"
                  defaultValue={business.paymentTermDays ? String(business.paymentTermDays) : ""}
                  className="field-input"
                >
                  <option value="">{t("tempo.no_terms")}</option>
                  {termChoices.map((days) => (
                    <option key={days} value={days}>
                      {t("tempo.days", { days })}
                    </option>
                  ))}
                </select>
              </label>
              <label className="text-sm">
                <span className="block">{t("tempo.credit_limit")}</span>
                <MoneyInput name="creditLimit" defaultValue={business.creditLimit} />
              </label>
              <button type="submit" className="btn-primary">
                {t("tempo.save")}
              </button>
            </Form>
          </li>
        ))}
      </ul>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
