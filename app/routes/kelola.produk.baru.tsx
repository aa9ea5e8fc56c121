import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireGroupManager } from "~/.server/auth/guards";
import { createProduct } from "~/.server/catalog/listings";
import { listCategories } from "~/.server/catalog/products";
import { readMultipartForm, tooLargeReply } from "~/.server/http/multipart";
import { ImageRejected } from "~/.server/images/pipeline";
import { ListingForm } from "~/components/listing-form";
import { ProductSchema } from "~/forms/product";
import { useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "product_form.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireGroupManager(request);
  return { categories: await listCategories() };
}

export async function action({ request }: ActionFunctionArgs) {
  const { viewer, group } = await requireGroupManager(request);
  const formData = await readMultipartForm(request);
  if (formData === "too_large") return tooLargeReply();
  const submission = parseWithZod(formData, { schema: ProductSchema });
  if (submission.status !== "success") return Response.json(submission.reply(), { status: 400 });
  const { photos, ...input } = submission.value;
  try {
    const bytes = await Promise.all(photos.map(async (file) => new Uint8Array(await file.arrayBuffer())));
    const result = await createProduct(group.id, viewer.id, input, bytes);
    if (!result.ok) {
      const reply =
        result.field === "form"
          ? submission.reply({ formErrors: [result.message] })
          : submission.reply({ fieldErrors: { [result.field]: [result.message] } });
      return Response.json(reply, { status: 400 });
    }
    // A draft has no public page yet: she lands on her shop, where it is listed with a way back.
    return redirect(
      input.status === "DRAFT" ? `/kelola?tersimpan=${result.productId}` : `/produk/${result.slug}`,
    );
  } catch (error) {
    if (error instanceof ImageRejected) {
      return Response.json(submission.reply({ fieldErrors: { photos: [error.problem] } }), { status: 400 });
    }
    throw error;
  }
}

export default function NewProduct() {
  const t = useT();
  const { categories } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <section className="mx-auto max-w-lg space-y-4">
      <Link to="/kelola" className="link inline-flex min-h-11 items-center">
        ← {t("manage.back")}
      </Link>
      <h1 className="text-2xl font-bold">{t("product_form.title")}</h1>
      <ListingForm
        mode="create"
        categories={categories}
        lastResult={lastResult}
        defaults={{
          unit: "PCS",
          minOrderQuantity: "1",
          orderMultiple: "1",
          stock: "0",
          leadTimeDays: "1",
          supplyMode: "READY_STOCK",
          status: "ACTIVE",
        }}
      />
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
