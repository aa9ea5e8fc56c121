import type { MessageKey, MessageParams } from "~/locales";
import { wibWeekKey } from "~/utils/delivery";
import { audit } from "../audit/audit";
import { type PaymentMethod, type ProductUnit, type SupplyMode, type Tx } from "../db/client";
import { notifyGroupManagers } from "../notifications/notifications";
import { tempoOutstanding } from "../payments/methods";
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
  const taken = orders.flatMap((order, orderIndex) =>
    order.lines.map((line, lineIndex) => ({ line, orderIndex, lineIndex, week: wibWeekKey(order.wantedBy) })),
  );
  taken.sort((a, b) =>
    a.line.product.id < b.line.product.id ? -1 : a.line.product.id > b.line.product.id ? 1 : 0,
  );
  const capacityWeeks = new Map<string, string>();
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
      if (!(await bookCapacity(tx, product, week, line.quantity))) {
        throw new PlacementConflict({ key: "checkout.week_full", params: { name: product.name } });
      }
      capacityWeeks.set(`${orderIndex} ${lineIndex}`, week);
    }
  }

  const placed = [];
  for (const [orderIndex, order] of orders.entries()) {
    const items = order.lines.map((line, lineIndex) => ({
      productId: line.product.id,
      productName: line.product.name,
      unit: line.product.unit,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      lineTotal: line.quantity * line.unitPrice,
      capacityWeek: capacityWeeks.get(`${orderIndex} ${lineIndex}`) ?? null,
    }));
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
    placed.push({ ...created, groupId: order.groupId, total: subtotal });
  }
  return placed;
}
