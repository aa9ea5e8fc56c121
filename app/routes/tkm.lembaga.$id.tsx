import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireTkmOfficer } from "~/.server/auth/guards";
import { readForm } from "~/.server/http/form";
import { getLang } from "~/.server/http/lang";
import { refusalResponse } from "~/.server/http/refusal";
import { invariantResponse } from "~/.server/http/responses";
import {
  institutionAreaChoices,
  institutionInArea,
  updateInstitution,
} from "~/.server/institutions/institutions";
import { correctSupport, removeSupport, supportsOfInstitution } from "~/.server/institutions/support";
import { Field, FormErrors, MoneyInput } from "~/components/forms";
import { InstitutionFields, SupportList, type SupportItem } from "~/components/institutions";
import { InstitutionPageSchema } from "~/forms/institutions";
import { wibDateKey } from "~/utils/delivery";
import { amountRule, INSTITUTION_KIND_KEYS } from "~/utils/institutions";
import { useT } from "~/utils/i18n";
import { plainTitle } from "~/utils/meta";
import { formatRupiah } from "~/utils/money";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? plainTitle(matches, data.institution.name) : [];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { team } = await requireTkmOfficer(request);
  const tenant = { areaPath: team.areaPath };
  // An institution of another area is answered exactly like one that does not exist.
  const institution = await institutionInArea(tenant, params.id ?? "");
  invariantResponse(institution);
  const [supports, areas] = await Promise.all([
    supportsOfInstitution(tenant, institution.id),
    institutionAreaChoices(tenant),
  ]);
  const url = new URL(request.url);
  return {
    institution,
    supports,
    areas,
    today: wibDateKey(new Date()),
    saved: url.searchParams.get("tersimpan"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, team } = await requireTkmOfficer(request);
  const tenant = { areaPath: team.areaPath };
  const institution = await institutionInArea(tenant, params.id ?? "");
  invariantResponse(institution);
  const submission = parseWithZod(await readForm(request), { schema: InstitutionPageSchema });
  if (submission.status !== "success") return Response.json(submission.reply(), { status: 400 });
  const value = submission.value;
  const result =
    value.intent === "edit"
      ? await updateInstitution(tenant, viewer.id, institution.id, value)
      : value.intent === "correct"
        ? await correctSupport(tenant, viewer.id, { ...value, amount: value.amount ?? null })
        : await removeSupport(tenant, viewer.id, value);
  if (!result.ok) return refusalResponse(submission.reply, result, await getLang(request));
  const saved = value.intent === "edit" ? "lembaga" : value.intent === "correct" ? "koreksi" : "hapus";
  return redirect(`/tkm/lembaga/${institution.id}?tersimpan=${saved}`);
}

type Reply = { initialValue?: Record<string, unknown> | null; error?: Record<string, string[] | null> };

const SAVED_KEYS = {
  lembaga: "inst.saved_institution",
  dukungan: "inst.saved_support",
  sama: "inst.saved_duplicate",
  koreksi: "inst.saved_correction",
  hapus: "inst.saved_removal",
} as const;

export default function InstitutionPage() {
  const t = useT();
  const { institution, supports, areas, today, saved } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>() as Reply | undefined;
  const busy = useNavigation().state === "submitting";
  const intent = lastResult?.initialValue?.intent;
  const supportId = lastResult?.initialValue?.supportId;
  const savedKey = saved && saved in SAVED_KEYS ? SAVED_KEYS[saved as keyof typeof SAVED_KEYS] : null;
  const aid = supports.filter((s) => s.kind === "AID_MONEY").reduce((sum, s) => sum + (s.amount ?? 0), 0);
  return (
    <div className="space-y-4">
      <Link to="/tkm/lembaga" className="link inline-flex min-h-11 items-center">
        ← {t("inst.back")}
      </Link>
      {savedKey ? (
        <p role="status" className="rounded-lg border border-brand-600 bg-brand-50 p-3 text-brand-800">
          {t(savedKey)}
        </p>
      ) : null}
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">{institution.name}</h1>
        <p className="text-stone-600">
          {t(INSTITUTION_KIND_KEYS[institution.kind])} · {institution.area.name}
        </p>
        {institution.contact ? <p>{institution.contact}</p> : null}
        <p className="text-sm">
          {t("inst.gave_count", { count: supports.length })}
          {aid > 0 ? ` · ${t("inst.aid_total", { amount: formatRupiah(aid) })}` : ""}
        </p>
        <p className="flex flex-wrap gap-2 pt-2">
          <Link to={`/tkm/dukungan/baru?lembaga=${institution.id}`} className="btn-primary">
            {t("inst.record_support")}
          </Link>
        </p>
      </header>

      <details className="card" open={intent === "edit"}>
        <summary className="flex min-h-11 cursor-pointer items-center font-bold">{t("inst.edit")}</summary>
        <Form method="post" className="mt-2 space-y-3">
          <input type="hidden" name="intent" value="edit" />
          <FormErrors errors={intent === "edit" ? (lastResult?.error?.[""] ?? null) : null} />
          <InstitutionFields
            areas={areas}
            lastResult={intent === "edit" ? lastResult : undefined}
            initial={{
              name: institution.name,
              kind: institution.kind,
              areaId: institution.areaId,
              contact: institution.contact,
            }}
          />
          <button type="submit" className="btn-primary" disabled={busy}>
            {t("inst.save")}
          </button>
        </Form>
      </details>

      <section aria-labelledby="gave" className="space-y-2">
        <h2 id="gave" className="text-xl font-bold">
          {t("inst.supports")}
        </h2>
        <SupportList
          supports={supports}
          showInstitution={false}
          empty={t("inst.no_support_here")}
          actions={(support) => (
            <SupportActions
              support={support}
              today={today}
              busy={busy}
              lastResult={supportId === support.id ? lastResult : undefined}
            />
          )}
        />
      </section>
    </div>
  );
}

/** A support's two fold-out forms: correct it (with a reason) or remove it (with a reason). */
function SupportActions({
  support,
  today,
  busy,
  lastResult,
}: {
  support: SupportItem;
  today: string;
  busy: boolean;
  lastResult?: Reply;
}) {
  const t = useT();
  const errors = lastResult?.error ?? {};
  const intent = lastResult?.initialValue?.intent;
  const typed = (name: string) => {
    const value = lastResult?.initialValue?.[name];
    return typeof value === "string" ? value : undefined;
  };
  const prefix = `support-${support.id}`;
  const rule = amountRule(support.kind);
  return (
    <div className="flex flex-col gap-1 pt-1">
      <details open={intent === "correct"}>
        <summary className="link inline-flex min-h-11 cursor-pointer items-center">
          {t("inst.correct")}
        </summary>
        <Form method="post" className="space-y-3 pt-2">
          <input type="hidden" name="intent" value="correct" />
          <input type="hidden" name="supportId" value={support.id} />
          <FormErrors errors={intent === "correct" ? (errors[""] ?? null) : null} />
          <Field
            label={t("inst.title_field")}
            htmlFor={`${prefix}-title`}
            errorId={`${prefix}-title-error`}
            errors={errors.title}
          >
            <input
              id={`${prefix}-title`}
              name="title"
              className="field-input"
              maxLength={160}
              required
              defaultValue={typed("title") ?? support.title}
              aria-describedby={`${prefix}-title-error`}
            />
          </Field>
          <Field
            label={t("inst.date")}
            htmlFor={`${prefix}-date`}
            errorId={`${prefix}-date-error`}
            errors={errors.date}
          >
            <input
              id={`${prefix}-date`}
              name="date"
              type="date"
              className="field-input"
              max={today}
              required
              defaultValue={typed("date") ?? wibDateKey(new Date(support.date))}
              aria-describedby={`${prefix}-date-error`}
            />
          </Field>
          {rule !== "refused" ? (
            <Field
              label={t("inst.amount")}
              htmlFor={`${prefix}-amount`}
              errorId={`${prefix}-amount-error`}
              errors={errors.amount}
              hint={support.cashEntryId ? t("inst.correct_book_hint") : undefined}
            >
              <MoneyInput
                id={`${prefix}-amount`}
                name="amount"
                required={rule === "required"}
                defaultValue={typed("amount") ?? (support.amount !== null ? String(support.amount) : "")}
                aria-describedby={`${prefix}-amount-error`}
              />
            </Field>
          ) : null}
          <Field
            label={t("inst.note")}
            htmlFor={`${prefix}-note`}
            errorId={`${prefix}-note-error`}
            errors={errors.note}
          >
            <input
              id={`${prefix}-note`}
              name="note"
              className="field-input"
              maxLength={500}
              defaultValue={typed("note") ?? support.note}
              aria-describedby={`${prefix}-note-error`}
            />
          </Field>
          <Field
            label={t("inst.reason")}
            htmlFor={`${prefix}-reason`}
            errorId={`${prefix}-reason-error`}
            errors={intent === "correct" ? errors.reason : undefined}
          >
            <input
              id={`${prefix}-reason`}
              name="reason"
              className="field-input"
              maxLength={300}
              required
              defaultValue={intent === "correct" ? typed("reason") : undefined}
              aria-describedby={`${prefix}-reason-error`}
            />
          </Field>
          <button type="submit" className="btn-primary" disabled={busy}>
            {t("inst.correct_submit")}
          </button>
        </Form>
      </details>
      <details open={intent === "remove"}>
        <summary className="link inline-flex min-h-11 cursor-pointer items-center text-red-700">
          {t("inst.remove")}
        </summary>
        <Form method="post" className="space-y-3 pt-2">
          <input type="hidden" name="intent" value="remove" />
          <input type="hidden" name="supportId" value={support.id} />
          <p className="text-sm text-stone-600">
            {t(support.cashEntryId ? "inst.remove_book_hint" : "inst.remove_hint")}
          </p>
          <FormErrors errors={intent === "remove" ? (errors[""] ?? null) : null} />
          <Field
            label={t("inst.reason")}
            htmlFor={`${prefix}-remove-reason`}
            errorId={`${prefix}-remove-reason-error`}
            errors={intent === "remove" ? errors.reason : undefined}
          >
            <input
              id={`${prefix}-remove-reason`}
              name="reason"
              className="field-input"
              maxLength={300}
              required
              aria-describedby={`${prefix}-remove-reason-error`}
            />
          </Field>
          <button type="submit" className="btn-danger" disabled={busy}>
            {t("inst.remove_submit")}
          </button>
        </Form>
      </details>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
