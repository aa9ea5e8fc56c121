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
