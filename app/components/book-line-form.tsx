import { Form } from "@remix-run/react";
import { Field, FormErrors, MoneyInput, RadioChoices, typedValue } from "~/components/forms";
import { CASH_CATEGORY_KEYS, MANUAL_CATEGORIES } from "~/utils/book";
import { useT } from "~/utils/i18n";

type Reply = { initialValue?: Record<string, unknown> | null; error?: Record<string, string[] | null> };

/**
 * The fold-out form for a manual line. A plain POST form (works without JavaScript); the key is
 * one per rendering, so a double submit is recorded once. The server checks every rule again.
 */
export function ManualLineForm({
  formKey,
  members,
  openingAllowed,
  today,
  lastResult,
  busy,
}: {
  formKey: string;
  members: { id: string; name: string }[];
  openingAllowed: boolean;
  today: string;
  lastResult?: Reply;
  busy: boolean;
}) {
  const t = useT();
  const errors = lastResult?.error ?? {};
  const categories = MANUAL_CATEGORIES.filter((category) => category !== "OPENING" || openingAllowed);
  return (
    <details className="card print:hidden" open={lastResult !== undefined}>
      <summary className="flex min-h-11 cursor-pointer items-center font-bold">{t("book.add")}</summary>
      <Form method="post" className="mt-2 space-y-3">
        <input type="hidden" name="intent" value="add" />
        <input type="hidden" name="formKey" value={formKey} />
        <FormErrors errors={errors[""] ?? null} />
        <RadioChoices
          legend={t("book.kind")}
          name="kind"
          choices={[
            { value: "INCOME", label: t("book.kind.INCOME") },
            { value: "EXPENSE", label: t("book.kind.EXPENSE") },
          ]}
          checked={typedValue(lastResult, "kind")}
          errorId="book-kind-error"
          errors={errors.kind}
        />
        <Field
          label={t("book.category")}
          htmlFor="book-line-category"
          errorId="book-line-category-error"
          errors={errors.category}
          hint={openingAllowed ? t("book.opening_hint") : undefined}
        >
          <select
            id="book-line-category"
            name="category"
            className="field-input"
            defaultValue={typedValue(lastResult, "category") ?? ""}
            required
            aria-describedby="book-line-category-error"
          >
            <option value="">{t("form.choose")}</option>
            {categories.map((category) => (
              <option key={category} value={category}>
                {t(CASH_CATEGORY_KEYS[category])}
              </option>
            ))}
          </select>
        </Field>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field
            label={t("book.amount")}
            htmlFor="book-amount"
            errorId="book-amount-error"
            errors={errors.amount}
          >
            <MoneyInput
              id="book-amount"
              name="amount"
              defaultValue={typedValue(lastResult, "amount")}
              required
              aria-describedby="book-amount-error"
            />
          </Field>
          <Field label={t("book.date")} htmlFor="book-date" errorId="book-date-error" errors={errors.date}>
            <input
              id="book-date"
              name="date"
              type="date"
              className="field-input"
              max={today}
              defaultValue={typedValue(lastResult, "date") ?? today}
              required
              aria-describedby="book-date-error"
            />
          </Field>
        </div>
        <Field
          label={t("book.description")}
          htmlFor="book-description"
          errorId="book-description-error"
          errors={errors.description}
        >
          <input
            id="book-description"
            name="description"
            className="field-input"
            maxLength={200}
            defaultValue={typedValue(lastResult, "description")}
            required
            aria-describedby="book-description-error"
          />
        </Field>
        <Field
          label={t("book.giver")}
          htmlFor="book-giver"
          errorId="book-giver-error"
          errors={errors.giver}
          hint={t("book.giver_hint")}
        >
          <input
            id="book-giver"
            name="giver"
            className="field-input"
            maxLength={120}
            defaultValue={typedValue(lastResult, "giver")}
            aria-describedby="book-giver-error"
          />
        </Field>
        <Field
          label={t("book.member")}
          htmlFor="book-member"
          errorId="book-member-error"
          errors={errors.memberId}
          hint={t("book.member_hint")}
        >
          <select
            id="book-member"
            name="memberId"
            className="field-input"
            defaultValue={typedValue(lastResult, "memberId") ?? ""}
            aria-describedby="book-member-error"
          >
            <option value="">{t("book.no_member")}</option>
            {members.map((member) => (
              <option key={member.id} value={member.id}>
                {member.name}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit" className="btn-primary" disabled={busy}>
          {t("book.add_submit")}
        </button>
      </Form>
    </details>
  );
}
