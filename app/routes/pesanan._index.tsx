import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireBuyer } from "~/.server/auth/guards";
import { suggestGroupsForBuyer } from "~/.server/matching/suggestions";
import { listCheckoutOrders, listOrdersForBusiness } from "~/.server/orders/orders";
import { OrderList } from "~/components/order-list";
import { GroupSuggestions } from "~/components/suggestions";
import { useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "orders.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const { business } = await requireBuyer(request);
  const [orders, suggestions] = await Promise.all([
    listOrdersForBusiness(business.id),
    suggestGroupsForBuyer({ businessId: business.id }, { limit: 3 }),
  ]);
  // Just after checkout: the orders it made (one per group), named so the buyer knows what happened.
  const checkoutId = new URL(request.url).searchParams.get("checkout");
  const justPlaced = checkoutId ? await listCheckoutOrders(business.id, checkoutId) : [];
  return { business, orders, justPlaced, suggestions };
}

export default function BuyerOrders() {
  const t = useT();
  const { business, orders, justPlaced, suggestions } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-4">
      <header>
        <h1 className="text-2xl font-bold">{t("orders.title")}</h1>
        <p className="text-stone-600">{business.name}</p>
        <nav className="flex flex-wrap gap-x-4" aria-label={t("orders.title")}>
          <Link to="/konsinyasi" className="link inline-flex min-h-11 items-center">
            {t("nav.consignment")}
          </Link>
          <Link to="/alamat" className="link inline-flex min-h-11 items-center">
            {t("address.title")}
          </Link>
        </nav>
      </header>
      {justPlaced.length > 0 ? (
        <div role="status" className="space-y-1 rounded-lg bg-brand-100 p-3 text-brand-900">
          <p className="font-medium">{t("checkout.placed", { count: justPlaced.length })}</p>
          <ul className="list-inside list-disc">
            {justPlaced.map((order) => (
              <li key={order.number}>
                <Link to={`/pesanan/${order.number}`} className="link">
                  {order.number}
                </Link>{" "}
                — {order.group.name}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <OrderList orders={orders} hrefBase="/pesanan" perspective="buyer" />
      {orders.length === 0 ? (
        <Link to="/produk" className="btn-primary">
          {t("home.browse")}
        </Link>
      ) : null}
      <GroupSuggestions data={suggestions} businessName={business.name} />
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
