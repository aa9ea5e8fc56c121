import { formatPhoneForDisplay } from "~/utils/phone";
import type { Viewer } from "../auth/guards";
import { db, type PaymentMethod, type ProductUnit } from "../db/client";

// The order's papers: tagihan (invoice), surat jalan (delivery note, one per shipment) and kwitansi
// (receipt, one per payment). No "Faktur Pajak": the groups are not VAT-registered. The same data
// feeds the printable page and the PDF.

export type DocumentKind = "tagihan" | "surat-jalan" | "kwitansi";

export type OrderDocument = {
  kind: DocumentKind;
  number: string;
  issuedAt: Date;
  orderNumber: string;
  seller: {
    name: string;
    place: string;
    phone: string | null;
    bank: { name: string; account: string; holder: string } | null;
  };
  buyer: { name: string; address: string; phone: string | null };
  lines: {
    name: string;
    unit: ProductUnit;
    quantity: number;
    unitPrice: number | null;
    lineTotal: number | null;
  }[];
  total: number | null;
  paid: number | null;
  due: number | null;
  paymentMethod: PaymentMethod;
  wantedBy: Date | null;
  receipt: { amount: number; method: PaymentMethod; reference: string; receivedAt: Date } | null;
};

/** Parses "tagihan", "surat-jalan/2", "kwitansi/1" into a kind and a position. */
function parseDocumentPath(path: string): { kind: DocumentKind; position: number } | null {
  const match = /^(tagihan|surat-jalan|kwitansi)(?:\/(\d{1,4}))?$/.exec(path);
  if (!match) return null;
  const kind = match[1] as DocumentKind;
  const position = match[2] ? Number(match[2]) : 1;
  if (kind === "tagihan" && match[2]) return null;
  return position >= 1 ? { kind, position } : null;
}

/**
 * A document of an order the viewer is party to (its buyer, or a manager of its group), named by
 * its path ("tagihan", "surat-jalan/2", "kwitansi/1"); null for anyone else or any other path.
 */
export async function getOrderDocument(
  viewer: Viewer,
  orderNumber: string,
  documentPath: string,
): Promise<OrderDocument | null> {
  const path = parseDocumentPath(documentPath);
  if (!path) return null;
  const { kind, position } = path;
  const parties = [
    ...(viewer.business ? [{ businessId: viewer.business.id }] : []),
    ...(viewer.managedGroup ? [{ groupId: viewer.managedGroup.id }] : []),
  ];
  if (parties.length === 0) return null;
  const order = await db.order.findFirst({
    where: { number: orderNumber, OR: parties },
    select: {
      number: true,
      total: true,
      amountPaid: true,
      paymentMethod: true,
      deliveryAddress: true,
      wantedBy: true,
      placedAt: true,
      invoice: { select: { number: true, issuedAt: true } },
      group: {
        select: {
          name: true,
          phone: true,
          rw: true,
          bankName: true,
          bankAccountNumber: true,
          bankAccountName: true,
          village: { select: { name: true, parent: { select: { name: true } } } },
        },
      },
      business: { select: { name: true, phone: true } },
      items: {
        orderBy: { id: "asc" },
        select: { id: true, productName: true, unit: true, quantity: true, unitPrice: true, lineTotal: true },
      },
      shipments: {
        orderBy: { sequence: "asc" },
        select: { sequence: true, shippedAt: true, lines: { select: { orderItemId: true, quantity: true } } },
      },
      payments: {
        where: { state: { in: ["SUCCEEDED", "REFUNDED"] } },
        orderBy: [{ receivedAt: "asc" }, { id: "asc" }],
        select: { amount: true, method: true, reference: true, receivedAt: true },
      },
    },
  });
  if (!order) return null;
  const { group } = order;
  const common = {
    orderNumber: order.number,
    seller: {
      name: group.name,
      place: [group.rw ? `RW ${group.rw}` : null, group.village.name, group.village.parent?.name]
        .filter(Boolean)
        .join(", "),
      phone: group.phone ? formatPhoneForDisplay(group.phone) : null,
      bank:
        group.bankName && group.bankAccountNumber
          ? {
              name: group.bankName,
              account: group.bankAccountNumber,
              holder: group.bankAccountName ?? group.name,
            }
          : null,
    },
    buyer: {
      name: order.business.name,
      address: order.deliveryAddress,
      phone: order.business.phone ? formatPhoneForDisplay(order.business.phone) : null,
    },
    paymentMethod: order.paymentMethod,
    wantedBy: order.wantedBy,
  };
  const priced = order.items.map((item) => ({
    name: item.productName,
    unit: item.unit,
    quantity: item.quantity,
    unitPrice: item.unitPrice,
    lineTotal: item.lineTotal,
  }));

  if (kind === "tagihan") {
    if (!order.invoice) return null;
    return {
      ...common,
      kind,
      number: order.invoice.number,
      issuedAt: order.invoice.issuedAt,
      lines: priced,
      total: order.total,
      paid: order.amountPaid,
      due: Math.max(0, order.total - order.amountPaid),
      receipt: null,
    };
  }
  if (kind === "surat-jalan") {
    const shipment = order.shipments[position - 1];
    if (!shipment) return null;
    const items = new Map(order.items.map((item) => [item.id, item]));
    return {
      ...common,
      kind,
      number: `SJ/${order.number}/${shipment.sequence}`,
      issuedAt: shipment.shippedAt,
      lines: shipment.lines.flatMap((line) => {
        const item = items.get(line.orderItemId);
        return item
          ? [
              {
                name: item.productName,
                unit: item.unit,
                quantity: line.quantity,
                unitPrice: null,
                lineTotal: null,
              },
            ]
          : [];
      }),
      total: null,
      paid: null,
      due: null,
      receipt: null,
    };
  }
  const payment = order.payments[position - 1];
  if (!payment?.receivedAt) return null;
  return {
    ...common,
    kind,
    number: `KW/${order.number}/${position}`,
    issuedAt: payment.receivedAt,
    lines: priced,
    total: order.total,
    paid: null,
    due: null,
    receipt: {
      amount: payment.amount,
      method: payment.method,
      reference: payment.reference,
      receivedAt: payment.receivedAt,
    },
  };
}
