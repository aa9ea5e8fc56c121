import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import type { SupportKind } from "~/.server/db/generated/sqlite/enums";
import { Field } from "~/components/forms";
import { INSTITUTION_KIND_KEYS, INSTITUTION_KINDS, SUPPORT_KIND_KEYS } from "~/utils/institutions";
import { useLang, useT } from "~/utils/i18n";
import { formatRupiah } from "~/utils/money";
import { formatDate } from "~/utils/time";

export type SupportItem = {
  id: string;
  kind: SupportKind;
  title: string;
  date: Date | string;
  amount: number | null;
  note: string;
  cashEntryId: string | null;
  institution: { id: string; name: string };
  group: { id: string; name: string };
};

/**
 * What institutions gave, newest first, as cards (a phone has no room for a six-column table): the
 * date, the kind, what it was, who gave it to which group, the amount, and whether it is in the
 * group's book. `actions` adds a support's forms (correct, remove) under it.
 */
export function SupportList({
  supports,
  empty,
  showInstitution = true,
  actions,
}: {
  supports: SupportItem[];
  empty: string;
  showInstitution?: boolean;
  actions?: (support: SupportItem) => ReactNode;
}) {
  const t = useT();
  const lang = useLang();
  if (supports.length === 0) return <p className="card text-stone-600">{empty}</p>;
  return (
    <ol className="space-y-2">
      {supports.map((support) => (
        <li key={support.id} className="card space-y-1">
          <p className="flex flex-wrap items-baseline justify-between gap-x-3">
            <span className="font-bold">{support.title}</span>
            {support.amount !== null ? (
              <span className="font-semibold tabular-nums">{formatRupiah(support.amount)}</span>
            ) : null}
          </p>
          <p className="text-sm text-stone-600">
            <span className="rounded bg-stone-100 px-1.5 py-0.5 text-stone-800">
              {t(SUPPORT_KIND_KEYS[support.kind])}
            </span>{" "}
            {formatDate(support.date, lang)} · {support.group.name}
            {showInstitution ? (
              <>
                {" · "}
                <Link to={`/tkm/lembaga/${support.institution.id}`} className="link">
                  {support.institution.name}
                </Link>
              </>
            ) : null}
          </p>
          {support.note ? <p className="text-sm">{support.note}</p> : null}
          {support.cashEntryId ? <p className="text-sm text-brand-800">{t("inst.in_book")}</p> : null}
          {actions ? actions(support) : null}
        </li>
      ))}
    </ol>
  );
}

type Reply = { initialValue?: Record<string, unknown> | null; error?: Record<string, string[] | null> };

/** The institution's fields (name, kind, area, contact), for the new-institution and edit forms. */
export function InstitutionFields({
  areas,
  lastResult,
  initial,
}: {
  areas: { id: string; name: string; level: string }[];
  lastResult?: Reply;
  initial?: { name: string; kind: string; areaId: string; contact: string };
}) {
  const t = useT();
  const errors = lastResult?.error ?? {};
  const typed = (name: string) => {
    const value = lastResult?.initialValue?.[name];
    return typeof value === "string" ? value : undefined;
  };
  return (
    <>
      <Field
        label={t("inst.name")}
        htmlFor="inst-name"
        errorId="inst-name-error"
        errors={errors.name}
        hint={t("inst.name_hint")}
      >
        <input
          id="inst-name"
          name="name"
          className="field-input"
          maxLength={120}
          required
          defaultValue={typed("name") ?? initial?.name}
          aria-describedby="inst-name-error"
        />
      </Field>
      <Field label={t("inst.kind")} htmlFor="inst-kind" errorId="inst-kind-error" errors={errors.kind}>
        <select
          id="inst-kind"
          name="kind"
          className="field-input"
          required
          defaultValue={typed("kind") ?? initial?.kind ?? ""}
          aria-describedby="inst-kind-error"
        >
          <option value="">{t("form.choose")}</option>
          {INSTITUTION_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(INSTITUTION_KIND_KEYS[kind])}
            </option>
          ))}
        </select>
      </Field>
      <Field
        label={t("inst.area")}
        htmlFor="inst-area"
        errorId="inst-area-error"
        errors={errors.areaId}
        hint={t("inst.area_hint")}
      >
        <select
          id="inst-area"
          name="areaId"
          className="field-input"
          required
          defaultValue={typed("areaId") ?? initial?.areaId ?? ""}
          aria-describedby="inst-area-error"
        >
          <option value="">{t("form.choose")}</option>
          {areas.map((area) => (
            <option key={area.id} value={area.id}>
              {area.name}
            </option>
          ))}
        </select>
      </Field>
      <Field
        label={t("inst.contact")}
        htmlFor="inst-contact"
        errorId="inst-contact-error"
        errors={errors.contact}
        hint={t("inst.contact_hint")}
      >
        <input
          id="inst-contact"
          name="contact"
          className="field-input"
          maxLength={200}
          defaultValue={typed("contact") ?? initial?.contact}
          aria-describedby="inst-contact-error"
        />
      </Field>
    </>
  );
}
