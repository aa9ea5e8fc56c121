import type { Tx } from "../db/client";

// Aid in money that an institution gave a group (a Support of kind AID_MONEY) is the group's cash:
// an AID income line in its book, written here in the caller's transaction, with the institution
// as the giver. AID is not earned income (cash-book.ts EARNED_INCOME_CATEGORIES): it moves the
// balance, not the group's earnings. Taking it back is a reversing line, never an edit or a delete.

/** Writes the AID income line for aid received and returns its id (the Support links it). */
export async function recordAidReceived(
  tx: Tx,
  input: {
    groupId: string;
    amount: number;
    occurredAt: Date;
    description: string;
    giver: string;
    actorId: string | null;
    now: Date;
  },
): Promise<string> {
  const entry = await tx.cashEntry.create({
    data: {
      groupId: input.groupId,
      kind: "INCOME",
      category: "AID",
      amount: input.amount,
      occurredAt: input.occurredAt,
      description: input.description,
      giver: input.giver,
      recordedById: input.actorId,
      createdAt: input.now,
    },
    select: { id: true },
  });
  return entry.id;
}

/**
 * Takes back what is left of an aid line (the group's officers may already have corrected part of
 * it in their book): an EXPENSE line of category AID pointing at it, with the reason. Returns the
 * amount taken back, 0 when nothing was left. Another group's line is left alone (returns null).
 */
export async function reverseAidReceived(
  tx: Tx,
  input: { groupId: string; entryId: string; reason: string; actorId: string | null; now: Date },
): Promise<number | null> {
  const line = await tx.cashEntry.findFirst({
    where: { id: input.entryId, groupId: input.groupId, category: "AID", kind: "INCOME", reversesId: null },
    select: { id: true, amount: true, description: true, giver: true },
  });
  if (!line) return null;
  const taken = await tx.cashEntry.aggregate({ where: { reversesId: line.id }, _sum: { amount: true } });
  const left = line.amount - (taken._sum.amount ?? 0);
  if (left <= 0) return 0;
  await tx.cashEntry.create({
    data: {
      groupId: input.groupId,
      kind: "EXPENSE",
      category: "AID",
      amount: left,
      occurredAt: input.now,
      description: line.description,
      giver: line.giver,
      reason: input.reason,
      reversesId: line.id,
      recordedById: input.actorId,
      createdAt: input.now,
    },
    select: { id: true },
  });
  return left;
}
