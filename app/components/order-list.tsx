import { Link } from "@remix-run/react";
import type { OrderStatus, ProductUnit } from "~/.server/db/generated/sqlite/enums";
import { useLang, useT } from "~/utils/i18n";
import { UNIT_KEYS } from "~/utils/labels";
import { formatRupiah } from "~/utils/money";
import { formatDate } from "~/utils/time";
import { OrderStatusBadge } from "./order-view";

type Row = {
  number: string;
  status: OrderStatus;
  total: number;
  placedAt: Date | string;
  group: { name: string };
  business: { name: string };
  items: { productName: string; quantity: number; unit: ProductUnit }[];
  overdue?: boolean;
};

export function OrderList({
  orders,
  hrefBase,
  perspective,
}: {
  orders: Row[];
  hrefBase: string;
  perspective: "buyer" | "group";
}) {
  const t = useT();
  const lang = useLang();
  if (orders.length === 0) return <p className="card text-stone-600">{t("orders.empty")}</p>;
  return (
    <ul className="space-y-2">
      {orders.map((order) => (
        <li key={order.number}>
          <Link
            to={`${hrefBase}/${order.number}`}
            className="card flex flex-wrap items-center justify-between gap-2 p-3 hover:border-brand-600"
          >
            <div>
              <p className="font-semibold">
                {order.number} · {perspective === "buyer" ? order.group.name : order.business.name}
              </p>
              <p className="text-sm text-stone-600">
                {order.items
                  .map((item) => `${item.productName} (${item.quantity} ${t(UNIT_KEYS[item.unit])})`)
                  .join(", ")}
              </p>
              <p className="text-sm text-stone-500">
                {formatDate(order.placedAt, lang)} · {formatRupiah(order.total)}
              </p>
            </div>
            <span className="flex flex-wrap gap-1">
              {order.overdue ? (
                <span className="rounded-full bg-red-100 px-3 py-1 text-sm font-semibold text-red-900">
                  {t("order.overdue")}
                </span>
              ) : null}
              <OrderStatusBadge status={order.status} />
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
