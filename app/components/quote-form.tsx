import {
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  useForm,
  type SubmissionResult,
} from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { QUOTE_MAX_TIERS, QuoteAction } from "~/forms/quote";
import { useT } from "~/utils/i18n";
import { UNIT_KEYS } from "~/utils/labels";
import { formatRupiah } from "~/utils/money";
import { Field, FormErrors, MoneyInput } from "./forms";

export type QuoteDefaults = {
  productId?: string;
  unitPrice?: string;
  quantity?: string;
  earliestDelivery?: string;
  validUntil?: string;
  note?: string;
  tiers?: { minQuantity?: string; unitPrice?: string }[];
};

type Product = { id: string; name: string; unit: keyof typeof UNIT_KEYS; price: number };

/** The group's quote: first one or a revision, the same form. Works without JavaScript. */
export function QuoteForm({
  products,
  defaults,
  lastResult,
  today,
  lastDay,
  revising,
  busy,
}: {
  products: Product[];
  defaults: QuoteDefaults;
  lastResult: SubmissionResult<string[]> | undefined;
  today: string;
  lastDay: string;
  revising: boolean;
  busy: boolean;
}) {
  const t = useT();
  const tierDefaults = [...(defaults.tiers ?? [])];
  while (tierDefaults.length < QUOTE_MAX_TIERS) tierDefaults.push({});
  const [form, fields] = useForm({
    id: "quote",
    lastResult,
    shouldRevalidate: "onInput",
    defaultValue: { ...defaults, tiers: tierDefaults },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: QuoteAction }),
  });
  const tierRows = fields.tiers.getFieldList();
  const tiersHaveErrors = Object.keys(form.allErrors).some((key) => key.startsWith("tiers"));
  return (
    <Form method="post" className="space-y-3" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="quote" />
      <FormErrors errors={form.errors} />
      <Field
        label={t("quote.product")}
        htmlFor={fields.productId.id}
        errorId={fields.productId.errorId}
        errors={fields.productId.errors}
        hint={t("quote.product_hint")}
      >
        <select {...getSelectProps(fields.productId)} className="field-input">
          <option value="">{t("quote.product_choose")}</option>
          {products.map((product) => (
            <option key={product.id} value={product.id}>
              {product.name} ({formatRupiah(product.price)}/{t(UNIT_KEYS[product.unit])})
            </option>
          ))}
        </select>
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field
          label={t("quote.unit_price")}
          htmlFor={fields.unitPrice.id}
          errorId={fields.unitPrice.errorId}
          errors={fields.unitPrice.errors}
        >
          <MoneyInput {...getInputProps(fields.unitPrice, { type: "text" })} />
        </Field>
        <Field
          label={t("quote.quantity")}
          htmlFor={fields.quantity.id}
          errorId={fields.quantity.errorId}
          errors={fields.quantity.errors}
          hint={t("quote.quantity_hint")}
        >
          <input
            {...getInputProps(fields.quantity, { type: "number" })}
            min={1}
            step={1}
            inputMode="numeric"
            className="field-input"
          />
        </Field>
        <Field
          label={t("quote.earliest_delivery")}
          htmlFor={fields.earliestDelivery.id}
          errorId={fields.earliestDelivery.errorId}
          errors={fields.earliestDelivery.errors}
        >
          <input
            {...getInputProps(fields.earliestDelivery, { type: "date" })}
            min={today}
            className="field-input"
          />
        </Field>
        <Field
          label={t("quote.valid_until")}
          htmlFor={fields.validUntil.id}
          errorId={fields.validUntil.errorId}
          errors={fields.validUntil.errors}
          hint={t("quote.valid_until_hint")}
        >
          <input
            {...getInputProps(fields.validUntil, { type: "date" })}
            min={today}
            max={lastDay}
            className="field-input"
          />
        </Field>
      </div>
      <details
        className="rounded-lg border border-stone-200 p-3"
        open={tiersHaveErrors || Boolean(defaults.tiers?.length)}
      >
        <summary className="min-h-11 cursor-pointer py-2.5 font-medium">{t("quote.tiers")}</summary>
        <p className="text-sm text-stone-600">{t("quote.tiers_hint")}</p>
        <div className="mt-2 space-y-2">
          {tierRows.map((row, index) => {
            const tier = row.getFieldset();
            return (
              <div key={row.key} className="grid grid-cols-2 items-end gap-2">
                <Field
                  label={t("quote.tier_from", { n: index + 1 })}
                  htmlFor={tier.minQuantity.id}
                  errorId={tier.minQuantity.errorId}
                  errors={tier.minQuantity.errors}
                >
                  <input
                    {...getInputProps(tier.minQuantity, { type: "number" })}
                    min={2}
                    step={1}
                    inputMode="numeric"
                    className="field-input"
                  />
                </Field>
                <Field
                  label={t("quote.tier_price", { n: index + 1 })}
                  htmlFor={tier.unitPrice.id}
                  errorId={tier.unitPrice.errorId}
                  errors={tier.unitPrice.errors}
                >
                  <MoneyInput {...getInputProps(tier.unitPrice, { type: "text" })} />
                </Field>
              </div>
            );
          })}
        </div>
      </details>
      <Field
        label={t("quote.note")}
        htmlFor={fields.note.id}
        errorId={fields.note.errorId}
        errors={fields.note.errors}
      >
        <textarea {...getTextareaProps(fields.note)} rows={3} className="field-input" />
      </Field>
      <button type="submit" className="btn-primary" disabled={busy}>
        {revising ? t("quote.revise_button") : t("quote.send_button")}
      </button>
    </Form>
  );
}
