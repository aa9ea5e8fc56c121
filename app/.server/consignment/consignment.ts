import type { MessageKey } from "~/locales";
import { recordConsignmentIncome } from "../ledger/cash-book";
import { audit } from "../audit/audit";
import { db } from "../db/client";
import { lockRow } from "../db/locks";
import { notifyBusinessUsers, notifyGroupManagers } from "../notifications/notifications";

// Konsinyasi: the group places goods at a shop; each period the shop reports what sold (and what
// it gives back) and pays for what sold, less the agreed commission. A small ledger per placement:
// placed, then reports, each with what is due and whether it was paid. Unsold goods either return
// (a report's "returned") or stay for the next period.

export type ConsignmentResult =
  { ok: true; id?: string } | { ok: false; key: MessageKey; params?: Record<string, number> };

/** What the shop owes for a period: sold × price, less the commission, in whole rupiah. */
export function consignmentDue(quantitySold: number, unitPrice: number, commissionPct: number): number {
  return Math.round((quantitySold * unitPrice * (100 - commissionPct)) / 100);
}

export async function placeConsignment(
  groupId: string,
  actorId: string,
  input: {
    productId: string;
    businessId: string;
    quantity: number;
    unitPrice: number;
    commissionPct: number;
  },
  now = new Date(),
): Promise<ConsignmentResult> {
  const [product, business] = await Promise.all([
    db.product.findFirst({
      where: { id: input.productId, groupId, status: { not: "ARCHIVED" } },
      select: { id: true, name: true, supplyMode: true },
    }),
    db.business.findUnique({ where: { id: input.businessId }, select: { id: true } }),
  ]);
  if (!product) return { ok: false, key: "consignment.product_not_found" };
  if (!business) return { ok: false, key: "consignment.business_not_found" };
  if (input.commissionPct < 0 || input.commissionPct > 90)
    return { ok: false, key: "consignment.commission_range" };
  const id = await db.$transaction(async (tx) => {
    if (product.supplyMode === "READY_STOCK") {
      // The goods leave the group's stock by the same conditional update an order uses.
      const taken = await tx.product.updateMany({
        where: { id: product.id, stock: { gte: input.quantity } },
        data: { stock: { decrement: input.quantity } },
      });
      if (taken.count === 0) return null;
    }
    const placement = await tx.consignmentPlacement.create({
      data: {
        groupId,
        businessId: business.id,
        productId: product.id,
        quantityPlaced: input.quantity,
        unitPrice: input.unitPrice,
        commissionPct: input.commissionPct,
        placedAt: now,
      },
      select: { id: true },
    });
    await audit(tx, {
      actorId,
      action: "consignment.place",
      entityType: "ConsignmentPlacement",
      entityId: placement.id,
      groupId,
      businessId: business.id,
      data: input,
    });
    await notifyBusinessUsers(
      tx,
      business.id,
      "notify.consignment_placed",
      { name: product.name, qty: input.quantity },
      "/konsinyasi",
    );
    return placement.id;
  });
  return id ? { ok: true, id } : { ok: false, key: "consignment.not_enough_stock" };
}

/** The shop's report for a period: sold and returned, at most what is still at the shop. */
export async function reportConsignment(
  businessId: string,
  actorId: string,
  placementId: string,
  input: { quantitySold: number; quantityReturned: number },
  now = new Date(),
): Promise<ConsignmentResult> {
  // Under the placement's lock: two reports at once are counted one after the other, so the one
  // that uses up what is at the shop sees it and closes the placement.
  return db.$transaction(async (tx): Promise<ConsignmentResult> => {
    if (!(await lockRow(tx, "ConsignmentPlacement", { id: placementId, businessId }))) {
      return { ok: false, key: "consignment.not_found" };
    }
    const placement = await tx.consignmentPlacement.findUniqueOrThrow({
      where: { id: placementId },
      select: {
        id: true,
        groupId: true,
        productId: true,
        quantityPlaced: true,
        quantityAccounted: true,
        unitPrice: true,
        commissionPct: true,
        closedAt: true,
        product: { select: { name: true, supplyMode: true } },
      },
    });
    if (placement.closedAt) return { ok: false, key: "consignment.closed" };
    const counted = input.quantitySold + input.quantityReturned;
    if (counted === 0) return { ok: false, key: "consignment.nothing_reported" };
    const left = placement.quantityPlaced - placement.quantityAccounted;
    if (counted > left) return { ok: false, key: "consignment.more_than_left", params: { left } };
    const amountDue = consignmentDue(input.quantitySold, placement.unitPrice, placement.commissionPct);
    await tx.consignmentPlacement.update({
      where: { id: placement.id },
      data: {
        quantityAccounted: placement.quantityAccounted + counted,
        ...(counted === left ? { closedAt: now } : {}),
      },
      select: { id: true },
    });
    if (input.quantityReturned > 0 && placement.product.supplyMode === "READY_STOCK") {
      await tx.product.update({
        where: { id: placement.productId },
        data: { stock: { increment: input.quantityReturned } },
        select: { id: true },
      });
    }
    const report = await tx.consignmentReport.create({
      data: {
        placementId: placement.id,
        periodEnd: now,
        quantitySold: input.quantitySold,
        quantityReturned: input.quantityReturned,
        amountDue,
        reportedById: actorId,
        createdAt: now,
      },
      select: { id: true },
    });
    await audit(tx, {
      actorId,
      action: "consignment.report",
      entityType: "ConsignmentReport",
      entityId: report.id,
      groupId: placement.groupId,
      businessId,
      data: { ...input, amountDue },
    });
    await notifyGroupManagers(
      tx,
      placement.groupId,
      "notify.consignment_reported",
      { name: placement.product.name, qty: input.quantitySold, amount: amountDue },
      "/kelola/konsinyasi",
    );
    return { ok: true, id: report.id };
  });
}

/** The group received the money for a report: income in the cash book, once. */
export async function confirmConsignmentPayment(
  groupId: string,
  actorId: string,
  reportId: string,
  now = new Date(),
): Promise<ConsignmentResult> {
  return db.$transaction(async (tx) => {
    const report = await tx.consignmentReport.findFirst({
      where: { id: reportId, placement: { groupId } },
      select: {
        id: true,
        amountDue: true,
        paidAt: true,
        placement: { select: { businessId: true, product: { select: { name: true } } } },
      },
    });
    if (!report) return { ok: false, key: "consignment.not_found" } as const;
    const marked = await tx.consignmentReport.updateMany({
      where: { id: report.id, paidAt: null },
      data: { paidAt: now },
    });
    if (marked.count === 0) return { ok: false, key: "consignment.already_paid" } as const;
    if (report.amountDue > 0) {
      await recordConsignmentIncome(tx, {
        groupId,
        reportId: report.id,
        amount: report.amountDue,
        occurredAt: now,
        description: report.placement.product.name,
        actorId,
      });
    }
    await audit(tx, {
      actorId,
      action: "consignment.paid",
      entityType: "ConsignmentReport",
      entityId: report.id,
      groupId,
      businessId: report.placement.businessId,
      data: { amount: report.amountDue },
    });
    await notifyBusinessUsers(
      tx,
      report.placement.businessId,
      "notify.consignment_paid",
      { name: report.placement.product.name, amount: report.amountDue },
      "/konsinyasi",
    );
    return { ok: true } as const;
  });
}

const ledgerSelect = {
  id: true,
  quantityPlaced: true,
  quantityAccounted: true,
  unitPrice: true,
  commissionPct: true,
  placedAt: true,
  closedAt: true,
  product: { select: { name: true, unit: true } },
  business: { select: { name: true } },
  group: { select: { name: true } },
  reports: {
    orderBy: { createdAt: "asc" as const },
    select: {
      id: true,
      periodEnd: true,
      quantitySold: true,
      quantityReturned: true,
      amountDue: true,
      paidAt: true,
    },
  },
};

function withTotals<
  T extends {
    quantityPlaced: number;
    quantityAccounted: number;
    reports: { quantitySold: number; amountDue: number; paidAt: Date | null }[];
  },
>(placement: T) {
  return {
    ...placement,
    atShop: placement.quantityPlaced - placement.quantityAccounted,
    sold: placement.reports.reduce((sum, r) => sum + r.quantitySold, 0),
    unpaid: placement.reports.filter((r) => !r.paidAt).reduce((sum, r) => sum + r.amountDue, 0),
  };
}

export async function listPlacementsForGroup(groupId: string) {
  const rows = await db.consignmentPlacement.findMany({
    where: { groupId },
    orderBy: [{ closedAt: { sort: "asc", nulls: "first" } }, { placedAt: "desc" }],
    take: 100,
    select: ledgerSelect,
  });
  return rows.map(withTotals);
}

export async function listPlacementsForBusiness(businessId: string) {
  const rows = await db.consignmentPlacement.findMany({
    where: { businessId },
    orderBy: [{ closedAt: { sort: "asc", nulls: "first" } }, { placedAt: "desc" }],
    take: 100,
    select: ledgerSelect,
  });
  return rows.map(withTotals);
}

/** What the "place goods" form offers: the group's products on sale, and the shops to choose from. */
export async function consignmentFormOptions(groupId: string) {
  const [products, businesses] = await Promise.all([
    db.product.findMany({
      where: { groupId, status: "ACTIVE" },
      orderBy: { name: "asc" },
      select: { id: true, name: true, price: true, stock: true, supplyMode: true },
    }),
    db.business.findMany({ orderBy: { name: "asc" }, take: 500, select: { id: true, name: true } }),
  ]);
  return { products, businesses };
}
