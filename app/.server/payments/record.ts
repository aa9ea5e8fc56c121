import { randomUUID } from "node:crypto";
import { isUniqueViolation } from "../db/errors";
import { audit } from "../audit/audit";
import type { PaymentMethod, Tx } from "../db/client";
import { recordOrderIncome } from "../ledger/cash-book";
import { notifyBusinessUsers } from "../notifications/notifications";
import { withOrderLocked } from "../orders/lock";
import { cardAttemptAbove, completeIfSettled } from "../orders/orders";
import { canRecordPayment } from "../orders/state";

/** What every way of paying reads of an order: who it is between, its state, what is still due. */
export const PAYABLE_ORDER = {
  id: true,
  number: true,
  status: true,
  total: true,
  amountPaid: true,
  groupId: true,
  businessId: true,
  paymentMethod: true,
} as const;

export type RecordPaymentResult =
  | { ok: true; duplicate: boolean }
  | {
      ok: false;
      field: "amount" | "form";
      message: "order.not_found" | "payment.not_payable" | "payment.exceeds_due" | "payment.card_open";
      params?: Record<string, number>;
    };

/**
 * Records money the group received for an order (a bank transfer seen in the account, cash on
 * delivery). In one transaction: the payment, the order's paid amount, the cash-book income entry,
 * a timeline event and an audit event. The form's idempotency key makes a double submit (or two
 * treasurers at once) record it once.
 */
export async function recordPayment(
  groupId: string,
  actorId: string,
  number: string,
  input: { amount: number; reference?: string; idempotencyKey: string; method?: PaymentMethod },
  now = new Date(),
): Promise<RecordPaymentResult> {
  const key = `manual:${groupId}:${input.idempotencyKey}`;
  try {
    return await withOrderLocked<RecordPaymentResult>(
      { number, groupId },
      { ok: false, field: "form", message: "order.not_found" },
      async (tx, orderId) => {
        if (await tx.payment.findUnique({ where: { idempotencyKey: key }, select: { id: true } })) {
          return { ok: true, duplicate: true };
        }
        const order = await tx.order.findUniqueOrThrow({ where: { id: orderId }, select: PAYABLE_ORDER });
        if (!canRecordPayment(order.status))
          return { ok: false, field: "form", message: "payment.not_payable" };
        const due = order.total - order.amountPaid;
        if (input.amount > due)
          return { ok: false, field: "amount", message: "payment.exceeds_due", params: { due } };
        // A card session the buyer opened for what was due could still be paid in full.
        if (await cardAttemptAbove(tx, order.id, due - input.amount))
          return { ok: false, field: "form", message: "payment.card_open" };

        await addToAmountPaid(tx, order, input.amount);
        const payment = await tx.payment.create({
          data: {
            orderId: order.id,
            groupId,
            method: input.method ?? order.paymentMethod,
            state: "SUCCEEDED",
            amount: input.amount,
            reference: input.reference ?? "",
            idempotencyKey: key,
            recordedById: actorId,
            receivedAt: now,
          },
          select: { id: true },
        });
        await bookReceivedPayment(tx, {
          order,
          paymentId: payment.id,
          amount: input.amount,
          reference: input.reference ?? "",
          actorId,
          now,
        });
        return { ok: true, duplicate: false };
      },
    );
  } catch (error) {
    // One form's key replayed on two orders at once (the same order waits for the lock and finds
    // the key): the first payment stands, as the key check says.
    if (isUniqueViolation(error)) return { ok: true, duplicate: true };
    throw error;
  }
}

type PayableOrder = { id: string; number: string; total: number; amountPaid: number };

/** Adds to what an order has been paid. The caller holds the order's lock and read `order` after it. */
export async function addToAmountPaid(tx: Tx, order: PayableOrder, amount: number): Promise<void> {
  const paid = order.amountPaid + amount;
  await tx.order.update({
    where: { id: order.id },
    data: {
      amountPaid: paid,
      paymentStatus: paid >= order.total ? "PAID" : paid > 0 ? "PARTIALLY_PAID" : "UNPAID",
    },
    select: { id: true },
  });
}

/**
 * Everything that follows money arriving for an order, in the caller's transaction: the group's
 * cash-book income line, the timeline, the audit trail, the buyer told, and the order closed if
 * it is received and now paid in full.
 */
export async function bookReceivedPayment(
  tx: Tx,
  input: {
    order: { id: string; number: string; groupId: string; businessId: string };
    paymentId: string;
    amount: number;
    reference: string;
    actorId: string | null;
    now: Date;
  },
) {
  const { order, now } = input;
  await recordOrderIncome(tx, {
    groupId: order.groupId,
    paymentId: input.paymentId,
    amount: input.amount,
    occurredAt: now,
    orderNumber: order.number,
    actorId: input.actorId,
  });
  await tx.orderEvent.create({
    data: {
      orderId: order.id,
      type: "payment",
      actorId: input.actorId,
      note: String(input.amount),
      createdAt: now,
    },
    select: { id: true },
  });
  await audit(tx, {
    actorId: input.actorId,
    action: "payment.record",
    entityType: "Payment",
    entityId: input.paymentId,
    groupId: order.groupId,
    businessId: order.businessId,
    data: { orderId: order.id, amount: input.amount, reference: input.reference },
  });
  await notifyBusinessUsers(
    tx,
    order.businessId,
    "notify.payment_recorded",
    { number: order.number, amount: input.amount },
    `/pesanan/${order.number}`,
  );
  await completeIfSettled(tx, order.id, now);
}

/** A key for one rendering of a payment form. */
export function newIdempotencyKey(): string {
  return randomUUID();
}
