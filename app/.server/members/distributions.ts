import { formatRupiah } from "~/utils/money";
import { audit } from "../audit/audit";
import { db, type DistributionBasis, type MemberRole, type Tx } from "../db/client";
import { lockRow } from "../db/locks";
import { costsInPeriod, earnedIncomeInPeriod, payOutShare } from "../ledger/payouts";
import { mayPayOut } from "./access";
import { notFound, type Group, type MembersResult } from "./members";
import { fundShare, splitByLargestRemainder } from "./share-split";

// Bagi hasil. For a period [from, to): earned income less recorded costs; the group fund keeps its
// percentage of that (rounded down); the rest is split among members by their units or hours, to
// the rupiah. Saved as PROPOSED, APPROVED fixes it (no two approved periods overlap), CANCELLED
// (with a reason) only before any payout. Every change to a group's distributions, its work and
// its payouts takes the group's row lock first, so those decisions never run on stale reads.

export type Period = { from: Date; to: Date };

/** The fund percentage that applies to a period: the latest set on or before its last moment. */
export async function fundPercentFor(client: Tx, tenant: Group, period: Period) {
  const rate = await client.groupFundRate.findFirst({
    where: { groupId: tenant.groupId, validFrom: { lt: period.to } },
    select: { percent: true },
    orderBy: [{ validFrom: "desc" }, { createdAt: "desc" }],
  });
  return rate?.percent ?? 0;
}

export function fundRateHistory(tenant: Group) {
  return db.groupFundRate.findMany({
    where: { groupId: tenant.groupId },
    select: {
      id: true,
      percent: true,
      validFrom: true,
      reason: true,
      createdAt: true,
      setBy: { select: { name: true } },
    },
    orderBy: [{ validFrom: "desc" }, { createdAt: "desc" }],
  });
}

/** A new fund percentage from a day on; earlier rows stay as they were (the history). */
export async function setFundRate(
  tenant: Group,
  actorId: string,
  input: { percent: number; validFrom: Date; reason?: string | undefined },
): Promise<MembersResult<string>> {
  if (!Number.isInteger(input.percent) || input.percent < 0 || input.percent > 100) {
    return { ok: false, key: "members.fund_percent_range", field: "percent" };
  }
  return db.$transaction(async (tx) => {
    const rate = await tx.groupFundRate.create({
      data: {
        groupId: tenant.groupId,
        percent: input.percent,
        validFrom: input.validFrom,
        reason: input.reason?.trim() ?? "",
        setById: actorId,
      },
      select: { id: true },
    });
    await audit(tx, {
      actorId,
      action: "fund_rate.set",
      entityType: "GroupFundRate",
      entityId: rate.id,
      groupId: tenant.groupId,
      data: { percent: input.percent, validFrom: input.validFrom.toISOString() },
    });
    return { ok: true as const, value: rate.id };
  });
}

export type Proposal = {
  period: Period;
  basis: DistributionBasis;
  income: number;
  costs: number;
  fundPercent: number;
  fundAmount: number;
  distributable: number;
  shares: { memberId: string; name: string; contribution: number; amount: number }[];
};

/** What a distribution for the period would be, computed from the books; nothing is saved. */
export async function proposeDistribution(
  client: Tx,
  tenant: Group,
  period: Period,
  basis: DistributionBasis,
): Promise<MembersResult<Proposal>> {
  if (!(period.from < period.to)) return { ok: false, key: "members.period_invalid", field: "from" };
  const [income, costs, fundPercent, work] = await Promise.all([
    earnedIncomeInPeriod(client, tenant, period),
    costsInPeriod(client, tenant, period),
    fundPercentFor(client, tenant, period),
    client.memberContribution.groupBy({
      by: ["memberId"],
      where: { groupId: tenant.groupId, date: { gte: period.from, lt: period.to } },
      _sum: { quantity: true, hours: true },
    }),
  ]);
  const base = income - costs;
  if (base <= 0)
    return {
      ok: false,
      key: "members.nothing_to_share",
      params: { income: formatRupiah(income), costs: formatRupiah(costs) },
    };
  const fundAmount = fundShare(base, fundPercent);
  const distributable = base - fundAmount;
  const weights = work
    .map((row) => ({
      key: row.memberId,
      weight: (basis === "QUANTITY" ? row._sum.quantity : row._sum.hours) ?? 0,
    }))
    .filter((row) => row.weight > 0);
  const split = splitByLargestRemainder(distributable, weights);
  if (!split)
    return { ok: false, key: basis === "QUANTITY" ? "members.no_units" : "members.no_hours", field: "basis" };
  const names = await client.groupMember.findMany({
    where: { groupId: tenant.groupId, id: { in: split.map((s) => s.key) } },
    select: { id: true, name: true },
  });
  const nameOf = new Map(names.map((m) => [m.id, m.name]));
  return {
    ok: true,
    value: {
      period,
      basis,
      income,
      costs,
      fundPercent,
      fundAmount,
      distributable,
      shares: split
        .map((s) => ({
          memberId: s.key,
          name: nameOf.get(s.key) ?? "",
          contribution: s.weight,
          amount: s.amount,
        }))
        .sort((a, b) => b.amount - a.amount || a.name.localeCompare(b.name)),
    },
  };
}

/** The proposal for a page to show before anything is saved. */
export function previewDistribution(tenant: Group, period: Period, basis: DistributionBasis) {
  return proposeDistribution(db, tenant, period, basis);
}

/** A distribution of the group in `statuses` whose period shares a moment with `period`. */
function overlapping(tx: Tx, tenant: Group, period: Period, statuses: ("PROPOSED" | "APPROVED")[]) {
  return tx.distribution.findFirst({
    where: {
      groupId: tenant.groupId,
      status: { in: statuses },
      periodFrom: { lt: period.to },
      periodTo: { gt: period.from },
    },
    select: { number: true, status: true },
  });
}

/** "BH-2026-11" for the month the period starts in (WIB); "BH-2026-11-2" for a second one. */
async function nextNumber(tx: Tx, tenant: Group, monthKey: string) {
  const base = `BH-${monthKey}`;
  const taken = await tx.distribution.findMany({
    where: { groupId: tenant.groupId, number: { startsWith: base } },
    select: { number: true },
  });
  const used = new Set(taken.map((d) => d.number));
  if (!used.has(base)) return base;
  let n = 2;
  while (used.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

/**
 * Saves the proposal as the books give it now (the amounts are computed here again, never taken
 * from the form), as PROPOSED. Returns the distribution's number.
 */
export async function saveDistribution(
  tenant: Group,
  actorId: string,
  input: { period: Period; basis: DistributionBasis; monthKey: string },
): Promise<MembersResult<string>> {
  return db.$transaction(async (tx) => {
    await lockRow(tx, "Group", { id: tenant.groupId });
    // One open proposal per period: a second submit of the same form finds the first.
    const overlap = await overlapping(tx, tenant, input.period, ["PROPOSED", "APPROVED"]);
    if (overlap) {
      const key = overlap.status === "APPROVED" ? "members.period_overlaps" : "members.period_proposed";
      return { ok: false as const, key, params: { number: overlap.number } };
    }
    const proposal = await proposeDistribution(tx, tenant, input.period, input.basis);
    if (!proposal.ok) return proposal;
    const p = proposal.value;
    const number = await nextNumber(tx, tenant, input.monthKey);
    const distribution = await tx.distribution.create({
      data: {
        groupId: tenant.groupId,
        number,
        periodFrom: p.period.from,
        periodTo: p.period.to,
        income: p.income,
        costs: p.costs,
        fundPercent: p.fundPercent,
        fundAmount: p.fundAmount,
        distributable: p.distributable,
        basis: p.basis,
        createdById: actorId,
        shares: {
          create: p.shares.map((s) => ({
            memberId: s.memberId,
            contribution: s.contribution,
            amount: s.amount,
          })),
        },
      },
      select: { id: true },
    });
    await audit(tx, {
      actorId,
      action: "distribution.propose",
      entityType: "Distribution",
      entityId: distribution.id,
      groupId: tenant.groupId,
      data: {
        number,
        income: p.income,
        costs: p.costs,
        fundAmount: p.fundAmount,
        distributable: p.distributable,
      },
    });
    return { ok: true as const, value: number };
  });
}

/** Approves a proposal: its shares are fixed and may be paid out. */
export async function approveDistribution(
  tenant: Group,
  actorId: string,
  number: string,
  now = new Date(),
): Promise<MembersResult> {
  return db.$transaction(async (tx) => {
    await lockRow(tx, "Group", { id: tenant.groupId });
    const distribution = await tx.distribution.findFirst({
      where: { groupId: tenant.groupId, number },
      select: {
        id: true,
        status: true,
        periodFrom: true,
        periodTo: true,
        basis: true,
        distributable: true,
        fundAmount: true,
        shares: { select: { memberId: true, amount: true } },
      },
    });
    if (!distribution) return notFound;
    if (distribution.status !== "PROPOSED")
      return { ok: false as const, key: "members.not_proposed" as const };
    // What is approved must be what the books say now: a line or a work entry changed since the
    // proposal (a late cost, a corrected entry) means proposing again, not fixing stale shares.
    const current = await proposeDistribution(
      tx,
      tenant,
      { from: distribution.periodFrom, to: distribution.periodTo },
      distribution.basis,
    );
    const saved = new Map(distribution.shares.map((share) => [share.memberId, share.amount]));
    const same =
      current.ok &&
      current.value.distributable === distribution.distributable &&
      current.value.fundAmount === distribution.fundAmount &&
      current.value.shares.length === saved.size &&
      current.value.shares.every((share) => saved.get(share.memberId) === share.amount);
    if (!same) return { ok: false as const, key: "members.proposal_stale" as const };
    const overlap = await overlapping(
      tx,
      tenant,
      { from: distribution.periodFrom, to: distribution.periodTo },
      ["APPROVED"],
    );
    if (overlap)
      return {
        ok: false as const,
        key: "members.period_overlaps" as const,
        params: { number: overlap.number },
      };
    await tx.distribution.update({
      where: { id: distribution.id },
      data: { status: "APPROVED", approvedAt: now },
      select: { id: true },
    });
    await audit(tx, {
      actorId,
      action: "distribution.approve",
      entityType: "Distribution",
      entityId: distribution.id,
      groupId: tenant.groupId,
      data: { number },
    });
    return { ok: true as const, value: undefined };
  });
}

/** Cancels a distribution with a reason, as long as nothing of it was paid out. */
export async function cancelDistribution(
  tenant: Group,
  actorId: string,
  number: string,
  reason: string,
): Promise<MembersResult> {
  if (!reason.trim()) return { ok: false, key: "members.cancel_reason_required", field: "reason" };
  return db.$transaction(async (tx) => {
    await lockRow(tx, "Group", { id: tenant.groupId });
    const distribution = await tx.distribution.findFirst({
      where: { groupId: tenant.groupId, number },
      select: { id: true, status: true },
    });
    if (!distribution) return notFound;
    if (distribution.status === "CANCELLED")
      return { ok: false as const, key: "members.already_cancelled" as const };
    const paid = await tx.distributionPayout.count({ where: { share: { distributionId: distribution.id } } });
    if (paid > 0) return { ok: false as const, key: "members.cancel_after_payout" as const };
    await tx.distribution.update({
      where: { id: distribution.id },
      data: { status: "CANCELLED", cancelReason: reason.trim() },
      select: { id: true },
    });
    await audit(tx, {
      actorId,
      action: "distribution.cancel",
      entityType: "Distribution",
      entityId: distribution.id,
      groupId: tenant.groupId,
      data: { number, reason: reason.trim() },
    });
    return { ok: true as const, value: undefined };
  });
}

/**
 * The bendahara hands a member money against her share of an approved distribution: never more
 * than what remains of it. The payout and its PAYOUT line in the cash book are one transaction.
 */
export async function recordPayout(
  tenant: Group,
  actorId: string,
  input: { number: string; shareId: string; amount: number },
  now = new Date(),
): Promise<MembersResult<string>> {
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0) {
    return { ok: false, key: "form.positive", field: "amount" };
  }
  return db.$transaction(async (tx) => {
    await lockRow(tx, "Group", { id: tenant.groupId });
    const share = await tx.distributionShare.findFirst({
      where: { id: input.shareId, distribution: { groupId: tenant.groupId, number: input.number } },
      select: {
        id: true,
        amount: true,
        memberId: true,
        member: { select: { name: true } },
        distribution: { select: { number: true, status: true } },
        payouts: { select: { amount: true } },
      },
    });
    if (!share) return notFound;
    if (share.distribution.status !== "APPROVED")
      return { ok: false as const, key: "members.not_approved" as const };
    const remaining = share.amount - share.payouts.reduce((sum, p) => sum + p.amount, 0);
    if (input.amount > remaining) {
      return {
        ok: false as const,
        key: "members.payout_above_share" as const,
        params: { remaining: formatRupiah(remaining) },
        field: "amount",
      };
    }
    const payoutId = await payOutShare(tx, {
      groupId: tenant.groupId,
      shareId: share.id,
      memberId: share.memberId,
      amount: input.amount,
      paidAt: now,
      description: share.distribution.number,
      actorId,
    });
    await audit(tx, {
      actorId,
      action: "distribution.payout",
      entityType: "DistributionPayout",
      entityId: payoutId,
      groupId: tenant.groupId,
      data: { number: share.distribution.number, memberId: share.memberId, amount: input.amount },
    });
    return { ok: true as const, value: payoutId };
  });
}

export function listDistributions(tenant: Group) {
  return db.distribution.findMany({
    where: { groupId: tenant.groupId },
    select: {
      id: true,
      number: true,
      periodFrom: true,
      periodTo: true,
      distributable: true,
      status: true,
      basis: true,
    },
    orderBy: [{ periodFrom: "desc" }, { createdAt: "desc" }],
  });
}

/** One distribution with its shares, what was paid of each, and what remains. */
export async function distributionDetail(tenant: Group, number: string) {
  const distribution = await db.distribution.findFirst({
    where: { groupId: tenant.groupId, number },
    select: {
      id: true,
      number: true,
      periodFrom: true,
      periodTo: true,
      income: true,
      costs: true,
      fundPercent: true,
      fundAmount: true,
      distributable: true,
      basis: true,
      status: true,
      cancelReason: true,
      approvedAt: true,
      createdAt: true,
      shares: {
        select: {
          id: true,
          contribution: true,
          amount: true,
          member: { select: { id: true, name: true, rw: true } },
          payouts: { select: { id: true, amount: true, paidAt: true }, orderBy: { paidAt: "asc" } },
        },
      },
    },
  });
  if (!distribution) return null;
  const shares = distribution.shares
    .map((share) => {
      const paid = share.payouts.reduce((sum, p) => sum + p.amount, 0);
      return { ...share, paid, remaining: share.amount - paid };
    })
    .sort((a, b) => b.amount - a.amount || a.member.name.localeCompare(b.member.name));
  return { ...distribution, shares };
}

/** What a page may offer for a distribution: the same answer the functions above enforce. */
export function distributionActions(
  distribution: { status: string; shares: { paid: number }[] },
  viewerRole: MemberRole,
) {
  const anyPaid = distribution.shares.some((s) => s.paid > 0);
  return {
    approve: distribution.status === "PROPOSED",
    cancel: distribution.status !== "CANCELLED" && !anyPaid,
    pay: distribution.status === "APPROVED" && mayPayOut(viewerRole),
  };
}

/** A member's shares (by the month her distribution's period starts) and payouts (by month paid). */
export async function memberIncome(tenant: Group, memberId: string) {
  const shares = await db.distributionShare.findMany({
    where: { memberId, member: { groupId: tenant.groupId }, distribution: { status: "APPROVED" } },
    select: {
      id: true,
      amount: true,
      contribution: true,
      distribution: { select: { number: true, periodFrom: true, periodTo: true, basis: true } },
      payouts: { select: { amount: true, paidAt: true } },
    },
    orderBy: { distribution: { periodFrom: "desc" } },
  });
  return shares.map((share) => ({ ...share, paid: share.payouts.reduce((sum, p) => sum + p.amount, 0) }));
}

/** A member's slip for one distribution: the group's figures, her work, share and payouts. */
export async function memberSlip(tenant: Group, number: string, memberId: string) {
  const share = await db.distributionShare.findFirst({
    where: { memberId, distribution: { groupId: tenant.groupId, number } },
    select: {
      contribution: true,
      amount: true,
      member: { select: { name: true, rw: true } },
      payouts: { select: { id: true, amount: true, paidAt: true }, orderBy: { paidAt: "asc" } },
      distribution: {
        select: {
          number: true,
          periodFrom: true,
          periodTo: true,
          income: true,
          costs: true,
          fundPercent: true,
          fundAmount: true,
          distributable: true,
          basis: true,
          status: true,
          group: { select: { name: true } },
        },
      },
    },
  });
  if (!share) return null;
  const paid = share.payouts.reduce((sum, p) => sum + p.amount, 0);
  return { ...share, paid, remaining: share.amount - paid };
}
