import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import {
  createCategory,
  deleteCategory,
  listCategories,
  moveCategory,
  updateCategory,
} from "~/.server/admin/categories";
import { requireAdmin } from "~/.server/auth/guards";
import { adminDone, adminInvalid, adminRefused } from "~/.server/http/admin-reply";
import { readForm } from "~/.server/http/form";
import { getLang } from "~/.server/http/lang";
import { AdminNotice, AdminSection, FormProblems, type AdminResult } from "~/components/admin";
import { CategoryIdSchema, CategoryMoveSchema, CategorySchema } from "~/forms/admin";
import { useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "adm.categories_title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return { tops: await listCategories() };
}

export async function action({ request }: ActionFunctionArgs) {
  const { viewer } = await requireAdmin(request);
  const formData = await readForm(request);
  const intent = String(formData.get("intent") ?? "");
  const target = String(formData.get("id") ?? "") || null;
  const lang = await getLang(request);
  if (intent === "create") {
    const submission = parseWithZod(formData, { schema: CategorySchema });
    if (submission.status !== "success") return adminInvalid(intent, null, submission.reply);
    const done = await createCategory(viewer.id, submission.value);
    if (!done.ok) return adminRefused(intent, null, submission.reply, done, lang);
    return adminDone(intent, null, { key: "adm.cat_created", params: { name: submission.value.nameId } });
  }
  if (intent === "update") {
    const submission = parseWithZod(formData, { schema: CategorySchema.extend(CategoryIdSchema.shape) });
    if (submission.status !== "success") return adminInvalid(intent, target, submission.reply);
    const { id, ...input } = submission.value;
    const done = await updateCategory(viewer.id, id, input);
    if (!done.ok) return adminRefused(intent, target, submission.reply, done, lang);
    return adminDone(intent, target, { key: "adm.cat_updated", params: { name: input.nameId } });
  }
  if (intent === "move") {
    const submission = parseWithZod(formData, { schema: CategoryMoveSchema });
    if (submission.status !== "success") return adminInvalid(intent, target, submission.reply);
    const done = await moveCategory(viewer.id, submission.value.id, submission.value.direction);
    if (!done.ok) return adminRefused(intent, target, submission.reply, done, lang);
    return adminDone(intent, target, { key: "adm.cat_moved" });
  }
  if (intent === "delete") {
    const submission = parseWithZod(formData, { schema: CategoryIdSchema });
    if (submission.status !== "success") return adminInvalid(intent, target, submission.reply);
    const done = await deleteCategory(viewer.id, submission.value.id);
    if (!done.ok) return adminRefused(intent, target, submission.reply, done, lang);
    return adminDone(intent, target, { key: "adm.cat_deleted" });
  }
  throw new Response("Bad request", { status: 400 });
}

type Category = Awaited<ReturnType<typeof listCategories>>[number];
type Row = Omit<Category, "children">;

function CategoryRow({
  category,
  tops,
  result,
  first,
  last,
}: {
  category: Row;
  tops: Row[];
  result: AdminResult;
  first: boolean;
  last: boolean;
}) {
  const t = useT();
  const used = category._count.products + category._count.requests;
  return (
    <div className="space-y-2 rounded-lg border border-stone-200 p-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p>
          <span className="font-bold">{category.nameId}</span>{" "}
          <span className="text-stone-600">/ {category.nameEn}</span>
          <span className="block text-xs text-stone-500">
            {category.slug} ·{" "}
            {t("adm.cat_usage", { products: category._count.products, requests: category._count.requests })}
          </span>
        </p>
        <div className="flex gap-1">
          {(["up", "down"] as const).map((direction) => (
            <Form method="post" key={direction}>
              <input type="hidden" name="id" value={category.id} />
              <input type="hidden" name="direction" value={direction} />
              <button
                type="submit"
                name="intent"
                value="move"
                className="btn-secondary min-w-11"
                disabled={direction === "up" ? first : last}
                aria-label={t(direction === "up" ? "adm.cat_up" : "adm.cat_down", { name: category.nameId })}
              >
                {direction === "up" ? "↑" : "↓"}
              </button>
            </Form>
          ))}
        </div>
      </div>
      <FormProblems result={result} intent="move" target={category.id} />
      <FormProblems result={result} intent="delete" target={category.id} />
      <details>
        <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-brand-800">
          {t("adm.cat_edit")}
        </summary>
        <Form method="post" className="mt-2 space-y-2">
          <input type="hidden" name="id" value={category.id} />
          <FormProblems result={result} intent="update" target={category.id} />
          <CategoryFields
            idPrefix={category.id}
            category={category}
            tops={tops.filter((top) => top.id !== category.id)}
          />
          <button type="submit" name="intent" value="update" className="btn-primary">
            {t("adm.save")}
          </button>
        </Form>
        {used === 0 && category._count.children === 0 ? (
          <Form method="post" className="mt-2">
            <input type="hidden" name="id" value={category.id} />
            <button type="submit" name="intent" value="delete" className="btn-danger">
              {t("adm.cat_delete")}
            </button>
          </Form>
        ) : (
          <p className="mt-2 text-sm text-stone-600">{t("adm.cat_delete_blocked")}</p>
        )}
      </details>
    </div>
  );
}

function CategoryFields({
  idPrefix,
  category,
  tops,
}: {
  idPrefix: string;
  category: Row | null;
  tops: Row[];
}) {
  const t = useT();
  return (
    <div className="grid gap-2 sm:grid-cols-3">
      <div className="space-y-1">
        <label htmlFor={`${idPrefix}-nameId`} className="block font-medium">
          {t("adm.cat_name_id")}
        </label>
        <input
          id={`${idPrefix}-nameId`}
          name="nameId"
          required
          maxLength={60}
          defaultValue={category?.nameId}
          className="field-input"
        />
      </div>
      <div className="space-y-1">
        <label htmlFor={`${idPrefix}-nameEn`} className="block font-medium">
          {t("adm.cat_name_en")}
        </label>
        <input
          id={`${idPrefix}-nameEn`}
          name="nameEn"
          required
          maxLength={60}
          defaultValue={category?.nameEn}
          className="field-input"
        />
      </div>
      <div className="space-y-1">
        <label htmlFor={`${idPrefix}-parent`} className="block font-medium">
          {t("adm.cat_parent")}
        </label>
        <select
          id={`${idPrefix}-parent`}
          name="parentId"
          defaultValue={category?.parentId ?? ""}
          className="field-input"
        >
          <option value="">{t("adm.cat_no_parent")}</option>
          {tops.map((top) => (
            <option key={top.id} value={top.id}>
              {top.nameId}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

export default function AdminCategories() {
  const t = useT();
  const { tops } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as AdminResult;
  return (
    <div className="space-y-4">
      <header>
        <h1 className="text-2xl font-bold">{t("adm.categories_title")}</h1>
        <p className="text-stone-600">{t("adm.categories_intro")}</p>
      </header>
      <AdminNotice result={result} />
      <AdminSection title={t("adm.cat_new")} id="new-category">
        <Form method="post" className="space-y-2">
          <FormProblems result={result} intent="create" />
          <CategoryFields idPrefix="new" category={null} tops={tops} />
          <button type="submit" name="intent" value="create" className="btn-primary">
            {t("adm.cat_create")}
          </button>
        </Form>
      </AdminSection>
      {tops.length === 0 ? <p className="card text-stone-600">{t("adm.cat_none")}</p> : null}
      {tops.map((top, i) => (
        <section key={top.id} className="card space-y-2">
          <CategoryRow
            category={top}
            tops={tops}
            result={result}
            first={i === 0}
            last={i === tops.length - 1}
          />
          <div className="space-y-2 border-l-4 border-stone-100 pl-3">
            {top.children.map((child, j) => (
              <CategoryRow
                key={child.id}
                category={child}
                tops={tops}
                result={result}
                first={j === 0}
                last={j === top.children.length - 1}
              />
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
