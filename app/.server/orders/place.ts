import type { MessageKey, MessageParams } from "~/locales";
import { addWibDays, wibWeekKey } from "~/utils/delivery";
import { audit } from "../audit/audit";
import { type PaymentMethod, type ProductUnit, type SupplyMode, type Tx } from "../db/client";
import { standing } from "../db/locks";
import { notifyGroupManagers } from "../notifications/notifications";
import { tempoOutstanding } from "./tempo";
import { orderFacts, OrderSummaryChanges } from "../summaries/group-month";
import { bookCapacity } from "./capacity";
import { newOrderNumber } from "./orders";

// Placing orders, the one way: checkout (a cart split per group) and an accepted quote both come
// here, so an order looks the same whichever way it was made — stock reserved or capacity booked,
// a number, its lines, the PLACED event, the audit event, the group told.

export type PlacementProblem = { key: MessageKey; params?: MessageParams };

/** Thrown inside the caller's transaction when stock or capacity is gone: nothing is kept. */
export class PlacementConflict extends Error {
  constructor(readonly problem: PlacementProblem) {
    super(problem.key);
  }
}

export type PlacementLine = {
  product: {
    id: string;
    name: string;
    unit: ProductUnit;
    supplyMode: SupplyMode;
    capacityPerWeek: number | null;
  };
  quantity: number;
  unitPrice: number;
  /**
   * Made-to-order capacity may be taken over several weeks, from this moment's week up to the
   * wanted week, as much as each has left (an accepted quote: the group said it can make it by
   * then). Without it, as at checkout, the whole quantity is booked in the wanted week.
   */
  spreadFrom?: Date;
};

export type GroupOrderToPlace = {
  groupId: string;
  wantedBy: Date;
  note: string;
  lines: PlacementLine[];
};

export type Placement = {
  businessId: string;
  userId: string;
  paymentMethod: PaymentMethod;
  deliveryAddress: string;
  /** Orders of one checkout share it; null for an order that came another way. */
  checkoutId: string | null;
  now: Date;
  /** Extra facts for the "order.place" audit event (e.g. the quote it came from). */
  auditData?: Record<string, unknown>;
};

/**
 * Whether `total` more on tempo stays within the business's credit limit, checked inside the
 * placing transaction after taking the business's row lock (a no-op update): two placements at
 * once must not pass the limit together.
 */
export async function tempoCreditHolds(tx: Tx, businessId: string, total: number): Promise<boolean> {
  const business = await tx.business.update({
    where: { id: businessId },
    data: { creditLimit: { increment: 0 } },
    select: { creditLimit: true },
  });
  return (await tempoOutstanding(tx, businessId)) + total <= business.creditLimit;
}

/**
 * Places one order per group inside `tx`, all or nothing (a PlacementConflict throws out of the
 * caller's transaction). Stock and capacity are taken product by product in id order across all
 * the orders, as every change to an order takes them (decision 008): two placements (or a
 * placement and a cancellation) of the same products never wait on each other crosswise.
 * Returns the orders in the order given.
 */
export async function placeOrders(
  tx: Tx,
  placement: Placement,
  orders: GroupOrderToPlace[],
): Promise<{ id: string; number: string; groupId: string; total: number }[]> {
  const { businessId, userId, now } = placement;
  // TKM may suspend a business (no ordering) or a group (no orders) at any time: checked here, in
  // the placing transaction, whichever way the order comes (checkout or an accepted quote). The rows
  // are share-locked (db/locks standing), so a suspension being written waits for this order, and
  // one written just before is seen here, not the standing before it.
  const [buyer] = await standing(tx, "Business", [businessId]);
  if (buyer?.suspendedAt) throw new PlacementConflict({ key: "stew.business_suspended" });
  const suspendedGroup = (
    await standing(
      tx,
      "Group",
      orders.map((order) => order.groupId),
    )
  ).find((group) => group.suspendedAt);
  if (suspendedGroup) {
    throw new PlacementConflict({ key: "stew.group_suspended", params: { name: suspendedGroup.name } });
  }
  const taken = orders.flatMap((order, orderIndex) =>
    order.lines.map((line, lineIndex) => ({ line, orderIndex, lineIndex, week: wibWeekKey(order.wantedBy) })),
  );
  taken.sort((a, b) =>
    a.line.product.id < b.line.product.id ? -1 : a.line.product.id > b.line.product.id ? 1 : 0,
  );
  // Per line, the weeks its capacity was booked in and how much in each: one order item each.
  const capacityWeeks = new Map<string, { week: string; quantity: number }[]>();
  for (const { line, orderIndex, lineIndex, week } of taken) {
    const { product } = line;
    if (product.supplyMode === "READY_STOCK") {
      const reserved = await tx.product.updateMany({
        where: { id: product.id, status: "ACTIVE", stock: { gte: line.quantity } },
        data: { stock: { decrement: line.quantity } },
      });
      if (reserved.count === 0) {
        throw new PlacementConflict({ key: "checkout.sold_out", params: { name: product.name } });
      }
    } else if (product.capacityPerWeek !== null) {
      const parts = line.spreadFrom
        ? await bookOverWeeks(
            tx,
            { ...product, capacityPerWeek: product.capacityPerWeek },
            line.spreadFrom,
            week,
            line.quantity,
          )
        : (await bookCapacity(tx, product, week, line.quantity))
          ? [{ week, quantity: line.quantity }]
          : null;
      if (!parts) throw new PlacementConflict({ key: "checkout.week_full", params: { name: product.name } });
      capacityWeeks.set(`${orderIndex} ${lineIndex}`, parts);
    }
  }

  const placed = [];
  const summaries = new OrderSummaryChanges();
  for (const [orderIndex, order] of orders.entries()) {
    const items = order.lines.flatMap((line, lineIndex) =>
      (capacityWeeks.get(`${orderIndex} ${lineIndex}`) ?? [{ week: null, quantity: line.quantity }]).map(
        (part) => ({
          productId: line.product.id,
          productName: line.product.name,
          unit: line.product.unit,
          quantity: part.quantity,
          unitPrice: line.unitPrice,
          lineTotal: part.quantity * line.unitPrice,
          capacityWeek: part.week,
        }),
      ),
    );
    const subtotal = items.reduce((sum, item) => sum + item.lineTotal, 0);
    const created = await tx.order.create({
      data: {
        number: newOrderNumber(now),
        checkoutId: placement.checkoutId,
        groupId: order.groupId,
        businessId,
        placedById: userId,
        paymentMethod: placement.paymentMethod,
        subtotal,
        total: subtotal,
        deliveryAddress: placement.deliveryAddress,
        wantedBy: order.wantedBy,
        note: order.note,
        placedAt: now,
        items: { create: items },
        events: { create: { type: "status", toStatus: "PLACED", actorId: userId, createdAt: now } },
      },
      select: { id: true, number: true },
    });
    await audit(tx, {
      actorId: userId,
      action: "order.place",
      entityType: "Order",
      entityId: created.id,
      groupId: order.groupId,
      businessId,
      data: {
        ...(placement.checkoutId ? { checkoutId: placement.checkoutId } : {}),
        ...placement.auditData,
        total: subtotal,
        items: items.map((item) => ({
          productId: item.productId,
          quantity: item.quantity,
          unitPrice: item.unitPrice,
        })),
      },
    });
    await notifyGroupManagers(
      tx,
      order.groupId,
      "notify.order_placed",
      { number: created.number },
      `/kelola/pesanan/${created.number}`,
    );
    summaries.record(null, await orderFacts(tx, created.id));
    placed.push({ ...created, groupId: order.groupId, total: subtotal });
  }
  // Last, in key order: the summary rows are the transaction's last locks (group-month.ts).
  await summaries.apply(tx);
  return placed;
}

/**
 * Books `quantity` of a product's weekly capacity over the weeks from `from`'s up to `lastWeek`,
 * the wanted week first and then the weeks before it, as much as each has left — what fits in the
 * wanted week is booked there, as at checkout, and earlier weeks stay free for other orders as long
 * as they can. Each booking is checkout's conditional update. Null when the weeks together have
 * too little (nothing is kept: the caller throws).
 */
async function bookOverWeeks(
  tx: Tx,
  product: { id: string; capacityPerWeek: number },
  from: Date,
  lastWeek: string,
  quantity: number,
): Promise<{ week: string; quantity: number }[] | null> {
  const firstWeek = wibWeekKey(from);
  const parts: { week: string; quantity: number }[] = [];
  let left = quantity;
  for (
    let week = lastWeek;
    week >= firstWeek && left > 0;
    week = wibWeekKey(addWibDays(new Date(`${week}T12:00:00+07:00`), -7))
  ) {
    const booked = await tx.capacityBooking.findUnique({
      where: { productId_week: { productId: product.id, week } },
      select: { booked: true },
    });
    const take = Math.min(left, product.capacityPerWeek - (booked?.booked ?? 0));
    if (take <= 0) continue;
    if (!(await bookCapacity(tx, product, week, take))) return null;
    parts.unshift({ week, quantity: take });
    left -= take;
  }
  return left > 0 ? null : parts;
}
