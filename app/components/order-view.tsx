import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import type {
  OrderStatus,
  PaymentMethod,
  PaymentStatus,
  ProductUnit,
} from "~/.server/db/generated/sqlite/enums";
import { useLang, useT } from "~/utils/i18n";
import {
  ORDER_STATUS_KEYS,
  PAYMENT_METHOD_KEYS,
  PAYMENT_STATUS_KEYS,
  UNIT_KEYS,
  isOrderStatus,
} from "~/utils/labels";
import { formatRupiah } from "~/utils/money";
import { formatDate, formatDateTime } from "~/utils/time";

export type OrderViewData = {
  number: string;
  status: OrderStatus;
  paymentMethod: PaymentMethod;
  paymentStatus: PaymentStatus;
  total: number;
  amountPaid: number;
  deliveryAddress: string;
  note: string;
  rejectReason: string | null;
  placedAt: Date | string;
  wantedBy: Date | string | null;
  downPayment: number;
  dueAt: Date | string | null;
  overdue: boolean;
  invoice: { number: string } | null;
  shipments: { sequence: number; shippedAt: Date | string }[];
  payments: { id: string; amount: number }[];
  group: {
    name: string;
    bankName: string | null;
    bankAccountNumber: string | null;
    bankAccountName: string | null;
    village: { name: string };
  };
  business: { name: string };
  items: {
    id: string;
    productName: string;
    unit: ProductUnit;
    quantity: number;
    unitPrice: number;
    lineTotal: number;
    quantityShipped: number;
  }[];
  events: {
    id: string;
    type: string;
    toStatus: OrderStatus | null;
    note: string;
    createdAt: Date | string;
    actor: { name: string } | null;
  }[];
};

const STATUS_TONE: Record<OrderStatus, string> = {
  PLACED: "bg-amber-100 text-amber-900",
  CONFIRMED: "bg-sky-100 text-sky-900",
  IN_PRODUCTION: "bg-sky-100 text-sky-900",
  SHIPPED: "bg-indigo-100 text-indigo-900",
  RECEIVED: "bg-brand-100 text-brand-800",
  COMPLETED: "bg-brand-600 text-white",
  REJECTED: "bg-red-100 text-red-900",
  CANCELLED: "bg-stone-200 text-stone-800",
};

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  const t = useT();
  return (
    <span className={`inline-block rounded-full px-3 py-1 text-sm font-semibold ${STATUS_TONE[status]}`}>
      {t(ORDER_STATUS_KEYS[status])}
    </span>
  );
}

export function OrderView({
  order,
  perspective,
  children,
}: {
  order: OrderViewData;
  perspective: "buyer" | "group";
  children?: ReactNode;
}) {
  const t = useT();
  const lang = useLang();
  const due = order.total - order.amountPaid;
  return (
    <article className="space-y-4">
      <header className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <p className="text-sm text-stone-600">{t("order.number_label")}</p>
          <h1 className="text-2xl font-bold">{order.number}</h1>
          <p className="text-sm text-stone-600">
            {perspective === "buyer" ? order.group.name : order.business.name} ·{" "}
            {formatDateTime(order.placedAt, lang)}
          </p>
        </div>
        <OrderStatusBadge status={order.status} />
      </header>

      {children}

      <section className="card" aria-labelledby="items-title">
        <h2 id="items-title" className="font-bold">
          {t("order.items")}
        </h2>
        <table className="mt-2 w-full text-sm">
          <thead>
            <tr className="border-b border-stone-200 text-left text-stone-600">
              <th className="py-1 font-medium">{t("order.product")}</th>
              <th className="py-1 text-right font-medium">{t("order.qty")}</th>
              <th className="py-1 text-right font-medium">{t("order.line_total")}</th>
            </tr>
          </thead>
          <tbody>
            {order.items.map((item) => (
              <tr key={item.id} className="border-b border-stone-100">
                <td className="py-2">
                  {item.productName}
                  <span className="block text-stone-500">
                    {formatRupiah(item.unitPrice)} / {t(UNIT_KEYS[item.unit])}
                  </span>
                </td>
                <td className="py-2 text-right">
                  {item.quantity} {t(UNIT_KEYS[item.unit])}
                  {item.quantityShipped > 0 && item.quantityShipped < item.quantity ? (
                    <span className="block text-stone-500">
                      {t("order.shipped_of", { shipped: item.quantityShipped, quantity: item.quantity })}
                    </span>
                  ) : null}
                </td>
                <td className="py-2 text-right">{formatRupiah(item.lineTotal)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th className="pt-2 text-left" colSpan={2}>
                {t("order.total")}
              </th>
              <td className="pt-2 text-right font-bold">{formatRupiah(order.total)}</td>
            </tr>
          </tfoot>
        </table>
      </section>

      <section className="card space-y-1" aria-labelledby="payment-title">
        <h2 id="payment-title" className="font-bold">
          {t("order.payment")}
        </h2>
        <p>
          {t(PAYMENT_METHOD_KEYS[order.paymentMethod])} ·{" "}
          <strong>{t(PAYMENT_STATUS_KEYS[order.paymentStatus])}</strong>
        </p>
        <p className="text-sm text-stone-600">
          {t("order.paid_and_due", {
            paid: formatRupiah(order.amountPaid),
            due: formatRupiah(Math.max(0, due)),
          })}
        </p>
        {order.dueAt && order.paymentStatus !== "PAID" ? (
          <p className={`text-sm font-medium ${order.overdue ? "text-red-800" : "text-stone-700"}`}>
            {t("order.due_on", { date: formatDate(order.dueAt, lang) })}
            {order.overdue ? ` · ${t("order.overdue")}` : ""}
          </p>
        ) : null}
        {order.downPayment > 0 ? (
          <p className="text-sm text-stone-600">
            {t("order.down_payment_label", { amount: formatRupiah(order.downPayment) })}
          </p>
        ) : null}
        {perspective === "buyer" && order.paymentMethod === "BANK_TRANSFER" && due > 0 ? (
          order.group.bankAccountNumber ? (
            <p className="rounded-lg bg-stone-100 p-3 text-sm">
              {t("order.transfer_to", {
                bank: order.group.bankName ?? "",
                account: order.group.bankAccountNumber,
                name: order.group.bankAccountName ?? order.group.name,
                amount: formatRupiah(due),
                number: order.number,
              })}
            </p>
          ) : (
            <p className="rounded-lg bg-stone-100 p-3 text-sm">{t("order.transfer_ask_group")}</p>
          )
        ) : null}
      </section>

      <section className="card text-sm" aria-labelledby="delivery-title">
        <h2 id="delivery-title" className="font-bold">
          {t("order.delivery")}
        </h2>
        <p className="mt-1 whitespace-pre-line">{order.deliveryAddress}</p>
        {order.wantedBy ? (
          <p className="mt-1 font-medium">
            {t("order.wanted_by", { date: formatDate(order.wantedBy, lang) })}
          </p>
        ) : null}
        {order.note ? (
          <p className="mt-2 text-stone-600">{t("order.note_label", { note: order.note })}</p>
        ) : null}
        {order.rejectReason ? (
          <p className="mt-2 text-red-800">
            {t("order.reject_reason_label", { reason: order.rejectReason })}
          </p>
        ) : null}
      </section>

      <OrderDocuments order={order} />

      <section className="card" aria-labelledby="timeline-title">
        <h2 id="timeline-title" className="font-bold">
          {t("order.timeline")}
        </h2>
        <ol className="mt-2 space-y-3 border-l-2 border-brand-100 pl-4">
          {order.events.map((event) => {
            const { label, detail } = eventText(t, event);
            return (
              <li key={event.id}>
                <p className="font-medium">{label}</p>
                <p className="text-sm text-stone-600">
                  {formatDateTime(event.createdAt, lang)} · {event.actor?.name ?? t("order.actor_system")}
                </p>
                {detail ? <p className="text-sm text-stone-700">{detail}</p> : null}
              </li>
            );
          })}
        </ol>
      </section>
    </article>
  );
}

/** Notes the app writes for itself ("shipment:2:40:0", "dp:150000", "auto"), in words. */
function structuredNote(t: ReturnType<typeof useT>, note: string): string | null {
  const shipment = /^shipment:(\d+):(\d+):(\d+)$/.exec(note);
  if (shipment) {
    return t("order.event_shipment", {
      n: shipment[1] ?? "",
      sent: shipment[2] ?? "",
      left: shipment[3] ?? "",
    });
  }
  const down = /^dp:(\d+)$/.exec(note);
  if (down) return t("order.event_down_payment", { amount: formatRupiah(Number(down[1])) });
  if (note === "auto") return t("order.event_auto_received", { days: 7 });
  return null;
}

/** What a timeline entry says, in the reader's language: its headline, then any detail. */
function eventText(
  t: ReturnType<typeof useT>,
  event: { type: string; toStatus: string | null; note: string },
): { label: string; detail: string | null } {
  const amount = formatRupiah(Number(event.note) || 0);
  const structured = structuredNote(t, event.note);
  switch (event.type) {
    case "payment":
      return { label: t("order.event_payment", { amount }), detail: null };
    case "refund":
      return { label: t("order.event_refund", { amount }), detail: null };
    case "proposal":
      return { label: t("order.event_proposal", { reason: event.note }), detail: null };
    case "proposal_accepted":
      return { label: t("order.event_proposal_accepted"), detail: null };
    case "proposal_declined":
      return { label: t("order.event_proposal_declined"), detail: null };
    case "transfer_reported":
      return { label: t("order.event_transfer_reported", { amount }), detail: null };
    case "transfer_declined":
      return { label: t("order.event_transfer_declined", { amount }), detail: null };
    case "payment_failed":
      return {
        label: event.note === "expired" ? t("order.event_card_expired") : t("order.event_card_declined"),
        detail: null,
      };
    case "shipment":
      // A later shipment of a partial delivery: the status stays Dikirim.
      return { label: structured ?? event.note, detail: null };
    default:
      return {
        label:
          event.toStatus && isOrderStatus(event.toStatus) ? t(ORDER_STATUS_KEYS[event.toStatus]) : event.note,
        // A reason typed by a person, or what the app noted (which shipment, the DP, taken as received).
        detail: structured ?? (event.note || null),
      };
  }
}

/** Links to the order's printable papers: tagihan once confirmed, surat jalan per shipment, kwitansi. */
function OrderDocuments({ order }: { order: OrderViewData }) {
  const t = useT();
  const base = `/dokumen/${order.number}`;
  const papers = [
    ...(order.invoice
      ? [{ path: "tagihan", label: t("document.invoice_link", { number: order.invoice.number }) }]
      : []),
    ...order.shipments.map((shipment) => ({
      path: `surat-jalan/${shipment.sequence}`,
      label: t("document.delivery_note_link", { n: shipment.sequence }),
    })),
    ...order.payments.map((payment, index) => ({
      path: `kwitansi/${index + 1}`,
      label: t("document.receipt_link", { amount: formatRupiah(payment.amount) }),
    })),
  ];
  const links = papers.map((paper) => ({
    ...paper,
    href: `${base}/${paper.path}`,
    pdf: `${base}/pdf/${paper.path}`,
  }));
  if (links.length === 0) return null;
  return (
    <section className="card" aria-labelledby="documents-title">
      <h2 id="documents-title" className="font-bold">
        {t("document.title")}
      </h2>
      <ul className="mt-1">
        {links.map((link) => (
          <li key={link.href} className="flex flex-wrap items-center gap-x-3">
            <a href={link.href} className="link inline-flex min-h-11 items-center">
              {link.label}
            </a>
            <a
              href={link.pdf}
              className="link inline-flex min-h-11 min-w-11 items-center justify-center text-sm"
            >
              PDF
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A step that needs a reason the other side will read (reject, cancel): a field and a red button. */
export function OrderReasonStep({
  step,
  label,
  button,
  disabled = false,
}: {
  step: string;
  label: string;
  button: string;
  disabled?: boolean;
}) {
  const id = `${step}-reason`;
  return (
    <Form method="post" className="space-y-2 border-t border-stone-200 pt-3">
      <input type="hidden" name="intent" value="transition" />
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      <input id={id} name="reason" className="field-input" maxLength={300} />
      <button type="submit" name="step" value={step} className="btn-danger" disabled={disabled}>
        {button}
      </button>
    </Form>
  );
}

const BUTTON_TONE = { primary: "btn-primary", secondary: "btn-secondary", danger: "btn-danger" } as const;

/** One step of the order's life as a one-button form (works without JavaScript). */
export function OrderStepButton({
  step,
  label,
  tone = "primary",
  disabled = false,
}: {
  step: string;
  label: string;
  tone?: keyof typeof BUTTON_TONE;
  disabled?: boolean;
}) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="transition" />
      <button type="submit" name="step" value={step} className={BUTTON_TONE[tone]} disabled={disabled}>
        {label}
      </button>
    </Form>
  );
}
