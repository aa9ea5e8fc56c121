import type { Tx } from "../db/client";

const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;

/** "TAG/2026/0007": the group's seventh tagihan of 2026 (WIB calendar year). */
export function invoiceNumber(year: number, sequence: number): string {
  return `TAG/${year}/${String(sequence).padStart(4, "0")}`;
}

/**
 * Gives the order its tagihan, numbered without gaps per group per year: the counter row is
 * created if missing, then incremented under the transaction's row lock, in the same transaction
 * that writes the invoice (and confirms the order), so a rollback takes the number back with it.
 * An order already invoiced keeps its number.
 */
export async function issueInvoice(tx: Tx, order: { id: string; groupId: string }, now: Date) {
  const existing = await tx.invoice.findUnique({ where: { orderId: order.id }, select: { number: true } });
  if (existing) return existing.number;
  const year = new Date(now.getTime() + WIB_OFFSET_MS).getUTCFullYear();
  await tx.$executeRaw`INSERT INTO "InvoiceCounter" ("groupId", "year", "last") VALUES (${order.groupId}, ${year}, 0) ON CONFLICT DO NOTHING`;
  const counter = await tx.invoiceCounter.update({
    where: { groupId_year: { groupId: order.groupId, year } },
    data: { last: { increment: 1 } },
    select: { last: true },
  });
  const number = invoiceNumber(year, counter.last);
  await tx.invoice.create({
    data: { orderId: order.id, groupId: order.groupId, year, sequence: counter.last, number, issuedAt: now },
    select: { id: true },
  });
  return number;
}
