import { wibMonthKey } from "~/utils/time";
import { db } from "../db/client";

// What a member sees of her own work and money (/saya): her contributions, her shares of each
// distribution and what was paid out to her, by WIB month. Nothing of anyone else.

export type MemberMonth = {
  month: string;
  quantity: number;
  hours: number;
  entries: number;
  shared: number;
  paid: number;
};

export async function memberRecord(tenant: { groupId: string; memberId: string }) {
  const { groupId, memberId } = tenant;
  const [contributions, shares] = await Promise.all([
    db.memberContribution.findMany({
      where: { groupId, memberId },
      orderBy: { date: "desc" },
      select: {
        id: true,
        date: true,
        quantity: true,
        hours: true,
        note: true,
        product: { select: { name: true } },
      },
    }),
    db.distributionShare.findMany({
      where: { memberId, distribution: { groupId, status: { not: "CANCELLED" } } },
      orderBy: { distribution: { periodTo: "desc" } },
      select: {
        id: true,
        amount: true,
        contribution: true,
        distribution: {
          select: { number: true, periodFrom: true, periodTo: true, status: true, basis: true },
        },
        payouts: { orderBy: { paidAt: "asc" }, select: { id: true, amount: true, paidAt: true } },
      },
    }),
  ]);
  const months = new Map<string, MemberMonth>();
  const monthOf = (key: string) => {
    const found = months.get(key);
    if (found) return found;
    const fresh = { month: key, quantity: 0, hours: 0, entries: 0, shared: 0, paid: 0 };
    months.set(key, fresh);
    return fresh;
  };
  for (const c of contributions) {
    const m = monthOf(wibMonthKey(c.date));
    m.quantity += c.quantity;
    m.hours += c.hours;
    m.entries += 1;
  }
  for (const share of shares) {
    // As the officers' member page counts it (members/distributions.ts, memberIncome): an approved
    // share in the month its period starts (periodTo is the first moment after it), a payout in
    // the month it was paid. A proposal may still change, so it is listed but not counted.
    if (share.distribution.status === "APPROVED")
      monthOf(wibMonthKey(share.distribution.periodFrom)).shared += share.amount;
    for (const payout of share.payouts) monthOf(wibMonthKey(payout.paidAt)).paid += payout.amount;
  }
  return {
    months: [...months.values()].sort((a, b) => b.month.localeCompare(a.month)),
    contributions: contributions.map((c) => ({
      id: c.id,
      date: c.date,
      quantity: c.quantity,
      hours: c.hours,
      note: c.note,
      product: c.product?.name ?? null,
    })),
    shares: shares.map((s) => ({
      id: s.id,
      number: s.distribution.number,
      periodFrom: s.distribution.periodFrom,
      periodTo: s.distribution.periodTo,
      status: s.distribution.status,
      amount: s.amount,
      paid: s.payouts.reduce((sum, p) => sum + p.amount, 0),
      payouts: s.payouts,
    })),
  };
}
