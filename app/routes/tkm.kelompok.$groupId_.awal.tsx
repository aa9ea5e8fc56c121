import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireTkmOfficer } from "~/.server/auth/guards";
import { baselineHistory, recordBaseline } from "~/.server/groups/baseline";
import { readForm } from "~/.server/http/form";
import { getLang } from "~/.server/http/lang";
import { refusalResponse } from "~/.server/http/refusal";
import { invariantResponse } from "~/.server/http/responses";
import { Field, FormErrors, MoneyInput, typedValue } from "~/components/forms";
import { BASELINE_METHODS, BaselineSchema } from "~/forms/stewardship";
import { wibDateKey, wibNoon } from "~/utils/delivery";
import { useLang, useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { formatRupiah } from "~/utils/money";
import { formatDate } from "~/utils/time";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "stew.baseline.title");

// A group's baseline (pendapatan awal) for TKM: the newest first, every earlier one with the reason
// it was revised, and the form that records the first one or a revision.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { team } = await requireTkmOfficer(request);
  const history = await baselineHistory({ areaPath: team.areaPath, groupId: params.groupId ?? "" });
  invariantResponse(history);
  return { ...history, today: wibDateKey(new Date()) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, team } = await requireTkmOfficer(request);
  const submission = parseWithZod(await readForm(request), { schema: BaselineSchema });
  if (submission.status !== "success") return Response.json(submission.reply(), { status: 400 });
  const value = submission.value;
  const recorded = await recordBaseline(
    { areaPath: team.areaPath, groupId: params.groupId ?? "" },
    viewer.id,
    {
      monthlyIncome: value.monthlyIncome,
      method: value.method,
      note: value.note ?? "",
      measuredOn: wibNoon(value.measuredOn) as Date,
      reason: value.reason ?? "",
      basedOn: value.basedOn ?? "",
      households: value.households.flatMap((line) =>
        line.monthlyIncome === undefined
          ? []
          : [{ memberId: line.memberId, monthlyIncome: line.monthlyIncome }],
      ),
    },
  );
  if (!recorded.ok) return refusalResponse(submission.reply, recorded, await getLang(request));
  return redirect(`/tkm/kelompok/${params.groupId}/awal`);
}

const METHOD_KEYS = {
  SURVEY: "stew.baseline.method.SURVEY",
  INTERVIEW: "stew.baseline.method.INTERVIEW",
  RECORDS: "stew.baseline.method.RECORDS",
  ESTIMATE: "stew.baseline.method.ESTIMATE",
} as const;

export default function GroupBaseline() {
  const t = useT();
  const lang = useLang();
  const { group, baselines, current, today } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const errors = lastResult?.error ?? {};
  const busy = useNavigation().state === "submitting";
  const typedHousehold = (index: number) => typedValue(lastResult, `households[${index}].monthlyIncome`);
  return (
    <div className="space-y-4">
      <Link to={`/tkm/kelompok/${group.id}`} className="link inline-flex min-h-11 items-center">
        ← {group.name}
      </Link>
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">{t("stew.baseline.title")}</h1>
        <p className="text-stone-600">{t("stew.baseline.intro")}</p>
        <p className="font-medium">
          {current
            ? t("stew.baseline.current", { amount: formatRupiah(current.monthlyIncome) })
            : t("stew.baseline.none")}
        </p>
      </header>
      <FormErrors errors={errors[""] ?? null} />

      <Form method="post" className="card space-y-3">
        <h2 className="font-bold">{current ? t("stew.baseline.revise") : t("stew.baseline.record")}</h2>
        <input type="hidden" name="basedOn" value={current?.id ?? ""} />
        <Field
          label={t("stew.baseline.monthly_income")}
          htmlFor="b-income"
          errorId="b-income-error"
          errors={errors.monthlyIncome}
        >
          <MoneyInput
            id="b-income"
            name="monthlyIncome"
            required
            defaultValue={typedValue(lastResult, "monthlyIncome") ?? current?.monthlyIncome ?? ""}
            aria-invalid={errors.monthlyIncome?.length ? true : undefined}
            aria-describedby={errors.monthlyIncome?.length ? "b-income-error" : undefined}
          />
        </Field>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field
            label={t("stew.baseline.method")}
            htmlFor="b-method"
            errorId="b-method-error"
            errors={errors.method}
          >
            <select
              id="b-method"
              name="method"
              className="field-input"
              defaultValue={typedValue(lastResult, "method") ?? current?.method ?? "SURVEY"}
            >
              {BASELINE_METHODS.map((method) => (
                <option key={method} value={method}>
                  {t(METHOD_KEYS[method])}
                </option>
              ))}
            </select>
          </Field>
          <Field
            label={t("stew.baseline.measured_on")}
            htmlFor="b-date"
            errorId="b-date-error"
            errors={errors.measuredOn}
          >
            <input
              id="b-date"
              name="measuredOn"
              type="date"
              max={today}
              required
              className="field-input"
              defaultValue={
                typedValue(lastResult, "measuredOn") ??
                (current ? wibDateKey(new Date(current.measuredOn)) : today)
              }
            />
          </Field>
        </div>
        <Field label={t("stew.baseline.note")} htmlFor="b-note" errorId="b-note-error" errors={errors.note}>
          <input
            id="b-note"
            name="note"
            maxLength={300}
            className="field-input"
            defaultValue={typedValue(lastResult, "note") ?? ""}
          />
        </Field>
        {current ? (
          <Field
            label={t("stew.baseline.reason")}
            htmlFor="b-reason"
            errorId="b-reason-error"
            errors={errors.reason}
            hint={t("stew.baseline.reason_hint")}
          >
            <textarea
              id="b-reason"
              name="reason"
              rows={2}
              maxLength={300}
              required
              className="field-input"
              defaultValue={typedValue(lastResult, "reason") ?? ""}
              aria-invalid={errors.reason?.length ? true : undefined}
              aria-describedby={errors.reason?.length ? "b-reason-error" : undefined}
            />
          </Field>
        ) : null}
        {group.members.length > 0 ? (
          <fieldset className="space-y-2">
            <legend className="font-medium">{t("stew.baseline.households")}</legend>
            <p className="text-sm text-stone-600">{t("stew.baseline.households_hint")}</p>
            {group.members.map((member, index) => {
              const previous = current?.households.find((line) => line.memberId === member.id);
              const fieldErrors = errors[`households[${index}].monthlyIncome`];
              return (
                <div key={member.id} className="grid grid-cols-[1fr_9rem] items-center gap-2">
                  <input type="hidden" name={`households[${index}].memberId`} value={member.id} />
                  <label htmlFor={`h-${index}`} className="break-words text-sm">
                    {member.name}
                  </label>
                  <MoneyInput
                    id={`h-${index}`}
                    name={`households[${index}].monthlyIncome`}
                    defaultValue={typedHousehold(index) ?? previous?.monthlyIncome ?? ""}
                    aria-invalid={fieldErrors?.length ? true : undefined}
                  />
                  {fieldErrors?.length ? (
                    <div className="col-span-2">
                      <FormErrors errors={fieldErrors} />
                    </div>
                  ) : null}
                </div>
              );
            })}
            <FormErrors errors={errors.households ?? null} />
          </fieldset>
        ) : null}
        <button type="submit" className="btn-primary" disabled={busy}>
          {current ? t("stew.baseline.revise") : t("stew.baseline.record")}
        </button>
      </Form>

      <section className="card space-y-2" aria-labelledby="b-history">
        <h2 id="b-history" className="font-bold">
          {t("stew.baseline.history")}
        </h2>
        {baselines.length === 0 ? (
          <p className="text-stone-600">{t("stew.baseline.none")}</p>
        ) : (
          <ol className="divide-y divide-stone-100">
            {baselines.map((baseline) => (
              <li key={baseline.id} className="space-y-1 py-2 text-sm">
                <p className="font-medium">
                  {t("stew.baseline.entry", {
                    amount: formatRupiah(baseline.monthlyIncome),
                    method: t(METHOD_KEYS[baseline.method]),
                    date: formatDate(baseline.measuredOn, lang),
                  })}
                </p>
                <p className="break-words text-stone-700">
                  {baseline.reason
                    ? `${t("stew.baseline.reason")}: ${baseline.reason}`
                    : t("stew.baseline.first")}
                </p>
                {baseline.note ? <p className="break-words text-stone-600">{baseline.note}</p> : null}
                {baseline.households.length > 0 ? (
                  <ul className="text-stone-600">
                    {baseline.households.map((line) => (
                      <li key={line.id}>
                        {line.label}: {formatRupiah(line.monthlyIncome)}
                      </li>
                    ))}
                  </ul>
                ) : null}
                <p className="text-stone-500">
                  {t("stew.baseline.recorded", {
                    date: formatDate(baseline.createdAt, lang),
                    name: baseline.recordedBy?.name ?? "—",
                  })}
                </p>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
