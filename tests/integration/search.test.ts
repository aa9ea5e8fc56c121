import { beforeAll, describe, expect, it } from "vitest";
import { db, dbKind } from "~/.server/db/client";
import { searchCatalog, type CatalogQuery, type SearchPlan } from "~/.server/catalog/search";
import { loader as catalogLoader } from "~/routes/produk._index";
import { createAreas, createGroupWithManager, createProduct } from "../helpers/factories";
import { callLoader, request } from "../helpers/requests";

// The same fixed queries give the same results, in the same order, on SQLite (FTS5) and on
// PostgreSQL (full-text): CI runs this file on both.

let areaPath = "";
let otherVillagePath = "";
let districtPath = "";
const names: Record<string, string> = {};

async function names_of(query: Omit<CatalogQuery, "page">) {
  const result = await searchCatalog({ areaPath: districtPath, ...query, page: 1 });
  return result.products.map((p) => names[p.id] ?? p.name);
}

beforeAll(async () => {
  const areas = await createAreas();
  areaPath = areas.villageA1.path;
  otherVillagePath = areas.villageA2.path;
  districtPath = areas.districtA.path;
  const food = await db.category.create({
    data: { slug: `makanan-${areas.villageA1.code}`, nameId: "Makanan & minuman", nameEn: "Food" },
  });
  const chips = await db.category.create({
    data: { slug: `keripik-${areas.villageA1.code}`, nameId: "Keripik", nameEn: "Chips", parentId: food.id },
  });
  const jam = await db.category.create({
    data: {
      slug: `stroberi-${areas.villageA1.code}`,
      nameId: "Olahan stroberi",
      nameEn: "Strawberry",
      parentId: food.id,
    },
  });
  const craft = await db.category.create({
    data: { slug: `rajutan-${areas.villageA1.code}`, nameId: "Rajutan", nameEn: "Knitwear" },
  });
  await db.area.update({
    where: { id: areas.villageA1.id },
    data: { latitude: -6.8037, longitude: 107.6281 },
  });
  await db.area.update({
    where: { id: areas.villageA2.id },
    data: { latitude: -6.8155, longitude: 107.6254 },
  });
  const { group } = await createGroupWithManager(areas.villageA1.id);
  const { group: neighbour } = await createGroupWithManager(areas.villageA2.id);
  const day = (n: number) => new Date(Date.UTC(2026, 0, n));
  const fixtures: [string, string, string, Record<string, unknown>][] = [
    [
      "Keripik Singkong Balado",
      chips.id,
      group.id,
      { price: 12_000, minOrderQuantity: 30, createdAt: day(1) },
    ],
    ["Keripik Pisang Manis", chips.id, group.id, { price: 13_000, minOrderQuantity: 30, createdAt: day(2) }],
    [
      "Selai Stroberi",
      jam.id,
      group.id,
      { price: 28_000, minOrderQuantity: 12, createdAt: day(3), description: "Untuk roti dan kue" },
    ],
    [
      "Stroberi Beku",
      jam.id,
      neighbour.id,
      { price: 38_000, minOrderQuantity: 10, createdAt: day(4), description: "Enak untuk jus dan selai" },
    ],
    [
      "Tas Rajutan Katun",
      craft.id,
      group.id,
      {
        price: 85_000,
        minOrderQuantity: 6,
        createdAt: day(5),
        stock: 0,
        supplyMode: "MADE_TO_ORDER",
        leadTimeDays: 14,
      },
    ],
    ["Sirup Kopi Café", food.id, neighbour.id, { price: 30_000, minOrderQuantity: 12, createdAt: day(6) }],
    [
      "Dodol Susu",
      food.id,
      group.id,
      { price: 18_000, minOrderQuantity: 24, createdAt: day(7), status: "ARCHIVED" },
    ],
  ];
  for (const [name, categoryId, groupId, data] of fixtures) {
    const product = await createProduct(groupId, categoryId, { name, ...data });
    names[product.id] = name;
  }
});

describe("catalog search", () => {
  it.each([
    ["keripik", ["Keripik Pisang Manis", "Keripik Singkong Balado"]],
    ["KERIPIK singkong", ["Keripik Singkong Balado"]],
    ["rajut", ["Tas Rajutan Katun"]],
    ["cafe", ["Sirup Kopi Café"]],
    ["CAFÉ", ["Sirup Kopi Café"]],
    ["stroberry", ["Stroberi Beku", "Selai Stroberi"]],
    ["strob", ["Stroberi Beku", "Selai Stroberi"]],
    ["selai", ["Selai Stroberi", "Stroberi Beku"]],
    ["selai stroberi", ["Selai Stroberi", "Stroberi Beku"]],
    ["keripk", ["Keripik Pisang Manis", "Keripik Singkong Balado"]],
    ["balado singkong", ["Keripik Singkong Balado"]],
    ["xyzzy", []],
    ["dodol", []],
  ])("finds %j", async (text, expected) => {
    expect(await names_of({ text })).toEqual(expected);
  });

  it("matches the village and the group, newest first when no name matches", async () => {
    const village = await db.area.findFirstOrThrow({ where: { path: areaPath }, select: { name: true } });
    expect(await names_of({ text: village.name.toLowerCase() })).toEqual([
      "Tas Rajutan Katun",
      "Selai Stroberi",
      "Keripik Pisang Manis",
      "Keripik Singkong Balado",
    ]);
  });

  it.each<[string, Omit<CatalogQuery, "page">, string[]]>([
    [
      "a price range",
      { priceMin: 13_000, priceMax: 30_000, sort: "price_asc" },
      ["Keripik Pisang Manis", "Selai Stroberi", "Sirup Kopi Café"],
    ],
    [
      "a minimum order of at most 12",
      { maxMinOrder: 12, sort: "price_asc" },
      ["Selai Stroberi", "Sirup Kopi Café", "Stroberi Beku", "Tas Rajutan Katun"],
    ],
    [
      "ready stock only",
      { readyStockOnly: true, sort: "price_desc" },
      [
        "Stroberi Beku",
        "Sirup Kopi Café",
        "Selai Stroberi",
        "Keripik Pisang Manis",
        "Keripik Singkong Balado",
      ],
    ],
    [
      "a parent category",
      { categorySlug: "", sort: "newest" },
      [
        "Sirup Kopi Café",
        "Tas Rajutan Katun",
        "Stroberi Beku",
        "Selai Stroberi",
        "Keripik Pisang Manis",
        "Keripik Singkong Balado",
      ],
    ],
  ])("filters by %s", async (_name, query, expected) => {
    expect(await names_of(query)).toEqual(expected);
  });

  it("filters by category (with its children), village and delivery date", async () => {
    const chips = await db.category.findFirstOrThrow({
      where: { nameId: "Keripik", slug: { startsWith: "keripik-" } },
      orderBy: { slug: "desc" },
      select: { slug: true, parent: { select: { slug: true } } },
    });
    expect(await names_of({ categorySlug: chips.slug })).toEqual([
      "Keripik Pisang Manis",
      "Keripik Singkong Balado",
    ]);
    expect(await names_of({ categorySlug: chips.parent?.slug, text: "stroberi" })).toEqual([
      "Stroberi Beku",
      "Selai Stroberi",
    ]);
    expect(await names_of({ areaPath: otherVillagePath })).toEqual(["Sirup Kopi Café", "Stroberi Beku"]);
    const inAWeek = new Date(Date.now() + 7 * 86_400_000);
    expect(await names_of({ deliverBy: inAWeek, text: "tas" })).toEqual([]);
    expect(await names_of({ deliverBy: new Date(Date.now() + 20 * 86_400_000), text: "tas" })).toEqual([
      "Tas Rajutan Katun",
    ]);
  });

  it("puts the nearest groups first for a buyer, and says why it cannot for a visitor", async () => {
    // Standing in the second village: its two products first, then the first village's, newest first.
    expect(await names_of({ sort: "nearest", near: { latitude: -6.8155, longitude: 107.6254 } })).toEqual([
      "Sirup Kopi Café",
      "Stroberi Beku",
      "Tas Rajutan Katun",
      "Selai Stroberi",
      "Keripik Pisang Manis",
      "Keripik Singkong Balado",
    ]);
    const data = (await callLoader(catalogLoader, await request("/produk?urut=terdekat"))) as {
      sort: string;
      nearestUnavailable: boolean;
    };
    expect(data).toMatchObject({ sort: "newest", nearestUnavailable: true });
  });

  it("keeps every choice in the URL and ignores values that make no sense", async () => {
    const data = (await callLoader(
      catalogLoader,
      await request("/produk?q=keripik&harga_min=abc&min_pesan=-3&urut=termurah&halaman=0&stok=yes"),
    )) as { params: Record<string, unknown>; sort: string };
    expect(data.params).toMatchObject({ q: "keripik", urut: "termurah", halaman: 1 });
    expect(data.params.harga_min).toBeUndefined();
    expect(data.params.min_pesan).toBeUndefined();
    expect(data.params.stok).toBeUndefined();
    expect(data.sort).toBe("price_asc");
  });
});

describe("the two SQLite plans (matches first, order first)", () => {
  // On a large catalog a broad word is walked newest first (search.ts); small catalogs never pick
  // that plan, so it is forced here and must give, page by page, what the other plan gives.
  let pathOfPlans = "";
  beforeAll(async () => {
    const areas = await createAreas();
    pathOfPlans = areas.villageA1.path;
    const category = await db.category.create({
      data: { slug: `aneka-${areas.villageA1.code}`, nameId: "Aneka", nameEn: "Various" },
    });
    const { group } = await createGroupWithManager(areas.villageA1.id);
    const flavours = ["Pedas", "Manis", "Asin", "Balado"];
    for (let n = 0; n < 40; n++) {
      // Names with and without the words, descriptions that carry them, equal dates (the id decides).
      const flavour = flavours[n % flavours.length] ?? "";
      const name = n % 3 === 0 ? `Camilan ${flavour} ${n}` : `Keripik ${flavour} ${n}`;
      await createProduct(group.id, category.id, {
        name,
        description: n % 5 === 0 ? "keripik renyah pedas" : "camilan desa",
        createdAt: new Date(Date.UTC(2026, 1, 1 + Math.floor(n / 2))),
      });
    }
  });

  it.runIf(dbKind === "sqlite").each([
    ["keripik", "relevance"],
    ["keripik", "newest"],
    ["pedas", "relevance"],
    ["keripik pedas", "relevance"],
    ["keripk manis", "relevance"],
    ["camilan", "newest"],
    ["tidakada", "relevance"],
  ] as const)("%j sorted by %s", async (text, sort) => {
    for (const page of [1, 2, 3]) {
      const query = { text, sort, areaPath: pathOfPlans, page };
      const ids = async (plan: SearchPlan) =>
        (await searchCatalog(query, new Date(), plan)).products.map((p) => p.id);
      const matchesFirst = await ids("matches-first");
      expect(await ids("order-first")).toEqual(matchesFirst);
      if (page === 1 && text !== "tidakada") expect(matchesFirst.length).toBeGreaterThan(0);
    }
  });
});

describe("the SQLite search index", () => {
  it("is rebuilt when it no longer lines up with the products", async () => {
    const { repairSqliteSearchIndex } = await import("~/.server/catalog/search-index");
    const { Prisma } = await import("~/.server/db/client");
    expect(await repairSqliteSearchIndex()).toBe(false);
    if (dbKind !== "sqlite") return; // PostgreSQL's index is part of the table: nothing to misalign.
    await db.$executeRaw(Prisma.sql`DELETE FROM "ProductSearch"`);
    expect(await names_of({ text: "keripik" })).toEqual([]);
    expect(await repairSqliteSearchIndex()).toBe(true);
    expect(await names_of({ text: "keripik" })).toEqual(["Keripik Pisang Manis", "Keripik Singkong Balado"]);
  });
});
