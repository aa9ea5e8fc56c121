import type { Tx } from "../db/client";

/** The group's cash book gains an income line for money received for an order. */
export async function recordOrderIncome(
  tx: Tx,
  input: {
    groupId: string;
    paymentId: string;
    amount: number;
    occurredAt: Date;
    orderNumber: string;
    actorId: string | null;
  },
) {
  await tx.cashEntry.create({
    data: {
      groupId: input.groupId,
      kind: "INCOME",
      category: "order",
      amount: input.amount,
      occurredAt: input.occurredAt,
      description: input.orderNumber,
      paymentId: input.paymentId,
      recordedById: input.actorId,
    },
    select: { id: true },
  });
}

/**
 * Money given back (a refund) takes back part of an income line: a reversing entry pointing at it,
 * so the book keeps both what came in and what went out, and income reports net them.
 */
export async function recordRefund(
  tx: Tx,
  input: {
    groupId: string;
    reversesId: string;
    amount: number;
    occurredAt: Date;
    orderNumber: string;
    actorId: string | null;
  },
) {
  await tx.cashEntry.create({
    data: {
      groupId: input.groupId,
      kind: "EXPENSE",
      category: "refund",
      amount: input.amount,
      occurredAt: input.occurredAt,
      description: input.orderNumber,
      reversesId: input.reversesId,
      recordedById: input.actorId,
    },
    select: { id: true },
  });
}
