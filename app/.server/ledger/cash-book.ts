import type { CashCategory, Prisma, Tx } from "../db/client";
import { addCashLine } from "./cash-line";

// The group's cash book (buku kas): the only code that writes or reads CashEntry. Payments,
// konsinyasi and reports call it. Lines are never edited or deleted (schema.prisma, CashEntry).

/** Income that counts as the group's earnings (not members' dues, savings or aid). */
export const EARNED_INCOME_CATEGORIES = [
  "ORDER",
  "CONSIGNMENT",
  "OTHER_SALES",
] as const satisfies CashCategory[];

/**
 * Earned income: every line of a sales category, either kind and signed (an EXPENSE line there is a
 * correction taking part of a sale back), plus refunds that take some of it back (counted negative).
 */
export const earnedEntries = {
  OR: [
    { category: { in: [...EARNED_INCOME_CATEGORIES] } },
    { kind: "EXPENSE" as const, category: "REFUND" as const },
  ],
} satisfies Prisma.CashEntryWhereInput;

/** A line's amount with its sign: income positive, expense negative. */
export function signedAmount(entry: { kind: string; amount: number }) {
  return entry.kind === "EXPENSE" ? -entry.amount : entry.amount;
}

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
  await addCashLine(tx, {
    groupId: input.groupId,
    kind: "INCOME",
    category: "ORDER",
    amount: input.amount,
    occurredAt: input.occurredAt,
    description: input.orderNumber,
    paymentId: input.paymentId,
    recordedById: input.actorId,
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
  await addCashLine(tx, {
    groupId: input.groupId,
    kind: "EXPENSE",
    category: "REFUND",
    amount: input.amount,
    occurredAt: input.occurredAt,
    description: input.orderNumber,
    reversesId: input.reversesId,
    recordedById: input.actorId,
  });
}

/** Money received for a konsinyasi report: an income line, linked from the report it pays. */
export async function recordConsignmentIncome(
  tx: Tx,
  input: {
    groupId: string;
    reportId: string;
    amount: number;
    occurredAt: Date;
    description: string;
    actorId: string | null;
  },
): Promise<string> {
  const entry = await addCashLine(tx, {
    groupId: input.groupId,
    kind: "INCOME",
    category: "CONSIGNMENT",
    amount: input.amount,
    occurredAt: input.occurredAt,
    description: input.description,
    recordedById: input.actorId,
  });
  await tx.consignmentReport.update({
    where: { id: input.reportId },
    data: { cashEntryId: entry.id },
    select: { id: true },
  });
  return entry.id;
}

/** The income line a payment wrote (for a refund to take back), or null. */
export async function orderIncomeOfPayment(tx: Tx, paymentId: string): Promise<{ id: string } | null> {
  return tx.cashEntry.findUnique({ where: { paymentId }, select: { id: true } });
}

/** Earned income lines (with refunds) matching `where`, with what the reports need of each. */
export function earnedIncomeLines(client: Tx, where: Prisma.CashEntryWhereInput) {
  return client.cashEntry.findMany({
    where: { AND: [earnedEntries, where] },
    select: { groupId: true, kind: true, amount: true, occurredAt: true },
  });
}
