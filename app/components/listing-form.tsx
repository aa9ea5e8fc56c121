import {
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  useForm,
  type SubmissionResult,
} from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";
import { MAX_PHOTOS, MAX_TIERS, PRODUCT_UNITS, ProductSchema, ProductUpdateSchema } from "~/forms/product";
import { useLang, useT } from "~/utils/i18n";
import { UNIT_KEYS } from "~/utils/labels";
import { Field, FormErrors, MoneyInput, PhotoInput, RadioChoices } from "./forms";
import { ResponsiveImage, type ResponsiveImageData } from "./responsive-image";
import { UploadProgressBar } from "./upload-progress-bar";
import { useUploadProgress } from "./upload-progress";

type Category = { id: string; parentId: string | null; nameId: string; nameEn: string };

export type ListingDefaults = {
  name?: string;
  categoryId?: string;
  unit?: string;
  price?: string;
  minOrderQuantity?: string;
  orderMultiple?: string;
  supplyMode?: string;
  stock?: string;
  capacityPerWeek?: string;
  leadTimeDays?: string;
  pausedUntil?: string;
  halalCertificate?: string;
  pirtNumber?: string;
  bpomNumber?: string;
  description?: string;
  status?: string;
  tiers?: { minQuantity?: string; unitPrice?: string }[];
};

/**
 * The listing form, for adding and for editing: phone first, one column, the rarely used parts
 * (tiers, certificates, pause) folded away but open when they hold something or an error.
 */
export function ListingForm({
  categories,
  defaults,
  lastResult,
  mode,
  photos = [],
}: {
  categories: Category[];
  defaults: ListingDefaults;
  lastResult: SubmissionResult<string[]> | undefined;
  mode: "create" | "edit";
  photos?: (ResponsiveImageData & { id: string })[];
}) {
  const t = useT();
  const lang = useLang();
  const navigation = useNavigation();
  const schema = mode === "create" ? ProductSchema : ProductUpdateSchema;
  const tierDefaults = [...(defaults.tiers ?? [])];
  while (tierDefaults.length < MAX_TIERS) tierDefaults.push({});
  const [form, fields] = useForm({
    lastResult,
    // Revalidate while typing, not on blur: a message vanishing on blur moves the button away
    // from under the finger that is tapping it.
    shouldRevalidate: "onInput",
    defaultValue: { ...defaults, tiers: tierDefaults },
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const formProps = getFormProps(form);
  const upload = useUploadProgress(formProps.onSubmit);
  const byParent = new Map<string | null, Category[]>();
  for (const c of categories) byParent.set(c.parentId, [...(byParent.get(c.parentId) ?? []), c]);
  const name = (c: Category) => (lang === "en" ? c.nameEn : c.nameId);
  const tierRows = fields.tiers.getFieldList();
  const tiersHaveErrors = Object.keys(form.allErrors).some((key) => key.startsWith("tiers"));
  const extrasUsed = Boolean(
    defaults.pausedUntil || defaults.halalCertificate || defaults.pirtNumber || defaults.bpomNumber,
  );
  const number = (field: Parameters<typeof getInputProps>[0], min: number) => (
    <input
      {...getInputProps(field, { type: "number" })}
      min={min}
      step={1}
      inputMode="numeric"
      className="field-input"
    />
  );
  const money = (field: Parameters<typeof getInputProps>[0]) => (
    <MoneyInput {...getInputProps(field, { type: "text" })} />
  );

  return (
    <Form
      method="post"
      encType="multipart/form-data"
      className="card space-y-4"
      {...formProps}
      onSubmit={upload.onSubmit}
    >
      <input type="hidden" name="intent" value="save" />
      <FormErrors errors={form.errors} />
      {photos.length > 0 ? (
        <fieldset className="space-y-2">
          <legend className="font-medium">{t("product_form.photos_now")}</legend>
          <p className="text-sm text-stone-600">{t("product_form.photos_now_hint")}</p>
          <ul className="space-y-2">
            {photos.map((photo, index) => (
              <li key={photo.id} className="flex items-center gap-3 rounded-lg border border-stone-200 p-2">
                <input type="hidden" name={`existing[${index}].id`} value={photo.id} />
                <ResponsiveImage
                  image={{ ...photo, width: 80, height: 60 }}
                  alt=""
                  sizes="80px"
                  className="h-15 w-20 rounded object-cover"
                />
                <div className="grid flex-1 gap-1 text-sm">
                  <label className="flex min-h-11 items-center gap-2">
                    <input
                      type="radio"
                      name="mainPhoto"
                      value={photo.id}
                      defaultChecked={index === 0}
                      className="size-5"
                    />
                    {t("product_form.photo_main")}
                  </label>
                  <label className="flex min-h-11 items-center gap-2">
                    {t("product_form.photo_position")}
                    <input
                      type="number"
                      name={`existing[${index}].position`}
                      defaultValue={index + 1}
                      min={1}
                      max={MAX_PHOTOS}
                      inputMode="numeric"
                      className="field-input w-20"
                    />
                  </label>
                  <label className="flex min-h-11 items-center gap-2">
                    <input type="checkbox" name={`existing[${index}].remove`} className="size-5" />
                    {t("product_form.photo_remove")}
                  </label>
                </div>
              </li>
            ))}
          </ul>
        </fieldset>
      ) : null}
      <Field
        label={t(mode === "create" ? "product_form.photos" : "product_form.photos_add")}
        htmlFor={fields.photos.id}
        errorId={fields.photos.errorId}
        errors={fields.photos.errors}
        hint={t("product_form.photos_hint", { max: MAX_PHOTOS })}
      >
        <PhotoInput
          id={fields.photos.id}
          name={fields.photos.name}
          errorId={fields.photos.errorId}
          errors={fields.photos.errors}
          multiple
        />
      </Field>
      <Field
        label={t("product_form.name")}
        htmlFor={fields.name.id}
        errorId={fields.name.errorId}
        errors={fields.name.errors}
        hint={t("product_form.name_hint")}
      >
        <input {...getInputProps(fields.name, { type: "text" })} className="field-input" />
      </Field>
      <Field
        label={t("product_form.category")}
        htmlFor={fields.categoryId.id}
        errorId={fields.categoryId.errorId}
        errors={fields.categoryId.errors}
      >
        <select {...getSelectProps(fields.categoryId)} className="field-input">
          <option value="">{t("form.choose")}</option>
          {(byParent.get(null) ?? []).map((parent) => (
            <optgroup key={parent.id} label={name(parent)}>
              {(byParent.get(parent.id) ?? []).map((child) => (
                <option key={child.id} value={child.id}>
                  {name(child)}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </Field>
      <div className="grid gap-4 sm:grid-cols-2 sm:gap-3">
        <Field
          label={t("product_form.price")}
          htmlFor={fields.price.id}
          errorId={fields.price.errorId}
          errors={fields.price.errors}
          hint={t("product_form.price_hint")}
        >
          {money(fields.price)}
        </Field>
        <Field
          label={t("product_form.unit")}
          htmlFor={fields.unit.id}
          errorId={fields.unit.errorId}
          errors={fields.unit.errors}
        >
          <select {...getSelectProps(fields.unit)} className="field-input">
            {PRODUCT_UNITS.map((unit) => (
              <option key={unit} value={unit}>
                {t(UNIT_KEYS[unit])}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label={t("product_form.min_order")}
          htmlFor={fields.minOrderQuantity.id}
          errorId={fields.minOrderQuantity.errorId}
          errors={fields.minOrderQuantity.errors}
        >
          {number(fields.minOrderQuantity, 1)}
        </Field>
        <Field
          label={t("product_form.multiple")}
          htmlFor={fields.orderMultiple.id}
          errorId={fields.orderMultiple.errorId}
          errors={fields.orderMultiple.errors}
          hint={t("product_form.multiple_hint")}
        >
          {number(fields.orderMultiple, 1)}
        </Field>
      </div>

      <RadioChoices
        legend={t("product_form.supply")}
        name={fields.supplyMode.name}
        checked={fields.supplyMode.initialValue ?? "READY_STOCK"}
        errorId={fields.supplyMode.errorId}
        errors={fields.supplyMode.errors}
        choices={[
          { value: "READY_STOCK", label: t("product_form.ready_stock") },
          { value: "MADE_TO_ORDER", label: t("product_form.made_to_order") },
        ]}
      />
      <div className="grid gap-4 sm:grid-cols-3 sm:gap-3">
        <Field
          label={t("product_form.stock")}
          htmlFor={fields.stock.id}
          errorId={fields.stock.errorId}
          errors={fields.stock.errors}
          hint={t("product_form.stock_hint")}
        >
          {number(fields.stock, 0)}
        </Field>
        <Field
          label={t("product_form.capacity")}
          htmlFor={fields.capacityPerWeek.id}
          errorId={fields.capacityPerWeek.errorId}
          errors={fields.capacityPerWeek.errors}
          hint={t("product_form.capacity_hint")}
        >
          {number(fields.capacityPerWeek, 1)}
        </Field>
        <Field
          label={t("product_form.lead_time")}
          htmlFor={fields.leadTimeDays.id}
          errorId={fields.leadTimeDays.errorId}
          errors={fields.leadTimeDays.errors}
        >
          {number(fields.leadTimeDays, 0)}
        </Field>
      </div>

      <details
        className="rounded-lg border border-stone-200 p-3"
        open={tiersHaveErrors || Boolean(defaults.tiers?.length)}
      >
        <summary className="flex min-h-11 cursor-pointer items-center font-medium">
          {t("product_form.tiers")}
        </summary>
        <p className="text-sm text-stone-600">{t("product_form.tiers_hint")}</p>
        <div className="mt-2 space-y-2">
          {tierRows.map((row, index) => {
            const tier = row.getFieldset();
            return (
              <div key={row.key} className="grid grid-cols-2 gap-2">
                <Field
                  label={t("product_form.tier_from", { n: index + 1 })}
                  htmlFor={tier.minQuantity.id}
                  errorId={tier.minQuantity.errorId}
                  errors={tier.minQuantity.errors}
                >
                  {number(tier.minQuantity, 2)}
                </Field>
                <Field
                  label={t("product_form.tier_price", { n: index + 1 })}
                  htmlFor={tier.unitPrice.id}
                  errorId={tier.unitPrice.errorId}
                  errors={tier.unitPrice.errors}
                >
                  {money(tier.unitPrice)}
                </Field>
              </div>
            );
          })}
        </div>
      </details>

      <Field
        label={t("product_form.description")}
        htmlFor={fields.description.id}
        errorId={fields.description.errorId}
        errors={fields.description.errors}
      >
        <textarea {...getTextareaProps(fields.description)} rows={3} className="field-input" />
      </Field>

      <details className="rounded-lg border border-stone-200 p-3" open={extrasUsed}>
        <summary className="flex min-h-11 cursor-pointer items-center font-medium">
          {t("product_form.extras")}
        </summary>
        <div className="mt-2 space-y-3">
          <Field
            label={t("product_form.paused_until")}
            htmlFor={fields.pausedUntil.id}
            errorId={fields.pausedUntil.errorId}
            errors={fields.pausedUntil.errors}
            hint={t("product_form.paused_hint")}
          >
            <input {...getInputProps(fields.pausedUntil, { type: "date" })} className="field-input" />
          </Field>
          <Field
            label={t("product_form.halal")}
            htmlFor={fields.halalCertificate.id}
            errorId={fields.halalCertificate.errorId}
            errors={fields.halalCertificate.errors}
          >
            <input {...getInputProps(fields.halalCertificate, { type: "text" })} className="field-input" />
          </Field>
          <Field
            label={t("product_form.pirt")}
            htmlFor={fields.pirtNumber.id}
            errorId={fields.pirtNumber.errorId}
            errors={fields.pirtNumber.errors}
          >
            <input {...getInputProps(fields.pirtNumber, { type: "text" })} className="field-input" />
          </Field>
          <Field
            label={t("product_form.bpom")}
            htmlFor={fields.bpomNumber.id}
            errorId={fields.bpomNumber.errorId}
            errors={fields.bpomNumber.errors}
          >
            <input {...getInputProps(fields.bpomNumber, { type: "text" })} className="field-input" />
          </Field>
        </div>
      </details>

      <RadioChoices
        legend={t("product_form.status")}
        name={fields.status.name}
        checked={fields.status.initialValue ?? "ACTIVE"}
        choices={[
          { value: "ACTIVE", label: t("product_form.status_active") },
          { value: "DRAFT", label: t("product_form.status_draft") },
        ]}
      />

      <UploadProgressBar progress={upload.progress} />
      <button
        type="submit"
        className="btn-primary w-full"
        disabled={navigation.state === "submitting" || upload.progress !== null}
      >
        {navigation.state === "submitting" || upload.progress !== null
          ? t("product_form.saving")
          : t("product_form.save")}
      </button>
    </Form>
  );
}
