import { describe, expect, it } from "vitest";
import { addToCart, getCart, setCartQuantity } from "~/.server/cart/cart";
import { searchCatalog } from "~/.server/catalog/search";
import { db } from "~/.server/db/client";
import { transitionOrder } from "~/.server/orders/orders";
import { NEW_ADDRESS } from "~/forms/cart";
import { action as cartAction } from "~/routes/keranjang";
import { action as checkoutAction } from "~/routes/checkout";
import { addWibDays, wibDateKey, wibWeekKey } from "~/utils/delivery";
import { createBusinessWithBuyer, createProduct, createWorld } from "../helpers/factories";
import { checkoutCart, orderNow, stockOf } from "../helpers/orders";
import { callAction, jsonOf, request, statusOf } from "../helpers/requests";

type World = Awaited<ReturnType<typeof createWorld>>;

async function everything(world: World) {
  const businessId = world.buyer.business.id;
  const [orders, cartLines, addresses, audits, products, bookings] = await Promise.all([
    db.order.count({ where: { businessId } }),
    db.cartItem.findMany({ where: { cart: { businessId } }, select: { productId: true, quantity: true } }),
    db.address.count({ where: { businessId } }),
    db.auditEvent.count({ where: { businessId } }),
    db.product.findMany({
      where: { groupId: { in: [world.home.group.id, world.other.group.id] } },
      select: { id: true, stock: true },
      orderBy: { id: "asc" },
    }),
    db.capacityBooking.findMany({ select: { productId: true, week: true, booked: true } }),
  ]);
  return { orders, cartLines, addresses, audits, products, bookings };
}

async function checkoutForm(world: World, override: Record<string, string> = {}) {
  const cart = await getCart(world.buyer.business.id);
  const form: Record<string, string> = {
    version: cart.version,
    address: NEW_ADDRESS,
    recipient: "Bu Rina",
    phone: "0812-2222-3333",
    line: "Jl. Raya Lembang 12, RT 02/RW 05",
    villageId: world.buyer.business.villageId,
    paymentMethod: "BANK_TRANSFER",
  };
  cart.groups.forEach((group, index) => {
    form[`orders[${index}].groupId`] = group.group.id;
    form[`orders[${index}].wantedBy`] = group.earliest ? wibDateKey(group.earliest) : "";
    form[`orders[${index}].note`] = `Catatan ${index + 1}`;
  });
  return { ...form, ...override };
}

describe("checkout", () => {
  it("splits the cart into one order per group with names and prices copied, stock reserved and the address saved", async () => {
    const world = await createWorld();
    const tiered = await createProduct(world.home.group.id, world.category.id, {
      name: "Keripik singkong",
      price: 20_000,
      stock: 200,
      tiers: [{ minQuantity: 100, unitPrice: 17_000 }],
    });
    await addToCart(world.buyer.business.id, tiered.id, 100);
    await addToCart(world.buyer.business.id, world.product.id, 10);
    await addToCart(world.buyer.business.id, world.otherProduct.id, 20);

    const response = await callAction(
      checkoutAction,
      // A tampered price in the form is not read.
      await request("/checkout", {
        userId: world.buyer.buyer.id,
        form: { ...(await checkoutForm(world)), price: "1" },
      }),
    );
    expect(statusOf(response)).toBe(302);
    const orders = await db.order.findMany({
      where: { businessId: world.buyer.business.id },
      orderBy: { total: "desc" },
      select: {
        groupId: true,
        total: true,
        checkoutId: true,
        note: true,
        paymentMethod: true,
        deliveryAddress: true,
        wantedBy: true,
        items: {
          orderBy: { lineTotal: "desc" },
          select: { productName: true, quantity: true, unitPrice: true },
        },
      },
    });
    expect(orders.map((o) => [o.groupId, o.total])).toEqual([
      [world.home.group.id, 100 * 17_000 + 10 * 25_000],
      [world.other.group.id, 20 * 25_000],
    ]);
    expect(orders[0]?.items).toEqual([
      { productName: "Keripik singkong", quantity: 100, unitPrice: 17_000 },
      { productName: "Besek bambu", quantity: 10, unitPrice: 25_000 },
    ]);
    expect(new Set(orders.map((o) => o.checkoutId)).size).toBe(1);
    expect((response as Response).headers.get("Location")).toBe(`/pesanan?checkout=${orders[0]?.checkoutId}`);
    expect(orders[0]?.deliveryAddress).toBe(
      "Bu Rina (0812-2222-3333), Jl. Raya Lembang 12, RT 02/RW 05, Cikahuripan",
    );
    expect(orders.every((o) => o.wantedBy !== null && o.paymentMethod === "BANK_TRANSFER")).toBe(true);
    expect(await stockOf(tiered.id)).toBe(100);
    expect(await stockOf(world.product.id)).toBe(90);
    expect(await stockOf(world.otherProduct.id)).toBe(80);
    expect(await db.cartItem.count({ where: { cart: { businessId: world.buyer.business.id } } })).toBe(0);
    expect(await db.address.count({ where: { businessId: world.buyer.business.id, isDefault: true } })).toBe(
      1,
    );
    expect(
      await db.notification.count({
        where: { userId: { in: [world.home.manager.id, world.other.manager.id] } },
      }),
    ).toBe(2);
    expect(
      await db.auditEvent.count({ where: { businessId: world.buyer.business.id, action: "order.place" } }),
    ).toBe(2);
  });

  it("places the orders once when the same form is submitted twice at once", async () => {
    const world = await createWorld();
    await addToCart(world.buyer.business.id, world.product.id, 10);
    const form = await checkoutForm(world);
    const responses = await Promise.all(
      [0, 1, 2].map(async () =>
        callAction(checkoutAction, await request("/checkout", { userId: world.buyer.buyer.id, form })),
      ),
    );
    expect(responses.map(statusOf)).toEqual([302, 302, 302]);
    expect(new Set(responses.map((r) => (r as Response).headers.get("Location"))).size).toBe(1);
    expect(await db.order.count({ where: { businessId: world.buyer.business.id } })).toBe(1);
    expect(await stockOf(world.product.id)).toBe(90);
  });

  it.each([
    ["a stale cart version", { version: "0000000000000000" }, "", "checkout.cart_changed"],
    ["a group that is not in the cart", { "orders[0].groupId": "not-a-group" }, "", "checkout.cart_changed"],
    [
      "a method not offered to the business",
      { paymentMethod: "TEMPO" },
      "paymentMethod",
      "checkout.method_not_offered",
    ],
    ["an unknown method", { paymentMethod: "BITCOIN" }, "paymentMethod", "form.choose_one"],
    [
      "a date that is not a date",
      { "orders[0].wantedBy": "2026-02-30" },
      "orders[0].wantedBy",
      "form.date_invalid",
    ],
    ["a date in the past", { "orders[0].wantedBy": "2020-01-01" }, "orders[0].wantedBy", "checkout.too_soon"],
    ["a new address without a village", { villageId: "" }, "villageId", "form.choose_one"],
    ["a new address in a made-up village", { villageId: "nowhere" }, "villageId", "form.choose_one"],
    ["a bad phone number", { phone: "12345" }, "phone", "checkout.phone_invalid"],
  ])("refuses %s with a message and changes nothing", async (_name, override, field, message) => {
    const world = await createWorld();
    await addToCart(world.buyer.business.id, world.product.id, 10);
    const before = await everything(world);
    const response = await callAction(
      checkoutAction,
      await request("/checkout", { userId: world.buyer.buyer.id, form: await checkoutForm(world, override) }),
    );
    expect(statusOf(response)).toBe(400);
    const errors = (await jsonOf(response)).error?.[field] ?? [];
    expect(errors.map((e) => e.split("|")[0])).toEqual([message]);
    expect(await everything(world)).toEqual(before);
  });

  it("says when the wanted date is too soon, naming the earliest day in the reader's language", async () => {
    const world = await createWorld();
    const slow = await createProduct(world.home.group.id, world.category.id, {
      supplyMode: "MADE_TO_ORDER",
      leadTimeDays: 14,
    });
    await addToCart(world.buyer.business.id, slow.id, 10);
    const tomorrow = wibDateKey(addWibDays(new Date(), 1));
    const response = await callAction(
      checkoutAction,
      await request("/checkout", {
        userId: world.buyer.buyer.id,
        form: await checkoutForm(world, { "orders[0].wantedBy": tomorrow }),
        headers: { "Accept-Language": "en" },
      }),
    );
    const [message] = (await jsonOf(response)).error?.["orders[0].wantedBy"] ?? [];
    expect(message).toMatch(/^checkout\.too_soon\|\{"date":"\d{1,2} [A-Z][a-z]{2} \d{4}"\}$/);
  });

  it("will not use another business's saved address", async () => {
    const world = await createWorld();
    const other = await db.address.create({
      data: {
        businessId: world.otherBuyer.business.id,
        label: "Gudang",
        recipient: "Pak Ujang",
        line: "Jl. Lain 2",
        villageId: world.areas.villageA1.id,
      },
    });
    await addToCart(world.buyer.business.id, world.product.id, 10);
    const before = await everything(world);
    const response = await callAction(
      checkoutAction,
      await request("/checkout", {
        userId: world.buyer.buyer.id,
        form: await checkoutForm(world, { address: other.id }),
      }),
    );
    expect(statusOf(response)).toBe(400);
    expect((await jsonOf(response)).error?.address).toEqual(["form.choose_one"]);
    expect(await everything(world)).toEqual(before);
  });

  it("asks the buyer to look again when a price changed after the cart was opened", async () => {
    const world = await createWorld();
    await addToCart(world.buyer.business.id, world.product.id, 10);
    const form = await checkoutForm(world);
    await db.product.update({ where: { id: world.product.id }, data: { price: 30_000 } });
    const result = await callAction(
      checkoutAction,
      await request("/checkout", { userId: world.buyer.buyer.id, form }),
    );
    expect((await jsonOf(result)).error?.[""]).toEqual(["checkout.cart_changed"]);
    expect(await db.order.count({ where: { businessId: world.buyer.business.id } })).toBe(0);
  });

  it("sells exactly the last units when many buyers check out at once, and tells the others", async () => {
    const world = await createWorld();
    const product = await createProduct(world.home.group.id, world.category.id, {
      minOrderQuantity: 10,
      stock: 30,
    });
    const buyers = await Promise.all(
      Array.from({ length: 8 }, () => createBusinessWithBuyer(world.areas.villageA2.id)),
    );
    for (const buyer of buyers)
      expect(await addToCart(buyer.business.id, product.id, 10)).toEqual({ ok: true });
    const results = await Promise.all(buyers.map((buyer) => checkoutCart(buyer)));
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    const refused = results.filter((r) => !r.ok);
    expect(refused).toHaveLength(5);
    for (const r of refused) {
      expect(r).toEqual({
        ok: false,
        formErrors: [{ key: "checkout.sold_out", params: { name: "Besek bambu" } }],
        fieldErrors: {},
      });
    }
    expect(await stockOf(product.id)).toBe(0);
    expect(
      await db.orderItem.aggregate({ where: { productId: product.id }, _sum: { quantity: true } }),
    ).toEqual({ _sum: { quantity: 30 } });
    // The losers keep their carts, now marked: nothing is bought behind their backs.
    const loser = buyers[results.findIndex((r) => !r.ok)]!;
    expect((await getCart(loser.business.id)).groups[0]?.lines[0]?.problem).toEqual({
      key: "order.out_of_stock",
      params: { stock: 0 },
    });
  });
});

describe("made-to-order capacity", () => {
  async function knitted(world: World) {
    return createProduct(world.home.group.id, world.category.id, {
      name: "Taplak rajut",
      supplyMode: "MADE_TO_ORDER",
      leadTimeDays: 3,
      minOrderQuantity: 10,
      stock: 0,
    }).then((p) => db.product.update({ where: { id: p.id }, data: { capacityPerWeek: 100 } }));
  }

  it("books the wanted week, offers the next week with room, and gives the capacity back on rejection", async () => {
    const world = await createWorld();
    const product = await knitted(world);
    const now = new Date("2026-11-30T02:00:00Z"); // Monday 09:00 WIB
    const first = await orderNow(world.buyer, product.id, 60, { now, wantedBy: "2026-12-04" });
    expect(first.ok).toBe(true);
    expect(await db.capacityBooking.findMany({ select: { week: true, booked: true } })).toEqual([
      { week: "2026-11-30", booked: 60 },
    ]);

    // Another buyer wants 60 the same week: 40 are left; the earliest date with room is next Monday.
    const second = await orderNow(world.otherBuyer, product.id, 60, { now, wantedBy: "2026-12-05" });
    expect(second).toEqual({
      ok: false,
      formErrors: [],
      fieldErrors: {
        "orders[0].wantedBy": [
          { key: "checkout.week_left_until", params: { name: "Taplak rajut", left: 40, date: "2026-12-07" } },
        ],
      },
    });
    expect((await getCart(world.otherBuyer.business.id, now)).groups[0]?.earliest?.toISOString()).toBe(
      "2026-12-07T05:00:00.000Z",
    );
    const nextWeek = await checkoutCart(world.otherBuyer, { now, wantedBy: "2026-12-07" });
    expect(nextWeek.ok).toBe(true);

    // Rejecting the first order frees its 60 in the first week.
    if (!first.ok || !("numbers" in first)) throw new Error("unreachable");
    await transitionOrder(
      { party: "group", groupId: world.home.group.id },
      world.home.manager.id,
      first.numbers[0]!,
      "reject",
      { reason: "Benang habis" },
      now,
    );
    expect(
      await db.capacityBooking.findMany({ orderBy: { week: "asc" }, select: { week: true, booked: true } }),
    ).toEqual([
      { week: "2026-11-30", booked: 0 },
      { week: "2026-12-07", booked: 60 },
    ]);
    expect(await stockOf(product.id)).toBe(0);
  });

  it("books no more than the week holds when buyers race for it", async () => {
    const world = await createWorld();
    const product = await knitted(world);
    const now = new Date("2026-11-30T02:00:00Z");
    const buyers = await Promise.all(
      Array.from({ length: 6 }, () => createBusinessWithBuyer(world.areas.villageA2.id)),
    );
    for (const buyer of buyers) await addToCart(buyer.business.id, product.id, 30, now);
    const results = await Promise.all(
      buyers.map((buyer) => checkoutCart(buyer, { now, wantedBy: "2026-12-04" })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(
      await db.capacityBooking.findUnique({
        where: {
          productId_week: { productId: product.id, week: wibWeekKey(new Date("2026-12-04T05:00:00Z")) },
        },
      }),
    ).toMatchObject({ booked: 90 });
  });

  it("is what the catalog's 'can deliver by' filter asks: a full week hides the product until the next one is in reach", async () => {
    const world = await createWorld();
    const product = await knitted(world);
    const now = new Date("2026-11-30T02:00:00Z"); // Monday; 3 days to knit, 1 to deliver: Friday
    // Only this world's two products: other tests in this file list their own.
    const mine = [product.id, world.product.id];
    const found = async (date: string) =>
      (
        await searchCatalog({ text: "taplak", deliverBy: new Date(`${date}T23:59:59+07:00`), page: 1 }, now)
      ).products
        .map((p) => p.id)
        .filter((id) => mine.includes(id));
    expect(await found("2026-12-03")).toEqual([]); // too soon for the lead time
    expect(await found("2026-12-06")).toEqual([product.id]);
    await db.capacityBooking.create({ data: { productId: product.id, week: "2026-11-30", booked: 95 } });
    expect(await found("2026-12-06")).toEqual([]); // 5 left, the minimum is 10
    expect(await found("2026-12-07")).toEqual([product.id]); // next week is free
    // Ready stock below the minimum order cannot be delivered at all.
    await db.product.update({ where: { id: world.product.id }, data: { stock: 5, name: "Taplak siap" } });
    await db.product.update({ where: { id: world.product.id }, data: { searchText: "taplak siap" } });
    expect(await found("2026-12-20")).toEqual([product.id]);
  });

  it("refuses more than a week's capacity in the cart already", async () => {
    const world = await createWorld();
    const product = await knitted(world);
    expect(await addToCart(world.buyer.business.id, product.id, 110)).toEqual({
      ok: false,
      key: "cart.over_capacity",
      params: { capacity: 100 },
    });
  });
});

describe("the cart page", () => {
  it("changes and removes only the business's own lines", async () => {
    const world = await createWorld();
    await addToCart(world.otherBuyer.business.id, world.product.id, 10);
    const line = await db.cartItem.findFirstOrThrow({
      where: { cart: { businessId: world.otherBuyer.business.id } },
    });
    const forms: Record<string, string>[] = [
      { intent: "update", itemId: line.id, quantity: "20" },
      { intent: "remove", itemId: line.id },
    ];
    for (const form of forms) {
      await callAction(cartAction, await request("/keranjang", { userId: world.buyer.buyer.id, form }));
    }
    expect(await db.cartItem.findUniqueOrThrow({ where: { id: line.id } })).toMatchObject({ quantity: 10 });
    expect(await setCartQuantity(world.buyer.business.id, line.id, 20)).toMatchObject({
      ok: false,
      notFound: true,
    });
  });

  it("changes a quantity within the rules and removes a line with 0", async () => {
    const world = await createWorld();
    await addToCart(world.buyer.business.id, world.product.id, 10);
    const line = await db.cartItem.findFirstOrThrow({
      where: { cart: { businessId: world.buyer.business.id } },
    });
    const tooFew = await callAction(
      cartAction,
      await request("/keranjang", {
        userId: world.buyer.buyer.id,
        form: { intent: "update", itemId: line.id, quantity: "5" },
      }),
    );
    expect(statusOf(tooFew)).toBe(400);
    expect(await jsonOf(tooFew)).toEqual({ itemId: line.id, error: 'order.below_minimum|{"min":10}' });
    await callAction(
      cartAction,
      await request("/keranjang", {
        userId: world.buyer.buyer.id,
        form: { intent: "update", itemId: line.id, quantity: "40" },
      }),
    );
    expect(await db.cartItem.findUniqueOrThrow({ where: { id: line.id } })).toMatchObject({ quantity: 40 });
    await callAction(
      cartAction,
      await request("/keranjang", {
        userId: world.buyer.buyer.id,
        form: { intent: "update", itemId: line.id, quantity: "0" },
      }),
    );
    expect(await db.cartItem.count({ where: { id: line.id } })).toBe(0);
  });
});

describe("tempo at checkout", () => {
  it("is offered to a verified business with terms, and refused past its credit limit", async () => {
    const world = await createWorld();
    await db.business.update({
      where: { id: world.buyer.business.id },
      data: { verifiedAt: new Date(), paymentTermDays: 14, creditLimit: 300_000 },
    });
    const ok = await orderNow(world.buyer, world.product.id, 10, { paymentMethod: "TEMPO" });
    expect(ok.ok).toBe(true);
    const over = await orderNow(world.buyer, world.product.id, 10, { paymentMethod: "TEMPO" });
    expect(over).toEqual({
      ok: false,
      formErrors: [],
      fieldErrors: { paymentMethod: [{ key: "checkout.over_credit", params: { available: 50_000 } }] },
    });
  });
});
