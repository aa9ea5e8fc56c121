import type { MessageKey } from "~/locales";
import { isUniqueViolation } from "../db/errors";
import { audit } from "../audit/audit";
import { db, type Tx } from "../db/client";
import { orderIncomeOfPayment, recordRefund } from "../ledger/cash-book";
import { notifyBusinessUsers, notifyGroupManagers } from "../notifications/notifications";
import { withOrderLocked, type OrderKey } from "../orders/lock";
import { canRecordPayment } from "../orders/state";
import type { AttemptState, VerifiedEvent } from "./provider";
import { addToAmountPaid, bookReceivedPayment, PAYABLE_ORDER } from "./record";
import { cardProvider, STRIPE_EVENTS } from "./stripe";

// Card payments: the buyer pays on the provider's hosted page; what happened is learnt from the
// provider itself, whichever event told us to look, so events may come in any order and any
// number of times. Each change is conditional on the state it starts from.

export type StartCardResult = { ok: true; url: string } | { ok: false; key: MessageKey };

/** Starts (or resumes) paying what is due on an order by card; returns where to send the buyer. */
export async function startCardPayment(
  businessId: string,
  number: string,
  returnUrl: string,
  email: string | null,
): Promise<StartCardResult> {
  const provider = cardProvider();
  if (!provider) return { ok: false, key: "payment.card_unavailable" };
  const order = await db.order.findFirst({
    where: { number, businessId },
    select: { ...PAYABLE_ORDER, group: { select: { name: true } } },
  });
  if (!order) return { ok: false, key: "order.not_found" };
  if (order.paymentMethod !== "CARD" || !canRecordPayment(order.status)) {
    return { ok: false, key: "payment.not_payable" };
  }
  const due = order.total - order.amountPaid;
  if (due <= 0) return { ok: false, key: "payment.nothing_due" };

  // An attempt still open for the same amount is resumed: a second tap never makes a second charge.
  const pending = await db.payment.findMany({
    where: { orderId: order.id, method: "CARD", state: "PENDING" },
    select: { id: true, reference: true, amount: true },
  });
  for (const payment of pending) {
    if (!payment.reference) return { ok: false, key: "payment.card_in_progress" };
    let attempt = await provider.attempt(payment.reference);
    if (attempt.status === "open" && attempt.url && payment.amount === due)
      return { ok: true, url: attempt.url };
    if (attempt.status === "open" && payment.amount !== due) {
      // What is due changed since this attempt began (money recorded by hand, an accepted
      // proposal): close it, so the buyer pays the new amount now and not after the provider's
      // 24 hours. If it was paid meanwhile, expiring fails and the fresh look below says so.
      try {
        await provider.expireAttempt(payment.reference);
      } catch {
        // The re-read decides.
      }
      attempt = await provider.attempt(payment.reference);
    }
    await applyAttempt(attempt, new Date());
    if (attempt.status === "paid") return { ok: false, key: "payment.card_already_paid" };
    if (attempt.status === "open") return { ok: false, key: "payment.card_in_progress" };
  }

  // The attempt is written under the order's lock, checked again: a cancellation that got there
  // first wins, and one that comes after sees this attempt open (transitionOrder refuses it).
  const started = await withOrderLocked<{ id: string } | MessageKey>(
    { id: order.id },
    "order.not_found",
    async (tx) => {
      const current = await tx.order.findUniqueOrThrow({ where: { id: order.id }, select: PAYABLE_ORDER });
      if (!canRecordPayment(current.status)) return "payment.not_payable";
      if (current.total - current.amountPaid !== due) return "payment.card_in_progress";
      const attemptNumber = await tx.payment.count({ where: { orderId: order.id, method: "CARD" } });
      return tx.payment.create({
        data: {
          orderId: order.id,
          groupId: order.groupId,
          method: "CARD",
          state: "PENDING",
          amount: due,
          idempotencyKey: `card:${order.id}:${attemptNumber + 1}`,
        },
        select: { id: true },
      });
    },
  ).catch((error: unknown) => {
    if (isUniqueViolation(error)) return "payment.card_in_progress" as const;
    throw error;
  });
  if (typeof started === "string") return { ok: false, key: started };
  const paymentId = started.id;
  try {
    const hosted = await provider.startPayment({
      paymentId,
      orderNumber: order.number,
      description: `${order.number} — ${order.group.name}`,
      amount: due,
      successUrl: `${returnUrl}?kartu=selesai`,
      cancelUrl: `${returnUrl}?kartu=batal`,
      email,
    });
    await db.payment.update({
      where: { id: paymentId },
      data: { reference: hosted.reference },
      select: { id: true },
    });
    return { ok: true, url: hosted.url };
  } catch (error) {
    await db.payment.update({ where: { id: paymentId }, data: { state: "FAILED" }, select: { id: true } });
    console.warn(JSON.stringify({ msg: "card payment could not start", paymentId, error: String(error) }));
    return { ok: false, key: "payment.card_error" };
  }
}

/** Looks at the provider's current truth about an attempt and brings our records in line. */
export async function reconcileCardAttempt(reference: string, now = new Date()) {
  const provider = cardProvider();
  if (!provider) return;
  await applyAttempt(await provider.attempt(reference), now);
}

/** Checks every open card attempt of an order (the buyer just came back from paying). */
export async function reconcileOrderCardPayments(businessId: string, number: string, now = new Date()) {
  const pending = await db.payment.findMany({
    where: { order: { number, businessId }, method: "CARD", state: "PENDING", reference: { not: "" } },
    select: { reference: true },
  });
  for (const payment of pending) await reconcileCardAttempt(payment.reference, now);
}

/**
 * Before an order is cancelled: closes its open card attempts at the provider so none can be paid
 * afterwards, and records any that was paid meanwhile (the cancellation is then refused as paid).
 * An attempt that cannot be closed stays open, and transitionOrder refuses the cancellation.
 */
export async function closeOpenCardAttempts(key: OrderKey, now = new Date()) {
  const provider = cardProvider();
  if (!provider) return;
  const where = "id" in key ? { id: key.id } : key;
  const open = await db.payment.findMany({
    where: { order: where, method: "CARD", state: "PENDING", reference: { not: "" } },
    select: { reference: true },
  });
  for (const { reference } of open) {
    try {
      await provider.expireAttempt(reference);
    } catch {
      // Paid or expired already: the fresh look below says which.
    }
    const attempt = await provider.attempt(reference).catch(() => null);
    // Provider out of reach: the attempt stays open and the cancellation is refused for now.
    if (attempt) await applyAttempt(attempt, now);
  }
}

/** Brings one attempt's payment in line with the provider, under its order's lock. */
async function applyAttempt(attempt: AttemptState, now: Date) {
  const where = {
    method: "CARD" as const,
    OR: [{ reference: attempt.reference }, ...(attempt.paymentId ? [{ id: attempt.paymentId }] : [])],
  };
  const found = await db.payment.findFirst({ where, select: { orderId: true } });
  if (!found) return;
  await withOrderLocked({ id: found.orderId }, undefined, async (tx) => {
    const payment = await tx.payment.findFirst({
      where,
      select: {
        id: true,
        state: true,
        amount: true,
        refundedAmount: true,
        order: {
          select: PAYABLE_ORDER,
        },
      },
    });
    if (!payment) return;
    let state = payment.state;
    if (attempt.status === "paid" && state === "PENDING") {
      await succeed(tx, payment, attempt, now);
      state = "SUCCEEDED";
    } else if (attempt.status === "expired" && state === "PENDING") {
      const failed = await tx.payment.updateMany({
        where: { id: payment.id, state: "PENDING" },
        data: { state: "FAILED" },
      });
      if (failed.count === 1) {
        await tx.orderEvent.create({
          data: { orderId: payment.order.id, type: "payment_failed", note: "expired", createdAt: now },
          select: { id: true },
        });
      }
    }
    if ((state === "SUCCEEDED" || state === "REFUNDED") && attempt.amountRefunded > payment.refundedAmount) {
      await refund(tx, payment, attempt.amountRefunded, now);
    }
  });
}

type PaymentRow = {
  id: string;
  amount: number;
  refundedAmount: number;
  order: {
    id: string;
    number: string;
    total: number;
    amountPaid: number;
    groupId: string;
    businessId: string;
  };
};

async function succeed(tx: Tx, payment: PaymentRow, attempt: AttemptState, now: Date) {
  const marked = await tx.payment.updateMany({
    where: { id: payment.id, state: "PENDING" },
    data: {
      state: "SUCCEEDED",
      amount: attempt.amountPaid,
      receivedAt: now,
      providerPaymentId: attempt.providerPaymentId,
    },
  });
  if (marked.count === 0) return; // another event got here first
  const order = await tx.order.findUniqueOrThrow({
    where: { id: payment.order.id },
    select: PAYABLE_ORDER,
  });
  await addToAmountPaid(tx, order, attempt.amountPaid);
  await bookReceivedPayment(tx, {
    order,
    paymentId: payment.id,
    amount: attempt.amountPaid,
    reference: attempt.reference,
    actorId: null,
    now,
  });
  // The refund check that may follow in the same pass compares with what was actually paid.
  payment.amount = attempt.amountPaid;
}

async function refund(tx: Tx, payment: PaymentRow, refundedTotal: number, now: Date) {
  const amount = refundedTotal - payment.refundedAmount;
  const marked = await tx.payment.updateMany({
    where: { id: payment.id, refundedAmount: payment.refundedAmount },
    data: {
      refundedAmount: refundedTotal,
      ...(refundedTotal >= payment.amount ? { state: "REFUNDED" } : {}),
    },
  });
  if (marked.count === 0) return;
  const income = await orderIncomeOfPayment(tx, payment.id);
  if (!income) throw new Error(`payment ${payment.id} has no income line to refund`);
  const order = await tx.order.findUniqueOrThrow({
    where: { id: payment.order.id },
    select: PAYABLE_ORDER,
  });
  const paid = order.amountPaid - amount;
  await tx.order.update({
    where: { id: order.id },
    data: {
      amountPaid: paid,
      paymentStatus: paid >= order.total ? "PAID" : paid > 0 ? "PARTIALLY_PAID" : "REFUNDED",
    },
    select: { id: true },
  });
  await recordRefund(tx, {
    groupId: order.groupId,
    reversesId: income.id,
    amount,
    occurredAt: now,
    orderNumber: order.number,
    actorId: null,
  });
  await tx.orderEvent.create({
    data: { orderId: order.id, type: "refund", note: String(amount), createdAt: now },
    select: { id: true },
  });
  await audit(tx, {
    actorId: null,
    action: "payment.refund",
    entityType: "Payment",
    entityId: payment.id,
    groupId: order.groupId,
    businessId: order.businessId,
    data: { orderId: order.id, amount, refundedTotal },
  });
  const params = { number: order.number, amount };
  await notifyBusinessUsers(
    tx,
    order.businessId,
    "notify.payment_refunded",
    params,
    `/pesanan/${order.number}`,
  );
  await notifyGroupManagers(
    tx,
    order.groupId,
    "notify.payment_refunded",
    params,
    `/kelola/pesanan/${order.number}`,
  );
}

export type EventOutcome = "processed" | "duplicate" | "ignored";

/**
 * A verified provider event, handled once however often it arrives: its id is recorded (a unique
 * key) and marked processed only after our records match the provider's.
 */
export async function handleCardEvent(event: VerifiedEvent, now = new Date()): Promise<EventOutcome> {
  const provider = cardProvider();
  if (!provider) return "ignored";
  const seen = await db.providerEvent.findUnique({ where: { id: event.id }, select: { processedAt: true } });
  if (seen?.processedAt) return "duplicate";
  if (!seen) {
    try {
      await db.providerEvent.create({ data: { id: event.id, provider: provider.name, type: event.type } });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // Delivered twice at the same moment: whichever copy runs, the outcome is the same.
    }
  }
  if (!(STRIPE_EVENTS as readonly string[]).includes(event.type)) {
    await markProcessed(event.id, now);
    return "ignored";
  }
  const reference =
    event.reference ??
    (event.providerPaymentId ? await provider.attemptForPayment(event.providerPaymentId) : null);
  if (reference) {
    if (event.type === "payment_intent.payment_failed") await noteFailedTry(reference, event.id, now);
    await reconcileCardAttempt(reference, now);
  }
  await markProcessed(event.id, now);
  return "processed";
}

async function markProcessed(id: string, now: Date) {
  await db.providerEvent.updateMany({ where: { id, processedAt: null }, data: { processedAt: now } });
}

/** A declined card: the attempt stays open (the buyer may try another card); the timeline says so. */
async function noteFailedTry(reference: string, eventId: string, now: Date) {
  const payment = await db.payment.findFirst({
    where: { reference, method: "CARD" },
    select: { orderId: true },
  });
  const note = `declined:${eventId}`;
  if (!payment || (await db.orderEvent.count({ where: { orderId: payment.orderId, note } })) > 0) return;
  await db.orderEvent.create({
    data: { orderId: payment.orderId, type: "payment_failed", note, createdAt: now },
    select: { id: true },
  });
}
