import type { CashKind, Prisma, Tx } from "../db/client";
import { summariseCashLine } from "../summaries/group-month";

// The one statement that adds a line to the cash book. The (group, month) summaries count the line
// in the same transaction, so every writer of the book (payments, refunds, konsinyasi, officers'
// lines and corrections, payouts, aid) goes through here; a unit test keeps it the only one.

export type NewCashLine = Omit<Prisma.CashEntryUncheckedCreateInput, "kind" | "occurredAt" | "amount"> & {
  kind: CashKind;
  amount: number;
  occurredAt: Date;
};

/** Writes the line and adds it to its group's month; returns the line's id. */
export async function addCashLine(tx: Tx, data: NewCashLine): Promise<{ id: string }> {
  const entry = await tx.cashEntry.create({ data, select: { id: true } });
  await summariseCashLine(tx, {
    groupId: data.groupId,
    kind: data.kind,
    category: data.category,
    amount: data.amount,
    occurredAt: data.occurredAt,
    reversesId: data.reversesId ?? null,
  });
  return entry;
}
