import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { db, type InstitutionKind, type OrderStatus } from "~/.server/db/client";
import { forgetLayouts, networkPicture, LINKS_PER_PAGE, MAX_DRAWN_LINKS_BIG } from "~/.server/network/graph";
import { rebuildSummaries } from "~/.server/ledger/summaries-rebuild";
import type { loadNetworkPage } from "~/.server/network/page";
import type { NetworkPicture } from "~/.server/network/graph";
import { NetworkSvg } from "~/components/network-svg";
import { NetworkFiguresCard, NetworkLinksTable } from "~/components/network-tables";
import { translator } from "~/locales";
import { loader as rootLoader } from "~/root";
import { loader as villageNetworkLoader } from "~/routes/desa.jaringan";
import { loader as tkmIndexLoader } from "~/routes/tkm._index";
import { loader as networkLoader } from "~/routes/tkm.jaringan";
import { loader as tkmBuyersLoader } from "~/routes/tkm.pembeli";
import { loader as tkmRequestsLoader } from "~/routes/tkm.permintaan";
import { wibMonthKey } from "~/utils/time";
import {
  createAreas,
  createBusinessWithBuyer,
  createGroupWithManager,
  createTkmOfficer,
  createUser,
} from "../helpers/factories";
import { callLoader, request, statusOf } from "../helpers/requests";
import { summariseNewOrder } from "../helpers/summarised";

// The network picture against plain counts of the rows it is drawn from, its privacy rule (the
// village government never sees a buyer's or an institution's name), its determinism, its area
// scoping and WIB month boundaries.

function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const STATUSES: OrderStatus[] = ["PLACED", "CONFIRMED", "SHIPPED", "COMPLETED", "REJECTED", "CANCELLED"];
const DAY = 86_400_000;
let orderCounter = 0;

async function order(
  groupId: string,
  buyer: { businessId: string; userId: string },
  placedAt: Date,
  total: number,
  status: OrderStatus = "COMPLETED",
) {
  orderCounter += 1;
  const created = await db.order.create({
    data: {
      number: `JJR-N-${orderCounter}-${Math.floor(Math.random() * 1e9)}`,
      groupId,
      businessId: buyer.businessId,
      placedById: buyer.userId,
      status,
      paymentMethod: "BANK_TRANSFER",
      subtotal: total,
      total,
      placedAt,
    },
    select: { id: true },
  });
  await summariseNewOrder(created.id);
}

async function institution(areaId: string, kind: InstitutionKind, name: string) {
  return db.institution.create({ data: { areaId, kind, name } });
}

async function support(institutionId: string, groupId: string, date: Date, amount: number | null) {
  return db.support.create({
    data: {
      institutionId,
      groupId,
      kind: amount ? "AID_MONEY" : "TRAINING",
      title: "Pelatihan",
      date,
      amount,
    },
  });
}

async function villageOfficial(areaId: string) {
  const user = await createUser({ name: "Kepala Desa" });
  await db.villageOfficial.create({ data: { userId: user.id, areaId, position: "Kepala desa" } });
  return user;
}

/** Every row of the links table, page by page. */
async function allLinks(
  scope: { areaPath: string; namesPartners: boolean },
  period: { from: string; to: string },
) {
  const first = await networkPicture(scope, period);
  const rows = [...first.table.rows];
  for (let page = 2; page <= first.table.pages; page++) {
    rows.push(...(await networkPicture(scope, period, { page })).table.rows);
  }
  return { picture: first, rows };
}

/** A district with groups in two villages, one outside, buyers anywhere, orders and support. */
async function generatedWorld(seed: number) {
  const rand = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)] as T;
  const areas = await createAreas();
  const inside = [];
  for (let i = 0; i < 6; i++) {
    inside.push((await createGroupWithManager(i % 2 ? areas.villageA2.id : areas.villageA1.id)).group);
  }
  const outside = (await createGroupWithManager(areas.villageB1.id)).group;
  const buyers = [];
  for (let i = 0; i < 9; i++) {
    const made = await createBusinessWithBuyer(i % 3 === 0 ? areas.villageB1.id : areas.villageA2.id);
    buyers.push({ businessId: made.business.id, userId: made.buyer.id, name: made.business.name });
  }
  const institutions = [
    await institution(areas.districtA.id, "DKUKM", "DKUKM Bandung Barat"),
    await institution(areas.villageA1.id, "BANK", "Bank BJB Lembang"),
    await institution(areas.districtB.id, "PKK", "PKK Parongpong"),
  ];
  // The last inside group gets no order at all: isolated in every period.
  const trading = [...inside.slice(0, -1), outside];
  const start = Date.UTC(2026, 5, 1);
  const instant = () =>
    rand() < 0.3
      ? new Date(
          Date.UTC(2026, 7 + Math.floor(rand() * 4), 1) - 7 * 3_600_000 + (rand() - 0.5) * 4 * 3_600_000,
        )
      : new Date(start + Math.floor(rand() * 200 * DAY));
  const orders: {
    groupId: string;
    businessId: string;
    status: OrderStatus;
    total: number;
    placedAt: Date;
  }[] = [];
  for (let i = 0; i < 90; i++) {
    const groupId = pick(trading).id;
    const buyer = pick(buyers);
    const status = pick(STATUSES);
    const placedAt = instant();
    const total = 10_000 + Math.floor(rand() * 400) * 1_000;
    await order(groupId, buyer, placedAt, total, status);
    orders.push({ groupId, businessId: buyer.businessId, status, total, placedAt });
  }
  const supports: { groupId: string; institutionId: string; date: Date; amount: number | null }[] = [];
  for (let i = 0; i < 14; i++) {
    const groupId = pick([...inside, outside]).id;
    const institutionId = pick(institutions).id;
    const date = instant();
    const amount = rand() < 0.5 ? 100_000 + Math.floor(rand() * 20) * 50_000 : null;
    await support(institutionId, groupId, date, amount);
    supports.push({ groupId, institutionId, date, amount });
  }
  return { areas, inside, outside, buyers, institutions, orders, supports };
}

type World = Awaited<ReturnType<typeof generatedWorld>>;
type Loaded =
  Awaited<ReturnType<typeof loadNetworkPage>> extends infer D
    ? { data: D; init: { status: number } | null }
    : never;

/** The links, counted straight from the generated rows. */
function directCount(world: World, period: { from: string; to: string }) {
  const insideIds = new Set(world.inside.map((g) => g.id));
  const inPeriod = (date: Date) => wibMonthKey(date) >= period.from && wibMonthKey(date) <= period.to;
  const trade = new Map<string, { orders: number; value: number }>();
  for (const o of world.orders) {
    if (!insideIds.has(o.groupId) || !inPeriod(o.placedAt)) continue;
    if (o.status === "REJECTED" || o.status === "CANCELLED") continue;
    const key = `${o.groupId} ${o.businessId}`;
    const link = trade.get(key) ?? { orders: 0, value: 0 };
    link.orders += 1;
    link.value += o.total;
    trade.set(key, link);
  }
  const help = new Map<string, { supports: number; amount: number }>();
  for (const s of world.supports) {
    if (!insideIds.has(s.groupId) || !inPeriod(s.date)) continue;
    const key = `${s.groupId} ${s.institutionId}`;
    const link = help.get(key) ?? { supports: 0, amount: 0 };
    link.supports += 1;
    link.amount += s.amount ?? 0;
    help.set(key, link);
  }
  const buyersOf = (groupId: string) =>
    [...trade.keys()].filter((key) => key.startsWith(`${groupId} `)).length;
  const businesses = new Set([...trade.keys()].map((key) => key.split(" ")[1])).size;
  const institutions = new Set([...help.keys()].map((key) => key.split(" ")[1])).size;
  return {
    trade,
    help,
    businesses,
    institutions,
    density: (trade.size + help.size) / (world.inside.length * (businesses + institutions)),
    single: world.inside
      .filter((g) => buyersOf(g.id) === 1)
      .map((g) => g.id)
      .sort(),
    isolated: world.inside
      .filter((g) => buyersOf(g.id) === 0)
      .map((g) => g.id)
      .sort(),
  };
}

function partnerIdOf(world: World, picture: NetworkPicture, key: string): string {
  const node = picture.nodes.find((n) => n.key === key);
  const buyer = world.buyers.find((b) => b.name === node?.name);
  const inst = world.institutions.find((i) => i.name === node?.name);
  return buyer?.businessId ?? inst?.id ?? "unknown";
}

describe("the network picture", () => {
  it("has the links, weights, density and lonely groups a direct count of the rows gives", async () => {
    const world = await generatedWorld(1201);
    const scope = { areaPath: world.areas.districtA.path, namesPartners: true };
    for (const period of [
      { from: "2026-09", to: "2026-11" },
      { from: "2026-08", to: "2026-08" },
      { from: "2026-01", to: "2026-12" },
    ]) {
      const expected = directCount(world, period);
      const { picture, rows } = await allLinks(scope, period);
      const { figures } = picture;
      expect(figures.groups).toBe(world.inside.length);
      expect(figures.tradeLinks).toBe(expected.trade.size);
      expect(figures.supportLinks).toBe(expected.help.size);
      expect(figures.links).toBe(expected.trade.size + expected.help.size);
      expect(figures.businesses).toBe(expected.businesses);
      expect(figures.institutions).toBe(expected.institutions);
      expect(figures.density).toBeCloseTo(expected.density, 12);
      expect(figures.singleBuyerGroups.map((g) => g.id).sort()).toEqual(expected.single);
      expect(figures.isolatedGroups.map((g) => g.id).sort()).toEqual(expected.isolated);
      expect(figures.isolatedGroups.map((g) => g.id)).toContain(world.inside.at(-1)?.id);

      // Every edge weight, from the table (all pages).
      expect(rows).toHaveLength(figures.links);
      const tradeRows = new Map(
        rows
          .filter((r) => r.kind === "trade")
          .map((r) => [
            `${r.groupKey} ${partnerIdOf(world, picture, r.partnerKey)}`,
            { orders: r.orders, value: r.value },
          ]),
      );
      expect(tradeRows).toEqual(expected.trade);
      const supportRows = new Map(
        rows
          .filter((r) => r.kind === "support")
          .map((r) => [
            `${r.groupKey} ${partnerIdOf(world, picture, r.partnerKey)}`,
            { supports: r.supports, amount: r.amount },
          ]),
      );
      expect(supportRows).toEqual(expected.help);

      // The growth months are the twelve ending with the period, each counted like a one-month period.
      expect(picture.growth.map((m) => m.month).at(-1)).toBe(period.to);
      expect(picture.growth).toHaveLength(12);
      for (const month of picture.growth.filter((m) => m.month >= "2026-06")) {
        const single = directCount(world, { from: month.month, to: month.month });
        expect(month.tradeLinks).toBe(single.trade.size);
        expect(month.supportLinks).toBe(single.help.size);
        expect(month.businesses).toBe(single.businesses);
        expect(month.institutions).toBe(single.institutions);
      }
    }
  });

  it("never shows a group outside the area, nor a buyer that traded only with one", async () => {
    const areas = await createAreas();
    const home = (await createGroupWithManager(areas.villageA1.id)).group;
    const neighbour = (await createGroupWithManager(areas.villageA2.id)).group;
    const far = (await createGroupWithManager(areas.villageB1.id)).group;
    const shared = await createBusinessWithBuyer(areas.villageA1.id);
    const farOnly = await createBusinessWithBuyer(areas.villageB1.id);
    const bank = await institution(areas.districtB.id, "BANK", "Bank Khusus Cihideung");
    const when = new Date("2026-10-10T03:00:00Z");
    const sharedBuyer = { businessId: shared.business.id, userId: shared.buyer.id };
    await order(home.id, sharedBuyer, when, 50_000);
    await order(neighbour.id, sharedBuyer, when, 70_000);
    await order(far.id, { businessId: farOnly.business.id, userId: farOnly.buyer.id }, when, 90_000);
    await support(bank.id, far.id, when, 1_000_000);

    const period = { from: "2026-10", to: "2026-10" };
    const village = await networkPicture({ areaPath: areas.villageA1.path, namesPartners: true }, period);
    expect(village.nodes.filter((n) => n.kind === "group").map((n) => n.key)).toEqual([home.id]);
    expect(village.figures.links).toBe(1);
    const district = await networkPicture({ areaPath: areas.districtA.path, namesPartners: true }, period);
    const text = JSON.stringify(district);
    expect(text).not.toContain(far.id);
    expect(text).not.toContain(far.name);
    expect(text).not.toContain(farOnly.business.name);
    expect(text).not.toContain(bank.name);
    expect(district.figures).toMatchObject({ groups: 2, businesses: 1, institutions: 0, links: 2 });
    expect(district.growth.at(-1)).toMatchObject({
      links: 2,
      newLinks: 2,
      groups: 2,
      businesses: 1,
      nodes: 3,
    });
  });

  it("counts an order and a support in the WIB month they fall in", async () => {
    const areas = await createAreas();
    const group = (await createGroupWithManager(areas.villageA1.id)).group;
    const early = await createBusinessWithBuyer(areas.villageA1.id);
    const late = await createBusinessWithBuyer(areas.villageA1.id);
    const pkk = await institution(areas.villageA1.id, "PKK", "PKK Jayagiri");
    // 31 October 16:30 UTC is 23:30 in Jakarta (October); 17:30 UTC is already 1 November.
    await order(
      group.id,
      { businessId: early.business.id, userId: early.buyer.id },
      new Date("2026-10-31T16:30:00Z"),
      20_000,
    );
    await order(
      group.id,
      { businessId: late.business.id, userId: late.buyer.id },
      new Date("2026-10-31T17:30:00Z"),
      30_000,
    );
    await support(pkk.id, group.id, new Date("2026-10-31T17:00:00Z"), null);
    const scope = { areaPath: areas.villageA1.path, namesPartners: true };
    const november = await networkPicture(scope, { from: "2026-11", to: "2026-11" });
    expect(november.table.rows.map((r) => [r.kind, r.value, r.supports])).toEqual([
      ["trade", 30_000, 0],
      ["support", 0, 1],
    ]);
    expect(november.nodes.find((n) => n.kind === "business")?.name).toBe(late.business.name);
    const october = await networkPicture(scope, { from: "2026-10", to: "2026-10" });
    expect(october.table.rows.map((r) => [r.kind, r.value])).toEqual([["trade", 20_000]]);
    expect(november.growth.slice(-2).map((m) => [m.month, m.links, m.newLinks])).toEqual([
      ["2026-10", 1, 1],
      ["2026-11", 2, 1],
    ]);
  });

  it("draws the same picture byte for byte twice, and numbers partners by id for the village", async () => {
    const world = await generatedWorld(77);
    const period = { from: "2026-06", to: "2026-12" };
    const t = translator("id");
    const render = async (namesPartners: boolean) => {
      const picture = await networkPicture({ areaPath: world.areas.districtA.path, namesPartners }, period);
      const svg = renderToStaticMarkup(
        createElement(NetworkSvg, {
          nodes: picture.nodes,
          drawn: picture.drawn,
          linkTotal: picture.figures.links,
          title: "Jejaring",
          t,
        }),
      );
      return { picture, svg };
    };
    const first = await render(true);
    forgetLayouts();
    const second = await render(true);
    expect(second.svg).toBe(first.svg);
    expect(first.svg).toContain(
      world.buyers.find((b) => first.picture.nodes.some((n) => n.name === b.name))?.name,
    );

    // The village's view: the same positions, buyers as "Pembeli n" in id order, no names, no ids.
    const anonymous = await render(false);
    const positions = (p: NetworkPicture) => p.nodes.map((n) => `${n.x},${n.y},${n.r}`).sort();
    expect(positions(anonymous.picture)).toEqual(positions(first.picture));
    const buyerNodes = anonymous.picture.nodes.filter((n) => n.kind === "business");
    expect(buyerNodes.map((n) => n.name)).toEqual(buyerNodes.map(() => null));
    const tradedIds = [
      ...new Set(first.picture.nodes.filter((n) => n.kind === "business").map((n) => n.name)),
    ]
      .map((name) => world.buyers.find((b) => b.name === name)?.businessId ?? "")
      .sort();
    expect(buyerNodes.map((n) => n.ordinal)).toEqual(tradedIds.map((_, i) => i + 1));
    // Pembeli 1 is the buyer with the smallest id, in both views.
    const firstBuyer = world.buyers.find((b) => b.businessId === tradedIds[0]);
    expect(first.picture.nodes.find((n) => n.key === "b1")?.name).toBe(firstBuyer?.name);

    const html = [
      anonymous.svg,
      renderToStaticMarkup(
        createElement(NetworkLinksTable, {
          rows: anonymous.picture.table.rows,
          nodes: anonymous.picture.nodes,
          t,
          groupHref: null,
        }),
      ),
      renderToStaticMarkup(
        createElement(NetworkFiguresCard, {
          figures: anonymous.picture.figures,
          t,
          lang: "id",
          groupHref: null,
        }),
      ),
      JSON.stringify(anonymous.picture),
    ].join("\n");
    for (const buyer of world.buyers) {
      expect(html).not.toContain(buyer.name);
      expect(html).not.toContain(buyer.businessId);
    }
    for (const inst of world.institutions) {
      expect(html).not.toContain(inst.name);
      expect(html).not.toContain(inst.id);
    }
    expect(html).toContain("Pembeli 1");
    expect(anonymous.picture.table.rows.length).toBeLessThanOrEqual(LINKS_PER_PAGE);
  });

  it("pages a long links table and numbers only the best-connected nodes of a big picture", async () => {
    const areas = await createAreas();
    const group = (await createGroupWithManager(areas.villageA1.id)).group;
    const when = new Date("2026-07-15T03:00:00Z");
    const values: number[] = [];
    for (let i = 0; i < LINKS_PER_PAGE + 3; i++) {
      const shop = await createBusinessWithBuyer(areas.villageA1.id);
      const value = 10_000 + i * 1_000;
      await order(group.id, { businessId: shop.business.id, userId: shop.buyer.id }, when, value);
      values.push(value);
    }
    const scope = { areaPath: areas.villageA1.path, namesPartners: false };
    const period = { from: "2026-07", to: "2026-07" };
    const { picture, rows } = await allLinks(scope, period);
    expect(picture.table).toMatchObject({ page: 1, pages: 2, total: LINKS_PER_PAGE + 3 });
    expect(picture.table.rows).toHaveLength(LINKS_PER_PAGE);
    expect(rows.map((r) => r.value)).toEqual([...values].sort((a, b) => b - a));
    expect((await networkPicture(scope, period, { page: 99 })).table).toMatchObject({ page: 2 });
    expect(picture.figures).toMatchObject({ businesses: LINKS_PER_PAGE + 3, singleBuyerGroups: [] });
    const marks = picture.nodes.filter((n) => n.mark !== null).map((n) => n.mark);
    expect(marks).toHaveLength(20);
    expect(picture.nodes.find((n) => n.kind === "group")?.mark).toBe(1);
  });
});

describe("a district's network picture", () => {
  it("shows every group and only the partners of the links it draws, and names every row of the table", async () => {
    const areas = await createAreas();
    const made = await Promise.all([0, 1, 2].map(() => createGroupWithManager(areas.villageA1.id)));
    const shops = 1_100;
    // Written straight into the tables (as the seed and the benchmark do), then summarised.
    await db.business.createMany({
      data: Array.from({ length: shops }, (_, i) => ({
        id: `big-shop-${i}`,
        slug: `big-shop-${i}`,
        name: `Toko Besar ${i}`,
        kind: "TOKO_OLEH_OLEH" as const,
        villageId: areas.villageA1.id,
      })),
    });
    const when = new Date("2026-07-15T03:00:00Z");
    await db.order.createMany({
      data: Array.from({ length: shops }, (_, i) => {
        const group = made[i % made.length] as (typeof made)[number];
        return {
          number: `JJR-BIG-${i}`,
          groupId: group.group.id,
          businessId: `big-shop-${i}`,
          placedById: group.manager.id,
          status: "CONFIRMED" as const,
          paymentMethod: "BANK_TRANSFER" as const,
          subtotal: 10_000 + i * 10,
          total: 10_000 + i * 10,
          placedAt: when,
        };
      }),
    });
    await rebuildSummaries(db);
    const scope = { areaPath: areas.villageA1.path, namesPartners: true };
    const period = { from: "2026-07", to: "2026-07" };
    const picture = await networkPicture(scope, period);
    expect(picture.figures).toMatchObject({ groups: 3, businesses: shops, tradeLinks: shops });
    expect(picture.drawn).toHaveLength(MAX_DRAWN_LINKS_BIG);
    // The strongest links are drawn: the most valuable orders.
    const drawnShops = picture.drawn.map(
      (link) => picture.nodes.find((node) => node.key === link.partnerKey)?.name ?? "",
    );
    expect(drawnShops).toContain(`Toko Besar ${shops - 1}`);
    expect(drawnShops).not.toContain("Toko Besar 0");
    expect(picture.nodes.filter((node) => node.kind === "group")).toHaveLength(3);
    for (const later of [picture, await networkPicture(scope, period, { page: 20 })]) {
      const keys = new Set(later.nodes.map((node) => node.key));
      expect(later.nodes.length).toBeLessThanOrEqual(3 + MAX_DRAWN_LINKS_BIG + LINKS_PER_PAGE);
      for (const link of later.drawn) expect(keys.has(link.partnerKey) && keys.has(link.groupKey)).toBe(true);
      for (const row of later.table.rows) expect(keys.has(row.partnerKey)).toBe(true);
    }
  });
});

describe("who sees the network picture", () => {
  it("gives the village government its village's picture without partners' names, and TKM with them", async () => {
    const areas = await createAreas();
    const home = (await createGroupWithManager(areas.villageA1.id)).group;
    const neighbour = (await createGroupWithManager(areas.villageA2.id)).group;
    const shop = await createBusinessWithBuyer(areas.villageA2.id);
    const bank = await institution(areas.districtA.id, "BANK", "Bank Rahasia Lembang");
    const now = new Date();
    await order(home.id, { businessId: shop.business.id, userId: shop.buyer.id }, now, 80_000);
    await order(neighbour.id, { businessId: shop.business.id, userId: shop.buyer.id }, now, 60_000);
    await support(bank.id, home.id, now, 2_000_000);
    const official = await villageOfficial(areas.villageA1.id);
    const { officer } = await createTkmOfficer(areas.villageA1.id);

    const forVillage = await callLoader(
      villageNetworkLoader,
      await request("/desa/jaringan", { userId: official.id }),
    );
    expect(statusOf(forVillage)).toBe(200);
    const villageText = JSON.stringify(forVillage);
    expect(villageText).not.toContain(shop.business.name);
    expect(villageText).not.toContain(shop.business.id);
    expect(villageText).not.toContain(bank.name);
    expect(villageText).not.toContain(neighbour.name);
    expect(villageText).toContain(home.name);

    const forTkm = (await callLoader(
      networkLoader,
      await request("/tkm/jaringan", { userId: officer.id }),
    )) as Loaded;
    expect(forTkm.data.picture?.figures).toMatchObject({
      groups: 1,
      businesses: 1,
      institutions: 1,
      links: 2,
    });
    const tkmText = JSON.stringify(forTkm);
    expect(tkmText).toContain(shop.business.name);
    expect(tkmText).toContain(bank.name);
    expect(tkmText).not.toContain(neighbour.name);

    // The header offers the village its dashboard, and TKM none.
    const root = (await callLoader(rootLoader, await request("/", { userId: official.id }))) as {
      viewer: { villageName: string | null; isTkm: boolean };
    };
    expect(root.viewer).toMatchObject({ villageName: areas.villageA1.name, isTkm: false });
    const tkmRoot = (await callLoader(rootLoader, await request("/", { userId: officer.id }))) as {
      viewer: { villageName: string | null };
    };
    expect(tkmRoot.viewer.villageName).toBeNull();
  });

  it("keeps TKM's working pages from the village government, buyers and groups", async () => {
    const areas = await createAreas();
    const official = await villageOfficial(areas.villageA1.id);
    const manager = (await createGroupWithManager(areas.villageA1.id)).manager;
    const buyer = (await createBusinessWithBuyer(areas.villageA1.id)).buyer;
    // TKM's working pages are not hers; the dashboard sends her to the village's own.
    for (const [path, loader] of [
      ["/tkm/pembeli", tkmBuyersLoader],
      ["/tkm/permintaan", tkmRequestsLoader],
    ] as const) {
      expect(statusOf(await callLoader(loader, await request(path, { userId: official.id })))).toBe(403);
    }
    const dashboard = await callLoader(tkmIndexLoader, await request("/tkm", { userId: official.id }));
    expect((dashboard as Response).headers.get("Location")).toBe("/desa");
    for (const userId of [manager.id, buyer.id]) {
      expect(statusOf(await callLoader(networkLoader, await request("/tkm/jaringan", { userId })))).toBe(403);
      expect(
        statusOf(await callLoader(villageNetworkLoader, await request("/desa/jaringan", { userId }))),
      ).toBe(403);
    }
    const anonymous = await callLoader(networkLoader, await request("/tkm/jaringan"));
    expect(statusOf(anonymous)).toBe(302);
  });

  it("refuses a reversed or too long period with the reason and draws nothing", async () => {
    const areas = await createAreas();
    const { officer } = await createTkmOfficer(areas.villageA1.id);
    const reversed = (await callLoader(
      networkLoader,
      await request("/tkm/jaringan?dari=2026-06&sampai=2026-01", { userId: officer.id }),
    )) as Loaded;
    expect(reversed.init?.status).toBe(400);
    expect(reversed.data.picker.problem?.key).toBe("mon.period.end_before_start");
    expect(reversed.data.picture).toBeNull();
    const tooLong = (await callLoader(
      networkLoader,
      await request("/tkm/jaringan?dari=2020-01&sampai=2026-01", { userId: officer.id }),
    )) as Loaded;
    expect(tooLong.data.picker.problem?.key).toBe("mon.period.too_long");
    const fine = (await callLoader(
      networkLoader,
      await request("/tkm/jaringan", { userId: officer.id }),
    )) as Loaded;
    expect(fine.data.picture?.period.to).toBe(wibMonthKey(new Date()));
    expect(fine.data.picture?.growth).toHaveLength(12);
  });

  it("sends each to their own page: the village from /tkm/jaringan to /desa/jaringan, TKM the other way", async () => {
    const areas = await createAreas();
    const official = await villageOfficial(areas.villageA1.id);
    const { officer } = await createTkmOfficer(areas.villageA1.id);
    const village = await callLoader(
      networkLoader,
      await request("/tkm/jaringan?periode=2026", { userId: official.id }),
    );
    expect(statusOf(village)).toBe(302);
    expect((village as Response).headers.get("Location")).toBe("/desa/jaringan?periode=2026");
    const tkm = await callLoader(
      villageNetworkLoader,
      await request("/desa/jaringan", { userId: officer.id }),
    );
    expect((tkm as Response).headers.get("Location")).toBe("/tkm/jaringan");
  });
});
