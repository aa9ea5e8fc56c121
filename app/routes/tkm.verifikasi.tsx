import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireTkmOfficer } from "~/.server/auth/guards";
import { changeStanding, verificationQueue } from "~/.server/groups/verification";
import { readForm } from "~/.server/http/form";
import { getLang } from "~/.server/http/lang";
import { refusalResponse } from "~/.server/http/refusal";
import { Field, FormErrors, typedValue } from "~/components/forms";
import { StandingForms } from "~/components/standing";
import { StandingChoiceSchema } from "~/forms/stewardship";
import { useLang, useT } from "~/utils/i18n";
import { BUSINESS_KIND_KEYS } from "~/utils/labels";
import { pageTitle } from "~/utils/meta";
import { formatDate } from "~/utils/time";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "stew.verify.title");

// TKM's verification desk: groups and businesses of the area awaiting verification or suspended,
// each with its forms; and any other one of them can be suspended from here with a reason.

export async function loader({ request }: LoaderFunctionArgs) {
  const { team } = await requireTkmOfficer(request);
  return { areaName: team.areaName, ...(await verificationQueue({ areaPath: team.areaPath })) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { viewer, team } = await requireTkmOfficer(request);
  const submission = parseWithZod(await readForm(request), { schema: StandingChoiceSchema });
  if (submission.status !== "success") return Response.json(submission.reply(), { status: 400 });
  const { entity, id, action, reason } = submission.value;
  const changed = await changeStanding({ areaPath: team.areaPath }, viewer.id, {
    entity,
    id,
    action,
    reason: reason ?? "",
  });
  if (!changed.ok) return refusalResponse(submission.reply, changed, await getLang(request));
  return redirect("/tkm/verifikasi");
}

export default function Verification() {
  const t = useT();
  const lang = useLang();
  const { areaName, groups, businesses, activeGroups, activeBusinesses } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  // The "suspend another" form names its choice as `target`; the others carry `id`.
  const otherErrors = typeof lastResult?.initialValue?.target === "string" ? lastResult : undefined;
  const pickedOther = otherErrors !== undefined;
  return (
    <div className="space-y-4">
      <Link to="/tkm" className="link inline-flex min-h-11 items-center">
        ← {t("tkm.back")}
      </Link>
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">{t("stew.verify.title")}</h1>
        <p className="text-stone-600">{t("stew.verify.intro", { area: areaName })}</p>
      </header>

      <section className="space-y-3" aria-labelledby="v-groups">
        <h2 id="v-groups" className="text-xl font-bold">
          {t("stew.verify.groups")}
        </h2>
        {groups.length === 0 ? <p className="card text-stone-600">{t("stew.verify.none_groups")}</p> : null}
        {groups.map((group) => (
          <div key={group.id} className="space-y-1">
            <h3 className="font-semibold">
              <Link to={`/tkm/kelompok/${group.id}`} className="link inline-flex min-h-11 items-center">
                {group.name}
              </Link>
              <span className="block text-sm font-normal text-stone-600">
                {group.village.name} ·{" "}
                {t("stew.verify.registered_on", { date: formatDate(group.createdAt, lang) })}
              </span>
            </h3>
            <StandingForms
              entity="group"
              id={group.id}
              name={group.name}
              standing={group}
              lastResult={lastResult}
              titled={false}
            />
          </div>
        ))}
      </section>

      <section className="space-y-3" aria-labelledby="v-businesses">
        <h2 id="v-businesses" className="text-xl font-bold">
          {t("stew.verify.businesses")}
        </h2>
        {businesses.length === 0 ? (
          <p className="card text-stone-600">{t("stew.verify.none_businesses")}</p>
        ) : null}
        {businesses.map((business) => (
          <div key={business.id} className="space-y-1">
            <h3 className="font-semibold">
              {business.name}
              <span className="block text-sm font-normal text-stone-600">
                {t(BUSINESS_KIND_KEYS[business.kind])} · {business.village.name} ·{" "}
                {t("stew.verify.registered_on", { date: formatDate(business.createdAt, lang) })}
              </span>
            </h3>
            <StandingForms
              entity="business"
              id={business.id}
              name={business.name}
              standing={business}
              lastResult={lastResult}
              titled={false}
            />
          </div>
        ))}
      </section>

      {activeGroups.length + activeBusinesses.length > 0 ? (
        <details className="card" open={pickedOther}>
          <summary className="flex min-h-11 cursor-pointer items-center font-bold">
            {t("stew.verify.suspend_other")}
          </summary>
          <Form method="post" className="mt-2 space-y-3">
            <input type="hidden" name="intent" value="standing" />
            <input type="hidden" name="action" value="suspend" />
            <FormErrors errors={pickedOther ? (otherErrors?.error?.[""] ?? null) : null} />
            <Field label={t("stew.verify.which")} htmlFor="o-which" errorId="o-which-error">
              <select
                id="o-which"
                name="target"
                className="field-input"
                defaultValue={pickedOther ? typedValue(otherErrors, "target") : undefined}
              >
                <optgroup label={t("stew.verify.groups")}>
                  {activeGroups.map((group) => (
                    <option key={group.id} value={`group:${group.id}`}>
                      {group.name}
                    </option>
                  ))}
                </optgroup>
                <optgroup label={t("stew.verify.businesses")}>
                  {activeBusinesses.map((business) => (
                    <option key={business.id} value={`business:${business.id}`}>
                      {business.name}
                    </option>
                  ))}
                </optgroup>
              </select>
            </Field>
            <Field
              label={t("stew.standing.reason")}
              htmlFor="o-reason"
              errorId="o-reason-error"
              errors={pickedOther ? otherErrors?.error?.reason : null}
              hint={t("stew.standing.reason_hint")}
            >
              <textarea id="o-reason" name="reason" rows={2} maxLength={300} className="field-input" />
            </Field>
            <button type="submit" className="btn-secondary" disabled={busy}>
              {t("stew.standing.suspend")}
            </button>
          </Form>
        </details>
      ) : null}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
