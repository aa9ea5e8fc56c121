import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireBuyer } from "~/.server/auth/guards";
import { listOrdersForBusiness } from "~/.server/orders/orders";
import { OrderList } from "~/components/order-list";
import { useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "orders.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const { business } = await requireBuyer(request);
  return { business, orders: await listOrdersForBusiness(business.id) };
}

export default function BuyerOrders() {
  const t = useT();
  const { business, orders } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-4">
      <header>
        <h1 className="text-2xl font-bold">{t("orders.title")}</h1>
        <p className="text-stone-600">{business.name}</p>
      </header>
      <OrderList orders={orders} hrefBase="/pesanan" perspective="buyer" />
      {orders.length === 0 ? (
        <Link to="/produk" className="btn-primary">
          {t("home.browse")}
        </Link>
      ) : null}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
