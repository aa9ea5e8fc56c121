import { randomBytes } from "node:crypto";
import { audit } from "../audit/audit";
import { db, type OrderStatus, type Tx } from "../db/client";
import { notifyGroupManagers, notifyBusinessUsers } from "../notifications/notifications";
import { releaseCapacity } from "./capacity";
import {
  actionsFor,
  canRecordPayment,
  nextStatus,
  OPEN_STATUSES,
  releasesStock,
  type OrderAction,
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
  deliveryAddress: true,
  note: true,
  rejectReason: true,
  placedAt: true,
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

/** An order as its buyer sees it; null for anyone else's order. */
export async function getOrderForBusiness(businessId: string, number: string) {
  const order = await db.order.findFirst({ where: { number, businessId }, select: orderDetailSelect });
  return order ? { ...order, actions: actionsFor(order.status, "buyer"), canPay: false } : null;
}

/** An order as the selling group sees it; null for another group's order. */
export async function getOrderForGroup(groupId: string, number: string) {
  const order = await db.order.findFirst({ where: { number, groupId }, select: orderDetailSelect });
  return order
    ? { ...order, actions: actionsFor(order.status, "group"), canPay: canRecordPayment(order.status) }
    : null;
}

const orderListSelect = {
  id: true,
  number: true,
  status: true,
  paymentStatus: true,
  total: true,
  placedAt: true,
  group: { select: { name: true } },
  business: { select: { name: true } },
  items: { select: { productName: true, quantity: true, unit: true }, take: 2 },
};

export async function listOrdersForBusiness(businessId: string) {
  return db.order.findMany({
    where: { businessId },
    orderBy: { placedAt: "desc" },
    take: 100,
    select: orderListSelect,
  });
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
export async function listOrdersForGroup(groupId: string, finishedCount = 5) {
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
  return { open, finished };
}

export type TransitionResult =
  | { ok: true; status: OrderStatus }
  | { ok: false; message: "order.not_found" | "order.action_not_allowed" | "order.reason_required" };

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
  reason: string | undefined,
  now = new Date(),
): Promise<TransitionResult> {
  const where =
    tenant.party === "group"
      ? { number, groupId: tenant.groupId }
      : { number, businessId: tenant.businessId };
  return db.$transaction(async (tx) => {
    const order = await tx.order.findFirst({
      where,
      select: { id: true, status: true, groupId: true, businessId: true, number: true },
    });
    if (!order) return { ok: false, message: "order.not_found" } as const;
    if (action === "reject" && !reason) return { ok: false, message: "order.reason_required" } as const;
    const to = nextStatus(order.status, action, tenant.party);
    if (!to) return { ok: false, message: "order.action_not_allowed" } as const;
    const moved = await applyTransition(
      tx,
      order,
      order.status,
      to,
      actorId,
      reason ?? "",
      now,
      tenant.party,
    );
    if (!moved) return { ok: false, message: "order.action_not_allowed" } as const;
    const final = to === "RECEIVED" ? await completeIfSettled(tx, order.id, now) : to;
    return { ok: true, status: final } as const;
  });
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
  return true;
}

/** Gives back what the order held: ready stock it reserved and made-to-order capacity it booked. */
async function releaseReservedStock(tx: Tx, orderId: string) {
  const items = await tx.orderItem.findMany({
    where: { orderId },
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
