import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  confirmConsignmentPayment,
  placeConsignment,
  reportConsignment,
} from "~/.server/consignment/consignment";
import { db } from "~/.server/db/client";
import { reconcile, UnknownScope } from "~/.server/ledger/reconcile";
import { transitionOrder } from "~/.server/orders/orders";
import { recordPayment } from "~/.server/payments/record";
import { incomeByMonthForArea } from "~/.server/reports/income";
import { wibMonthKey } from "~/utils/time";
import { createWorld } from "../helpers/factories";
import { placedOrderNumber } from "../helpers/orders";

// `npm run reconcile` and the module behind it: quiet when the books agree; when a line was put in
// behind the ledger's back, it names the first difference — group, month, both numbers.

type World = Awaited<ReturnType<typeof createWorld>>;

async function paidOrder(world: World, amount: number) {
  const number = await placedOrderNumber(world.buyer, world.product.id, 10);
  const tenant = { party: "group" as const, groupId: world.home.group.id };
  const confirmed = await transitionOrder(tenant, world.home.manager.id, number, "confirm");
  expect(confirmed.ok).toBe(true);
  const paid = await recordPayment(world.home.group.id, world.home.manager.id, number, {
    amount,
    idempotencyKey: `pay-${number}`,
  });
  expect(paid.ok).toBe(true);
  return number;
}

async function paidConsignment(world: World) {
  const placed = await placeConsignment(world.home.group.id, world.home.manager.id, {
    productId: world.product.id,
    businessId: world.buyer.business.id,
    quantity: 20,
    unitPrice: 25_000,
    commissionPct: 20,
  });
  expect(placed.ok).toBe(true);
  const placement = await db.consignmentPlacement.findFirstOrThrow({
    where: { groupId: world.home.group.id },
    select: { id: true },
  });
  const reported = await reportConsignment(world.buyer.business.id, world.buyer.buyer.id, placement.id, {
    quantitySold: 4,
    quantityReturned: 0,
  });
  expect(reported.ok).toBe(true);
  const report = await db.consignmentReport.findFirstOrThrow({
    where: { placementId: placement.id },
    select: { id: true },
  });
  const confirmed = await confirmConsignmentPayment(world.home.group.id, world.home.manager.id, report.id);
  expect(confirmed.ok).toBe(true);
}

const check = (scope: Parameters<typeof reconcile>[0]) => reconcile(scope, incomeByMonthForArea);

describe("reconcile", () => {
  it("finds the books in agreement after sales, partial payments and konsinyasi", async () => {
    const world = await createWorld();
    await paidOrder(world, 100_000);
    await paidOrder(world, 250_000);
    await paidConsignment(world);
    const result = await check({ group: world.home.group.slug });
    expect(result.differences).toEqual([]);
    expect(result.groups).toBe(1);
    expect(result.months).toEqual([wibMonthKey(new Date())]);
    // Sums were really taken: the book holds what was paid (order income and konsinyasi 80,000).
    const lines = await db.cashEntry.aggregate({
      where: { groupId: world.home.group.id },
      _sum: { amount: true },
    });
    expect(lines._sum.amount).toBe(100_000 + 250_000 + 80_000);
  });

  it("names an order income line written behind the ledger's back: group, month, both numbers", async () => {
    const world = await createWorld();
    await paidOrder(world, 100_000);
    await db.cashEntry.create({
      data: {
        groupId: world.home.group.id,
        kind: "INCOME",
        category: "ORDER",
        amount: 7_500,
        occurredAt: new Date("2026-03-10T05:00:00Z"),
      },
    });
    const result = await check({ area: world.areas.regency.code });
    expect(result.differences[0]).toMatchObject({
      check: "order",
      group: world.home.group.slug,
      month: "2026-03",
      left: { label: "payments", amount: 0 },
      right: { label: "cash book", amount: 7_500 },
    });
    // The month of the real sale still agrees; only the planted month is named.
    expect(result.differences.filter((d) => d.check === "order")).toHaveLength(1);
    // Scoped to another group or to a period before it, the planted line is not seen.
    expect((await check({ group: world.other.group.slug })).differences).toEqual([]);
    expect((await check({ group: world.home.group.slug, to: "2026-02" })).differences).toEqual([]);
    expect(
      (await check({ group: world.home.group.slug, from: "2026-03", to: "2026-03" })).differences,
    ).toHaveLength(1);
  });

  it("names a refund line that takes back no order income, and konsinyasi income no report paid", async () => {
    const world = await createWorld();
    await db.cashEntry.create({
      data: {
        groupId: world.home.group.id,
        kind: "EXPENSE",
        category: "REFUND",
        amount: 5_000,
        occurredAt: new Date("2026-04-02T01:00:00Z"),
      },
    });
    await db.cashEntry.create({
      data: {
        groupId: world.home.group.id,
        kind: "INCOME",
        category: "CONSIGNMENT",
        amount: 40_000,
        // 20:00 UTC on 30 April is 1 May in WIB: the month is the reader's, not UTC's.
        occurredAt: new Date("2026-04-30T20:00:00Z"),
      },
    });
    const result = await check({ group: world.home.group.slug });
    expect(result.differences.map((d) => [d.check, d.month, d.left.amount, d.right.amount])).toEqual([
      ["refund", "2026-04", 5_000, 0],
      ["consignment", "2026-05", 0, 40_000],
    ]);
  });

  it("names a distribution whose shares miss the distributable amount and a payout above its share", async () => {
    const world = await createWorld();
    const [member] = await db.groupMember.findMany({ where: { groupId: world.home.group.id }, take: 1 });
    const distribution = await db.distribution.create({
      data: {
        groupId: world.home.group.id,
        number: "BH-2026-06",
        periodFrom: new Date("2026-06-01T00:00:00+07:00"),
        periodTo: new Date("2026-06-30T23:59:59+07:00"),
        income: 1_000_000,
        costs: 0,
        fundPercent: 10,
        fundAmount: 100_000,
        distributable: 900_000,
        basis: "QUANTITY",
        shares: { create: [{ memberId: member?.id as string, contribution: 10, amount: 899_999 }] },
      },
      select: { shares: { select: { id: true } } },
    });
    const line = await db.cashEntry.create({
      data: {
        groupId: world.home.group.id,
        kind: "EXPENSE",
        category: "PAYOUT",
        amount: 900_000,
        occurredAt: new Date("2026-07-01T03:00:00Z"),
      },
    });
    await db.distributionPayout.create({
      data: {
        shareId: distribution.shares[0]?.id as string,
        amount: 900_000,
        paidAt: new Date("2026-07-01T03:00:00Z"),
        cashEntryId: line.id,
      },
    });
    const result = await check({ group: world.home.group.slug });
    expect(result.differences.map((d) => [d.check, d.month, d.left.amount, d.right.amount])).toEqual([
      ["shares", "2026-06", 899_999, 900_000],
      ["payouts", "2026-06", 900_000, 899_999],
    ]);
    expect(result.differences[0]?.what).toContain("BH-2026-06");
  });

  it("refuses an unknown group or area and a month that is not one", async () => {
    await createWorld();
    await expect(check({ group: "tidak-ada" })).rejects.toBeInstanceOf(UnknownScope);
    await expect(check({ area: "XX" })).rejects.toBeInstanceOf(UnknownScope);
    await expect(check({ from: "2026-13" })).rejects.toBeInstanceOf(UnknownScope);
    await expect(check({ from: "2026-05", to: "2026-04" })).rejects.toBeInstanceOf(UnknownScope);
  });

  it("npm run reconcile exits 0 when the books agree and 1 naming the first difference", async () => {
    const world = await createWorld();
    await paidOrder(world, 100_000);
    const run = (...args: string[]) =>
      spawnSync(
        process.execPath,
        [path.resolve("node_modules/tsx/dist/cli.mjs"), "scripts/reconcile.ts", ...args],
        { env: { ...process.env }, encoding: "utf8" },
      );
    const agree = run("--group", world.home.group.slug);
    expect(agree.stdout).toContain("the books agree");
    expect(agree.status).toBe(0);
    await db.cashEntry.create({
      data: {
        groupId: world.home.group.id,
        kind: "INCOME",
        category: "ORDER",
        amount: 1_234,
        occurredAt: new Date("2026-02-15T05:00:00Z"),
      },
    });
    const differ = run("--group", world.home.group.slug);
    expect(differ.status).toBe(1);
    expect(differ.stderr).toContain(
      `DIFFERENCE order: group ${world.home.group.slug}, month 2026-02: payments received − refunds ≠ cash-book order income: payments 0, cash book 1234`,
    );
    const unknown = run("--group", "tidak-ada");
    expect(unknown.status).toBe(2);
  }, 60_000);
});
