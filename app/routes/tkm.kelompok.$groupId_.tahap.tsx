import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireTkmOfficer } from "~/.server/auth/guards";
import { decideStage, stageOverview } from "~/.server/groups/stage";
import { STAGE_THRESHOLDS } from "~/.server/groups/stage-rule";
import { readForm } from "~/.server/http/form";
import { getLang } from "~/.server/http/lang";
import { refusalResponse } from "~/.server/http/refusal";
import { invariantResponse } from "~/.server/http/responses";
import { Field, FormErrors, typedValue } from "~/components/forms";
import { StageCriteria } from "~/components/stage-criteria";
import { GROUP_STAGES, StageSchema } from "~/forms/stewardship";
import { useLang, useT } from "~/utils/i18n";
import { GROUP_STAGE_KEYS } from "~/utils/labels";
import { pageTitle } from "~/utils/meta";
import { formatDate, formatMonth } from "~/utils/time";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "stew.stage.title");

// The group's Kemensos stage for TKM: what the rule says and why, criterion by criterion; confirm
// it, or choose another stage with a reason; and every decision so far.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { team } = await requireTkmOfficer(request);
  const overview = await stageOverview({ areaPath: team.areaPath, groupId: params.groupId ?? "" });
  invariantResponse(overview);
  return {
    groupId: params.groupId ?? "",
    name: overview.name,
    stage: overview.stage,
    verdict: overview.verdict,
    facts: overview.facts,
    months: overview.window.months,
    history: overview.history,
    minDeliveries: STAGE_THRESHOLDS.MAJU.minDeliveries,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, team } = await requireTkmOfficer(request);
  const submission = parseWithZod(await readForm(request), { schema: StageSchema });
  if (submission.status !== "success") return Response.json(submission.reply(), { status: 400 });
  const decided = await decideStage({ areaPath: team.areaPath, groupId: params.groupId ?? "" }, viewer.id, {
    stage: submission.value.stage,
    derivedSeen: submission.value.derivedSeen,
    reason: submission.value.reason ?? "",
  });
  if (!decided.ok) return refusalResponse(submission.reply, decided, await getLang(request));
  return redirect(`/tkm/kelompok/${params.groupId}/tahap`);
}

const KIND_KEYS = {
  CONFIRMED: "stew.stage.kind.CONFIRMED",
  OVERRIDDEN: "stew.stage.kind.OVERRIDDEN",
} as const;

export default function GroupStagePage() {
  const t = useT();
  const lang = useLang();
  const { groupId, name, stage, verdict, facts, months, history, minDeliveries } =
    useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const errors = lastResult?.error ?? {};
  const busy = useNavigation().state === "submitting";
  const derived = verdict.stage;
  return (
    <div className="space-y-4">
      <Link to={`/tkm/kelompok/${groupId}`} className="link inline-flex min-h-11 items-center">
        ← {name}
      </Link>
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">{t("stew.stage.title")}</h1>
        <p className="text-stone-600">
          {t("stew.stage.intro", {
            from: formatMonth(months[0] ?? "", lang),
            to: formatMonth(months[months.length - 1] ?? "", lang),
          })}
        </p>
        <p className="font-medium">{t("stew.stage.decided", { stage: t(GROUP_STAGE_KEYS[stage]) })}</p>
        <p className="text-lg font-bold text-brand-800">
          {t("stew.stage.rule_says", { stage: t(GROUP_STAGE_KEYS[derived]) })}
        </p>
      </header>
      <StageCriteria criteria={verdict.criteria} facts={facts} minDeliveries={minDeliveries} />
      <FormErrors errors={errors[""] ?? null} />

      <section className="card space-y-3">
        <Form method="post">
          <input type="hidden" name="derivedSeen" value={derived} />
          <input type="hidden" name="stage" value={derived} />
          <button type="submit" className="btn-primary w-full sm:w-auto" disabled={busy}>
            {t("stew.stage.confirm", { stage: t(GROUP_STAGE_KEYS[derived]) })}
          </button>
        </Form>
        <details open={Boolean(errors.reason?.length) || typedValue(lastResult, "stage") !== undefined}>
          <summary className="flex min-h-11 cursor-pointer items-center font-bold">
            {t("stew.stage.override")}
          </summary>
          <Form method="post" className="mt-2 space-y-3">
            <input type="hidden" name="derivedSeen" value={derived} />
            <Field
              label={t("stew.stage.choose")}
              htmlFor="s-stage"
              errorId="s-stage-error"
              errors={errors.stage}
            >
              <select
                id="s-stage"
                name="stage"
                className="field-input"
                defaultValue={typedValue(lastResult, "stage") ?? GROUP_STAGES.find((s) => s !== derived)}
              >
                {GROUP_STAGES.map((choice) => (
                  <option key={choice} value={choice}>
                    {t(GROUP_STAGE_KEYS[choice])}
                  </option>
                ))}
              </select>
            </Field>
            <Field
              label={t("stew.stage.reason")}
              htmlFor="s-reason"
              errorId="s-reason-error"
              errors={errors.reason}
              hint={t("stew.stage.reason_hint")}
            >
              <textarea
                id="s-reason"
                name="reason"
                rows={3}
                maxLength={300}
                className="field-input"
                defaultValue={typedValue(lastResult, "reason") ?? ""}
                aria-invalid={errors.reason?.length ? true : undefined}
                aria-describedby={errors.reason?.length ? "s-reason-error" : undefined}
              />
            </Field>
            <button type="submit" className="btn-secondary" disabled={busy}>
              {t("stew.stage.save")}
            </button>
          </Form>
        </details>
      </section>

      <section className="card space-y-2" aria-labelledby="s-history">
        <h2 id="s-history" className="font-bold">
          {t("stew.stage.history")}
        </h2>
        {history.length === 0 ? (
          <p className="text-stone-600">{t("stew.stage.none")}</p>
        ) : (
          <ol className="divide-y divide-stone-100">
            {history.map((decision) => (
              <li key={decision.id} className="space-y-1 py-2 text-sm">
                <p className="font-medium">
                  {t(KIND_KEYS[decision.kind])} ·{" "}
                  {t("stew.stage.history_line", {
                    stage: t(GROUP_STAGE_KEYS[decision.stage]),
                    derived: t(GROUP_STAGE_KEYS[decision.derived]),
                  })}
                </p>
                {decision.reason ? <p className="break-words text-stone-700">{decision.reason}</p> : null}
                <p className="text-stone-500">
                  {t("stew.stage.decided_by", {
                    date: formatDate(decision.createdAt, lang),
                    name: decision.decidedBy?.name ?? "—",
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
