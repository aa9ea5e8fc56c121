import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "~/.server/db/client";
import { introduceGroup, INTRODUCE_ACTION, suggestGroupsForBuyer } from "~/.server/matching/suggestions";
import { listNotifications } from "~/.server/notifications/notifications";
import { loader as homeLoader } from "~/routes/_index";
import { action as manageAction, loader as manageLoader } from "~/routes/kelola._index";
import { loader as ordersLoader } from "~/routes/pesanan._index";
import { loader as unmetLoader } from "~/routes/tkm.permintaan";
import {
  createBusinessWithBuyer,
  createGroupWithManager,
  createProduct,
  createTkmOfficer,
  createUser,
  createWorld,
} from "../helpers/factories";
import { addRecipient, createRequest } from "../helpers/matching";
import { callAction, callLoader, jsonOf, request, statusOf } from "../helpers/requests";

const DAY = 24 * 60 * 60 * 1000;

/**
 * The small world with places on the map (Jayagiri, Cikahuripan ~3 km, Cihideung ~8 km) and
 * verified groups; a far village (Garut, ~55 km) with a verified group making the same thing.
 */
async function setUp() {
  const world = await createWorld();
  const { areas } = world;
  await db.area.update({ where: { id: areas.villageA1.id }, data: { latitude: -6.8, longitude: 107.62 } });
  await db.area.update({ where: { id: areas.villageA2.id }, data: { latitude: -6.81, longitude: 107.645 } });
  await db.area.update({ where: { id: areas.villageB1.id }, data: { latitude: -6.82, longitude: 107.55 } });
  const far = await db.area.create({
    data: {
      code: `GRT${randomBytes(3).toString("hex")}`,
      name: "Garut Kota",
      level: "VILLAGE",
      path: `${areas.districtB.path}GRT${randomBytes(3).toString("hex")}/`,
      parentId: areas.districtB.id,
      latitude: -7.2,
      longitude: 107.9,
    },
  });
  const farGroup = await createGroupWithManager(far.id);
  await createProduct(farGroup.group.id, world.category.id);
  const verified = new Date(Date.now() - 400 * DAY);
  await db.group.updateMany({
    where: { id: { in: [world.home.group.id, world.other.group.id, farGroup.group.id] } },
    data: { verifiedAt: verified },
  });
  await db.group.update({ where: { id: world.home.group.id }, data: { phone: "+6281311112222" } });
  await db.business.update({
    where: { id: world.buyer.business.id },
    data: { phone: "+6281399998888", address: "Jl. Rahasia No. 7" },
  });
  return { ...world, farGroup };
}
type World = Awaited<ReturnType<typeof setUp>>;

/** A past order written straight as rows: one line of the product, at a telling amount. */
async function pastOrder(
  business: { id: string },
  placedById: string,
  product: { id: string; groupId: string },
  data: { amount?: number; status?: "COMPLETED" | "REJECTED" | "PLACED"; placedAt?: Date } = {},
) {
  const amount = data.amount ?? 1_234_567;
  return db.order.create({
    data: {
      number: `JJR-T-${randomBytes(4).toString("hex")}`,
      groupId: product.groupId,
      businessId: business.id,
      placedById,
      status: data.status ?? "COMPLETED",
      paymentMethod: "BANK_TRANSFER",
      subtotal: amount,
      total: amount,
      placedAt: data.placedAt ?? new Date(Date.now() - 10 * DAY),
      items: {
        create: {
          productId: product.id,
          productName: "Besek bambu",
          unit: "PCS",
          quantity: 1,
          unitPrice: amount,
          lineTotal: amount,
        },
      },
    },
  });
}

async function manageData(world: World, userId = world.home.manager.id, query = "") {
  const result = await callLoader(manageLoader, await request(`/kelola${query}`, { userId }));
  return result as Awaited<ReturnType<typeof manageLoader>>;
}

function introduce(world: World, businessId: string, userId = world.home.manager.id) {
  return request("/kelola", { userId, form: { intent: "introduce", businessId } }).then((req) =>
    callAction(manageAction, req),
  );
}

async function notificationsOf(userId: string) {
  return db.notification.findMany({
    where: { userId },
    select: { messageKey: true, link: true, params: true },
  });
}

describe("groups suggested to a buyer", () => {
  it("suggests a verified group near by that makes what the buyer bought, before the one it buys from", async () => {
    const world = await setUp();
    await pastOrder(world.buyer.business, world.buyer.buyer.id, world.product);
    const unverified = await createGroupWithManager(world.areas.villageA1.id);
    await createProduct(unverified.group.id, world.category.id);
    const { suggestions, categories, fromOrders } = await suggestGroupsForBuyer({
      businessId: world.buyer.business.id,
    });
    expect(fromOrders).toBe(true);
    expect(suggestions.map((s) => [s.groupId, s.known])).toEqual([
      [world.other.group.id, false],
      [world.home.group.id, true],
    ]);
    expect(suggestions[0]).toMatchObject({ fit: { categoryId: world.category.id, source: "bought" } });
    expect(suggestions[0]?.distanceKm).toBeGreaterThan(5);
    expect(suggestions[1]).toMatchObject({ phone: "+6281311112222", slug: world.home.group.slug });
    expect(categories).toEqual([{ id: world.category.id, nameId: "Anyaman bambu", nameEn: "Woven bamboo" }]);
  });

  it("reads a rejected order as no purchase, and falls back on the business kind's prior", async () => {
    const world = await setUp();
    await pastOrder(world.buyer.business, world.buyer.buyer.id, world.product, { status: "REJECTED" });
    expect((await suggestGroupsForBuyer({ businessId: world.buyer.business.id })).suggestions).toEqual([]);
    // A souvenir shop with no orders: keripik is what such shops buy.
    const chips = await db.category.create({ data: { slug: "keripik", nameId: "Keripik", nameEn: "Chips" } });
    await createProduct(world.other.group.id, chips.id, { name: "Keripik singkong" });
    const result = await suggestGroupsForBuyer({ businessId: world.buyer.business.id });
    expect(result.fromOrders).toBe(false);
    expect(result.suggestions.map((s) => [s.groupId, s.fit.source])).toEqual([
      [world.other.group.id, "kind"],
    ]);
  });

  it("shows on the home page and the orders page for a signed-in buyer, and not to a visitor", async () => {
    const world = await setUp();
    await pastOrder(world.buyer.business, world.buyer.buyer.id, world.otherProduct);
    const home = (await callLoader(
      homeLoader,
      await request("/", { userId: world.buyer.buyer.id }),
    )) as Awaited<ReturnType<typeof homeLoader>>;
    expect(home.suggestions?.suggestions.map((s) => s.groupId)).toEqual([
      world.home.group.id,
      world.other.group.id,
    ]);
    const visitor = (await callLoader(homeLoader, await request("/"))) as Awaited<
      ReturnType<typeof homeLoader>
    >;
    expect(visitor.suggestions).toBeNull();
    const orders = (await callLoader(
      ordersLoader,
      await request("/pesanan", { userId: world.buyer.buyer.id }),
    )) as Awaited<ReturnType<typeof ordersLoader>>;
    expect(orders.suggestions.suggestions[0]?.groupId).toBe(world.home.group.id);
    // A buyer whose kind's prior names no category here: the empty state.
    await db.business.update({ where: { id: world.otherBuyer.business.id }, data: { kind: "LAINNYA" } });
    const empty = await suggestGroupsForBuyer({ businessId: world.otherBuyer.business.id });
    expect(empty.suggestions).toEqual([]);
  });
});

describe("businesses suggested to a group", () => {
  it("lists a business that buys what the group makes from others, and nothing private of it", async () => {
    const world = await setUp();
    await pastOrder(world.buyer.business, world.buyer.buyer.id, world.otherProduct, { amount: 7_654_321 });
    // Bought from this group already: not a suggestion.
    await pastOrder(world.otherBuyer.business, world.otherBuyer.buyer.id, world.otherProduct);
    await pastOrder(world.otherBuyer.business, world.otherBuyer.buyer.id, world.product);
    const data = await manageData(world);
    expect(data.suggestions.suggestions).toEqual([
      {
        businessId: world.buyer.business.id,
        name: world.buyer.business.name,
        kind: "TOKO_OLEH_OLEH",
        villageName: "Cikahuripan",
        distanceKm: expect.any(Number),
        categoryId: world.category.id,
        groups: 1,
        introducedAt: null,
      },
    ]);
    const text = JSON.stringify(data);
    for (const secret of [
      "+6281399998888",
      "Jl. Rahasia No. 7",
      world.other.group.name,
      "7654321",
      world.buyer.buyer.name,
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  it("introduces the group once in thirty days: a notification with the group's page and WhatsApp, audited", async () => {
    const world = await setUp();
    await pastOrder(world.buyer.business, world.buyer.buyer.id, world.otherProduct);
    const [first, second] = await Promise.all([
      introduce(world, world.buyer.business.id),
      introduce(world, world.buyer.business.id),
    ]);
    expect([statusOf(first), statusOf(second)].sort()).toEqual([302, 400]);
    const refused = [first, second].find((r) => statusOf(r) === 400);
    expect(JSON.stringify(await jsonOf(refused))).toContain("suggest.introduce.too_soon");
    const notes = await notificationsOf(world.buyer.buyer.id);
    expect(notes).toEqual([
      {
        messageKey: "suggest.notify.introduced",
        link: `/kelompok/${world.home.group.slug}`,
        params: JSON.stringify({ group: world.home.group.name, phone: "+6281311112222" }),
      },
    ]);
    const [listed] = await listNotifications(world.buyer.buyer.id);
    expect(listed?.counterpartPhone).toBe("+6281311112222");
    const events = await db.auditEvent.findMany({
      where: { action: INTRODUCE_ACTION, groupId: world.home.group.id },
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorId: world.home.manager.id,
      groupId: world.home.group.id,
      businessId: world.buyer.business.id,
    });
    // The page now says it was done, and offers no second button.
    const data = await manageData(world, world.home.manager.id, `?dikenalkan=${world.buyer.business.id}`);
    expect(data.introduced).toBe(world.buyer.business.name);
    expect(data.suggestions.suggestions[0]?.introducedAt).not.toBeNull();
    // Thirty days on, it may introduce itself again.
    const later = new Date(Date.now() + 31 * DAY);
    expect(
      await introduceGroup(
        { groupId: world.home.group.id },
        world.home.manager.id,
        world.buyer.business.id,
        later,
      ),
    ).toEqual({
      ok: true,
      businessName: world.buyer.business.name,
    });
    expect(await notificationsOf(world.buyer.buyer.id)).toHaveLength(2);
  });

  it("answers 404 and tells no one for a business that is not among the group's suggestions", async () => {
    const world = await setUp();
    await pastOrder(world.buyer.business, world.buyer.buyer.id, world.otherProduct);
    // Another group's suggestion is not this group's: the far group makes the same but is 55 km away.
    expect(statusOf(await introduce(world, world.buyer.business.id, world.farGroup.manager.id))).toBe(404);
    // A business that bought nothing, one that already buys from the group, an id that does not exist.
    await pastOrder(world.otherBuyer.business, world.otherBuyer.buyer.id, world.product);
    const stranger = await createBusinessWithBuyer(world.areas.villageA2.id);
    for (const businessId of [world.otherBuyer.business.id, stranger.business.id, "c-no-such-business"]) {
      expect(statusOf(await introduce(world, businessId))).toBe(404);
    }
    expect(statusOf(await introduce(world, ""))).toBe(400);
    // Someone who manages no group may not introduce anyone.
    const nobody = await createUser();
    expect(statusOf(await introduce(world, world.buyer.business.id, nobody.id))).toBe(403);
    const told = [world.buyer.buyer.id, world.otherBuyer.buyer.id, stranger.buyer.id];
    expect(await db.notification.count({ where: { userId: { in: told } } })).toBe(0);
    expect(
      await db.auditEvent.count({
        where: { action: INTRODUCE_ACTION, groupId: { in: [world.home.group.id, world.farGroup.group.id] } },
      }),
    ).toBe(0);
  });
});

describe("requests no group could meet, for TKM", () => {
  async function unmetSetUp() {
    const world = await setUp();
    const inside = world.buyer;
    const outside = await createBusinessWithBuyer(world.areas.villageB1.id);
    const make = (buyer: typeof inside, data: Parameters<typeof createRequest>[3]) =>
      createRequest(buyer.business.id, buyer.buyer.id, buyer.business.villageId, {
        categoryId: world.category.id,
        ...data,
      });
    const noMatch = await make(inside, { title: "Tas rotan besar" });
    const declined = await make(inside, { title: "Keset perca 500" });
    await addRecipient(declined.id, world.home.group.id);
    await db.requestRecipient.updateMany({
      where: { requestId: declined.id },
      data: { declinedAt: new Date(), declineReason: "Tidak sanggup" },
    });
    const expired = await make(inside, {
      title: "Besek untuk hajatan",
      categoryId: null,
      closesAt: new Date(Date.now() - DAY),
      neededBy: new Date(Date.now() + DAY),
    });
    await addRecipient(expired.id, world.home.group.id);
    const waiting = await make(inside, { title: "Masih menunggu" });
    await addRecipient(waiting.id, world.home.group.id);
    const quoted = await make(inside, { title: "Sudah ditawar", closesAt: new Date(Date.now() - DAY) });
    await addRecipient(quoted.id, world.home.group.id);
    await db.quote.create({
      data: {
        requestId: quoted.id,
        groupId: world.home.group.id,
        productId: world.product.id,
        createdById: world.home.manager.id,
        unitPrice: 20_000,
        quantity: 200,
        earliestDelivery: new Date(Date.now() + 7 * DAY),
        validUntil: new Date(Date.now() + 7 * DAY),
      },
    });
    const old = await make(inside, { title: "Lama sekali", createdAt: new Date(Date.now() - 200 * DAY) });
    const elsewhere = await make(outside, { title: "Di luar wilayah" });
    return { world, noMatch, declined, expired, old, elsewhere, outside };
  }

  async function unmetData(userId: string, query = "") {
    const result = await callLoader(unmetLoader, await request(`/tkm/permintaan${query}`, { userId }));
    return result as Awaited<ReturnType<typeof unmetLoader>>;
  }

  it("counts the area's unmet requests of the last 90 days by category and village, with the reasons", async () => {
    const { world } = await unmetSetUp();
    const { officer } = await createTkmOfficer(world.areas.districtA.id);
    const data = await unmetData(officer.id);
    expect(data.total).toBe(3);
    expect(data.list.map((r) => [r.title, r.reason])).toEqual(
      expect.arrayContaining([
        ["Tas rotan besar", "no_match"],
        ["Keset perca 500", "all_declined"],
        ["Besek untuk hajatan", "no_quote"],
      ]),
    );
    expect(data.byCategory.map((row) => [row.key, row.count])).toEqual([
      [world.category.id, 2],
      ["", 1],
    ]);
    expect(data.byVillage).toEqual([
      {
        key: world.areas.villageA2.id,
        count: 3,
        village: { id: world.areas.villageA2.id, name: "Cikahuripan" },
        district: { id: world.areas.districtA.id, name: "Lembang" },
      },
    ]);
    const byCategory = await unmetData(officer.id, `?kategori=${world.category.id}`);
    expect(byCategory.list.map((r) => r.title).sort()).toEqual(["Keset perca 500", "Tas rotan besar"]);
    const month = new Date(Date.now() - 200 * DAY + 7 * 60 * 60 * 1000).toISOString().slice(0, 7);
    const older = await unmetData(officer.id, `?periode=${month}`);
    expect(older.list.map((r) => r.title)).toEqual(["Lama sekali"]);
  });

  it("shows an officer nothing from outside the team's area, whatever is asked", async () => {
    const { world, outside } = await unmetSetUp();
    const { officer } = await createTkmOfficer(world.areas.districtB.id);
    const data = await unmetData(officer.id);
    expect(data.list.map((r) => r.title)).toEqual(["Di luar wilayah"]);
    const probing = await unmetData(officer.id, `?desa=${world.areas.villageA2.id}`);
    expect(probing.list).toEqual([]);
    expect(JSON.stringify(probing)).not.toContain("Tas rotan besar");
    expect(outside.business.villageId).toBe(world.areas.villageB1.id);
    // A buyer is not a TKM officer.
    const res = await callLoader(
      unmetLoader,
      await request("/tkm/permintaan", { userId: world.buyer.buyer.id }),
    );
    expect(statusOf(res)).toBe(403);
  });
});
