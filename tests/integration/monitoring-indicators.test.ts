import { describe, expect, it } from "vitest";
import { db, type OrderStatus } from "~/.server/db/client";
import { addManualLine, reverseLine } from "~/.server/ledger/book";
import { recordRefund } from "~/.server/ledger/cash-book";
import { recordContribution } from "~/.server/members/contributions";
import { approveDistribution, saveDistribution } from "~/.server/members/distributions";
import { transitionOrder } from "~/.server/orders/orders";
import { recordPayment } from "~/.server/payments/record";
import { loader as apiLoader } from "~/routes/api.indikator";
import { loader as desaLoader } from "~/routes/desa._index";
import { loader as tkmLoader } from "~/routes/tkm._index";
import { loader as csvLoader } from "~/routes/tkm.indikator[.]csv";
import { wibDateKey } from "~/utils/delivery";
import { wibMonthKey, wibMonthStart } from "~/utils/time";
import {
  createBusinessWithBuyer,
  createCategory,
  createGroupWithManager,
  createProduct,
  createTkmOfficer,
  createUser,
  createWorld,
} from "../helpers/factories";
import { orderNow } from "../helpers/orders";
import { callLoader, request, statusOf } from "../helpers/requests";

// Every indicator on the dashboard, in the CSV and from the API equals a direct count of the raw
// rows, for random histories written through the app's own functions (checkout, the order
// lifecycle, payments, the cash book and its corrections, refunds, members' work, bagi hasil),
// for several kinds of period and the period before each.

const DAY = 86_400_000;
const HOUR = 3_600_000;
const GRACE_DAYS = 2; // catalog/groups ON_TIME_GRACE_DAYS

function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

type Loaded = {
  data: {
    dashboard: {
      indicators: {
        rows: {
          key: string;
          current: { value: number | null; numerator?: number; denominator?: number };
          previous: { value: number | null; numerator?: number; denominator?: number };
          baseline: { value: number; income: number; groups: number } | null;
        }[];
      };
      groups: { total: number; rows: { id: string }[] };
    } | null;
    picker: { problem: { key: string } | null };
  };
};

/** Splits one CSV row (cells quoted with "" when needed). */
function csvRow(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      cells.push(cell);
      cell = "";
    } else cell += c;
  }
  cells.push(cell);
  return cells;
}

async function buildHistory(seed: number, orderCount: number) {
  const rand = random(seed);
  const world = await createWorld();
  const category = await createCategory();
  const second = await createGroupWithManager(world.areas.villageA2.id);
  const groups = [
    { ...world.home, inside: true },
    { ...second, inside: true },
    { ...world.other, inside: false },
  ];
  const products = new Map<string, string>();
  for (const g of groups) {
    const product = await createProduct(g.group.id, category.id, {
      price: 5_000 + Math.floor(rand() * 20) * 1_000,
      stock: 100_000,
      minOrderQuantity: 1,
      leadTimeDays: Math.floor(rand() * 3),
    });
    products.set(g.group.id, product.id);
  }
  const buyers = [world.buyer, world.otherBuyer, await createBusinessWithBuyer(world.areas.villageB1.id)];
  // More members, some left, and a baseline for two groups.
  for (const g of groups) {
    for (let i = 0; i < 3; i++) {
      await db.groupMember.create({
        data: {
          groupId: g.group.id,
          name: `Anggota ${i}`,
          joinedAt: new Date("2026-01-01T00:00:00Z"),
          leftAt: i === 2 ? new Date("2026-09-15T00:00:00Z") : null,
        },
      });
    }
  }
  await db.group.update({ where: { id: world.home.group.id }, data: { baselineMonthlyIncome: 300_000 } });
  await db.group.update({ where: { id: world.other.group.id }, data: { baselineMonthlyIncome: 900_000 } });

  // Orders between July and mid-November 2026, each taken some way along its life.
  for (let i = 0; i < orderCount; i++) {
    const g = groups[Math.floor(rand() * groups.length)]!;
    const buyer = buyers[Math.floor(rand() * buyers.length)]!;
    const placedAt = new Date(
      Date.UTC(2026, 6, 1) + Math.floor(rand() * 135 * DAY) + Math.floor(rand() * 24) * HOUR,
    );
    const placed = await orderNow(buyer, products.get(g.group.id)!, 1 + Math.floor(rand() * 20), {
      now: placedAt,
    });
    if (!placed.ok || !("numbers" in placed)) throw new Error(JSON.stringify(placed));
    const number = placed.numbers[0]!;
    const tenant = { party: "group" as const, groupId: g.group.id };
    const fate = rand();
    let at = new Date(placedAt.getTime() + Math.floor(rand() * 2 * DAY) + HOUR);
    const step = async (action: Parameters<typeof transitionOrder>[3], input = {}) => {
      const result = await transitionOrder(tenant, g.manager.id, number, action, input, at);
      if (!result.ok) throw new Error(`${action}: ${JSON.stringify(result)}`);
      at = new Date(at.getTime() + Math.floor(rand() * 4 * DAY) + HOUR);
    };
    if (fate < 0.1) {
      await step("reject", { reason: "Bahan habis" });
      continue;
    }
    if (fate < 0.15) {
      await transitionOrder(
        { party: "buyer", businessId: buyer.business.id },
        buyer.buyer.id,
        number,
        "cancel",
        {},
        at,
      );
      continue;
    }
    if (fate < 0.25) continue; // still waiting
    await step("confirm");
    if (fate < 0.32) {
      await step("group_cancel", { reason: "Tidak sanggup" });
      continue;
    }
    const order = await db.order.findUniqueOrThrow({ where: { number }, select: { total: true, id: true } });
    const paid = rand() < 0.7;
    if (paid) {
      const amount = rand() < 0.8 ? order.total : Math.ceil(order.total / 2);
      const result = await recordPayment(
        g.group.id,
        g.manager.id,
        number,
        { amount, idempotencyKey: `k-${number}` },
        at,
      );
      if (!result.ok) throw new Error(JSON.stringify(result));
      if (rand() < 0.2) {
        // A refund of part of it, through the ledger's own write, a few days later.
        const line = await db.cashEntry.findFirstOrThrow({
          where: { groupId: g.group.id, category: "ORDER", payment: { orderId: order.id } },
          select: { id: true, amount: true },
        });
        await db.$transaction((tx) =>
          recordRefund(tx, {
            groupId: g.group.id,
            reversesId: line.id,
            amount: Math.ceil(line.amount / 3),
            occurredAt: new Date(at.getTime() + 3 * DAY),
            orderNumber: number,
            actorId: g.manager.id,
          }),
        );
      }
    }
    if (fate < 0.38) continue; // confirmed, maybe paid, not yet sent
    await step("ship");
    if (fate < 0.5) continue;
    at = new Date(at.getTime() + Math.floor(rand() * 5 * DAY));
    await step("mark_received");
  }

  // The cash book: other sales, costs of every kind, equipment sold, and corrections.
  for (let i = 0; i < 30; i++) {
    const g = groups[Math.floor(rand() * groups.length)]!;
    const date = wibDateKey(new Date(Date.UTC(2026, 6, 1) + Math.floor(rand() * 138 * DAY)));
    const [kind, cat] = (
      [
        ["INCOME", "OTHER_SALES"],
        ["EXPENSE", "MATERIALS"],
        ["EXPENSE", "TRANSPORT"],
        ["EXPENSE", "EQUIPMENT"],
        ["INCOME", "EQUIPMENT"],
        ["EXPENSE", "OTHER"],
        ["INCOME", "OTHER"],
        ["INCOME", "AID"],
      ] as const
    )[Math.floor(rand() * 8)]!;
    const formKey = `line-${seed}-${i}`;
    const result = await addManualLine(
      { groupId: g.group.id },
      g.manager.id,
      {
        formKey,
        kind,
        category: cat,
        amount: 1_000 * (5 + Math.floor(rand() * 200)),
        date,
        description: "catatan",
        giver: "DKUKM",
      },
      new Date("2026-11-20T10:00:00Z"),
    );
    if (!result.ok) throw new Error(JSON.stringify(result));
    if (rand() < 0.3) {
      const line = await db.cashEntry.findFirstOrThrow({
        where: { groupId: g.group.id, description: "catatan", reversesId: null, reversals: { none: {} } },
        orderBy: { createdAt: "desc" },
        select: { id: true },
      });
      await reverseLine(
        { groupId: g.group.id },
        g.manager.id,
        { formKey: `rev-${formKey}`, entryId: line.id, reason: "Salah catat" },
        new Date("2026-11-20T10:00:00Z"),
      );
    }
  }

  // Members' work, and bagi hasil for September (approved) in two groups.
  for (const g of groups) {
    const members = await db.groupMember.findMany({
      where: { groupId: g.group.id },
      select: { id: true, leftAt: true },
    });
    for (const member of members) {
      if (rand() < 0.3) continue;
      const date = new Date(Date.UTC(2026, 7, 1) + Math.floor(rand() * 40 * DAY) + 5 * HOUR);
      if (member.leftAt && date > member.leftAt) continue;
      const done = await recordContribution({ groupId: g.group.id }, g.manager.id, {
        memberId: member.id,
        date,
        quantity: 1 + Math.floor(rand() * 5),
        hours: 0,
      });
      if (!done.ok) throw new Error(JSON.stringify(done));
    }
  }
  for (const g of [world.home, world.other]) {
    await addManualLine(
      { groupId: g.group.id },
      g.manager.id,
      {
        formKey: `bh-sale-${g.group.id}`,
        kind: "INCOME",
        category: "OTHER_SALES",
        amount: 500_000,
        date: "2026-09-10",
        description: "bazar",
      },
      new Date("2026-11-20T10:00:00Z"),
    );
    const saved = await saveDistribution({ groupId: g.group.id }, g.manager.id, {
      period: { from: wibMonthStart("2026-09"), to: wibMonthStart("2026-10") },
      basis: "QUANTITY",
      monthKey: "2026-09",
    });
    if (saved.ok)
      await approveDistribution(
        { groupId: g.group.id },
        g.manager.id,
        saved.value,
        new Date("2026-10-05T03:00:00Z"),
      );
  }

  // Support from institutions.
  const dkukm = await db.institution.create({
    data: { name: "DKUKM", kind: "DKUKM", areaId: world.areas.districtA.id },
  });
  const bank = await db.institution.create({
    data: { name: "Bank BJB", kind: "BANK", areaId: world.areas.districtA.id },
  });
  for (let i = 0; i < 8; i++) {
    const g = groups[Math.floor(rand() * groups.length)]!;
    await db.support.create({
      data: {
        institutionId: rand() < 0.5 ? dkukm.id : bank.id,
        groupId: g.group.id,
        kind: "TRAINING",
        title: "Pelatihan",
        date: new Date(Date.UTC(2026, 6, 1) + Math.floor(rand() * 140 * DAY)),
      },
    });
  }
  return { world, inside: groups.filter((g) => g.inside).map((g) => g.group.id) };
}

/** The indicators counted straight from the rows, for the months [from, to]. */
async function plainCount(inside: string[], from: string, to: string) {
  const start = wibMonthStart(from);
  const [y, m] = to.split("-").map(Number) as [number, number];
  const end = wibMonthStart(`${m === 12 ? y + 1 : y}-${String(m === 12 ? 1 : m + 1).padStart(2, "0")}`);
  const months =
    Math.round(
      (Date.UTC(y, m - 1) - Date.UTC(Number(from.slice(0, 4)), Number(from.slice(5)) - 1)) / (30.44 * DAY),
    ) + 1;
  const within = (d: Date | null) => d !== null && d >= start && d < end;
  const [orders, lines, supports, members, groups] = await Promise.all([
    db.order.findMany({
      where: { groupId: { in: inside } },
      select: {
        groupId: true,
        businessId: true,
        status: true,
        total: true,
        placedAt: true,
        deliveredAt: true,
        wantedBy: true,
        items: { select: { product: { select: { leadTimeDays: true } } } },
      },
    }),
    db.cashEntry.findMany({
      where: { groupId: { in: inside } },
      select: { groupId: true, kind: true, category: true, amount: true, occurredAt: true, reversesId: true },
    }),
    db.support.findMany({
      where: { groupId: { in: inside } },
      select: { groupId: true, institutionId: true, date: true },
    }),
    db.groupMember.findMany({
      where: { groupId: { in: inside } },
      select: {
        id: true,
        joinedAt: true,
        leftAt: true,
        contributions: { select: { date: true } },
        shares: { select: { amount: true, distribution: { select: { status: true, periodFrom: true } } } },
      },
    }),
    db.group.findMany({ where: { id: { in: inside } }, select: { id: true, baselineMonthlyIncome: true } }),
  ]);
  let income = 0;
  let costs = 0;
  const incomeOf = new Map<string, number>();
  for (const line of lines) {
    if (!within(line.occurredAt)) continue;
    let earned = 0;
    if (["ORDER", "CONSIGNMENT", "OTHER_SALES"].includes(line.category))
      earned = line.kind === "INCOME" ? line.amount : -line.amount;
    if (line.category === "REFUND" && line.kind === "EXPENSE") earned = -line.amount;
    income += earned;
    incomeOf.set(line.groupId, (incomeOf.get(line.groupId) ?? 0) + earned);
    if (["MATERIALS", "TRANSPORT", "EQUIPMENT", "OTHER"].includes(line.category)) {
      if (line.kind === "EXPENSE" && !line.reversesId) costs += line.amount;
      if (line.kind === "INCOME" && line.reversesId) costs -= line.amount;
    }
  }
  const sales = orders.filter((o) => o.status !== "REJECTED" && o.status !== "CANCELLED");
  const inPeriod = sales.filter((o) => within(o.placedAt));
  const delivered = orders.filter((o) => within(o.deliveredAt));
  const onTime = delivered.filter((o) => {
    const lead = Math.max(0, ...o.items.map((i) => i.product.leadTimeDays));
    const due = o.wantedBy ?? new Date(o.placedAt.getTime() + (lead + GRACE_DAYS) * DAY);
    return o.deliveredAt!.getTime() <= due.getTime();
  });
  const firsts = new Map<string, Date>();
  for (const o of sales) {
    const pair = `${o.groupId} ${o.businessId}`;
    const first = firsts.get(pair);
    if (!first || o.placedAt < first) firsts.set(pair, o.placedAt);
  }
  const approvedShareIn = (s: { distribution: { status: string; periodFrom: Date } }) =>
    s.distribution.status === "APPROVED" && within(s.distribution.periodFrom);
  const during = members.filter((mb) => mb.joinedAt < end && (mb.leftAt === null || mb.leftAt >= start));
  const earning = during.filter((mb) => mb.shares.some((s) => approvedShareIn(s) && s.amount > 0));
  const withBaseline = groups.filter((g) => g.baselineMonthlyIncome !== null);
  return {
    income: { value: income },
    net: { value: income - costs },
    orders: { value: inPeriod.length },
    on_time: {
      value: delivered.length ? onTime.length / delivered.length : null,
      numerator: onTime.length,
      denominator: delivered.length,
    },
    buyers: { value: new Set(inPeriod.map((o) => o.businessId)).size },
    links: { value: new Set(inPeriod.map((o) => `${o.groupId} ${o.businessId}`)).size },
    new_links: { value: [...firsts.values()].filter(within).length },
    institution_links: {
      value: new Set(supports.filter((s) => within(s.date)).map((s) => `${s.groupId} ${s.institutionId}`))
        .size,
    },
    active_members: {
      value: members.filter(
        (mb) => mb.contributions.some((c) => within(c.date)) || mb.shares.some(approvedShareIn),
      ).length,
    },
    earning_share: {
      value: during.length ? earning.length / during.length : null,
      numerator: earning.length,
      denominator: during.length,
    },
    baseline: {
      value: withBaseline.reduce((sum, g) => sum + (g.baselineMonthlyIncome ?? 0) * months, 0),
      income: withBaseline.reduce((sum, g) => sum + (incomeOf.get(g.id) ?? 0), 0),
      groups: withBaseline.length,
    },
  };
}

const PERIODS = [
  { query: "periode=2026-10", from: "2026-10", to: "2026-10", previous: ["2026-09", "2026-09"] },
  { query: "periode=2026-Q3", from: "2026-07", to: "2026-09", previous: ["2026-04", "2026-06"] },
  { query: "dari=2026-08&sampai=2026-11", from: "2026-08", to: "2026-11", previous: ["2026-04", "2026-07"] },
  { query: "periode=2026", from: "2026-01", to: "2026-12", previous: ["2025-01", "2025-12"] },
] as const;

describe("TKM indicators", () => {
  it("equal a direct count of the raw rows on the dashboard, in the CSV and from the API", async () => {
    const { world, inside } = await buildHistory(4242, 30);
    const { officer } = await createTkmOfficer(world.areas.districtA.id);
    const statuses = await db.order.groupBy({ by: ["status"], _count: true });
    // The history is varied enough to prove something.
    expect(statuses.map((s) => s.status as OrderStatus).sort()).toEqual(
      expect.arrayContaining(["CANCELLED", "CONFIRMED", "PLACED", "RECEIVED", "REJECTED", "SHIPPED"]),
    );
    expect(await db.cashEntry.count({ where: { category: "REFUND" } })).toBeGreaterThan(0);
    expect(
      await db.cashEntry.count({ where: { reversesId: { not: null }, category: { not: "REFUND" } } }),
    ).toBeGreaterThan(0);
    expect(
      await db.distributionShare.count({ where: { distribution: { status: "APPROVED" } } }),
    ).toBeGreaterThan(0);

    for (const period of PERIODS) {
      const current = await plainCount(inside, period.from, period.to);
      const previous = await plainCount(inside, period.previous[0], period.previous[1]);
      if (period.from === "2026-07") {
        // Q3 holds a bit of everything: not a comparison of zeros.
        for (const key of ["income", "orders", "buyers", "links", "new_links", "active_members"] as const) {
          expect(current[key].value, key).toBeGreaterThan(0);
        }
        expect(current.on_time.denominator).toBeGreaterThan(0);
        expect(current.earning_share.numerator).toBeGreaterThan(0);
        expect(current.net.value).not.toBe(current.income.value);
      }

      const page = (await callLoader(
        tkmLoader,
        await request(`/tkm?${period.query}`, { userId: officer.id }),
      )) as Loaded;
      const rows = page.data.dashboard?.indicators.rows ?? [];
      expect(rows.map((r) => r.key)).toEqual(Object.keys(current).filter((k) => k !== "baseline"));
      for (const row of rows) {
        const key = row.key as Exclude<keyof typeof current, "baseline">;
        expect(row.current, `${period.query} ${key}`).toEqual(current[key]);
        expect(row.previous, `${period.query} previous ${key}`).toEqual(previous[key]);
        expect(row.baseline, `${period.query} baseline ${key}`).toEqual(
          key === "income" ? current.baseline : null,
        );
      }

      const api = (await callLoader(
        apiLoader,
        await request(`/api/indikator?${period.query}`, { userId: officer.id }),
      )) as Response;
      expect(api.status).toBe(200);
      const json = (await api.json()) as {
        indicators: {
          key: string;
          value: number | null;
          previous: number | null;
          numerator?: number;
          denominator?: number;
          baseline?: unknown;
        }[];
      };
      for (const item of json.indicators) {
        const key = item.key as Exclude<keyof typeof current, "baseline">;
        expect(item.value, `api ${period.query} ${key}`).toEqual(current[key].value);
        expect(item.previous, `api ${period.query} previous ${key}`).toEqual(previous[key].value);
        if ("numerator" in current[key]) expect(item.numerator).toBe(current[key].numerator);
        if (key === "income") expect(item.baseline).toEqual(current.baseline);
      }

      const csv = (await callLoader(
        csvLoader,
        await request(`/tkm/indikator.csv?${period.query}`, { userId: officer.id }),
      )) as Response;
      const lines = (await csv.text())
        .replace(/^\uFEFF/, "")
        .trim()
        .split("\r\n")
        .map(csvRow);
      expect(lines).toHaveLength(rows.length + 1);
      rows.forEach((row, i) => {
        const cells = lines[i + 1]!;
        const key = row.key as Exclude<keyof typeof current, "baseline">;
        const number = (cell: string | undefined) =>
          cell === "" || cell === undefined ? null : Number(cell);
        expect(number(cells[4]), `csv ${period.query} ${key}`).toEqual(current[key].value);
        expect(number(cells[8]), `csv ${period.query} previous ${key}`).toEqual(previous[key].value);
        if (key === "income")
          expect([number(cells[9]), number(cells[10])]).toEqual([
            current.baseline.value,
            current.baseline.income,
          ]);
      });
    }
  }, 180_000);

  it("shows the village government its village only, the same figures, without a way to edit", async () => {
    const { world } = await buildHistory(77, 12);
    const official = await createUser({ name: "Kepala Desa" });
    await db.villageOfficial.create({
      data: { userId: official.id, areaId: world.areas.villageA1.id, position: "Kepala desa" },
    });
    const { officer } = await createTkmOfficer(world.areas.villageA1.id);
    const village = (await callLoader(
      desaLoader,
      await request("/desa?periode=2026-Q3", { userId: official.id }),
    )) as Loaded & {
      data: { header: { canEdit: boolean; namesPartners: boolean } };
    };
    const tkm = (await callLoader(
      tkmLoader,
      await request("/tkm?periode=2026-Q3", { userId: officer.id }),
    )) as Loaded;
    expect(village.data.header).toMatchObject({ canEdit: false, namesPartners: false });
    expect(village.data.dashboard?.indicators.rows).toEqual(tkm.data.dashboard?.indicators.rows);
    expect(village.data.dashboard?.groups.rows.map((g) => g.id)).toEqual([world.home.group.id]);
    const current = await plainCount([world.home.group.id], "2026-07", "2026-09");
    expect(village.data.dashboard?.indicators.rows.find((r) => r.key === "income")?.current).toEqual(
      current.income,
    );

    // Each is sent to its own page.
    const wrongWay = await callLoader(
      tkmLoader,
      await request("/tkm?periode=2026-Q3", { userId: official.id }),
    );
    expect(statusOf(wrongWay)).toBe(302);
    expect((wrongWay as Response).headers.get("Location")).toBe("/desa?periode=2026-Q3");
    expect(statusOf(await callLoader(desaLoader, await request("/desa", { userId: officer.id })))).toBe(302);
    // A buyer, a group manager: refused.
    expect(
      statusOf(await callLoader(desaLoader, await request("/desa", { userId: world.buyer.buyer.id }))),
    ).toBe(403);
    expect(
      statusOf(
        await callLoader(apiLoader, await request("/api/indikator", { userId: world.home.manager.id })),
      ),
    ).toBe(403);
  }, 120_000);

  it("refuses a period that ends before it starts, or runs over five years, in the reader's language", async () => {
    const world = await createWorld();
    const { officer } = await createTkmOfficer(world.areas.districtA.id);
    const backwards = (await callLoader(
      tkmLoader,
      await request("/tkm?dari=2026-06&sampai=2026-01", { userId: officer.id }),
    )) as Loaded & { init: { status: number } };
    expect(backwards.init.status).toBe(400);
    expect(backwards.data.picker.problem?.key).toBe("mon.period.end_before_start");
    expect(backwards.data.dashboard).toBeNull();

    const long = (await callLoader(
      apiLoader,
      await request("/api/indikator?dari=2020-01&sampai=2025-01", { userId: officer.id }),
    )) as Response;
    expect(long.status).toBe(400);
    expect(await long.json()).toEqual({ error: "Periode paling lama 5 tahun.", field: "sampai" });
    const english = (await callLoader(
      csvLoader,
      await request("/tkm/indikator.csv?dari=2026-06&sampai=2026-01", {
        userId: officer.id,
        headers: { "Accept-Language": "en" },
      }),
    )) as Response;
    expect(english.status).toBe(400);
    expect(await english.text()).toBe("The last month cannot be before the first month.");
    const garbage = (await callLoader(
      apiLoader,
      await request("/api/indikator?periode=%3Dcmd()", { userId: officer.id }),
    )) as Response;
    expect(garbage.status).toBe(400);
    // Exactly five years is allowed.
    const five = (await callLoader(
      apiLoader,
      await request("/api/indikator?dari=2021-01&sampai=2025-12", { userId: officer.id }),
    )) as Response;
    expect(five.status).toBe(200);
  });
});
