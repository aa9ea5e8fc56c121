import { describe, expect, it } from "vitest";
import { db, type CashCategory, type CashKind, type OrderStatus } from "~/.server/db/client";
import { rebuildSummaries } from "~/.server/ledger/summaries-rebuild";
import {
  AreaFacts,
  buyerNamesIn,
  earnedInWindows,
  groupMonthFacts,
  linkMonthCounts,
  linkMonthFacts,
  linkPeriodFacts,
  linkPeriodTotals,
  linksInWindows,
  tradersPerMonth,
} from "~/.server/monitoring/facts";
import { wibMonthKey } from "~/utils/time";
import {
  createBusinessWithBuyer,
  createCategory,
  createGroupWithManager,
  createProduct,
  createWorld,
} from "../helpers/factories";

// monitoring/facts.ts against plain counts: rows written straight into the tables with dates
// around WIB month ends, then every fact recounted here in JavaScript, line by line.

function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const STATUSES: OrderStatus[] = [
  "PLACED",
  "CONFIRMED",
  "SHIPPED",
  "RECEIVED",
  "COMPLETED",
  "REJECTED",
  "CANCELLED",
];
const DAY = 86_400_000;
const GRACE_DAYS = 2; // catalog/groups ON_TIME_GRACE_DAYS: the on-time rule's grace

describe("monitoring facts", () => {
  it("equal plain counts of orders, deliveries and cash-book lines per group and WIB month", async () => {
    const world = await createWorld();
    const rand = random(1207);
    const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)] as T;
    const second = await createGroupWithManager(world.areas.villageA2.id);
    const category = await createCategory();
    const slowProduct = await createProduct(second.group.id, category.id, { leadTimeDays: 5 });
    const thirdBuyer = await createBusinessWithBuyer(world.areas.villageB1.id);
    const groups = [world.home.group, second.group, world.other.group];
    const products = new Map([
      [world.home.group.id, { id: world.product.id, lead: 0 }],
      [second.group.id, { id: slowProduct.id, lead: 5 }],
      [world.other.group.id, { id: world.otherProduct.id, lead: 0 }],
    ]);
    const buyers = [world.buyer, world.otherBuyer, thirdBuyer];
    // Instants spread over Aug–Dec 2026, many a few hours either side of a WIB month end.
    const start = Date.UTC(2026, 7, 1);
    const instant = () =>
      rand() < 0.3
        ? new Date(
            Date.UTC(2026, 8 + Math.floor(rand() * 3), 1) - 7 * 3_600_000 + (rand() - 0.5) * 4 * 3_600_000,
          )
        : new Date(start + Math.floor(rand() * 140 * DAY));

    type Made = {
      groupId: string;
      businessId: string;
      status: OrderStatus;
      total: number;
      placedAt: Date;
      deliveredAt: Date | null;
      wantedBy: Date | null;
      lead: number;
    };
    const orders: Made[] = [];
    for (let i = 0; i < 60; i++) {
      const group = pick(groups);
      const buyer = pick(buyers);
      const status = pick(STATUSES);
      const placedAt = instant();
      const delivered = ["RECEIVED", "COMPLETED"].includes(status) || (status === "SHIPPED" && rand() < 0.3);
      const deliveredAt = delivered ? new Date(placedAt.getTime() + Math.floor(rand() * 12 * DAY)) : null;
      const wantedBy = rand() < 0.5 ? new Date(placedAt.getTime() + Math.floor(rand() * 10 * DAY)) : null;
      const withItem = rand() < 0.7;
      const product = products.get(group.id) as { id: string; lead: number };
      const total = 10_000 + Math.floor(rand() * 500) * 1_000;
      await db.order.create({
        data: {
          number: `JJR-F-${i}-${Math.floor(rand() * 1e9)}`,
          groupId: group.id,
          businessId: buyer.business.id,
          placedById: buyer.buyer.id,
          status,
          paymentMethod: "BANK_TRANSFER",
          subtotal: total,
          total,
          placedAt,
          deliveredAt,
          wantedBy,
          items: withItem
            ? {
                create: {
                  productId: product.id,
                  productName: "Besek",
                  unit: "PCS",
                  quantity: 1,
                  unitPrice: total,
                  lineTotal: total,
                },
              }
            : undefined,
        },
      });
      orders.push({
        groupId: group.id,
        businessId: buyer.business.id,
        status,
        total,
        placedAt,
        deliveredAt,
        wantedBy,
        lead: withItem ? product.lead : 0,
      });
    }

    type Line = {
      groupId: string;
      kind: CashKind;
      category: CashCategory;
      amount: number;
      occurredAt: Date;
      reverses: boolean;
    };
    const lines: Line[] = [];
    const categories: [CashKind, CashCategory][] = [
      ["INCOME", "ORDER"],
      ["INCOME", "CONSIGNMENT"],
      ["INCOME", "OTHER_SALES"],
      ["EXPENSE", "REFUND"],
      ["EXPENSE", "MATERIALS"],
      ["EXPENSE", "TRANSPORT"],
      ["EXPENSE", "EQUIPMENT"],
      ["INCOME", "EQUIPMENT"],
      ["EXPENSE", "OTHER"],
      ["INCOME", "OTHER"],
      ["INCOME", "AID"],
      ["INCOME", "IKS"],
      ["EXPENSE", "PAYOUT"],
      ["INCOME", "SAVINGS"],
    ];
    for (let i = 0; i < 80; i++) {
      const group = pick(groups);
      const [kind, category] = pick(categories);
      const amount = 1_000 + Math.floor(rand() * 300) * 500;
      const occurredAt = instant();
      const entry = await db.cashEntry.create({
        data: { groupId: group.id, kind, category, amount, occurredAt },
      });
      lines.push({ groupId: group.id, kind, category, amount, occurredAt, reverses: false });
      if (rand() < 0.25 && category !== "REFUND") {
        // A correction: the opposite kind, same category, part of the amount, maybe the next month.
        const back = Math.ceil(amount / 2);
        const at = new Date(occurredAt.getTime() + Math.floor(rand() * 40 * DAY));
        const reversedKind: CashKind = kind === "INCOME" ? "EXPENSE" : "INCOME";
        await db.cashEntry.create({
          data: {
            groupId: group.id,
            kind: reversedKind,
            category,
            amount: back,
            occurredAt: at,
            reversesId: entry.id,
          },
        });
        lines.push({
          groupId: group.id,
          kind: reversedKind,
          category,
          amount: back,
          occurredAt: at,
          reverses: true,
        });
      }
    }

    // The rows above went straight into the tables, past the app's writers that keep the
    // (group, month) summaries the facts read; build them as the seed does after a bulk write.
    await rebuildSummaries(db);

    const areaPath = world.areas.districtA.path;
    const inside = new Set([world.home.group.id, second.group.id]);
    const from = "2026-09";
    const to = "2026-11";
    const inRange = (month: string) => month >= from && month <= to;

    // The plain count.
    const expected = new Map<
      string,
      {
        groupId: string;
        month: string;
        earned: number;
        costs: number;
        orders: number;
        salesValue: number;
        delivered: number;
        onTime: number;
        buyers: number;
      }
    >();
    const buyersOf = new Map<string, Set<string>>();
    const at = (groupId: string, month: string) => {
      const key = `${groupId} ${month}`;
      if (!expected.has(key)) {
        expected.set(key, {
          groupId,
          month,
          earned: 0,
          costs: 0,
          orders: 0,
          salesValue: 0,
          delivered: 0,
          onTime: 0,
          buyers: 0,
        });
      }
      return expected.get(key)!;
    };
    for (const line of lines) {
      const month = wibMonthKey(line.occurredAt);
      if (!inside.has(line.groupId) || !inRange(month)) continue;
      const sales = ["ORDER", "CONSIGNMENT", "OTHER_SALES"].includes(line.category);
      const cost = ["MATERIALS", "TRANSPORT", "EQUIPMENT", "OTHER"].includes(line.category);
      if (!sales && !cost && line.category !== "REFUND") continue;
      const fact = at(line.groupId, month);
      if (sales) fact.earned += line.kind === "INCOME" ? line.amount : -line.amount;
      if (line.category === "REFUND") fact.earned -= line.amount;
      if (cost && line.kind === "EXPENSE" && !line.reverses) fact.costs += line.amount;
      if (cost && line.kind === "INCOME" && line.reverses) fact.costs -= line.amount;
    }
    for (const order of orders) {
      if (!inside.has(order.groupId)) continue;
      const month = wibMonthKey(order.placedAt);
      if (inRange(month) && order.status !== "REJECTED" && order.status !== "CANCELLED") {
        const fact = at(order.groupId, month);
        fact.orders += 1;
        fact.salesValue += order.total;
        const buyers = buyersOf.get(`${order.groupId} ${month}`) ?? new Set<string>();
        buyers.add(order.businessId);
        buyersOf.set(`${order.groupId} ${month}`, buyers);
        fact.buyers = buyers.size;
      }
      if (order.deliveredAt && inRange(wibMonthKey(order.deliveredAt))) {
        const fact = at(order.groupId, wibMonthKey(order.deliveredAt));
        fact.delivered += 1;
        const due = order.wantedBy ?? new Date(order.placedAt.getTime() + (order.lead + GRACE_DAYS) * DAY);
        if (order.deliveredAt.getTime() <= due.getTime()) fact.onTime += 1;
      }
    }
    const sortKey = (a: { groupId: string; month: string }) => `${a.groupId} ${a.month}`;
    const facts = await groupMonthFacts(areaPath, from, to);
    expect(facts.map(sortKey)).toEqual([...expected.values()].map(sortKey).sort());
    expect(facts).toEqual([...expected.values()].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1)));
    expect(facts.some((fact) => fact.delivered > 0 && fact.onTime < fact.delivered)).toBe(true);
    expect(facts.some((fact) => fact.costs !== 0)).toBe(true);

    const links = new Map<
      string,
      { groupId: string; businessId: string; month: string; orders: number; value: number }
    >();
    const first = new Map<string, { groupId: string; businessId: string; at: Date }>();
    for (const order of orders) {
      if (!inside.has(order.groupId) || order.status === "REJECTED" || order.status === "CANCELLED") continue;
      const pair = `${order.groupId} ${order.businessId}`;
      const earliest = first.get(pair);
      if (!earliest || order.placedAt < earliest.at)
        first.set(pair, { groupId: order.groupId, businessId: order.businessId, at: order.placedAt });
      const month = wibMonthKey(order.placedAt);
      if (!inRange(month)) continue;
      const key = `${order.groupId} ${month} ${order.businessId}`;
      const link = links.get(key) ?? {
        groupId: order.groupId,
        businessId: order.businessId,
        month,
        orders: 0,
        value: 0,
      };
      link.orders += 1;
      link.value += order.total;
      links.set(key, link);
    }
    const linkKey = (a: { groupId: string; businessId: string; month: string }) =>
      `${a.groupId} ${a.month} ${a.businessId}`;
    const byKey = <T extends { groupId: string; businessId: string; month: string }>(a: T, b: T) =>
      linkKey(a) < linkKey(b) ? -1 : 1;
    expect(await linkMonthFacts(areaPath, from, to)).toEqual([...links.values()].sort(byKey));

    // The totals the database counts for the pages, recounted from the same rows: for the range
    // (where every link had traded before) and for the whole history (where each was new once).
    const firstMonth = new Map([...first.entries()].map(([pair, f]) => [pair, wibMonthKey(f.at)]));
    const pairKey = (a: { groupId: string; businessId: string }) => `${a.groupId} ${a.businessId}`;
    const byPair = <T extends { groupId: string; businessId: string }>(a: T, b: T) =>
      pairKey(a) < pairKey(b) ? -1 : 1;
    const linkRows = orders.filter(
      (order) => inside.has(order.groupId) && order.status !== "REJECTED" && order.status !== "CANCELLED",
    );
    const nameOf = new Map(
      (await db.business.findMany({ select: { id: true, name: true } })).map((b) => [b.id, b.name]),
    );
    let someNew = false;
    let someOld = false;
    for (const [lo, hi] of [
      [from, to],
      ["2026-07", "2026-12"],
    ] as const) {
      const rows = linkRows.filter(
        (order) => wibMonthKey(order.placedAt) >= lo && wibMonthKey(order.placedAt) <= hi,
      );
      const months = [...new Set(rows.map((order) => wibMonthKey(order.placedAt)))].sort();
      const counts = months.map((month) => {
        const inMonth = rows.filter((order) => wibMonthKey(order.placedAt) === month);
        const monthPairs = new Set(inMonth.map(pairKey));
        return {
          month,
          links: monthPairs.size,
          newLinks: [...monthPairs].filter((pair) => firstMonth.get(pair) === month).length,
        };
      });
      expect(await linkMonthCounts(areaPath, lo, hi)).toEqual(counts);
      expect(await tradersPerMonth(areaPath, lo, hi)).toEqual(
        months.map((month) => {
          const inMonth = rows.filter((order) => wibMonthKey(order.placedAt) === month);
          return {
            month,
            buyers: new Set(inMonth.map((order) => order.businessId)).size,
            groups: new Set(inMonth.map((order) => order.groupId)).size,
          };
        }),
      );
      // A page's reader cuts a run of months out of a wider one it read once: the same figures.
      const reader = new AreaFacts(areaPath).preload("2026-01", "2026-12");
      expect(await reader.linkMonths(lo, hi)).toEqual(counts);
      expect(await reader.groupMonths(lo, hi)).toEqual(await groupMonthFacts(areaPath, lo, hi));
      someNew ||= counts.some((month) => month.newLinks > 0);
      someOld ||= counts.some((month) => month.newLinks < month.links);
      const pairs = new Map<string, { groupId: string; businessId: string; orders: number; value: number }>();
      for (const order of rows) {
        const pair = pairs.get(pairKey(order)) ?? {
          groupId: order.groupId,
          businessId: order.businessId,
          orders: 0,
          value: 0,
        };
        pair.orders += 1;
        pair.value += order.total;
        pairs.set(pairKey(order), pair);
      }
      expect((await linkPeriodFacts(areaPath, lo, hi)).sort(byPair)).toEqual(
        [...pairs.values()].sort(byPair),
      );
      expect(await linkPeriodTotals(areaPath, lo, hi)).toEqual({
        links: pairs.size,
        buyers: new Set(rows.map((order) => order.businessId)).size,
      });
      // A link is new in one month only: the months' new links add up to the run's.
      expect(counts.reduce((total, month) => total + month.newLinks, 0)).toBe(
        [...pairs.keys()].filter((pair) => {
          const month = firstMonth.get(pair) ?? "";
          return month >= lo && month <= hi;
        }).length,
      );
      expect((await buyerNamesIn(areaPath, lo, hi)).sort()).toEqual(
        [...new Set(rows.map((order) => nameOf.get(order.businessId)))].sort(),
      );
    }
    expect(someNew && someOld).toBe(true);

    // Each group's own window: the home group's September, the second group's whole range.
    const windows = [
      { groupId: world.home.group.id, from: "2026-09", to: "2026-09" },
      { groupId: second.group.id, from: "0000-00", to: "2026-10" },
    ];
    const inWindow = (groupId: string, month: string) =>
      windows.some((w) => w.groupId === groupId && month >= w.from && month <= w.to);
    const windowPairs = new Map<string, string>();
    for (const order of orders) {
      if (order.status === "REJECTED" || order.status === "CANCELLED") continue;
      if (!inWindow(order.groupId, wibMonthKey(order.placedAt))) continue;
      windowPairs.set(`${order.groupId} ${order.businessId}`, order.businessId);
    }
    const windowBuyers = [...new Set(windowPairs.values())];
    const inWindows = await linksInWindows(windows, { names: true });
    expect({ ...inWindows, names: inWindows.names.sort() }).toEqual({
      links: windowPairs.size,
      buyers: windowBuyers.length,
      names: windowBuyers.map((id) => nameOf.get(id)).sort(),
    });
    expect(windowPairs.size).toBeGreaterThan(windowBuyers.length - 1);
    expect(await linksInWindows(windows, { names: false })).toEqual({ ...inWindows, names: [] });
    let windowEarned = 0;
    for (const line of lines) {
      if (!inWindow(line.groupId, wibMonthKey(line.occurredAt))) continue;
      const sales = ["ORDER", "CONSIGNMENT", "OTHER_SALES"].includes(line.category);
      if (sales) windowEarned += line.kind === "INCOME" ? line.amount : -line.amount;
      if (line.category === "REFUND") windowEarned -= line.amount;
    }
    expect(await earnedInWindows(windows)).toBe(windowEarned);
    expect(windowEarned).not.toBe(0);
  });

  it("returns nothing for an area without groups", async () => {
    const world = await createWorld();
    expect(await groupMonthFacts(`${world.areas.villageA2.path}nothing/`, "2020-01", "2030-12")).toEqual([]);
    expect(await linkMonthFacts(`${world.areas.villageA2.path}nothing/`, "2020-01", "2030-12")).toEqual([]);
    expect(await linkMonthCounts(`${world.areas.villageA2.path}nothing/`, "2020-01", "2030-12")).toEqual([]);
    expect(await linkPeriodTotals(`${world.areas.villageA2.path}nothing/`, "2020-01", "2030-12")).toEqual({
      links: 0,
      buyers: 0,
    });
    expect(await linksInWindows([], { names: true })).toEqual({ links: 0, buyers: 0, names: [] });
    expect(await earnedInWindows([])).toBe(0);
  });
});
