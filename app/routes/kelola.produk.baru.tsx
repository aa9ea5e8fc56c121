import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  MaxPartSizeExceededError,
  redirect,
  unstable_createMemoryUploadHandler as createMemoryUploadHandler,
  unstable_parseMultipartFormData as parseMultipartFormData,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireGroupManager } from "~/.server/auth/guards";
import { createProduct, listCategories } from "~/.server/catalog/products";
import { ImageRejected, MAX_UPLOAD_BYTES } from "~/.server/images/pipeline";
import { Field, FormErrors } from "~/components/forms";
import { PRODUCT_UNITS, ProductSchema } from "~/forms/product";
import { useLang, useT } from "~/utils/i18n";
import { UNIT_KEYS } from "~/utils/labels";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "product_form.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireGroupManager(request);
  return { categories: await listCategories() };
}

async function readForm(request: Request): Promise<FormData | "too_large"> {
  try {
    return await parseMultipartFormData(
      request,
      createMemoryUploadHandler({ maxPartSize: MAX_UPLOAD_BYTES }),
    );
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return "too_large";
    throw error;
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const { viewer, group } = await requireGroupManager(request);
  const formData = await readForm(request);
  if (formData === "too_large") {
    return Response.json({ status: "error", error: { photo: ["image.too_large"] } }, { status: 400 });
  }
  const submission = parseWithZod(formData, { schema: ProductSchema });
  if (submission.status !== "success") return Response.json(submission.reply(), { status: 400 });
  const { photo, ...input } = submission.value;
  try {
    const result = await createProduct(group.id, viewer.id, input, new Uint8Array(await photo.arrayBuffer()));
    if (!result.ok)
      return Response.json(submission.reply({ fieldErrors: { [result.field]: [result.message] } }), {
        status: 400,
      });
    return redirect(`/produk/${result.slug}`);
  } catch (error) {
    if (error instanceof ImageRejected) {
      return Response.json(submission.reply({ fieldErrors: { photo: [error.problem] } }), { status: 400 });
    }
    throw error;
  }
}

export default function NewProduct() {
  const t = useT();
  const lang = useLang();
  const { categories } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult,
    // Revalidate while typing, not on blur: a message vanishing on blur moves the button away
    // from under the finger that is tapping it.
    shouldRevalidate: "onInput",
    defaultValue: { unit: "PCS", minOrderQuantity: "1", stock: "0" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ProductSchema }),
  });
  const byParent = new Map<string | null, typeof categories>();
  for (const c of categories) byParent.set(c.parentId, [...(byParent.get(c.parentId) ?? []), c]);
  const name = (c: (typeof categories)[number]) => (lang === "en" ? c.nameEn : c.nameId);
  return (
    <section className="mx-auto max-w-lg space-y-4">
      <Link to="/kelola" className="link inline-flex min-h-11 items-center">
        ← {t("manage.back")}
      </Link>
      <h1 className="text-2xl font-bold">{t("product_form.title")}</h1>
      <Form method="post" encType="multipart/form-data" className="card space-y-4" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <Field
          label={t("product_form.photo")}
          htmlFor={fields.photo.id}
          errorId={fields.photo.errorId}
          errors={fields.photo.errors}
          hint={t("product_form.photo_hint")}
        >
          <input
            {...getInputProps(fields.photo, { type: "file" })}
            accept="image/jpeg,image/png,image/webp,image/heic,image/heif"
            capture="environment"
            className="field-input"
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
            <input
              {...getInputProps(fields.price, { type: "number" })}
              min={1}
              step={1}
              inputMode="numeric"
              className="field-input"
            />
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
            <input
              {...getInputProps(fields.minOrderQuantity, { type: "number" })}
              min={1}
              step={1}
              inputMode="numeric"
              className="field-input"
            />
          </Field>
          <Field
            label={t("product_form.stock")}
            htmlFor={fields.stock.id}
            errorId={fields.stock.errorId}
            errors={fields.stock.errors}
          >
            <input
              {...getInputProps(fields.stock, { type: "number" })}
              min={0}
              step={1}
              inputMode="numeric"
              className="field-input"
            />
          </Field>
        </div>
        <Field
          label={t("product_form.description")}
          htmlFor={fields.description.id}
          errorId={fields.description.errorId}
          errors={fields.description.errors}
        >
          <textarea {...getTextareaProps(fields.description)} rows={3} className="field-input" />
        </Field>
        <button type="submit" className="btn-primary w-full" disabled={navigation.state === "submitting"}>
          {navigation.state === "submitting" ? t("product_form.saving") : t("product_form.save")}
        </button>
      </Form>
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
