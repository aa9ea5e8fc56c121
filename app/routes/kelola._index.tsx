import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireGroupManager } from "~/.server/auth/guards";
import { listGroupProducts } from "~/.server/catalog/products";
import { getLang } from "~/.server/http/lang";
import { readForm } from "~/.server/http/form";
import { introduceGroup, suggestBusinessesForGroup } from "~/.server/matching/suggestions";
import { listOrdersForGroup } from "~/.server/orders/orders";
import { groupDashboard } from "~/.server/reports/dashboard";
import { FormErrors } from "~/components/forms";
import { OrderList } from "~/components/order-list";
import { SalesDashboard } from "~/components/sales-dashboard";
import { BusinessSuggestions } from "~/components/suggestions";
import { IntroduceSchema } from "~/forms/suggest";
import { encodeProblem, useT } from "~/utils/i18n";
import { PRODUCT_STATUS_KEYS, UNIT_KEYS } from "~/utils/labels";
import { pageTitle } from "~/utils/meta";
import { formatRupiah } from "~/utils/money";
import { ResponsiveImage } from "~/components/responsive-image";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "manage.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const { group } = await requireGroupManager(request);
  const [products, orders, suggestions, sales] = await Promise.all([
    listGroupProducts(group.id),
    listOrdersForGroup(group.id),
    suggestBusinessesForGroup({ groupId: group.id }),
    groupDashboard({ groupId: group.id }),
  ]);
  const url = new URL(request.url);
  // After saving a draft (see kelola.produk.baru): only a product of her own group is named.
  const savedId = url.searchParams.get("tersimpan");
  const saved = products.find((product) => product.id === savedId) ?? null;
  // After an introduction: only a business among her own suggestions is named.
  const introducedId = url.searchParams.get("dikenalkan");
  const introduced = suggestions.suggestions.find((business) => business.businessId === introducedId) ?? null;
  return {
    group,
    products,
    orders,
    saved: saved && { id: saved.id, name: saved.name },
    suggestions,
    hasPhone: suggestions.hasPhone,
    introduced: introduced && introduced.name,
    sales,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { viewer, group } = await requireGroupManager(request);
  const submission = parseWithZod(await readForm(request), { schema: IntroduceSchema });
  if (submission.status !== "success") return Response.json(submission.reply(), { status: 400 });
  const result = await introduceGroup({ groupId: group.id }, viewer.id, submission.value.businessId);
  if (!result.ok) {
    if (result.notFound) throw new Response("Not found", { status: 404 });
    const lang = await getLang(request);
    return Response.json(submission.reply({ formErrors: [encodeProblem(result, lang)] }), { status: 400 });
  }
  return redirect(
    `/kelola?dikenalkan=${encodeURIComponent(submission.value.businessId)}#business-suggestions`,
  );
}

export default function ManageShop() {
  const t = useT();
  const { group, products, orders, saved, suggestions, hasPhone, introduced, sales } =
    useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const waiting = orders.open.filter((o) => o.status === "PLACED").length;
  return (
    <div className="space-y-6">
      <header>
        <p className="text-sm text-stone-600">{t("manage.your_group")}</p>
        <h1 className="text-2xl font-bold">{group.name}</h1>
        <nav className="flex flex-wrap gap-x-4">
          <Link to="/kelola/profil" className="link inline-flex min-h-11 items-center">
            {t("manage.profile_link")}
          </Link>
          <Link to="/kelola/konsinyasi" className="link inline-flex min-h-11 items-center">
            {t("nav.consignment")}
          </Link>
          <Link to="/kelola/kas" className="link inline-flex min-h-11 items-center">
            {t("book.nav")}
          </Link>
          <Link to="/kelola/anggota" className="link inline-flex min-h-11 items-center">
            {t("members.nav_members")}
          </Link>
          <Link to="/kelola/bagi-hasil" className="link inline-flex min-h-11 items-center">
            {t("members.nav_sharing")}
          </Link>
          {group.role === "KETUA" ? (
            <Link to="/kelola/akun-anggota" className="link inline-flex min-h-11 items-center">
              {t("account.manage_link")}
            </Link>
          ) : null}
        </nav>
        {saved ? (
          <div
            role="status"
            className="mt-2 rounded-lg border border-brand-600 bg-brand-50 p-3 text-brand-800"
          >
            <p className="font-medium">{t("manage.saved_draft", { name: saved.name })}</p>
            <Link to={`/kelola/produk/${saved.id}`} className="link inline-flex min-h-11 items-center">
              {t("manage.edit_saved", { name: saved.name })}
            </Link>
          </div>
        ) : null}
        {waiting > 0 ? (
          <p role="status" className="mt-2 rounded-lg bg-amber-100 p-3 font-medium text-amber-900">
            {t("manage.orders_waiting", { count: waiting })}
          </p>
        ) : null}
      </header>

      <section aria-labelledby="orders-title" className="space-y-2">
        <h2 id="orders-title" className="text-xl font-bold">
          {t("manage.open_orders")}
        </h2>
        <OrderList orders={orders.open} hrefBase="/kelola/pesanan" perspective="group" />
        {orders.finished.length > 0 ? (
          <>
            <h3 className="pt-2 font-semibold text-stone-700">{t("manage.recently_finished")}</h3>
            <OrderList orders={orders.finished} hrefBase="/kelola/pesanan" perspective="group" />
          </>
        ) : null}
      </section>

      <SalesDashboard data={sales} />

      {introduced ? (
        <p role="status" className="rounded-lg border border-brand-600 bg-brand-50 p-3 text-brand-800">
          {t("suggest.introduce.done", { name: introduced })}
        </p>
      ) : null}
      <FormErrors errors={lastResult?.error?.[""] ?? null} />
      <BusinessSuggestions data={suggestions} hasPhone={hasPhone} />

      <section aria-labelledby="products-title" className="space-y-2">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="products-title" className="text-xl font-bold">
            {t("manage.products")}
          </h2>
          <Link to="/kelola/produk/baru" className="btn-primary">
            + {t("manage.add_product")}
          </Link>
        </div>
        {products.length === 0 ? (
          <p className="card text-stone-600">{t("manage.no_products")}</p>
        ) : (
          <ul className="space-y-2">
            {products.map((product) => (
              <li key={product.id} className="card flex items-center gap-3 p-3">
                {product.image ? (
                  <ResponsiveImage
                    image={{ ...product.image, width: 64, height: 48 }}
                    alt=""
                    sizes="64px"
                    className="h-12 w-16 rounded object-cover"
                  />
                ) : null}
                <div className="flex-1">
                  <Link to={`/kelola/produk/${product.id}`} className="font-semibold hover:underline">
                    {product.name}
                  </Link>
                  <p className="text-sm text-stone-600">
                    {formatRupiah(product.price)} / {t(UNIT_KEYS[product.unit])} ·{" "}
                    {t("manage.stock_left", { count: product.stock })} ·{" "}
                    {t(PRODUCT_STATUS_KEYS[product.status])}
                  </p>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
