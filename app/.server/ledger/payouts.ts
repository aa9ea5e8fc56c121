import type { CashCategory, Tx } from "../db/client";
import { earnedIncomeLines, signedAmount } from "./cash-book";
import { addCashLine } from "./cash-line";

// What bagi hasil reads from and writes to the cash book: a period's earned income and recorded
// costs, and the PAYOUT line a member's share paid out becomes.

/** Expenses that count as the costs of making what was sold, taken off before sharing. */
export const COST_CATEGORIES = ["MATERIALS", "TRANSPORT", "EQUIPMENT"] as const satisfies CashCategory[];

type Period = { from: Date; to: Date };

/** Earned income in [from, to): order, konsinyasi and other sales, less refunds. */
export async function earnedIncomeInPeriod(client: Tx, tenant: { groupId: string }, period: Period) {
  const lines = await earnedIncomeLines(client, {
    groupId: tenant.groupId,
    occurredAt: { gte: period.from, lt: period.to },
  });
  return lines.reduce((sum, line) => sum + signedAmount(line), 0);
}

/**
 * Costs in [from, to): materials, transport and equipment expenses. A correction of a cost is a
 * line of the opposite kind in the same category, so it is netted here (counted as negative cost).
 */
export async function costsInPeriod(client: Tx, tenant: { groupId: string }, period: Period) {
  const lines = await client.cashEntry.findMany({
    where: {
      groupId: tenant.groupId,
      category: { in: [...COST_CATEGORIES] },
      occurredAt: { gte: period.from, lt: period.to },
    },
    select: { kind: true, amount: true },
  });
  return lines.reduce((sum, line) => sum - signedAmount(line), 0);
}

/**
 * A member's share paid out: an expense line in the cash book naming her, and the payout against
 * her share that points at it; returns the payout's id.
 */
export async function payOutShare(
  tx: Tx,
  input: {
    groupId: string;
    shareId: string;
    memberId: string;
    amount: number;
    paidAt: Date;
    description: string;
    actorId: string | null;
  },
): Promise<string> {
  const entry = await addCashLine(tx, {
    groupId: input.groupId,
    kind: "EXPENSE",
    category: "PAYOUT",
    amount: input.amount,
    occurredAt: input.paidAt,
    description: input.description,
    memberId: input.memberId,
    recordedById: input.actorId,
  });
  const payout = await tx.distributionPayout.create({
    data: {
      shareId: input.shareId,
      amount: input.amount,
      paidAt: input.paidAt,
      cashEntryId: entry.id,
      recordedById: input.actorId,
    },
    select: { id: true },
  });
  return payout.id;
}
