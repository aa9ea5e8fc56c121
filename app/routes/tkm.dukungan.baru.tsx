import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireTkmOfficer } from "~/.server/auth/guards";
import { readForm } from "~/.server/http/form";
import { getLang } from "~/.server/http/lang";
import { refusalResponse } from "~/.server/http/refusal";
import { areaGroups } from "~/.server/institutions/institutions";
import { institutionChoices, recordSupport } from "~/.server/institutions/support";
import { newIdempotencyKey } from "~/.server/payments/record";
import { Field, FormErrors, MoneyInput, typedValue } from "~/components/forms";
import { SupportSchema } from "~/forms/institutions";
import { wibDateKey } from "~/utils/delivery";
import { INSTITUTION_KIND_KEYS, SUPPORT_KIND_KEYS, SUPPORT_KINDS } from "~/utils/institutions";
import { useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "inst.record_support");

export async function loader({ request }: LoaderFunctionArgs) {
  const { team } = await requireTkmOfficer(request);
  const tenant = { areaPath: team.areaPath };
  const [institutions, groups] = await Promise.all([institutionChoices(tenant), areaGroups(tenant)]);
  const url = new URL(request.url);
  const wanted = url.searchParams.get("lembaga");
  const group = url.searchParams.get("kelompok");
  return {
    institutions,
    groups,
    chosen: {
      institutionId: institutions.some((i) => i.id === wanted) ? wanted : null,
      groupId: groups.some((g) => g.id === group) ? group : null,
    },
    formKey: newIdempotencyKey(),
    today: wibDateKey(new Date()),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { viewer, team } = await requireTkmOfficer(request);
  const submission = parseWithZod(await readForm(request), { schema: SupportSchema });
  if (submission.status !== "success") return Response.json(submission.reply(), { status: 400 });
  const value = submission.value;
  const result = await recordSupport({ areaPath: team.areaPath }, viewer.id, {
    ...value,
    amount: value.amount ?? null,
  });
  if (!result.ok) return refusalResponse(submission.reply, result, await getLang(request));
  return redirect(`/tkm/lembaga/${value.institutionId}?tersimpan=${result.duplicate ? "sama" : "dukungan"}`);
}

export default function NewSupport() {
  const t = useT();
  const { institutions, groups, chosen, formKey, today } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors = lastResult?.error ?? {};
  const typed = (name: string) => typedValue(lastResult, name);
  return (
    <div className="space-y-4">
      <Link to="/tkm/lembaga" className="link inline-flex min-h-11 items-center">
        ← {t("inst.back")}
      </Link>
      <header>
        <h1 className="text-2xl font-bold">{t("inst.record_support")}</h1>
        <p className="text-stone-600">{t("inst.record_intro")}</p>
      </header>
      {institutions.length === 0 || groups.length === 0 ? (
        <p className="card text-stone-600">
          {t(institutions.length === 0 ? "inst.need_institution" : "inst.need_group")}{" "}
          {institutions.length === 0 ? (
            <Link to="/tkm/lembaga/baru" className="link">
              {t("inst.add")}
            </Link>
          ) : null}
        </p>
      ) : (
        <Form method="post" className="card space-y-3">
          <input type="hidden" name="formKey" value={formKey} />
          <FormErrors errors={errors[""] ?? null} />
          <Field
            label={t("inst.institution")}
            htmlFor="support-institution"
            errorId="support-institution-error"
            errors={errors.institutionId}
          >
            <select
              id="support-institution"
              name="institutionId"
              className="field-input"
              required
              defaultValue={typed("institutionId") ?? chosen.institutionId ?? ""}
              aria-describedby="support-institution-error"
            >
              <option value="">{t("form.choose")}</option>
              {institutions.map((institution) => (
                <option key={institution.id} value={institution.id}>
                  {institution.name} ({t(INSTITUTION_KIND_KEYS[institution.kind])})
                </option>
              ))}
            </select>
          </Field>
          <Field
            label={t("inst.group")}
            htmlFor="support-group"
            errorId="support-group-error"
            errors={errors.groupId}
          >
            <select
              id="support-group"
              name="groupId"
              className="field-input"
              required
              defaultValue={typed("groupId") ?? chosen.groupId ?? ""}
              aria-describedby="support-group-error"
            >
              <option value="">{t("form.choose")}</option>
              {groups.map((group) => (
                <option key={group.id} value={group.id}>
                  {group.name} — {group.village.name}
                </option>
              ))}
            </select>
          </Field>
          <Field
            label={t("inst.support_kind")}
            htmlFor="support-kind"
            errorId="support-kind-error"
            errors={errors.kind}
          >
            <select
              id="support-kind"
              name="kind"
              className="field-input"
              required
              defaultValue={typed("kind") ?? ""}
              aria-describedby="support-kind-error"
            >
              <option value="">{t("form.choose")}</option>
              {SUPPORT_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(SUPPORT_KIND_KEYS[kind])}
                </option>
              ))}
            </select>
          </Field>
          <Field
            label={t("inst.title_field")}
            htmlFor="support-title"
            errorId="support-title-error"
            errors={errors.title}
            hint={t("inst.title_hint")}
          >
            <input
              id="support-title"
              name="title"
              className="field-input"
              maxLength={160}
              required
              defaultValue={typed("title")}
              aria-describedby="support-title-error"
            />
          </Field>
          <div className="grid gap-3 sm:grid-cols-2">
            <Field
              label={t("inst.date")}
              htmlFor="support-date"
              errorId="support-date-error"
              errors={errors.date}
            >
              <input
                id="support-date"
                name="date"
                type="date"
                className="field-input"
                max={today}
                required
                defaultValue={typed("date") ?? today}
                aria-describedby="support-date-error"
              />
            </Field>
            <Field
              label={t("inst.amount")}
              htmlFor="support-amount"
              errorId="support-amount-error"
              errors={errors.amount}
              hint={t("inst.amount_hint")}
            >
              <MoneyInput
                id="support-amount"
                name="amount"
                defaultValue={typed("amount")}
                aria-describedby="support-amount-error"
              />
            </Field>
          </div>
          <Field
            label={t("inst.note")}
            htmlFor="support-note"
            errorId="support-note-error"
            errors={errors.note}
          >
            <textarea
              id="support-note"
              name="note"
              className="field-input"
              rows={2}
              maxLength={500}
              defaultValue={typed("note")}
              aria-describedby="support-note-error"
            />
          </Field>
          <button type="submit" className="btn-primary" disabled={busy}>
            {t("inst.record_submit")}
          </button>
        </Form>
      )}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
