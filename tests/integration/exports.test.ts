import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "~/.server/db/client";
import type { OrderStatus, PaymentMethod } from "~/.server/db/client";
import { linkCsv, orderCsvChunks, type ExportScope, type MonthRange } from "~/.server/reports/exports";
import { translator } from "~/locales";
import { parseCsv } from "../helpers/csv";
import { createBusinessWithBuyer, createGroupWithManager, createWorld } from "../helpers/factories";
import { writeOrder } from "../helpers/report-data";

// Every expected row is worked out here from the rows the test wrote, with its own WIB month rule
// (Intl in Asia/Jakarta), not with the code under test.

const t = translator("id");
const monthFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Jakarta",
  year: "numeric",
  month: "2-digit",
});
const wibMonth = (at: Date) => monthFormat.format(at).slice(0, 7);

async function orderCsv(scope: ExportScope, range: MonthRange) {
  let text = "";
  for await (const chunk of orderCsvChunks(scope, range, t)) text += chunk;
  return text;
}

function parse(text: string) {
  expect(text.startsWith("\uFEFF")).toBe(true);
  expect(text.includes("\r\n")).toBe(true);
  const [header = [], ...rows] = parseCsv(text.slice(1));
  return { header, rows };
}

const STATUSES: OrderStatus[] = ["PLACED", "CONFIRMED", "COMPLETED", "REJECTED", "CANCELLED", "SHIPPED"];
const METHODS: PaymentMethod[] = ["BANK_TRANSFER", "CASH_ON_DELIVERY", "TEMPO"];

/** A seeded pseudo-random generator, so a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

async function generatedWorld(seed: number) {
  const world = await createWorld();
  const second = await createGroupWithManager(world.areas.villageA2.id);
  const third = await createBusinessWithBuyer(world.areas.villageB1.id);
  const groups = [world.home.group, second.group, world.other.group];
  const businesses = [world.buyer.business, world.otherBuyer.business, third.business];
  const next = random(seed);
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)] as T;
  const written: {
    groupId: string;
    businessId: string;
    status: OrderStatus;
    placedAt: Date;
    total: number;
    number: string;
  }[] = [];
  for (let i = 0; i < 60; i++) {
    // Around the month ends of Sep–Dec 2026, so WIB and UTC months disagree now and then.
    const day = Math.floor(next() * 120);
    const placedAt = new Date(
      Date.UTC(2026, 8, 1) + day * 86_400_000 + Math.floor(next() * 24) * 3_600_000 - 7 * 3_600_000,
    );
    const row = {
      groupId: pick(groups).id,
      businessId: pick(businesses).id,
      placedById: world.buyer.buyer.id,
      status: pick(STATUSES),
      paymentMethod: pick(METHODS),
      placedAt,
      total: 10_000 + Math.floor(next() * 100) * 1_000,
      amountPaid: Math.floor(next() * 3) * 5_000,
    };
    const order = await writeOrder(row);
    written.push({ ...row, number: order.number });
  }
  return { world, second, third, groups, businesses, written };
}

describe("the orders CSV", () => {
  it("lists exactly the area's orders placed in the period's WIB months, with buyers' names for TKM", async () => {
    const { world, second, written } = await generatedWorld(7);
    const range = { from: "2026-10", to: "2026-11" };
    const scope = { areaPath: world.areas.districtA.path, namesPartners: true };
    const { header, rows } = parse(await orderCsv(scope, range));
    expect(header).toEqual([
      "Nomor pesanan",
      "Kelompok",
      "Desa",
      "Pembeli",
      "Jenis usaha",
      "Tanggal pesan (WIB)",
      "Status",
      "Metode pembayaran",
      "Total (Rp)",
      "Dibayar (Rp)",
    ]);
    const inArea = new Set([world.home.group.id, second.group.id]);
    const expected = written.filter(
      (o) => inArea.has(o.groupId) && ["2026-10", "2026-11"].includes(wibMonth(o.placedAt)),
    );
    expect(rows.map((row) => row[0]).sort()).toEqual(expected.map((o) => o.number).sort());
    const names = new Map(
      (await db.business.findMany({ select: { id: true, name: true } })).map((b) => [b.id, b.name]),
    );
    for (const order of expected) {
      const row = rows.find((r) => r[0] === order.number) ?? [];
      expect(row[3]).toBe(names.get(order.businessId));
      expect(Number(row[8])).toBe(order.total);
      expect(row[5]?.slice(0, 7)).toBe(wibMonth(order.placedAt));
    }
    expect(rows.some((row) => row[1] === world.other.group.name)).toBe(false);
  });

  it("reads a period of thousands of orders page by page without losing or repeating one", async () => {
    const world = await createWorld();
    const base = Date.UTC(2026, 9, 10);
    // Many orders share one instant: the page boundary must still fall between distinct orders.
    const data = Array.from({ length: 4_100 }, (_, i) => ({
      number: `P-${randomBytes(6).toString("hex")}-${i}`,
      groupId: world.home.group.id,
      businessId: world.buyer.business.id,
      placedById: world.buyer.buyer.id,
      status: "PLACED" as const,
      paymentMethod: "BANK_TRANSFER" as const,
      subtotal: 1_000,
      total: 1_000,
      placedAt: new Date(base + Math.floor(i / 7) * 60_000),
    }));
    await db.order.createMany({ data });
    const { rows } = parse(
      await orderCsv(
        { areaPath: world.areas.villageA1.path, namesPartners: true },
        { from: "2026-10", to: "2026-10" },
      ),
    );
    expect(rows).toHaveLength(4_100);
    expect(new Set(rows.map((row) => row[0])).size).toBe(4_100);
  });
});

describe("the links CSV", () => {
  it("equals a direct count of group × business × WIB month sales orders in the area", async () => {
    for (const seed of [1, 2, 3]) {
      const { world, written } = await generatedWorld(seed);
      const scope = { areaPath: world.areas.districtA.path, namesPartners: true };
      const { header, rows } = parse(await linkCsv(scope, { from: "2026-09", to: "2026-12" }, t));
      expect(header).toEqual([
        "Kelompok",
        "Desa",
        "Pembeli",
        "Jenis usaha",
        "Bulan",
        "Jumlah pesanan",
        "Nilai pesanan (Rp)",
      ]);
      const groups = new Map(
        (
          await db.group.findMany({ select: { id: true, name: true, village: { select: { path: true } } } })
        ).map((g) => [g.id, g]),
      );
      const businesses = new Map(
        (await db.business.findMany({ select: { id: true, name: true } })).map((b) => [b.id, b.name]),
      );
      const expected = new Map<string, { orders: number; value: number }>();
      for (const order of written) {
        const group = groups.get(order.groupId);
        if (!group?.village.path.startsWith(scope.areaPath)) continue;
        if (order.status === "REJECTED" || order.status === "CANCELLED") continue;
        const month = wibMonth(order.placedAt);
        if (month < "2026-09" || month > "2026-12") continue;
        const key = [group.name, businesses.get(order.businessId), month].join("|");
        const sum = expected.get(key) ?? { orders: 0, value: 0 };
        expected.set(key, { orders: sum.orders + 1, value: sum.value + order.total });
      }
      const actual = new Map(
        rows.map((row) => [
          [row[0], row[2], row[4]].join("|"),
          { orders: Number(row[5]), value: Number(row[6]) },
        ]),
      );
      expect(actual).toEqual(expected);
    }
  });
});

describe("exports for the village government", () => {
  it("never carry a business's name, yet tell businesses apart within the file", async () => {
    const { world, businesses } = await generatedWorld(11);
    const scope = { areaPath: world.areas.districtA.path, namesPartners: false };
    const range = { from: "2026-09", to: "2026-12" };
    const orders = await orderCsv(scope, range);
    const links = await linkCsv(scope, range, t);
    for (const business of businesses) {
      expect(orders).not.toContain(business.name);
      expect(links).not.toContain(business.name);
    }
    const { rows } = parse(orders);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row[3]).toMatch(/^Usaha \d+$/);
    // One business, one alias: as many aliases as businesses that appear.
    const numbers = await db.order.findMany({
      where: { number: { in: rows.map((row) => row[0] ?? "") } },
      select: { number: true, businessId: true },
    });
    const aliasOf = new Map<string, string>();
    for (const row of rows) {
      const businessId = numbers.find((n) => n.number === row[0])?.businessId ?? "";
      const alias = row[3] ?? "";
      expect(aliasOf.get(businessId) ?? alias).toBe(alias);
      aliasOf.set(businessId, alias);
    }
    expect(new Set(aliasOf.values()).size).toBe(aliasOf.size);
  });
});

describe("CSV cells", () => {
  it("neutralise text a spreadsheet would run as a formula (= + - @) in names", async () => {
    const world = await createWorld();
    await db.group.update({
      where: { id: world.home.group.id },
      data: { name: '=HYPERLINK("http://x","klik")' },
    });
    const hostile = ["+62 cmd", "-2+3", "@SUM(A1)"];
    const orders = [];
    for (const name of hostile) {
      const { business } = await createBusinessWithBuyer(world.areas.villageA2.id);
      await db.business.update({ where: { id: business.id }, data: { name } });
      orders.push(
        await writeOrder({
          groupId: world.home.group.id,
          businessId: business.id,
          placedById: world.buyer.buyer.id,
          status: "COMPLETED",
          placedAt: new Date("2026-10-10T03:00:00Z"),
          total: 10_000,
        }),
      );
    }
    const scope = { areaPath: world.areas.villageA1.path, namesPartners: true };
    const range = { from: "2026-10", to: "2026-10" };
    for (const text of [await orderCsv(scope, range), await linkCsv(scope, range, t)]) {
      const { rows } = parse(text);
      expect(rows).toHaveLength(3);
      for (const row of rows) {
        for (const cell of row) expect(cell).not.toMatch(/^[=+\-@]/);
      }
      const cells = rows.flat();
      expect(cells).toContain(`'=HYPERLINK("http://x","klik")`);
      for (const name of hostile) expect(cells).toContain(`'${name}`);
    }
    expect(orders).toHaveLength(3);
  });
});
