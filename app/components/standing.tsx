import { Form, useNavigation } from "@remix-run/react";
import { Field, FormErrors, typedValue } from "~/components/forms";
import { useLang, useT } from "~/utils/i18n";
import { formatDate } from "~/utils/time";

type Standing = {
  verifiedAt: string | Date | null;
  suspendedAt: string | Date | null;
  suspendReason: string | null;
};

type Reply = {
  initialValue?: Record<string, unknown> | null;
  error?: Record<string, string[] | null> | null;
};

/**
 * A group's or business's standing with TKM and the forms that change it: verify (one press),
 * suspend or lift a suspension (each with a reason). Plain forms: they work without JavaScript.
 * `lastResult` is the refused reply for this very item, if any, shown beside its forms.
 */
export function StandingForms({
  entity,
  id,
  name,
  standing,
  lastResult,
  titled = true,
}: {
  entity: "group" | "business";
  id: string;
  name?: string;
  standing: Standing;
  lastResult?: Reply;
  titled?: boolean;
}) {
  const t = useT();
  const lang = useLang();
  const busy = useNavigation().state === "submitting";
  const mine = lastResult?.initialValue?.id === id ? lastResult : undefined;
  const reasonId = `reason-${entity}-${id}`;
  const hidden = (
    <>
      <input type="hidden" name="intent" value="standing" />
      <input type="hidden" name="entity" value={entity} />
      <input type="hidden" name="id" value={id} />
    </>
  );
  return (
    <section className="card space-y-3" aria-label={name ?? t("stew.standing.title")}>
      {titled ? <h2 className="font-bold">{t("stew.standing.title")}</h2> : null}
      <div className="text-sm">
        <p className={standing.verifiedAt ? "text-brand-800" : "font-medium text-amber-800"}>
          {standing.verifiedAt
            ? t("stew.standing.verified_on", { date: formatDate(standing.verifiedAt, lang) })
            : t("stew.standing.awaiting")}
        </p>
        {standing.suspendedAt ? (
          <>
            <p className="font-semibold text-red-800">
              {t("stew.standing.suspended_on", { date: formatDate(standing.suspendedAt, lang) })}
            </p>
            <p className="break-words text-stone-700">
              {t("stew.standing.suspended_reason", { reason: standing.suspendReason ?? "" })}
            </p>
          </>
        ) : null}
      </div>
      <FormErrors errors={mine?.error?.[""] ?? null} />
      {standing.verifiedAt ? null : (
        <Form method="post">
          {hidden}
          <input type="hidden" name="action" value="verify" />
          <button
            type="submit"
            className="btn-primary w-full sm:w-auto"
            disabled={busy}
            aria-label={name ? t("stew.standing.verify_name", { name }) : undefined}
          >
            {t("stew.standing.verify")}
          </button>
        </Form>
      )}
      <Form method="post" className="space-y-2">
        {hidden}
        <Field
          label={t("stew.standing.reason")}
          htmlFor={reasonId}
          errorId={`${reasonId}-error`}
          errors={mine?.error?.reason ?? null}
          hint={t("stew.standing.reason_hint")}
        >
          <textarea
            id={reasonId}
            name="reason"
            rows={2}
            maxLength={300}
            className="field-input"
            defaultValue={typedValue(mine, "reason") ?? ""}
            aria-invalid={mine?.error?.reason?.length ? true : undefined}
            aria-describedby={mine?.error?.reason?.length ? `${reasonId}-error` : undefined}
          />
        </Field>
        {standing.suspendedAt ? (
          <button
            type="submit"
            name="action"
            value="reinstate"
            className="btn-secondary w-full sm:w-auto"
            disabled={busy}
          >
            {t("stew.standing.reinstate")}
          </button>
        ) : (
          <button
            type="submit"
            name="action"
            value="suspend"
            className="btn-secondary w-full sm:w-auto"
            disabled={busy}
          >
            {t("stew.standing.suspend")}
          </button>
        )}
        <p className="text-xs text-stone-600">{t("stew.standing.suspended_effect")}</p>
      </Form>
    </section>
  );
}
