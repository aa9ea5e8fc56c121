import { describe, expect, it } from "vitest";
import { db } from "~/.server/db/client";
import { addToCart, getCart } from "~/.server/cart/cart";
import { recordPayment } from "~/.server/payments/record";
import { action as productAction } from "~/routes/produk.$slug";
import { action as groupOrderAction } from "~/routes/kelola.pesanan.$number";
import { action as buyerOrderAction } from "~/routes/pesanan.$number";
import { createProduct, createWorld } from "../helpers/factories";
import { placedOrderNumber, stockOf } from "../helpers/orders";
import { callAction, jsonOf, request, statusOf } from "../helpers/requests";

const add = (quantity: string, extra: Record<string, string> = {}) => ({ quantity, ...extra });

async function snapshot() {
  const [orders, events, audits, cartLines, products] = await Promise.all([
    db.order.count(),
    db.orderEvent.count(),
    db.auditEvent.count(),
    db.cartItem.findMany({ select: { productId: true, quantity: true }, orderBy: { id: "asc" } }),
    db.product.findMany({ select: { id: true, stock: true }, orderBy: { id: "asc" } }),
  ]);
  return { orders, events, audits, cartLines, products };
}

describe("adding to the cart from the product page", () => {
  it("puts the product in the business's cart, ignoring a tampered price or group, and orders nothing yet", async () => {
    const world = await createWorld();
    const product = await createProduct(world.home.group.id, world.category.id, {
      price: 25_000,
      minOrderQuantity: 10,
      stock: 100,
      tiers: [{ minQuantity: 50, unitPrice: 22_000 }],
    });
    const response = await callAction(
      productAction,
      await request(`/produk/${product.slug}`, {
        userId: world.buyer.buyer.id,
        form: add("50", {
          price: "1",
          unitPrice: "1",
          groupId: world.other.group.id,
          productId: world.otherProduct.id,
        }),
      }),
      { slug: product.slug },
    );
    expect(statusOf(response)).toBe(302);
    expect((response as Response).headers.get("Location")).toBe(`/keranjang?ditambah=${product.slug}`);
    const cart = await getCart(world.buyer.business.id);
    expect(cart.groups.map((g) => g.group.id)).toEqual([world.home.group.id]);
    expect(cart.groups[0]?.lines.map((l) => [l.product.id, l.quantity, l.unitPrice, l.lineTotal])).toEqual([
      [product.id, 50, 22_000, 1_100_000],
    ]);
    expect(await db.order.count({ where: { businessId: world.buyer.business.id } })).toBe(0);
    expect(await stockOf(product.id)).toBe(100);
  });

  it("adds on top of what is already in the cart, and checks the total against the rules", async () => {
    const world = await createWorld();
    expect(await addToCart(world.buyer.business.id, world.product.id, 60)).toEqual({ ok: true });
    expect(await addToCart(world.buyer.business.id, world.product.id, 30)).toEqual({ ok: true });
    expect(await addToCart(world.buyer.business.id, world.product.id, 20)).toEqual({
      ok: false,
      key: "order.out_of_stock",
      params: { stock: 100 },
    });
    const cart = await getCart(world.buyer.business.id);
    expect(cart.groups[0]?.lines[0]?.quantity).toBe(90);
  });

  it.each([
    ["", "form.number_required"],
    ["abc", "form.number_required"],
    ["-10", "form.positive"],
    ["0", "form.positive"],
    ["12.5", "form.whole_number"],
    ["9", 'order.below_minimum|{"min":10}'],
    ["101", 'order.out_of_stock|{"stock":100}'],
  ])("answers quantity %j with %s and changes nothing", async (quantity, message) => {
    const world = await createWorld();
    const before = await snapshot();
    const response = await callAction(
      productAction,
      await request(`/produk/${world.product.slug}`, { userId: world.buyer.buyer.id, form: add(quantity) }),
      { slug: world.product.slug },
    );
    expect(statusOf(response)).toBe(400);
    expect((await jsonOf(response)).error?.quantity).toEqual([message]);
    expect(await snapshot()).toEqual(before);
  });

  it("keeps what was typed when it refuses", async () => {
    const world = await createWorld();
    const response = await callAction(
      productAction,
      await request(`/produk/${world.product.slug}`, { userId: world.buyer.buyer.id, form: add("9") }),
      { slug: world.product.slug },
    );
    const reply = (await jsonOf(response)) as { initialValue?: Record<string, string> };
    expect(reply.initialValue).toMatchObject({ quantity: "9" });
  });

  it("refuses a quantity that is not a multiple of the order multiple", async () => {
    const world = await createWorld();
    const product = await createProduct(world.home.group.id, world.category.id, {
      minOrderQuantity: 12,
      orderMultiple: 12,
    });
    expect(await addToCart(world.buyer.business.id, product.id, 18)).toEqual({
      ok: false,
      key: "order.not_multiple",
      params: { multiple: 12 },
    });
  });

  it("does not sell a product that is archived or paused", async () => {
    const world = await createWorld();
    const archived = await createProduct(world.home.group.id, world.category.id, { status: "ARCHIVED" });
    const paused = await createProduct(world.home.group.id, world.category.id);
    await db.product.update({
      where: { id: paused.id },
      data: { pausedUntil: new Date(Date.now() + 86_400_000) },
    });
    expect(await addToCart(world.buyer.business.id, archived.id, 10)).toEqual({
      ok: false,
      key: "order.product_unavailable",
    });
    expect(await addToCart(world.buyer.business.id, paused.id, 10)).toEqual({
      ok: false,
      key: "cart.paused",
    });
  });

  it("is for buyers only: a group manager gets 403", async () => {
    const world = await createWorld();
    const response = await callAction(
      productAction,
      await request(`/produk/${world.product.slug}`, { userId: world.home.manager.id, form: add("10") }),
      { slug: world.product.slug },
    );
    expect(statusOf(response)).toBe(403);
    expect(await db.cartItem.count({ where: { productId: world.product.id } })).toBe(0);
  });
});

async function placedOrder(world: Awaited<ReturnType<typeof createWorld>>, quantity = 10) {
  return placedOrderNumber(world.buyer, world.product.id, quantity);
}

async function step(
  world: Awaited<ReturnType<typeof createWorld>>,
  number: string,
  stepName: string,
  extra: Record<string, string> = {},
) {
  return callAction(
    groupOrderAction,
    await request(`/kelola/pesanan/${number}`, {
      userId: world.home.manager.id,
      form: { intent: "transition", step: stepName, ...extra },
    }),
    { number },
  );
}

describe("the order's life", () => {
  it("goes from placed to completed, each step on the timeline, money in the cash book", async () => {
    const world = await createWorld();
    const number = await placedOrder(world);
    expect(statusOf(await step(world, number, "confirm"))).toBe(302);
    expect(statusOf(await step(world, number, "ship"))).toBe(302);
    expect(statusOf(await step(world, number, "mark_received"))).toBe(302);
    const pay = await callAction(
      groupOrderAction,
      await request(`/kelola/pesanan/${number}`, {
        userId: world.home.manager.id,
        form: { intent: "payment", amount: "250000", reference: "TRF123", idempotencyKey: "key-00000001" },
      }),
      { number },
    );
    expect(statusOf(pay)).toBe(302);

    const done = await db.order.findUniqueOrThrow({
      where: { number },
      select: {
        status: true,
        paymentStatus: true,
        amountPaid: true,
        events: { orderBy: { createdAt: "asc" }, select: { type: true, toStatus: true } },
      },
    });
    expect(done.status).toBe("COMPLETED");
    expect(done.paymentStatus).toBe("PAID");
    expect(done.amountPaid).toBe(250_000);
    expect(done.events.map((e) => e.toStatus ?? e.type)).toEqual([
      "PLACED",
      "CONFIRMED",
      "SHIPPED",
      "RECEIVED",
      "payment",
      "COMPLETED",
    ]);
    const entries = await db.cashEntry.findMany({
      where: { groupId: world.home.group.id },
      select: { kind: true, category: true, amount: true },
    });
    expect(entries).toEqual([{ kind: "INCOME", category: "ORDER", amount: 250_000 }]);
  });

  it("records a payment submitted twice (double click, two treasurers) once", async () => {
    const world = await createWorld();
    const number = await placedOrder(world);
    await step(world, number, "confirm");
    const form = { intent: "payment", amount: "100000", idempotencyKey: "same-key-1234" };
    const results = await Promise.all(
      [0, 1, 2].map(async () =>
        callAction(
          groupOrderAction,
          await request(`/kelola/pesanan/${number}`, { userId: world.home.manager.id, form }),
          { number },
        ),
      ),
    );
    expect(results.map(statusOf)).toEqual([302, 302, 302]);
    expect(await db.payment.count({ where: { order: { number } } })).toBe(1);
    expect(await db.cashEntry.count({ where: { groupId: world.home.group.id } })).toBe(1);
    expect((await db.order.findUniqueOrThrow({ where: { number } })).amountPaid).toBe(100_000);
  });

  it.each([
    [{ amount: "250001" }, "amount", 'payment.exceeds_due|{"due":250000}'],
    [{ amount: "-5" }, "amount", "form.positive"],
    [{ amount: "1000.5" }, "amount", "form.money_ambiguous"],
    [{ amount: "" }, "amount", "form.number_required"],
  ])("refuses payment %j with a message and records nothing", async (override, field, message) => {
    const world = await createWorld();
    const number = await placedOrder(world);
    await step(world, number, "confirm");
    const response = await callAction(
      groupOrderAction,
      await request(`/kelola/pesanan/${number}`, {
        userId: world.home.manager.id,
        form: { intent: "payment", idempotencyKey: "key-abcdefgh", ...override },
      }),
      { number },
    );
    expect(statusOf(response)).toBe(400);
    expect((await jsonOf(response)).error?.[field]).toEqual([message]);
    expect(await db.payment.count({ where: { order: { number } } })).toBe(0);
    expect(await db.cashEntry.count({ where: { groupId: world.home.group.id } })).toBe(0);
  });

  it("refuses a payment before the order is confirmed", async () => {
    const world = await createWorld();
    const number = await placedOrder(world);
    expect(
      await recordPayment(world.home.group.id, world.home.manager.id, number, {
        amount: 1000,
        idempotencyKey: "early-key-1",
      }),
    ).toEqual({ ok: false, field: "form", message: "payment.not_payable" });
  });

  it("refuses steps out of order and a rejection without a reason, changing nothing", async () => {
    const world = await createWorld();
    const number = await placedOrder(world);
    const ship = await step(world, number, "ship");
    expect((await jsonOf(ship)).error?.[""]).toEqual(["order.action_not_allowed"]);
    const reject = await step(world, number, "reject");
    expect((await jsonOf(reject)).error?.[""]).toEqual(["order.reason_required"]);
    const bogus = await step(world, number, "teleport");
    expect(statusOf(bogus)).toBe(400);
    expect((await db.order.findUniqueOrThrow({ where: { number } })).status).toBe("PLACED");
    expect(await db.orderEvent.count({ where: { order: { number } } })).toBe(1);
  });

  it("gives reserved stock back when the group rejects the order", async () => {
    const world = await createWorld();
    const number = await placedOrder(world, 40);
    expect((await db.product.findUniqueOrThrow({ where: { id: world.product.id } })).stock).toBe(60);
    expect(statusOf(await step(world, number, "reject", { reason: "Bambu sedang habis" }))).toBe(302);
    expect((await db.product.findUniqueOrThrow({ where: { id: world.product.id } })).stock).toBe(100);
    expect((await db.order.findUniqueOrThrow({ where: { number } })).rejectReason).toBe("Bambu sedang habis");
  });

  it("lets the buyer cancel while waiting and confirm receipt once shipped", async () => {
    const world = await createWorld();
    const first = await placedOrder(world);
    const cancel = await callAction(
      buyerOrderAction,
      await request(`/pesanan/${first}`, {
        userId: world.buyer.buyer.id,
        form: { intent: "transition", step: "cancel" },
      }),
      { number: first },
    );
    expect(statusOf(cancel)).toBe(302);
    expect((await db.order.findUniqueOrThrow({ where: { number: first } })).status).toBe("CANCELLED");

    const second = await placedOrder(world);
    const tooEarly = await callAction(
      buyerOrderAction,
      await request(`/pesanan/${second}`, {
        userId: world.buyer.buyer.id,
        form: { intent: "transition", step: "confirm" },
      }),
      { number: second },
    );
    expect(statusOf(tooEarly)).toBe(400);
    await step(world, second, "confirm");
    await step(world, second, "ship");
    const received = await callAction(
      buyerOrderAction,
      await request(`/pesanan/${second}`, {
        userId: world.buyer.buyer.id,
        form: { intent: "transition", step: "mark_received" },
      }),
      { number: second },
    );
    expect(statusOf(received)).toBe(302);
    expect((await db.order.findUniqueOrThrow({ where: { number: second } })).status).toBe("RECEIVED");
  });
});
