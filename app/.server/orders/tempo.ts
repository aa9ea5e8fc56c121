import { wibDateKey } from "~/utils/delivery";
import { db, type Tx } from "../db/client";
import { notifyBusinessUsers, notifyGroupManagers } from "../notifications/notifications";

// Tempo (payment terms): the buyer pays within the business's term after receiving the goods.
// The due date is set when the order is received; a job reminds the buyer two days before and
// marks the order overdue (telling both sides) once the day has passed.

const DAY = 24 * 60 * 60 * 1000;
export const DEFAULT_TERM_DAYS = 14;
export const TERM_CHOICES = [7, 14, 30] as const;
export const REMIND_DAYS_BEFORE = 2;

/** Called when a tempo order is received: it falls due after the buyer's term. */
export async function setTempoDueDate(tx: Tx, orderId: string, receivedAt: Date) {
  const order = await tx.order.findUniqueOrThrow({
    where: { id: orderId },
    select: { paymentMethod: true, business: { select: { paymentTermDays: true } } },
  });
  if (order.paymentMethod !== "TEMPO") return;
  const days = order.business.paymentTermDays ?? DEFAULT_TERM_DAYS;
  await tx.order.update({
    where: { id: orderId },
    data: { dueAt: new Date(receivedAt.getTime() + days * DAY) },
    select: { id: true },
  });
}

/** What a business still owes on tempo orders that are not finished or cancelled. */
export async function tempoOutstanding(client: Tx | typeof db, businessId: string): Promise<number> {
  const open = await client.order.aggregate({
    where: {
      businessId,
      paymentMethod: "TEMPO",
      status: { notIn: ["REJECTED", "CANCELLED"] },
      paymentStatus: { in: ["UNPAID", "PARTIALLY_PAID"] },
    },
    _sum: { total: true, amountPaid: true },
  });
  return (open._sum.total ?? 0) - (open._sum.amountPaid ?? 0);
}

const UNPAID = {
  paymentMethod: "TEMPO" as const,
  paymentStatus: { in: ["UNPAID" as const, "PARTIALLY_PAID" as const] },
};

export function isOverdue(
  order: { paymentMethod: string; paymentStatus: string; dueAt: Date | string | null },
  now: Date,
) {
  return (
    order.paymentMethod === "TEMPO" &&
    (order.paymentStatus === "UNPAID" || order.paymentStatus === "PARTIALLY_PAID") &&
    order.dueAt !== null &&
    new Date(order.dueAt) < now
  );
}

/** Reminders before the due day and notices once overdue, each sent once per order. */
export async function sendTempoReminders(now = new Date()) {
  const soon = await db.order.findMany({
    where: {
      ...UNPAID,
      dueReminderAt: null,
      dueAt: { gt: now, lte: new Date(now.getTime() + REMIND_DAYS_BEFORE * DAY) },
    },
    select: { id: true, number: true, businessId: true, dueAt: true },
    take: 500,
  });
  let reminded = 0;
  for (const order of soon) {
    const sent = await db.$transaction(async (tx) => {
      const marked = await tx.order.updateMany({
        where: { id: order.id, dueReminderAt: null },
        data: { dueReminderAt: now },
      });
      if (marked.count === 0) return false;
      await notifyBusinessUsers(
        tx,
        order.businessId,
        "notify.tempo_due_soon",
        { number: order.number, date: wibDateKey(order.dueAt as Date) },
        `/pesanan/${order.number}`,
      );
      return true;
    });
    if (sent) reminded += 1;
  }
  const late = await db.order.findMany({
    where: {
      ...UNPAID,
      overdueNoticeAt: null,
      dueAt: { lte: now },
      status: { notIn: ["REJECTED", "CANCELLED"] },
    },
    select: { id: true, number: true, businessId: true, groupId: true, dueAt: true },
    take: 500,
  });
  let overdue = 0;
  for (const order of late) {
    const sent = await db.$transaction(async (tx) => {
      const marked = await tx.order.updateMany({
        where: { id: order.id, overdueNoticeAt: null },
        data: { overdueNoticeAt: now },
      });
      if (marked.count === 0) return false;
      const params = { number: order.number, date: wibDateKey(order.dueAt as Date) };
      await notifyBusinessUsers(
        tx,
        order.businessId,
        "notify.tempo_overdue",
        params,
        `/pesanan/${order.number}`,
      );
      await notifyGroupManagers(
        tx,
        order.groupId,
        "notify.tempo_overdue_group",
        params,
        `/kelola/pesanan/${order.number}`,
      );
      return true;
    });
    if (sent) overdue += 1;
  }
  return { reminded, overdue };
}
