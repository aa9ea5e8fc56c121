import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "~/.server/db/client";
import type { CashCategory, CashKind, OrderStatus, PaymentMethod } from "~/.server/db/client";
import { groupDashboard } from "~/.server/reports/dashboard";
import { loader as manageLoader } from "~/routes/kelola._index";
import { createBusinessWithBuyer, createProduct, createWorld } from "../helpers/factories";
import { callLoader, request, statusOf } from "../helpers/requests";

// Every expected figure is computed here from the rows the test wrote, with its own month rule
// (Intl in Asia/Jakarta), not with the code under test.

type World = Awaited<ReturnType<typeof createWorld>>;
const DAY = 86_400_000;
const NOW = new Date("2026-11-15T05:00:00Z");

const monthFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Jakarta",
  year: "numeric",
  month: "2-digit",
});
const wibMonth = (at: Date) => monthFormat.format(at).slice(0, 7);

type Line = { groupId: string; kind: CashKind; category: CashCategory; amount: number; occurredAt: Date };

async function writeLines(lines: Line[]) {
  await db.cashEntry.createMany({ data: lines });
}

function expectedIncome(lines: Line[], groupId: string, month: string) {
  return lines
    .filter((l) => l.groupId === groupId && wibMonth(l.occurredAt) === month)
    .reduce((sum, l) => {
      if (l.kind === "INCOME" && ["ORDER", "CONSIGNMENT", "OTHER_SALES"].includes(l.category))
        return sum + l.amount;
      if (l.kind === "EXPENSE" && l.category === "REFUND") return sum - l.amount;
      return sum;
    }, 0);
}

type OrderRow = {
  groupId: string;
  businessId: string;
  status: OrderStatus;
  placedAt: Date;
  deliveredAt?: Date | null;
  wantedBy?: Date | null;
  paymentMethod?: PaymentMethod;
  total?: number;
  amountPaid?: number;
  dueAt?: Date | null;
  items?: { productId: string; quantity: number; unitPrice: number; leadTimeDays: number }[];
  invoice?: boolean;
};

async function writeOrder(world: World, row: OrderRow) {
  const items = row.items ?? [];
  const total = row.total ?? items.reduce((s, i) => s + i.quantity * i.unitPrice, 0);
  const order = await db.order.create({
    data: {
      number: `T-${randomBytes(5).toString("hex")}`,
      groupId: row.groupId,
      businessId: row.businessId,
      placedById: world.buyer.buyer.id,
      status: row.status,
      paymentMethod: row.paymentMethod ?? "BANK_TRANSFER",
      subtotal: total,
      total,
      amountPaid: row.amountPaid ?? 0,
      placedAt: row.placedAt,
      deliveredAt: row.deliveredAt ?? null,
      wantedBy: row.wantedBy ?? null,
      dueAt: row.dueAt ?? null,
      items: {
        create: items.map((i) => ({
          productId: i.productId,
          productName: "x",
          unit: "PCS" as const,
          quantity: i.quantity,
          unitPrice: i.unitPrice,
          lineTotal: i.quantity * i.unitPrice,
        })),
      },
    },
    select: { id: true },
  });
  if (row.invoice) {
    const sequence = Math.floor(Math.random() * 1_000_000_000);
    await db.invoice.create({
      data: { orderId: order.id, groupId: row.groupId, year: 2026, sequence, number: `TAG/2026/${sequence}` },
    });
  }
  return order;
}

describe("the group's sales dashboard", () => {
  it("counts earned income per WIB month from the book: refunds, month edges, other categories and other groups", async () => {
    const world = await createWorld();
    const home = world.home.group.id;
    const other = world.other.group.id;
    const fixed: Line[] = [
      {
        groupId: home,
        kind: "INCOME",
        category: "ORDER",
        amount: 100_000,
        occurredAt: new Date("2026-11-03T02:00:00Z"),
      },
      {
        groupId: home,
        kind: "INCOME",
        category: "CONSIGNMENT",
        amount: 40_000,
        occurredAt: new Date("2026-11-10T02:00:00Z"),
      },
      // 00:30 WIB on 1 November: November, though October in UTC.
      {
        groupId: home,
        kind: "INCOME",
        category: "OTHER_SALES",
        amount: 15_000,
        occurredAt: new Date("2026-10-31T17:30:00Z"),
      },
      // 23:59 WIB on 31 October.
      {
        groupId: home,
        kind: "INCOME",
        category: "ORDER",
        amount: 70_000,
        occurredAt: new Date("2026-10-31T16:59:00Z"),
      },
      {
        groupId: home,
        kind: "EXPENSE",
        category: "REFUND",
        amount: 20_000,
        occurredAt: new Date("2026-11-12T02:00:00Z"),
      },
      {
        groupId: home,
        kind: "INCOME",
        category: "ORDER",
        amount: 55_000,
        occurredAt: new Date("2025-11-20T02:00:00Z"),
      },
      {
        groupId: home,
        kind: "INCOME",
        category: "ORDER",
        amount: 999,
        occurredAt: new Date("2025-10-20T02:00:00Z"),
      },
      {
        groupId: home,
        kind: "INCOME",
        category: "AID",
        amount: 500_000,
        occurredAt: new Date("2026-11-05T02:00:00Z"),
      },
      {
        groupId: home,
        kind: "INCOME",
        category: "SAVINGS",
        amount: 10_000,
        occurredAt: new Date("2026-11-05T02:00:00Z"),
      },
      {
        groupId: home,
        kind: "EXPENSE",
        category: "MATERIALS",
        amount: 30_000,
        occurredAt: new Date("2026-11-05T02:00:00Z"),
      },
      // A month where a refund outweighs what came in.
      {
        groupId: home,
        kind: "EXPENSE",
        category: "REFUND",
        amount: 80_000,
        occurredAt: new Date("2026-06-10T02:00:00Z"),
      },
      {
        groupId: other,
        kind: "INCOME",
        category: "ORDER",
        amount: 1_000_000,
        occurredAt: new Date("2026-11-03T02:00:00Z"),
      },
    ];
    // And a random history over sixteen months for both groups.
    const categories: [CashKind, CashCategory][] = [
      ["INCOME", "ORDER"],
      ["INCOME", "CONSIGNMENT"],
      ["INCOME", "OTHER_SALES"],
      ["EXPENSE", "REFUND"],
      ["INCOME", "AID"],
      ["EXPENSE", "TRANSPORT"],
      ["EXPENSE", "PAYOUT"],
    ];
    const random: Line[] = Array.from({ length: 300 }, (_, i) => {
      const [kind, category] = categories[i % categories.length]!;
      return {
        groupId: i % 4 === 0 ? other : home,
        kind,
        category,
        amount: 1_000 + ((i * 7_919) % 250_000),
        occurredAt: new Date(NOW.getTime() - ((i * 1_654_321_987) % (480 * DAY))),
      };
    });
    const lines = [...fixed, ...random];
    await writeLines(lines);

    const dashboard = await groupDashboard({ groupId: home }, NOW);
    expect(dashboard.months).toHaveLength(12);
    expect(dashboard.months[0]).toBe("2025-12");
    expect(dashboard.months[11]).toBe("2026-11");
    for (const month of dashboard.months) {
      expect(dashboard.incomeByMonth[month], month).toBe(expectedIncome(lines, home, month));
    }
    expect(dashboard.current.income).toBe(expectedIncome(lines, home, "2026-11"));
    expect(dashboard.previous.income).toBe(expectedIncome(lines, home, "2026-10"));
    expect(dashboard.lastYear.income).toBe(expectedIncome(lines, home, "2025-11"));
    expect([dashboard.current.month, dashboard.previous.month, dashboard.lastYear.month]).toEqual([
      "2026-11",
      "2026-10",
      "2025-11",
    ]);
    // The fixed lines alone, worked out by hand, so the helper above is checked too.
    const fixedOnly = await groupDashboard({ groupId: other }, NOW);
    expect(fixedOnly.current.income).toBe(expectedIncome(lines, other, "2026-11"));
    expect(expectedIncome(fixed, home, "2026-11")).toBe(100_000 + 40_000 + 15_000 - 20_000);
    expect(expectedIncome(fixed, home, "2026-06")).toBe(-80_000);
  });

  it("counts orders, new and returning buyers, on-time deliveries, top products and what buyers owe", async () => {
    const world = await createWorld();
    const home = world.home.group.id;
    const villageId = world.areas.villageA2.id;
    const returning = world.buyer.business.id;
    const fresh = (await createBusinessWithBuyer(villageId)).business.id;
    const refusedOnly = (await createBusinessWithBuyer(villageId)).business.id;
    const cancelledBefore = (await createBusinessWithBuyer(villageId)).business.id;
    const quick = await createProduct(home, world.category.id, {
      name: "Besek kecil",
      leadTimeDays: 3,
      price: 5_000,
    });
    const slow = await createProduct(home, world.category.id, {
      name: "Tas anyaman",
      leadTimeDays: 10,
      price: 80_000,
    });
    const d = (iso: string) => new Date(iso);

    const rows: OrderRow[] = [
      // The returning buyer: first order June 2025, then November 2026 twice.
      {
        groupId: home,
        businessId: returning,
        status: "COMPLETED",
        placedAt: d("2025-06-02T03:00:00Z"),
        deliveredAt: d("2025-06-05T03:00:00Z"),
        items: [{ productId: quick.id, quantity: 10, unitPrice: 5_000, leadTimeDays: 3 }],
      },
      // Placed 1 Nov 02:00 WIB; no wanted-by: due 1 Nov + 3 + 2 days; delivered 5 Nov: on time.
      {
        groupId: home,
        businessId: returning,
        status: "COMPLETED",
        placedAt: d("2026-10-31T19:00:00Z"),
        deliveredAt: d("2026-11-05T03:00:00Z"),
        items: [{ productId: quick.id, quantity: 20, unitPrice: 5_000, leadTimeDays: 3 }],
      },
      // Wanted by 4 Nov, delivered 9 Nov: late.
      {
        groupId: home,
        businessId: returning,
        status: "RECEIVED",
        placedAt: d("2026-11-02T03:00:00Z"),
        wantedBy: d("2026-11-04T03:00:00Z"),
        deliveredAt: d("2026-11-09T03:00:00Z"),
        items: [{ productId: slow.id, quantity: 2, unitPrice: 80_000, leadTimeDays: 10 }],
      },
      // New in November.
      {
        groupId: home,
        businessId: fresh,
        status: "CONFIRMED",
        placedAt: d("2026-11-06T03:00:00Z"),
        items: [{ productId: slow.id, quantity: 1, unitPrice: 80_000, leadTimeDays: 10 }],
      },
      // A refused order is no sale, and makes no buyer.
      {
        groupId: home,
        businessId: refusedOnly,
        status: "REJECTED",
        placedAt: d("2026-11-07T03:00:00Z"),
        items: [{ productId: slow.id, quantity: 50, unitPrice: 80_000, leadTimeDays: 10 }],
      },
      // A cancelled order in January does not make her a returning buyer in November.
      {
        groupId: home,
        businessId: cancelledBefore,
        status: "CANCELLED",
        placedAt: d("2026-01-07T03:00:00Z"),
        items: [{ productId: slow.id, quantity: 9, unitPrice: 80_000, leadTimeDays: 10 }],
      },
      {
        groupId: home,
        businessId: cancelledBefore,
        status: "PLACED",
        placedAt: d("2026-11-08T03:00:00Z"),
        items: [{ productId: quick.id, quantity: 4, unitPrice: 5_000, leadTimeDays: 3 }],
      },
      // October: delivered on the wanted-by day.
      {
        groupId: home,
        businessId: returning,
        status: "COMPLETED",
        placedAt: d("2026-10-10T03:00:00Z"),
        wantedBy: d("2026-10-20T10:00:00Z"),
        deliveredAt: d("2026-10-20T10:00:00Z"),
        items: [{ productId: quick.id, quantity: 6, unitPrice: 5_000, leadTimeDays: 3 }],
      },
      // November last year: outside the top-products window, inside the comparison.
      {
        groupId: home,
        businessId: returning,
        status: "COMPLETED",
        placedAt: d("2025-11-10T03:00:00Z"),
        deliveredAt: d("2025-11-30T03:00:00Z"),
        items: [{ productId: slow.id, quantity: 100, unitPrice: 80_000, leadTimeDays: 10 }],
      },
      // Another group's order in the same month.
      {
        groupId: world.other.group.id,
        businessId: returning,
        status: "COMPLETED",
        placedAt: d("2026-11-03T03:00:00Z"),
        deliveredAt: d("2026-11-04T03:00:00Z"),
        items: [{ productId: world.otherProduct.id, quantity: 500, unitPrice: 25_000, leadTimeDays: 0 }],
      },
      // Tempo: owed and overdue; owed, due later; paid in full; not yet confirmed (no invoice); cancelled.
      {
        groupId: home,
        businessId: returning,
        status: "RECEIVED",
        placedAt: d("2026-09-01T03:00:00Z"),
        paymentMethod: "TEMPO",
        total: 300_000,
        amountPaid: 100_000,
        dueAt: d("2026-11-01T03:00:00Z"),
        invoice: true,
      },
      {
        groupId: home,
        businessId: returning,
        status: "CONFIRMED",
        placedAt: d("2026-09-02T03:00:00Z"),
        paymentMethod: "TEMPO",
        total: 50_000,
        dueAt: d("2026-12-01T03:00:00Z"),
        invoice: true,
      },
      {
        groupId: home,
        businessId: returning,
        status: "COMPLETED",
        placedAt: d("2026-09-03T03:00:00Z"),
        paymentMethod: "TEMPO",
        total: 70_000,
        amountPaid: 70_000,
        dueAt: d("2026-10-01T03:00:00Z"),
        invoice: true,
      },
      {
        groupId: home,
        businessId: returning,
        status: "PLACED",
        placedAt: d("2026-09-04T03:00:00Z"),
        paymentMethod: "TEMPO",
        total: 90_000,
      },
      {
        groupId: home,
        businessId: returning,
        status: "CANCELLED",
        placedAt: d("2026-09-05T03:00:00Z"),
        paymentMethod: "TEMPO",
        total: 40_000,
        dueAt: d("2026-10-01T03:00:00Z"),
        invoice: true,
      },
      {
        groupId: world.other.group.id,
        businessId: returning,
        status: "RECEIVED",
        placedAt: d("2026-09-01T03:00:00Z"),
        paymentMethod: "TEMPO",
        total: 999_000,
        dueAt: d("2026-10-01T03:00:00Z"),
        invoice: true,
      },
    ];
    for (const row of rows) await writeOrder(world, row);

    // Konsinyasi: one report unpaid, one paid, and another group's unpaid one.
    const placement = (groupId: string, productId: string) =>
      db.consignmentPlacement.create({
        data: { groupId, businessId: returning, productId, quantityPlaced: 100, unitPrice: 10_000 },
        select: { id: true },
      });
    const mine = await placement(home, quick.id);
    const theirs = await placement(world.other.group.id, world.otherProduct.id);
    const report = (placementId: string, amountDue: number, paidAt: Date | null) =>
      db.consignmentReport.create({
        data: {
          placementId,
          periodEnd: NOW,
          quantitySold: 1,
          amountDue,
          reportedById: world.buyer.buyer.id,
          paidAt,
        },
      });
    await report(mine.id, 120_000, null);
    await report(mine.id, 33_000, null);
    await report(mine.id, 50_000, NOW);
    await report(theirs.id, 777_000, null);

    // Expected, from the rows: sales are orders not refused or cancelled.
    const sales = rows.filter(
      (r) => r.groupId === home && r.status !== "REJECTED" && r.status !== "CANCELLED",
    );
    const firstMonth = new Map<string, string>();
    for (const r of [...sales].sort((a, b) => a.placedAt.getTime() - b.placedAt.getTime())) {
      if (!firstMonth.has(r.businessId)) firstMonth.set(r.businessId, wibMonth(r.placedAt));
    }
    const expectFor = (month: string) => {
      const inMonth = sales.filter((r) => wibMonth(r.placedAt) === month);
      const buyers = new Set(inMonth.map((r) => r.businessId));
      const newBuyers = [...buyers].filter((b) => firstMonth.get(b) === month).length;
      const delivered = rows.filter(
        (r) => r.groupId === home && r.deliveredAt && wibMonth(r.deliveredAt) === month,
      );
      const onTime = delivered.filter((r) => {
        const lead = Math.max(0, ...(r.items ?? []).map((i) => i.leadTimeDays));
        const due = r.wantedBy ?? new Date(r.placedAt.getTime() + (lead + 2) * DAY);
        return r.deliveredAt!.getTime() <= due.getTime();
      }).length;
      return {
        month,
        orders: inMonth.length,
        buyers: buyers.size,
        newBuyers,
        returningBuyers: buyers.size - newBuyers,
        delivered: delivered.length,
        onTime,
        onTimeShare: delivered.length ? onTime / delivered.length : null,
      };
    };

    const dashboard = await groupDashboard({ groupId: home }, NOW);
    expect(dashboard.current).toMatchObject(expectFor("2026-11"));
    expect(dashboard.previous).toMatchObject(expectFor("2026-10"));
    expect(dashboard.lastYear).toMatchObject(expectFor("2025-11"));
    // Worked by hand as well: 4 orders from 3 buyers (2 new), 1 of 2 deliveries on time.
    expect(dashboard.current).toMatchObject({
      orders: 4,
      buyers: 3,
      newBuyers: 2,
      returningBuyers: 1,
      delivered: 2,
      onTime: 1,
      onTimeShare: 0.5,
    });

    const windowStart = new Date("2025-11-30T17:00:00Z"); // 1 December 2025, WIB
    const byProduct = new Map<string, { quantity: number; value: number }>();
    for (const r of sales.filter((s) => s.placedAt >= windowStart)) {
      for (const i of r.items ?? []) {
        const sum = byProduct.get(i.productId) ?? { quantity: 0, value: 0 };
        byProduct.set(i.productId, {
          quantity: sum.quantity + i.quantity,
          value: sum.value + i.quantity * i.unitPrice,
        });
      }
    }
    const names = new Map([
      [quick.id, quick.name],
      [slow.id, slow.name],
    ]);
    const expectedTop = [...byProduct.entries()]
      .map(([productId, s]) => ({ productId, name: names.get(productId), ...s }))
      .sort((a, b) => b.value - a.value);
    expect(dashboard.topProducts).toEqual(expectedTop);
    expect(dashboard.topProducts.map((p) => p.value)).toEqual([240_000, 150_000]);

    const owedTempo = rows.filter(
      (r) =>
        r.groupId === home &&
        r.paymentMethod === "TEMPO" &&
        r.invoice &&
        r.status !== "CANCELLED" &&
        (r.amountPaid ?? 0) < (r.total ?? 0),
    );
    const overdue = owedTempo.filter((r) => r.dueAt! < NOW);
    const owing = (list: OrderRow[]) => list.reduce((s, r) => s + (r.total ?? 0) - (r.amountPaid ?? 0), 0);
    expect(dashboard.owed).toEqual({
      tempo: {
        invoices: owedTempo.length,
        amount: owing(owedTempo),
        overdue: overdue.length,
        overdueAmount: owing(overdue),
      },
      consignment: { reports: 2, amount: 153_000 },
    });
    expect(dashboard.owed.tempo).toEqual({
      invoices: 2,
      amount: 250_000,
      overdue: 1,
      overdueAmount: 200_000,
    });
  });

  it("shows a quiet month as zeros and no on-time share, not an error", async () => {
    const world = await createWorld();
    const dashboard = await groupDashboard({ groupId: world.home.group.id }, NOW);
    expect(dashboard.current).toEqual({
      month: "2026-11",
      income: 0,
      orders: 0,
      buyers: 0,
      newBuyers: 0,
      returningBuyers: 0,
      delivered: 0,
      onTime: 0,
      onTimeShare: null,
    });
    expect(Object.values(dashboard.incomeByMonth)).toEqual(Array(12).fill(0));
    expect(dashboard.topProducts).toEqual([]);
  });

  it("is on /kelola for the group's officers only, each seeing only her own group", async () => {
    const world = await createWorld();
    await writeLines([
      {
        groupId: world.home.group.id,
        kind: "INCOME",
        category: "ORDER",
        amount: 12_345,
        occurredAt: new Date(),
      },
      {
        groupId: world.other.group.id,
        kind: "INCOME",
        category: "ORDER",
        amount: 99_999,
        occurredAt: new Date(),
      },
    ]);
    const asManager = (await callLoader(
      manageLoader,
      await request("/kelola", { userId: world.home.manager.id }),
    )) as {
      sales: { current: { income: number } };
    };
    expect(asManager.sales.current.income).toBe(12_345);
    const asOther = (await callLoader(
      manageLoader,
      await request("/kelola", { userId: world.other.manager.id }),
    )) as {
      sales: { current: { income: number } };
    };
    expect(asOther.sales.current.income).toBe(99_999);
    // A buyer and a TKM officer are refused by the officers' guard; a stranger is sent to sign in.
    expect(
      statusOf(await callLoader(manageLoader, await request("/kelola", { userId: world.buyer.buyer.id }))),
    ).toBe(403);
    expect(statusOf(await callLoader(manageLoader, await request("/kelola")))).toBe(302);
  });
});
