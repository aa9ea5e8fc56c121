import type { Tx } from "../db/client";
import { addCashLine } from "./cash-line";

// Aid in money that an institution gave a group (a Support of kind AID_MONEY) is the group's cash:
// an AID income line in its book, written here in the caller's transaction, with the institution
// as the giver, and linked from the Support (Support.cashEntryId) as a konsinyasi report links its
// line. AID is not earned income (cash-book.ts EARNED_INCOME_CATEGORIES): it moves the balance,
// not the group's earnings. Taking it back is a reversing line, never an edit or a delete.

/** Writes the AID income line for a support's aid and links it from the support; returns the line's id. */
export async function recordAidReceived(
  tx: Tx,
  input: {
    supportId: string;
    groupId: string;
    amount: number;
    occurredAt: Date;
    description: string;
    giver: string;
    actorId: string | null;
    now: Date;
  },
): Promise<string> {
  const entry = await addCashLine(tx, {
    groupId: input.groupId,
    kind: "INCOME",
    category: "AID",
    amount: input.amount,
    occurredAt: input.occurredAt,
    description: input.description,
    giver: input.giver,
    recordedById: input.actorId,
    createdAt: input.now,
  });
  await tx.support.update({
    where: { id: input.supportId },
    data: { cashEntryId: entry.id },
    select: { id: true },
  });
  return entry.id;
}

/**
 * Takes back what is left of a support's aid line (the group's officers may already have corrected
 * part of it in their book): an EXPENSE line of category AID pointing at it, with the reason, and
 * the support no longer links it. Returns the amount taken back (0 when nothing was left), or null
 * when the support has no line in the group's book.
 */
export async function reverseAidOfSupport(
  tx: Tx,
  input: { supportId: string; groupId: string; reason: string; actorId: string | null; now: Date },
): Promise<number | null> {
  const support = await tx.support.findFirst({
    where: { id: input.supportId, groupId: input.groupId },
    select: {
      cashEntry: {
        select: { id: true, amount: true, description: true, giver: true, kind: true, category: true },
      },
    },
  });
  const line = support?.cashEntry;
  if (!line || line.kind !== "INCOME" || line.category !== "AID") return null;
  await tx.support.update({
    where: { id: input.supportId },
    data: { cashEntryId: null },
    select: { id: true },
  });
  const taken = await tx.cashEntry.aggregate({ where: { reversesId: line.id }, _sum: { amount: true } });
  const left = line.amount - (taken._sum.amount ?? 0);
  if (left <= 0) return 0;
  await addCashLine(tx, {
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
  });
  return left;
}
