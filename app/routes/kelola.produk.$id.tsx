import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireGroupManager } from "~/.server/auth/guards";
import {
  duplicateProduct,
  getListingForGroup,
  setProductStatus,
  updateProduct,
} from "~/.server/catalog/listings";
import { listCategories } from "~/.server/catalog/products";
import { getTranslator } from "~/.server/http/lang";
import { readMultipartForm, tooLargeReply } from "~/.server/http/multipart";
import { invariantResponse } from "~/.server/http/responses";
import { ImageRejected } from "~/.server/images/pipeline";
import { ListingForm } from "~/components/listing-form";
import { photoOrder, ProductUpdateSchema } from "~/forms/product";
import { useT } from "~/utils/i18n";
import { PRODUCT_STATUS_KEYS } from "~/utils/labels";
import { plainTitle } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? plainTitle(matches, data.product.name) : [];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { group } = await requireGroupManager(request);
  const product = await getListingForGroup(group.id, params.id ?? "");
  invariantResponse(product);
  return { product, categories: await listCategories() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, group } = await requireGroupManager(request);
  const productId = params.id ?? "";
  // Another group's product is answered as missing before anything in the form is read.
  invariantResponse(await getListingForGroup(group.id, productId));
  const formData = await readMultipartForm(request);
  if (formData === "too_large") return tooLargeReply();
  const intent = formData.get("intent");

  if (intent === "duplicate") {
    const t = await getTranslator(request);
    const result = await duplicateProduct(group.id, viewer.id, productId, (name) =>
      t("product_form.copy_name", { name }),
    );
    if (!result.ok) throw new Response("Not found", { status: 404 });
    return redirect(`/kelola/produk/${result.productId}`);
  }
  if (intent === "archive" || intent === "restore") {
    const result = await setProductStatus(
      group.id,
      viewer.id,
      productId,
      intent === "archive" ? "ARCHIVED" : "DRAFT",
    );
    if (!result.ok) throw new Response("Not found", { status: 404 });
    return redirect(`/kelola/produk/${productId}`);
  }

  const submission = parseWithZod(formData, { schema: ProductUpdateSchema });
  if (submission.status !== "success") return Response.json(submission.reply(), { status: 400 });
  const { photos, existing, mainPhoto, ...input } = submission.value;
  try {
    const add = await Promise.all(photos.map(async (file) => new Uint8Array(await file.arrayBuffer())));
    const result = await updateProduct(group.id, viewer.id, productId, input, {
      keep: photoOrder(existing, mainPhoto),
      add,
    });
    if (!result.ok) {
      if (result.message === "product_form.not_found") throw new Response("Not found", { status: 404 });
      return Response.json(submission.reply({ fieldErrors: { [result.field]: [result.message] } }), {
        status: 400,
      });
    }
    return redirect(`/kelola/produk/${productId}?tersimpan=1`);
  } catch (error) {
    if (error instanceof ImageRejected) {
      return Response.json(submission.reply({ fieldErrors: { photos: [error.problem] } }), { status: 400 });
    }
    throw error;
  }
}

const text = (value: number | string | null | undefined) =>
  value === null || value === undefined ? "" : String(value);

export default function EditProduct() {
  const t = useT();
  const { product, categories } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const archived = product.status === "ARCHIVED";
  const pausedUntil = product.pausedUntil
    ? new Date(new Date(product.pausedUntil).getTime() + 7 * 3600_000).toISOString().slice(0, 10)
    : "";
  return (
    <section className="mx-auto max-w-lg space-y-4">
      <Link to="/kelola" className="link inline-flex min-h-11 items-center">
        ← {t("manage.back")}
      </Link>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("product_form.edit_title")}</h1>
        <span className="rounded-full bg-stone-200 px-3 py-1 text-sm font-semibold">
          {t(PRODUCT_STATUS_KEYS[product.status])}
        </span>
      </div>
      {searchParams.get("tersimpan") ? (
        <p role="status" className="rounded-lg border border-brand-600 bg-brand-50 p-3 text-brand-800">
          {t("product_form.saved")}
        </p>
      ) : null}
      {product.status === "ACTIVE" ? (
        <Link to={`/produk/${product.slug}`} className="link inline-flex min-h-11 items-center">
          {t("product_form.see_public")}
        </Link>
      ) : null}
      {archived ? (
        <p role="status" className="rounded-lg bg-stone-200 p-3">
          {t("product_form.archived_notice")}
        </p>
      ) : (
        <ListingForm
          key={product.id}
          mode="edit"
          categories={categories}
          lastResult={lastResult}
          photos={product.photos}
          defaults={{
            name: product.name,
            categoryId: product.categoryId,
            unit: product.unit,
            price: text(product.price),
            minOrderQuantity: text(product.minOrderQuantity),
            orderMultiple: text(product.orderMultiple),
            supplyMode: product.supplyMode,
            stock: text(product.stock),
            capacityPerWeek: text(product.capacityPerWeek),
            leadTimeDays: text(product.leadTimeDays),
            pausedUntil,
            halalCertificate: text(product.halalCertificate),
            pirtNumber: text(product.pirtNumber),
            bpomNumber: text(product.bpomNumber),
            description: product.description,
            status: product.status,
            tiers: product.tiers.map((tier) => ({
              minQuantity: text(tier.minQuantity),
              unitPrice: text(tier.unitPrice),
            })),
          }}
        />
      )}
      <div className="flex flex-wrap gap-2">
        <Form method="post" encType="multipart/form-data">
          <button type="submit" name="intent" value="duplicate" className="btn-secondary">
            {t("product_form.duplicate")}
          </button>
        </Form>
        <Form method="post" encType="multipart/form-data">
          <button
            type="submit"
            name="intent"
            value={archived ? "restore" : "archive"}
            className={archived ? "btn-secondary" : "btn-danger"}
          >
            {t(archived ? "product_form.restore" : "product_form.archive")}
          </button>
        </Form>
      </div>
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
