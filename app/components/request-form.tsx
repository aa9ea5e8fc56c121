import {
  getFormProps,
  getInputProps,
  getTextareaProps,
  useForm,
  type Submission,
  type SubmissionResult,
} from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, useNavigation } from "@remix-run/react";
import type { Preview } from "~/.server/matching/requests";
import { PRODUCT_UNITS } from "~/forms/product";
import { REQUEST_RADII, RequestSchema } from "~/forms/requests";
import { UNIT_KEYS } from "~/utils/labels";
import { useLang, useT } from "~/utils/i18n";
import { Field, FieldErrors, FormErrors, MoneyInput, PhotoInput, WholeNumberInput } from "./forms";
import { MatchReasons } from "./request-summary";

export type RequestFormOptions = {
  districts: { id: string; name: string }[];
  categories: { id: string; nameId: string; nameEn: string; parentId: string | null }[];
  addresses: { id: string; label: string; isDefault: boolean; text: string }[];
  groups: { id: string; name: string; village: string }[];
};

type RequestFields = {
  intent: string;
  title: string;
  description: string;
  categoryId: string;
  quantity: string;
  unit: string;
  budgetPerUnit: string;
  neededBy: string;
  closesOn: string;
  addressId: string;
  visibility: string;
  radiusKm: string;
  areaId: string;
  invite: string[];
  photo: File;
};

export type RequestFormDefaults = {
  title?: string;
  description?: string;
  categoryId?: string | null;
  quantity?: number;
  unit?: string;
  budgetPerUnit?: number | null;
  neededBy?: string;
  closesOn?: string;
  addressId?: string | null;
  visibility?: string;
  radiusKm?: number;
  areaId?: string | null;
  invite?: string[];
};

/**
 * The request form, for posting and for editing: what is needed, how many, by when, where, and who
 * receives it. "See matching groups" sends it with intent=preview and shows the groups that would
 * receive it with the matcher's reasons, so the buyer knows before sending. Works without
 * JavaScript (a photo chosen before a preview must then be chosen again).
 */
export function RequestForm({
  options,
  defaults,
  lastResult,
  preview,
  today,
  mode,
}: {
  options: RequestFormOptions;
  defaults: RequestFormDefaults;
  lastResult: SubmissionResult<string[]> | undefined;
  preview: Preview | null;
  today: string;
  mode: "new" | "edit";
}) {
  const t = useT();
  const lang = useLang();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const [form, fields] = useForm<RequestFields>({
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    defaultValue: {
      ...defaults,
      categoryId: defaults.categoryId ?? "",
      quantity: defaults.quantity !== undefined ? String(defaults.quantity) : "",
      budgetPerUnit: defaults.budgetPerUnit ? String(defaults.budgetPerUnit) : "",
      addressId:
        defaults.addressId ?? options.addresses.find((a) => a.isDefault)?.id ?? options.addresses[0]?.id,
      visibility: defaults.visibility ?? "NEARBY",
      radiusKm: String(defaults.radiusKm ?? 25),
      areaId: defaults.areaId ?? "",
      unit: defaults.unit ?? "PCS",
    },
    onValidate: ({ formData }) =>
      parseWithZod(formData, { schema: RequestSchema }) as unknown as Submission<RequestFields, string[]>,
  });
  const invited = new Set(
    (fields.invite.initialValue as string[] | string | undefined) === undefined
      ? (defaults.invite ?? [])
      : ([] as string[]).concat(fields.invite.initialValue as string[] | string),
  );
  const parents = options.categories.filter((c) => !c.parentId);
  const nameOf = (c: { nameId: string; nameEn: string }) => (lang === "en" ? c.nameEn : c.nameId);
  const inPreview = new Set(preview?.matches.map((m) => m.groupId) ?? []);
  const tomorrow = nextDay(today);

  return (
    <Form
      method="post"
      encType={mode === "new" ? "multipart/form-data" : "application/x-www-form-urlencoded"}
      className="space-y-4"
      {...getFormProps(form)}
    >
      <FormErrors errors={form.errors} />
      <div className="card space-y-4">
        <Field
          label={t("request.field.title")}
          htmlFor={fields.title.id}
          errorId={fields.title.errorId}
          errors={fields.title.errors}
          hint={t("request.field.title_hint")}
        >
          <input {...getInputProps(fields.title, { type: "text" })} className="field-input" />
        </Field>
        <Field
          label={t("request.field.category")}
          htmlFor={fields.categoryId.id}
          errorId={fields.categoryId.errorId}
          errors={fields.categoryId.errors}
        >
          <select
            id={fields.categoryId.id}
            name={fields.categoryId.name}
            defaultValue={fields.categoryId.initialValue ?? ""}
            className="field-input"
          >
            <option value="">{t("request.field.category_none")}</option>
            {parents.map((parent) => (
              <optgroup key={parent.id} label={nameOf(parent)}>
                <option value={parent.id}>{nameOf(parent)}</option>
                {options.categories
                  .filter((c) => c.parentId === parent.id)
                  .map((child) => (
                    <option key={child.id} value={child.id}>
                      {nameOf(child)}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        </Field>
        <div className="grid grid-cols-[3fr_2fr] gap-3">
          <Field
            label={t("request.field.quantity")}
            htmlFor={fields.quantity.id}
            errorId={fields.quantity.errorId}
            errors={fields.quantity.errors}
          >
            <WholeNumberInput
              id={fields.quantity.id}
              name={fields.quantity.name}
              defaultValue={fields.quantity.initialValue}
              min={1}
              aria-invalid={fields.quantity.errors ? true : undefined}
              aria-describedby={fields.quantity.errors ? fields.quantity.errorId : undefined}
            />
          </Field>
          <Field
            label={t("request.field.unit")}
            htmlFor={fields.unit.id}
            errorId={fields.unit.errorId}
            errors={fields.unit.errors}
          >
            <select
              id={fields.unit.id}
              name={fields.unit.name}
              defaultValue={fields.unit.initialValue}
              className="field-input"
            >
              {PRODUCT_UNITS.map((unit) => (
                <option key={unit} value={unit}>
                  {t(UNIT_KEYS[unit])}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <Field
          label={t("request.field.budget")}
          htmlFor={fields.budgetPerUnit.id}
          errorId={fields.budgetPerUnit.errorId}
          errors={fields.budgetPerUnit.errors}
          hint={t("request.field.budget_hint")}
        >
          <MoneyInput
            id={fields.budgetPerUnit.id}
            name={fields.budgetPerUnit.name}
            defaultValue={fields.budgetPerUnit.initialValue}
            aria-invalid={fields.budgetPerUnit.errors ? true : undefined}
            aria-describedby={fields.budgetPerUnit.errors ? fields.budgetPerUnit.errorId : undefined}
          />
        </Field>
        <Field
          label={t("request.field.needed_by")}
          htmlFor={fields.neededBy.id}
          errorId={fields.neededBy.errorId}
          errors={fields.neededBy.errors}
        >
          <input
            {...getInputProps(fields.neededBy, { type: "date" })}
            min={tomorrow}
            className="field-input"
          />
        </Field>
        <Field
          label={t("request.field.closes_on")}
          htmlFor={fields.closesOn.id}
          errorId={fields.closesOn.errorId}
          errors={fields.closesOn.errors}
          hint={t("request.field.closes_on_hint")}
        >
          <input {...getInputProps(fields.closesOn, { type: "date" })} min={today} className="field-input" />
        </Field>
        <Field
          label={t("request.field.description")}
          htmlFor={fields.description.id}
          errorId={fields.description.errorId}
          errors={fields.description.errors}
          hint={t("request.field.description_hint")}
        >
          <textarea {...getTextareaProps(fields.description)} rows={3} className="field-input" />
        </Field>
        {mode === "new" ? (
          <Field
            label={t("request.field.photo")}
            htmlFor={fields.photo.id}
            errorId={fields.photo.errorId}
            errors={fields.photo.errors}
          >
            <PhotoInput
              id={fields.photo.id}
              name={fields.photo.name}
              errorId={fields.photo.errorId}
              errors={fields.photo.errors}
            />
          </Field>
        ) : null}
      </div>

      <fieldset className="card space-y-2">
        <legend className="font-bold">{t("request.field.address")}</legend>
        {options.addresses.length === 0 ? (
          <p className="rounded-lg bg-amber-50 p-3 text-amber-900">{t("request.field.no_address")}</p>
        ) : null}
        {options.addresses.map((address) => (
          <label
            key={address.id}
            className="flex min-h-11 items-start gap-3 rounded-lg border border-stone-300 p-3"
          >
            <input
              type="radio"
              name={fields.addressId.name}
              value={address.id}
              defaultChecked={fields.addressId.initialValue === address.id}
              className="mt-1 size-5"
            />
            <span>
              <span className="font-medium">{address.label}</span>
              <span className="block text-sm text-stone-600">{address.text}</span>
            </span>
          </label>
        ))}
        <FieldErrors id={fields.addressId.errorId} errors={fields.addressId.errors} />
        <Link to="/alamat" className="link inline-flex min-h-11 items-center text-sm">
          {t("request.field.address_add")}
        </Link>
      </fieldset>

      <fieldset className="card space-y-3">
        <legend className="font-bold">{t("request.field.visibility")}</legend>
        {(["NEARBY", "INVITED"] as const).map((value) => (
          <label
            key={value}
            className="flex min-h-11 items-center gap-3 rounded-lg border border-stone-300 px-3"
          >
            <input
              type="radio"
              name={fields.visibility.name}
              value={value}
              defaultChecked={fields.visibility.initialValue === value}
              className="size-5"
            />
            {t(`request.visibility.${value}`)}
          </label>
        ))}
        <FieldErrors id={fields.visibility.errorId} errors={fields.visibility.errors} />
        <Field
          label={t("request.field.radius")}
          htmlFor={fields.radiusKm.id}
          errorId={fields.radiusKm.errorId}
          errors={fields.radiusKm.errors}
        >
          <select
            id={fields.radiusKm.id}
            name={fields.radiusKm.name}
            defaultValue={fields.radiusKm.initialValue}
            className="field-input"
          >
            {REQUEST_RADII.map((km) => (
              <option key={km} value={km}>
                {t("request.radius", { km })}
              </option>
            ))}
          </select>
        </Field>
        {options.districts.length > 1 ? (
          <Field
            label={t("request.field.area")}
            htmlFor={fields.areaId.id}
            errorId={fields.areaId.errorId}
            errors={fields.areaId.errors}
          >
            <select
              id={fields.areaId.id}
              name={fields.areaId.name}
              defaultValue={fields.areaId.initialValue}
              className="field-input"
            >
              <option value="">{t("request.field.area_any")}</option>
              {options.districts.map((district) => (
                <option key={district.id} value={district.id}>
                  {district.name}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        <details className="rounded-lg border border-stone-300 p-3" open={invited.size > 0 && !preview}>
          <summary className="min-h-11 cursor-pointer py-2 font-medium">{t("request.field.invite")}</summary>
          <p className="text-sm text-stone-500">{t("request.field.invite_hint")}</p>
          <ul className="mt-2 space-y-1">
            {options.groups
              .filter((group) => !inPreview.has(group.id))
              .map((group) => (
                <li key={group.id}>
                  <label className="flex min-h-11 items-center gap-3">
                    <input
                      type="checkbox"
                      name={fields.invite.name}
                      value={group.id}
                      defaultChecked={invited.has(group.id)}
                      className="size-5"
                    />
                    <span>
                      {group.name} <span className="text-sm text-stone-500">· {group.village}</span>
                    </span>
                  </label>
                </li>
              ))}
          </ul>
        </details>
        <FieldErrors id={fields.invite.errorId} errors={fields.invite.errors} />
      </fieldset>

      {preview ? <PreviewList preview={preview} inviteName={fields.invite.name} invited={invited} /> : null}

      <div className="flex flex-col gap-2 sm:flex-row">
        <button type="submit" name="intent" value="preview" className="btn-secondary" disabled={busy}>
          {t("request.preview")}
        </button>
        <button type="submit" name="intent" value="post" className="btn-primary" disabled={busy}>
          {t(mode === "new" ? "request.post" : "request.save")}
        </button>
      </div>
    </Form>
  );
}

function PreviewList({
  preview,
  inviteName,
  invited,
}: {
  preview: Preview;
  inviteName: string;
  invited: Set<string>;
}) {
  const t = useT();
  return (
    <section className="card space-y-3" aria-labelledby="request-preview" role="status">
      <h2 id="request-preview" className="font-bold">
        {t("request.preview_title")}
      </h2>
      {preview.matches.length === 0 ? (
        <p>{t("request.preview_none")}</p>
      ) : (
        <>
          <p className="text-sm text-stone-600">{t("request.preview_intro")}</p>
          <ol className="space-y-2">
            {preview.matches.map((match) => (
              <li key={match.groupId} className="rounded-lg border border-stone-200 p-3">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <span className="font-medium">{match.name}</span>
                  {match.receives ? (
                    <span className="rounded bg-brand-100 px-2 text-sm text-brand-900">
                      {t("request.preview_receives")}
                    </span>
                  ) : (
                    <label className="flex min-h-11 items-center gap-2 text-sm">
                      <input
                        type="checkbox"
                        name={inviteName}
                        value={match.groupId}
                        defaultChecked={invited.has(match.groupId)}
                        className="size-5"
                      />
                      {t("request.preview_invite")}
                    </label>
                  )}
                </div>
                <p className="text-sm text-stone-600">
                  <MatchReasons reasons={match.reasons} />
                </p>
                {match.receives && invited.has(match.groupId) ? (
                  <input type="hidden" name={inviteName} value={match.groupId} />
                ) : null}
              </li>
            ))}
          </ol>
        </>
      )}
      {preview.excluded.length > 0 ? (
        <details>
          <summary className="min-h-11 cursor-pointer py-2 text-sm font-medium">
            {t("request.preview_excluded", { count: preview.excluded.length })}
          </summary>
          <ul className="space-y-1 text-sm text-stone-600">
            {preview.excluded.map((group) => (
              <li key={group.groupId}>
                <span className="font-medium text-stone-800">{group.name}</span>:{" "}
                {t(group.reason.key, group.reason.params)}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

function nextDay(dateKey: string): string {
  const date = new Date(`${dateKey}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}
