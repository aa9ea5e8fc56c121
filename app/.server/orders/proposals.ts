import type { MessageKey } from "~/locales";
import { wibNoon, wibWeekKey } from "~/utils/delivery";
import { audit } from "../audit/audit";
import { db, type Tx } from "../db/client";
import { notifyBusinessUsers, notifyGroupManagers } from "../notifications/notifications";
import { withOrderSummaries } from "../summaries/group-month";
import { bookCapacity, releaseCapacity } from "./capacity";
import { withOrderLocked } from "./lock";
import { cardAttemptAbove } from "./orders";

// The group may propose a change to an order (fewer or more units, another price, another date);
// the buyer accepts or declines. Accepting applies it in one transaction, moving stock and weekly
// capacity by conditional updates, like placing the order did.

/** Orders still open to change: before anything has gone out. */
const CHANGEABLE = ["PLACED", "CONFIRMED", "IN_PRODUCTION"] as const;

export type ProposalLine = { itemId: string; quantity: number; unitPrice: number };
export type ProposalInput = {
  lines: Record<string, { quantity: number; unitPrice: number }>;
  wantedBy?: string;
  reason: string;
};
export type ProposalResult =
  { ok: true } | { ok: false; key: MessageKey; params?: Record<string, number | string> };

const NOT_FOUND = { ok: false, key: "order.not_found" } as const;
const PROPOSAL_NOT_FOUND = { ok: false, key: "proposal.not_found" } as const;

class ProposalConflict extends Error {
  constructor(readonly key: MessageKey) {
    super(key);
  }
}

export async function proposeChange(
  groupId: string,
  actorId: string,
  number: string,
  input: ProposalInput,
  now = new Date(),
): Promise<ProposalResult> {
  return withOrderLocked<ProposalResult>({ number, groupId }, NOT_FOUND, (tx, orderId) =>
    proposeIn(tx, groupId, actorId, orderId, input, now),
  );
}

async function proposeIn(
  tx: Tx,
  groupId: string,
  actorId: string,
  orderId: string,
  input: ProposalInput,
  now: Date,
): Promise<ProposalResult> {
  const order = await tx.order.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      id: true,
      number: true,
      status: true,
      amountPaid: true,
      businessId: true,
      wantedBy: true,
      items: {
        orderBy: { id: "asc" },
        select: { id: true, quantity: true, unitPrice: true, quantityShipped: true },
      },
      proposals: { where: { status: "PENDING" }, select: { id: true } },
    },
  });
  if (!(CHANGEABLE as readonly string[]).includes(order.status))
    return { ok: false, key: "proposal.not_changeable" };
  if (order.proposals.length > 0) return { ok: false, key: "proposal.already_open" };
  if (!input.reason.trim()) return { ok: false, key: "order.reason_required" };
  if (Object.keys(input.lines).some((id) => !order.items.some((item) => item.id === id))) {
    return { ok: false, key: "order.ship_unknown_line" };
  }
  const lines: ProposalLine[] = order.items.map((item) => ({
    itemId: item.id,
    quantity: input.lines[item.id]?.quantity ?? item.quantity,
    unitPrice: input.lines[item.id]?.unitPrice ?? item.unitPrice,
  }));
  if (
    lines.some(
      (line) =>
        !Number.isInteger(line.quantity) ||
        line.quantity < 1 ||
        !Number.isInteger(line.unitPrice) ||
        line.unitPrice < 1,
    )
  ) {
    return { ok: false, key: "proposal.whole_positive" };
  }
  const wantedBy = input.wantedBy ? wibNoon(input.wantedBy) : null;
  if (input.wantedBy && !wantedBy) return { ok: false, key: "form.date_invalid" };
  const unchanged =
    lines.every(
      (line, i) => line.quantity === order.items[i]?.quantity && line.unitPrice === order.items[i]?.unitPrice,
    ) &&
    (!wantedBy || wantedBy.getTime() === order.wantedBy?.getTime());
  if (unchanged) return { ok: false, key: "proposal.nothing_changed" };
  const total = lines.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0);
  if (total < order.amountPaid)
    return { ok: false, key: "proposal.below_paid", params: { paid: order.amountPaid } };

  {
    const proposal = await tx.orderProposal.create({
      data: {
        orderId: order.id,
        lines: JSON.stringify(lines),
        wantedBy,
        reason: input.reason.trim(),
        proposedById: actorId,
        createdAt: now,
      },
      select: { id: true },
    });
    await tx.orderEvent.create({
      data: { orderId: order.id, type: "proposal", actorId, note: input.reason.trim(), createdAt: now },
      select: { id: true },
    });
    await audit(tx, {
      actorId,
      action: "order.propose",
      entityType: "OrderProposal",
      entityId: proposal.id,
      groupId,
      businessId: order.businessId,
      data: { lines, wantedBy: input.wantedBy ?? null, total },
    });
    await notifyBusinessUsers(
      tx,
      order.businessId,
      "notify.proposal",
      { number: order.number },
      `/pesanan/${order.number}`,
    );
  }
  return { ok: true };
}

/** The buyer's answer. Accepting applies every line, the date and the totals, or nothing. */
export async function answerProposal(
  businessId: string,
  actorId: string,
  number: string,
  proposalId: string,
  answer: "accept" | "decline",
  now = new Date(),
): Promise<ProposalResult> {
  try {
    return await withOrderLocked<ProposalResult>(
      { number, businessId },
      PROPOSAL_NOT_FOUND,
      async (tx, orderId) => {
        const proposal = await tx.orderProposal.findFirst({
          where: { id: proposalId, orderId },
          select: {
            id: true,
            status: true,
            lines: true,
            wantedBy: true,
            order: {
              select: {
                id: true,
                number: true,
                status: true,
                amountPaid: true,
                groupId: true,
                wantedBy: true,
                items: {
                  // Stock and capacity move product by product, in the one order every change
                  // takes (decision 008), so two orders changed at once never wait crosswise.
                  orderBy: { productId: "asc" },
                  select: {
                    id: true,
                    productId: true,
                    quantity: true,
                    quantityShipped: true,
                    capacityWeek: true,
                    product: { select: { supplyMode: true, capacityPerWeek: true } },
                  },
                },
              },
            },
          },
        });
        if (!proposal) return { ok: false, key: "proposal.not_found" } as const;
        const decided = await tx.orderProposal.updateMany({
          where: { id: proposal.id, status: "PENDING" },
          data: {
            status: answer === "accept" ? "ACCEPTED" : "DECLINED",
            decidedAt: now,
            decidedById: actorId,
          },
        });
        if (decided.count === 0) return { ok: false, key: "proposal.already_answered" } as const;
        const { order } = proposal;
        if (answer === "accept") {
          if (!(CHANGEABLE as readonly string[]).includes(order.status))
            throw new ProposalConflict("proposal.not_changeable");
          // A new total (and date) changes the month's sales value: the summaries follow.
          await withOrderSummaries(tx, order.id, () =>
            applyProposal(tx, order, JSON.parse(proposal.lines) as ProposalLine[], proposal.wantedBy),
          );
        }
        await tx.orderEvent.create({
          data: {
            orderId: order.id,
            type: answer === "accept" ? "proposal_accepted" : "proposal_declined",
            actorId,
            createdAt: now,
          },
          select: { id: true },
        });
        await audit(tx, {
          actorId,
          action: `order.proposal_${answer}`,
          entityType: "OrderProposal",
          entityId: proposal.id,
          groupId: order.groupId,
          businessId,
        });
        await notifyGroupManagers(
          tx,
          order.groupId,
          answer === "accept" ? "notify.proposal_accepted" : "notify.proposal_declined",
          { number: order.number },
          `/kelola/pesanan/${order.number}`,
        );
        return { ok: true } as const;
      },
    );
  } catch (error) {
    if (error instanceof ProposalConflict) return { ok: false, key: error.key };
    throw error;
  }
}

type OrderToChange = {
  id: string;
  amountPaid: number;
  wantedBy: Date | null;
  items: {
    id: string;
    productId: string;
    quantity: number;
    quantityShipped: number;
    capacityWeek: string | null;
    product: { supplyMode: string; capacityPerWeek: number | null };
  }[];
};

async function applyProposal(tx: Tx, order: OrderToChange, lines: ProposalLine[], wantedBy: Date | null) {
  const total = lines.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0);
  if (total < order.amountPaid) throw new ProposalConflict("proposal.below_paid");
  // A card session opened for the old total could still be paid in full.
  if (await cardAttemptAbove(tx, order.id, total - order.amountPaid)) {
    throw new ProposalConflict("payment.card_open");
  }
  const newWeek = wantedBy ? wibWeekKey(wantedBy) : order.wantedBy ? wibWeekKey(order.wantedBy) : null;
  for (const item of order.items) {
    const line = lines.find((l) => l.itemId === item.id);
    if (!line) continue;
    if (line.quantity < item.quantityShipped) throw new ProposalConflict("proposal.below_shipped");
    const delta = line.quantity - item.quantity;
    if (item.capacityWeek) {
      // Give back the old booking, then book the new quantity in the (maybe new) week.
      await releaseCapacity(tx, item.productId, item.capacityWeek, item.quantity);
      const week = newWeek ?? item.capacityWeek;
      const ok = await bookCapacity(
        tx,
        { id: item.productId, capacityPerWeek: item.product.capacityPerWeek },
        week,
        line.quantity,
      );
      if (!ok) throw new ProposalConflict("checkout.week_full");
      await tx.orderItem.update({
        where: { id: item.id },
        data: { capacityWeek: week },
        select: { id: true },
      });
    } else if (item.product.supplyMode === "READY_STOCK" && delta > 0) {
      const reserved = await tx.product.updateMany({
        where: { id: item.productId, stock: { gte: delta } },
        data: { stock: { decrement: delta } },
      });
      if (reserved.count === 0) throw new ProposalConflict("proposal.out_of_stock");
    } else if (item.product.supplyMode === "READY_STOCK" && delta < 0) {
      await tx.product.update({
        where: { id: item.productId },
        data: { stock: { increment: -delta } },
        select: { id: true },
      });
    }
    await tx.orderItem.update({
      where: { id: item.id },
      data: { quantity: line.quantity, unitPrice: line.unitPrice, lineTotal: line.quantity * line.unitPrice },
      select: { id: true },
    });
  }
  await tx.order.update({
    where: { id: order.id },
    data: {
      subtotal: total,
      total,
      ...(wantedBy ? { wantedBy } : {}),
      paymentStatus: order.amountPaid >= total ? "PAID" : order.amountPaid > 0 ? "PARTIALLY_PAID" : "UNPAID",
    },
    select: { id: true },
  });
}

/** The group withdraws its open proposal (after the buyer's answer, if that came first). */
export async function withdrawProposal(groupId: string, actorId: string, number: string, now = new Date()) {
  return withOrderLocked({ number, groupId }, false, async (tx, orderId) => {
    const withdrawn = await tx.orderProposal.updateMany({
      where: { orderId, status: "PENDING" },
      data: { status: "WITHDRAWN", decidedAt: now, decidedById: actorId },
    });
    return withdrawn.count > 0;
  });
}

/** The open proposal of an order, with each line beside what it changes. */
export async function openProposal(orderId: string) {
  const proposal = await db.orderProposal.findFirst({
    where: { orderId, status: "PENDING" },
    select: { id: true, lines: true, wantedBy: true, reason: true, createdAt: true },
  });
  if (!proposal) return null;
  const items = await db.orderItem.findMany({
    where: { orderId },
    orderBy: { id: "asc" },
    select: { id: true, productName: true, unit: true, quantity: true, unitPrice: true },
  });
  const lines = JSON.parse(proposal.lines) as ProposalLine[];
  return {
    id: proposal.id,
    reason: proposal.reason,
    wantedBy: proposal.wantedBy,
    createdAt: proposal.createdAt,
    total: lines.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0),
    lines: items.map((item) => {
      const line = lines.find((l) => l.itemId === item.id);
      return {
        ...item,
        newQuantity: line?.quantity ?? item.quantity,
        newUnitPrice: line?.unitPrice ?? item.unitPrice,
      };
    }),
  };
}
