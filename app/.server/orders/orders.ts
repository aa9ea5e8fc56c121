import { randomBytes } from "node:crypto";
import { audit } from "../audit/audit";
import { db, type OrderStatus, type Tx } from "../db/client";
import { notifyGroupManagers, notifyBusinessUsers } from "../notifications/notifications";
import { orderFacts, OrderSummaryChanges } from "../summaries/group-month";
import { releaseCapacity } from "./capacity";
import { withOrderLocked } from "./lock";
import type { MessageKey } from "~/locales";
import { issueInvoice } from "../documents/invoices";
import { isOverdue, setTempoDueDate } from "./tempo";
import {
  AUTO_RECEIVE_DAYS,
  actionNeedsReason,
  actionsFor,
  canRecordPayment,
  guardProblem,
  nextStatus,
  OPEN_STATUSES,
  releasesStock,
  type OrderAction,
  type OrderFacts,
  type Party,
} from "./state";

const NUMBER_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"; // no 0/O, 1/I: read aloud on the phone

/** "JJR-2611-4KQ7P": year and month, then five characters nobody confuses. */
export function newOrderNumber(now = new Date()): string {
  const bytes = randomBytes(5);
  const tail = Array.from(bytes, (b) => NUMBER_ALPHABET[b % NUMBER_ALPHABET.length]).join("");
  const yymm = `${String(now.getUTCFullYear()).slice(2)}${String(now.getUTCMonth() + 1).padStart(2, "0")}`;
  return `JJR-${yymm}-${tail}`;
}

const orderDetailSelect = {
  id: true,
  number: true,
  status: true,
  paymentMethod: true,
  paymentStatus: true,
  subtotal: true,
  deliveryFee: true,
  total: true,
  amountPaid: true,
  downPayment: true,
  dueAt: true,
  deliveryAddress: true,
  wantedBy: true,
  note: true,
  rejectReason: true,
  placedAt: true,
  invoice: { select: { number: true } },
  rating: { select: { score: true, comment: true } },
  shipments: { orderBy: { sequence: "asc" as const }, select: { sequence: true, shippedAt: true } },
  group: {
    select: {
      id: true,
      name: true,
      slug: true,
      phone: true,
      bankName: true,
      bankAccountNumber: true,
      bankAccountName: true,
      village: { select: { name: true } },
    },
  },
  business: { select: { id: true, name: true, phone: true } },
  items: {
    select: {
      id: true,
      productName: true,
      unit: true,
      quantity: true,
      unitPrice: true,
      lineTotal: true,
      quantityShipped: true,
      product: { select: { slug: true } },
    },
  },
  events: {
    orderBy: [{ createdAt: "asc" as const }, { id: "asc" as const }],
    select: {
      id: true,
      type: true,
      fromStatus: true,
      toStatus: true,
      note: true,
      createdAt: true,
      actor: { select: { name: true } },
    },
  },
  payments: {
    where: { state: "SUCCEEDED" as const },
    orderBy: { receivedAt: "asc" as const },
    select: {
      id: true,
      amount: true,
      method: true,
      reference: true,
      receivedAt: true,
      recordedBy: { select: { name: true } },
    },
  },
};

export function factsOf(order: {
  amountPaid: number;
  downPayment: number;
  items: { quantity: number; quantityShipped: number }[];
}): OrderFacts {
  return {
    amountPaid: order.amountPaid,
    downPayment: order.downPayment,
    remainingToShip: order.items.reduce((sum, item) => sum + item.quantity - item.quantityShipped, 0),
  };
}

/** An order as its buyer sees it; null for anyone else's order. */
export async function getOrderForBusiness(businessId: string, number: string) {
  const order = await db.order.findFirst({ where: { number, businessId }, select: orderDetailSelect });
  return order
    ? {
        ...order,
        actions: actionsFor(order.status, "buyer", factsOf(order)),
        canPay: false,
        overdue: isOverdue(order, new Date()),
      }
    : null;
}

/** An order as the selling group sees it; null for another group's order. */
export async function getOrderForGroup(groupId: string, number: string) {
  const order = await db.order.findFirst({ where: { number, groupId }, select: orderDetailSelect });
  return order
    ? {
        ...order,
        actions: actionsFor(order.status, "group", factsOf(order)),
        canPay: canRecordPayment(order.status),
        overdue: isOverdue(order, new Date()),
      }
    : null;
}

const orderListSelect = {
  id: true,
  number: true,
  status: true,
  paymentMethod: true,
  paymentStatus: true,
  dueAt: true,
  total: true,
  placedAt: true,
  group: { select: { name: true } },
  business: { select: { name: true } },
  items: { select: { productName: true, quantity: true, unit: true }, take: 2 },
};

function withOverdue<T extends { paymentMethod: string; paymentStatus: string; dueAt: Date | null }>(
  rows: T[],
  now: Date,
) {
  return rows.map((row) => ({ ...row, overdue: isOverdue(row, now) }));
}

export async function listOrdersForBusiness(businessId: string, now = new Date()) {
  const rows = await db.order.findMany({
    where: { businessId },
    orderBy: { placedAt: "desc" },
    take: 100,
    select: orderListSelect,
  });
  return withOverdue(rows, now);
}

/** The orders one checkout made for this business (one per group). */
export async function listCheckoutOrders(businessId: string, checkoutId: string) {
  return db.order.findMany({
    where: { businessId, checkoutId },
    orderBy: { number: "asc" },
    select: { number: true, group: { select: { name: true } } },
  });
}

/** A group's orders that still need someone to act, oldest first, and the latest finished ones. */
export async function listOrdersForGroup(groupId: string, finishedCount = 5, now = new Date()) {
  const [open, finished] = await Promise.all([
    db.order.findMany({
      where: { groupId, status: { in: [...OPEN_STATUSES] } },
      orderBy: { placedAt: "asc" },
      take: 200,
      select: orderListSelect,
    }),
    db.order.findMany({
      where: { groupId, status: { notIn: [...OPEN_STATUSES] } },
      orderBy: { placedAt: "desc" },
      take: finishedCount,
      select: orderListSelect,
    }),
  ]);
  return { open: withOverdue(open, now), finished: withOverdue(finished, now) };
}

export type TransitionResult =
  | { ok: true; status: OrderStatus }
  | {
      ok: false;
      message: MessageKey;
      field?: "quantities" | "downPayment";
      params?: Record<string, number>;
    };

export type TransitionInput = {
  reason?: string;
  /** For "ship": units to send now per order item id; missing means all that remain. */
  quantities?: Record<string, number>;
  /** For "confirm": the down payment asked before work starts (made-to-order), in rupiah. */
  downPayment?: number;
};

const TIMESTAMP_FIELD: Partial<
  Record<OrderStatus, "confirmedAt" | "shippedAt" | "deliveredAt" | "completedAt" | "cancelledAt">
> = {
  CONFIRMED: "confirmedAt",
  SHIPPED: "shippedAt",
  RECEIVED: "deliveredAt",
  COMPLETED: "completedAt",
  CANCELLED: "cancelledAt",
};

/** Moves the order along its lifecycle if the state machine allows this party to; records who and why. */
export async function transitionOrder(
  tenant: { party: "group"; groupId: string } | { party: "buyer"; businessId: string },
  actorId: string,
  number: string,
  action: OrderAction,
  input: TransitionInput = {},
  now = new Date(),
): Promise<TransitionResult> {
  const key =
    tenant.party === "group"
      ? { number, groupId: tenant.groupId }
      : { number, businessId: tenant.businessId };
  const reason = input.reason?.trim() ?? "";
  return withOrderLocked<TransitionResult>(key, { ok: false, message: "order.not_found" }, (tx, orderId) =>
    transitionIn(tx, tenant.party, orderId, action, reason, input, actorId, now),
  );
}

/** The transition itself, in the caller's transaction, which holds the order's lock. */
async function transitionIn(
  tx: Tx,
  party: Party,
  orderId: string,
  action: OrderAction,
  reason: string,
  input: TransitionInput,
  actorId: string,
  now: Date,
): Promise<TransitionResult> {
  const order = await tx.order.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      id: true,
      status: true,
      groupId: true,
      businessId: true,
      number: true,
      total: true,
      amountPaid: true,
      downPayment: true,
      items: { select: { id: true, quantity: true, quantityShipped: true } },
    },
  });
  if (actionNeedsReason(action) && !reason) return { ok: false, message: "order.reason_required" };
  const to = nextStatus(order.status, action, party);
  if (!to) return { ok: false, message: "order.action_not_allowed" };
  const guard = guardProblem(action, factsOf(order));
  if (guard) return { ok: false, message: guard };
  if (to === "CANCELLED" && (await cardAttemptAbove(tx, order.id, 0))) {
    // Money could still arrive for it (closeOpenCardAttempts runs before a cancellation).
    return { ok: false, message: "order.cancel_card_open" };
  }

  let note = reason;
  if (action === "confirm" && input.downPayment) {
    if (input.downPayment >= order.total) {
      return {
        ok: false,
        message: "order.down_payment_too_large",
        field: "downPayment",
        params: { total: order.total },
      };
    }
    await tx.order.update({
      where: { id: order.id },
      data: { downPayment: input.downPayment },
      select: { id: true },
    });
    note = `dp:${input.downPayment}`;
  }
  if (action === "ship") {
    const shipped = await recordShipment(tx, order, input.quantities, now);
    if (!shipped.ok) return shipped;
    note = shipped.note;
  }
  const moved =
    order.status === to
      ? await recordStep(tx, order, to, actorId, note, now)
      : await applyTransition(tx, order, order.status, to, actorId, note, now, party);
  if (!moved) return { ok: false, message: "order.action_not_allowed" };
  if (to === "CONFIRMED") await issueInvoice(tx, order, now);
  const final = to === "RECEIVED" ? await completeIfSettled(tx, order.id, now) : to;
  return { ok: true, status: final };
}

/**
 * Whether a card attempt is still open for more than `due`. Card money is learnt after the fact
 * (the buyer pays in a tab left open), so nothing may bring what is due below an open attempt (a
 * cancellation, a lower price, money recorded by hand): the route closes the order's attempts
 * first (closeOpenCardAttempts), and this, read under the order's lock, refuses while one could
 * not be closed.
 */
export async function cardAttemptAbove(tx: Tx, orderId: string, due: number): Promise<boolean> {
  const open = await tx.payment.count({
    where: { orderId, method: "CARD", state: "PENDING", amount: { gt: due } },
  });
  return open > 0;
}

/**
 * One shipment: the units sent now (each line at most what remains, as read under the order's
 * lock, so two people shipping at once cannot send more than was ordered), added to what was shipped.
 */
async function recordShipment(
  tx: Tx,
  order: { id: string; items: { id: string; quantity: number; quantityShipped: number }[] },
  quantities: Record<string, number> | undefined,
  now: Date,
): Promise<{ ok: true; note: string } | { ok: false; message: MessageKey; field: "quantities" }> {
  const lines = order.items.map((item) => {
    const remaining = item.quantity - item.quantityShipped;
    return { item, remaining, now: quantities ? (quantities[item.id] ?? 0) : remaining };
  });
  if (quantities && Object.keys(quantities).some((id) => !order.items.some((item) => item.id === id))) {
    return { ok: false, message: "order.ship_unknown_line", field: "quantities" };
  }
  if (lines.some((line) => !Number.isInteger(line.now) || line.now < 0 || line.now > line.remaining)) {
    return { ok: false, message: "order.ship_more_than_left", field: "quantities" };
  }
  const sending = lines.filter((line) => line.now > 0);
  if (sending.length === 0) return { ok: false, message: "order.ship_nothing", field: "quantities" };
  const sequence = (await tx.shipment.count({ where: { orderId: order.id } })) + 1;
  const shipment = await tx.shipment.create({
    data: { orderId: order.id, sequence, shippedAt: now },
    select: { id: true },
  });
  for (const line of sending) {
    await tx.orderItem.update({
      where: { id: line.item.id },
      data: { quantityShipped: line.item.quantityShipped + line.now },
      select: { id: true },
    });
    await tx.shipmentLine.create({
      data: { shipmentId: shipment.id, orderItemId: line.item.id, quantity: line.now },
      select: { id: true },
    });
  }
  const sent = sending.reduce((sum, line) => sum + line.now, 0);
  const left = lines.reduce((sum, line) => sum + line.remaining - line.now, 0);
  return { ok: true, note: `shipment:${sequence}:${sent}:${left}` };
}

/** A step that does not change the status (a later shipment): timeline, audit, the buyer told. */
async function recordStep(
  tx: Tx,
  order: { id: string; groupId: string; businessId: string; number: string },
  status: OrderStatus,
  actorId: string,
  note: string,
  now: Date,
): Promise<boolean> {
  await tx.orderEvent.create({
    data: { orderId: order.id, type: "shipment", toStatus: status, actorId, note, createdAt: now },
    select: { id: true },
  });
  await audit(tx, {
    actorId,
    action: "order.shipment",
    entityType: "Order",
    entityId: order.id,
    groupId: order.groupId,
    businessId: order.businessId,
    data: { note },
  });
  await notifyBusinessUsers(
    tx,
    order.businessId,
    "notify.order_status",
    { number: order.number, status },
    `/pesanan/${order.number}`,
  );
  return true;
}

/**
 * Writes one status change. The update is conditional on the status it started from, so two people
 * pressing the same button at once change the order once.
 */
async function applyTransition(
  tx: Tx,
  order: { id: string; groupId: string; businessId: string; number: string },
  from: OrderStatus,
  to: OrderStatus,
  actorId: string | null,
  reason: string,
  now: Date,
  party: Party,
): Promise<boolean> {
  const stamp = TIMESTAMP_FIELD[to];
  const before = await orderFacts(tx, order.id);
  const updated = await tx.order.updateMany({
    where: { id: order.id, status: from },
    data: {
      status: to,
      ...(stamp ? { [stamp]: now } : {}),
      ...(to === "REJECTED" ? { rejectReason: reason } : {}),
    },
  });
  if (updated.count === 0) return false;
  if (releasesStock(to)) await releaseReservedStock(tx, order.id);
  if (to === "RECEIVED") await setTempoDueDate(tx, order.id, now);
  await tx.orderEvent.create({
    data: {
      orderId: order.id,
      type: "status",
      fromStatus: from,
      toStatus: to,
      actorId,
      note: reason,
      createdAt: now,
    },
    select: { id: true },
  });
  await audit(tx, {
    actorId,
    action: `order.${to.toLowerCase()}`,
    entityType: "Order",
    entityId: order.id,
    groupId: order.groupId,
    businessId: order.businessId,
    data: { from, to, by: party, reason },
  });
  const link = `/pesanan/${order.number}`;
  if (party === "group" || party === "system") {
    await notifyBusinessUsers(
      tx,
      order.businessId,
      "notify.order_status",
      { number: order.number, status: to },
      link,
    );
  }
  if (party === "buyer" || party === "system") {
    await notifyGroupManagers(
      tx,
      order.groupId,
      "notify.order_status",
      { number: order.number, status: to },
      `/kelola/pesanan/${order.number}`,
    );
  }
  // Refused, cancelled or delivered: the summaries follow, last in the transaction (group-month.ts).
  const summaries = new OrderSummaryChanges();
  summaries.record(before, await orderFacts(tx, order.id));
  await summaries.apply(tx);
  return true;
}

/** Gives back what the order held: ready stock it reserved and made-to-order capacity it booked. */
async function releaseReservedStock(tx: Tx, orderId: string) {
  const items = await tx.orderItem.findMany({
    where: { orderId },
    // Products in one order, always: two orders released at once never wait on each other crosswise.
    orderBy: { productId: "asc" },
    select: {
      productId: true,
      quantity: true,
      capacityWeek: true,
      product: { select: { supplyMode: true } },
    },
  });
  for (const item of items) {
    if (item.capacityWeek) {
      await releaseCapacity(tx, item.productId, item.capacityWeek, item.quantity);
    } else if (item.product.supplyMode === "READY_STOCK") {
      await tx.product.update({
        where: { id: item.productId },
        data: { stock: { increment: item.quantity } },
        select: { id: true },
      });
    }
  }
}

/** A received order that is paid in full is done (Selesai). Returns the status it ends in. */
export async function completeIfSettled(tx: Tx, orderId: string, now: Date): Promise<OrderStatus> {
  const order = await tx.order.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      id: true,
      status: true,
      total: true,
      amountPaid: true,
      groupId: true,
      businessId: true,
      number: true,
    },
  });
  if (order.status === "RECEIVED" && order.amountPaid >= order.total) {
    await applyTransition(tx, order, "RECEIVED", "COMPLETED", null, "", now, "system");
    return "COMPLETED";
  }
  return order.status;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Orders whose last shipment left more than AUTO_RECEIVE_DAYS ago, everything sent, and the buyer
 * never said: taken as received (and completed if paid). Safe to run from several servers at once:
 * each move is conditional on the order still being Dikirim. Returns how many moved.
 */
export async function autoReceiveOverdue(now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - AUTO_RECEIVE_DAYS * DAY_MS);
  const candidates = await db.order.findMany({
    where: { status: "SHIPPED", shipments: { some: {}, none: { shippedAt: { gt: cutoff } } } },
    select: { id: true },
    take: 500,
  });
  let moved = 0;
  for (const candidate of candidates) {
    const done = await withOrderLocked({ id: candidate.id }, false, async (tx, orderId) => {
      // Read again under the lock: the buyer may have said meanwhile, or a payment arrived.
      const order = await tx.order.findUniqueOrThrow({
        where: { id: orderId },
        select: {
          id: true,
          number: true,
          status: true,
          groupId: true,
          businessId: true,
          amountPaid: true,
          downPayment: true,
          items: { select: { quantity: true, quantityShipped: true } },
        },
      });
      if (!nextStatus(order.status, "auto_receive", "system")) return false;
      if (guardProblem("auto_receive", factsOf(order))) return false;
      const ok = await applyTransition(tx, order, order.status, "RECEIVED", null, "auto", now, "system");
      if (ok) await completeIfSettled(tx, order.id, now);
      return ok;
    });
    if (done) moved += 1;
  }
  return moved;
}
