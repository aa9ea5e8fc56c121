import { describe, expect, it } from "vitest";
import { searchCatalog } from "~/.server/catalog/search";
import { db } from "~/.server/db/client";
import { addToCart } from "~/.server/cart/cart";
import { action as editAction, loader as editLoader } from "~/routes/kelola.produk.$id";
import { attachPhoto, createProduct, createWorld } from "../helpers/factories";
import { callAction, callLoader, jsonOf, request, statusOf } from "../helpers/requests";

type World = Awaited<ReturnType<typeof createWorld>>;

function listingForm(world: World, override: Record<string, string> = {}) {
  const form = new FormData();
  const fields: Record<string, string> = {
    intent: "save",
    name: "Besek bambu tutup",
    categoryId: world.category.id,
    unit: "PAK",
    price: "27000",
    minOrderQuantity: "20",
    orderMultiple: "1",
    supplyMode: "READY_STOCK",
    stock: "140",
    leadTimeDays: "1",
    status: "ACTIVE",
    "tiers[0].minQuantity": "50",
    "tiers[0].unitPrice": "25000",
    "tiers[1].minQuantity": "200",
    "tiers[1].unitPrice": "22500",
    ...override,
  };
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  return form;
}

async function save(
  world: World,
  productId: string,
  override: Record<string, string> = {},
  userId = world.home.manager.id,
) {
  const form = listingForm(world, override);
  // The photos the form shows, sent back as the edit page does.
  const photos = await db.productImage.findMany({
    where: { productId },
    orderBy: { position: "asc" },
    select: { id: true },
  });
  photos.forEach((photo, index) => {
    if (!form.has(`existing[${index}].id`)) form.set(`existing[${index}].id`, photo.id);
  });
  return callAction(editAction, await request(`/kelola/produk/${productId}`, { userId, form }), {
    id: productId,
  });
}

async function worldWithPhoto() {
  const world = await createWorld();
  await attachPhoto(world.product.id);
  return world;
}

async function intent(world: World, productId: string, name: string, userId = world.home.manager.id) {
  const form = new FormData();
  form.set("intent", name);
  return callAction(editAction, await request(`/kelola/produk/${productId}`, { userId, form }), {
    id: productId,
  });
}

describe("editing a listing", () => {
  it("saves every field, the tiers, and what search finds", async () => {
    const world = await worldWithPhoto();
    const response = await save(world, world.product.id, {
      name: "Besek pandan wangi",
      pausedUntil: "2026-12-31",
      pirtNumber: "2063217010123-27",
    });
    expect(statusOf(response)).toBe(302);
    const saved = await db.product.findUniqueOrThrow({
      where: { id: world.product.id },
      select: {
        name: true,
        unit: true,
        price: true,
        minOrderQuantity: true,
        stock: true,
        pirtNumber: true,
        pausedUntil: true,
        tiers: { orderBy: { minQuantity: "asc" }, select: { minQuantity: true, unitPrice: true } },
      },
    });
    expect(saved).toMatchObject({
      name: "Besek pandan wangi",
      unit: "PAK",
      price: 27_000,
      minOrderQuantity: 20,
      stock: 140,
      pirtNumber: "2063217010123-27",
    });
    expect(saved.tiers).toEqual([
      { minQuantity: 50, unitPrice: 25_000 },
      { minQuantity: 200, unitPrice: 22_500 },
    ]);
    // Paused until the end of 31 December in Lembang (16:59:59 UTC).
    expect(saved.pausedUntil?.toISOString()).toBe("2026-12-31T16:59:59.000Z");
    const found = await searchCatalog({
      text: "pandan wangi",
      areaPath: world.areas.districtA.path,
      page: 1,
    });
    expect(found.products.map((p) => p.id)).toEqual([world.product.id]);
    expect(
      await db.auditEvent.count({ where: { action: "product.update", entityId: world.product.id } }),
    ).toBe(1);
  });

  it.each([
    [{ "tiers[0].unitPrice": "28000" }, "tiers[0].unitPrice", "tiers.cheaper"],
    [{ "tiers[1].minQuantity": "40" }, "tiers[1].minQuantity", "tiers.ascending"],
    [{ "tiers[0].minQuantity": "20" }, "tiers[0].minQuantity", "tiers.above_minimum"],
    [{ "tiers[1].unitPrice": "" }, "tiers[1].unitPrice", "form.required"],
    [{ "tiers[0].unitPrice": "24999.5" }, "tiers[0].unitPrice", "form.money_ambiguous"],
    [{ orderMultiple: "12", minOrderQuantity: "20" }, "minOrderQuantity", "product_form.min_not_multiple"],
    [{ supplyMode: "MADE_TO_ORDER" }, "capacityPerWeek", "form.required"],
    [{ pausedUntil: "besok" }, "pausedUntil", "form.date_invalid"],
    [{ status: "ARCHIVED" }, "status", "form.choose_one"],
    [{ price: "-1" }, "price", "form.positive"],
  ])("answers %j with a message on %s and changes nothing", async (override, field, message) => {
    const world = await worldWithPhoto();
    const before = await db.product.findUniqueOrThrow({
      where: { id: world.product.id },
      include: { tiers: true },
    });
    const response = await save(world, world.product.id, override);
    expect(statusOf(response)).toBe(400);
    expect((await jsonOf(response)).error?.[field]).toEqual([message]);
    expect(
      await db.product.findUniqueOrThrow({ where: { id: world.product.id }, include: { tiers: true } }),
    ).toEqual(before);
  });

  it("keeps a made-to-order product's stock at zero and its weekly capacity", async () => {
    const world = await worldWithPhoto();
    await save(world, world.product.id, {
      supplyMode: "MADE_TO_ORDER",
      capacityPerWeek: "30",
      leadTimeDays: "14",
      stock: "99",
    });
    expect(
      await db.product.findUniqueOrThrow({
        where: { id: world.product.id },
        select: { supplyMode: true, stock: true, capacityPerWeek: true, leadTimeDays: true },
      }),
    ).toEqual({
      supplyMode: "MADE_TO_ORDER",
      stock: 0,
      capacityPerWeek: 30,
      leadTimeDays: 14,
    });
  });

  it("stops orders while the group is paused", async () => {
    const world = await worldWithPhoto();
    await save(world, world.product.id, { pausedUntil: "2099-01-01" });
    expect(await addToCart(world.buyer.business.id, world.product.id, 20)).toEqual({
      ok: false,
      key: "cart.paused",
    });
  });
});

describe("a listing's photos", () => {
  it("are reordered, the chosen main one first, removed and added, and another product's photo is ignored", async () => {
    const world = await worldWithPhoto();
    const second = await attachPhoto(world.product.id, 1);
    const third = await attachPhoto(world.product.id, 2);
    const foreign = await attachPhoto(world.otherProduct.id);
    const [first] = await db.productImage.findMany({
      where: { productId: world.product.id, position: 0 },
      select: { id: true },
    });
    const response = await save(world, world.product.id, {
      "existing[0].id": first?.id ?? "",
      "existing[0].position": "1",
      "existing[1].id": second.id,
      "existing[1].position": "2",
      "existing[2].id": third.id,
      "existing[2].remove": "on",
      "existing[3].id": foreign.id,
      mainPhoto: second.id,
    });
    expect(statusOf(response)).toBe(302);
    const photos = await db.productImage.findMany({
      where: { productId: world.product.id },
      orderBy: { position: "asc" },
      select: { id: true },
    });
    expect(photos.map((p) => p.id)).toEqual([second.id, first?.id]);
    expect(await db.productImage.count({ where: { id: foreign.id, productId: world.otherProduct.id } })).toBe(
      1,
    );
  });

  it("cannot all be removed", async () => {
    const world = await worldWithPhoto();
    const [only] = await db.productImage.findMany({
      where: { productId: world.product.id },
      select: { id: true },
    });
    const response = await save(world, world.product.id, {
      "existing[0].id": only?.id ?? "",
      "existing[0].remove": "on",
    });
    expect((await jsonOf(response)).error?.photos).toEqual(["image.required"]);
    expect(await db.productImage.count({ where: { productId: world.product.id } })).toBe(1);
  });
});

describe("another group's listing", () => {
  it("cannot be opened, saved, copied or archived", async () => {
    const world = await worldWithPhoto();
    const before = await db.product.findUniqueOrThrow({
      where: { id: world.product.id },
      include: { tiers: true },
    });
    const other = world.other.manager.id;
    expect(
      statusOf(
        await callLoader(editLoader, await request(`/kelola/produk/${world.product.id}`, { userId: other }), {
          id: world.product.id,
        }),
      ),
    ).toBe(404);
    expect(statusOf(await save(world, world.product.id, { price: "1" }, other))).toBe(404);
    expect(statusOf(await intent(world, world.product.id, "duplicate", other))).toBe(404);
    expect(statusOf(await intent(world, world.product.id, "archive", other))).toBe(404);
    expect(
      await db.product.findUniqueOrThrow({ where: { id: world.product.id }, include: { tiers: true } }),
    ).toEqual(before);
    expect(await db.product.count({ where: { groupId: world.other.group.id } })).toBe(1);
  });

  it("is not editable by buyers at all", async () => {
    const world = await worldWithPhoto();
    expect(statusOf(await save(world, world.product.id, {}, world.buyer.buyer.id))).toBe(403);
  });
});

describe("duplicating and archiving", () => {
  it("copies a listing as a draft that buyers do not see yet", async () => {
    const world = await worldWithPhoto();
    const source = await createProduct(world.home.group.id, world.category.id, {
      name: "Keranjang rotan",
      tiers: [{ minQuantity: 50, unitPrice: 20_000 }],
    });
    const response = await intent(world, source.id, "duplicate");
    expect(statusOf(response)).toBe(302);
    const copy = await db.product.findFirstOrThrow({
      where: { groupId: world.home.group.id, name: "Keranjang rotan (salinan)" },
      select: {
        id: true,
        status: true,
        price: true,
        stock: true,
        tiers: { select: { minQuantity: true, unitPrice: true } },
      },
    });
    expect((response as Response).headers.get("Location")).toBe(`/kelola/produk/${copy.id}`);
    expect(copy).toMatchObject({
      status: "DRAFT",
      price: 25_000,
      stock: 0,
      tiers: [{ minQuantity: 50, unitPrice: 20_000 }],
    });
    const found = await searchCatalog({ text: "rotan", areaPath: world.areas.districtA.path, page: 1 });
    expect(found.products.map((p) => p.id)).toEqual([source.id]);
  });

  it("archives a listing out of the catalog and brings it back as a draft", async () => {
    const world = await worldWithPhoto();
    expect(statusOf(await intent(world, world.product.id, "archive"))).toBe(302);
    expect((await db.product.findUniqueOrThrow({ where: { id: world.product.id } })).status).toBe("ARCHIVED");
    const found = await searchCatalog({ areaPath: world.areas.villageA1.path, page: 1 });
    expect(found.products.map((p) => p.id)).not.toContain(world.product.id);
    // An archived listing cannot be saved until it is brought back.
    expect(statusOf(await save(world, world.product.id))).toBe(404);
    expect(statusOf(await intent(world, world.product.id, "restore"))).toBe(302);
    expect((await db.product.findUniqueOrThrow({ where: { id: world.product.id } })).status).toBe("DRAFT");
  });
});
