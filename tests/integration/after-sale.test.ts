import { describe, expect, it } from "vitest";
import { addToCart, getCart } from "~/.server/cart/cart";
import { db } from "~/.server/db/client";
import { transitionOrder } from "~/.server/orders/orders";
import { groupRatings } from "~/.server/orders/ratings";
import { recordPayment } from "~/.server/payments/record";
import { action as buyerOrderAction } from "~/routes/pesanan.$number";
import { createProduct, createWorld } from "../helpers/factories";
import { checkoutCart, placedOrderNumber } from "../helpers/orders";
import { callAction, jsonOf, request, statusOf } from "../helpers/requests";

type World = Awaited<ReturnType<typeof createWorld>>;

async function asBuyer(
  world: World,
  number: string,
  form: Record<string, string>,
  userId = world.buyer.buyer.id,
) {
  return callAction(buyerOrderAction, await request(`/pesanan/${number}`, { userId, form }), { number });
}

async function completed(world: World) {
  const number = await placedOrderNumber(world.buyer, world.product.id, 10);
  const tenant = { party: "group" as const, groupId: world.home.group.id };
  await transitionOrder(tenant, world.home.manager.id, number, "confirm");
  await transitionOrder(tenant, world.home.manager.id, number, "ship");
  await transitionOrder(tenant, world.home.manager.id, number, "mark_received");
  await recordPayment(world.home.group.id, world.home.manager.id, number, {
    amount: 250_000,
    idempotencyKey: `done-${number}`,
  });
  return number;
}

describe("pesan lagi", () => {
  it("puts the items back in the cart at today's prices and says what changed", async () => {
    const world = await createWorld();
    const chips = await createProduct(world.home.group.id, world.category.id, {
      name: "Keripik",
      price: 20_000,
    });
    await addToCart(world.buyer.business.id, world.product.id, 20);
    await addToCart(world.buyer.business.id, chips.id, 10);
    const placed = await checkoutCart(world.buyer);
    if (!placed.ok) throw new Error("order failed");
    await db.product.update({ where: { id: world.product.id }, data: { price: 27_000 } });
    await db.product.update({ where: { id: chips.id }, data: { status: "ARCHIVED" } });

    const response = await asBuyer(world, placed.numbers[0]!, { intent: "reorder" });
    expect(statusOf(response)).toBe(200);
    const { reorder } = (await (response as Response).json()) as { reorder: string[] };
    expect(reorder).toEqual([
      'reorder.price_changed|{"name":"Besek bambu","qty":20,"old":"Rp25.000","new":"Rp27.000"}',
      'reorder.not_added|{"name":"Keripik","why":"Produk ini sedang tidak dijual."}',
    ]);
    const cart = await getCart(world.buyer.business.id);
    expect(cart.groups[0]?.lines.map((l) => [l.product.id, l.quantity, l.unitPrice])).toEqual([
      [world.product.id, 20, 27_000],
    ]);
  });

  it("is only for the business's own orders", async () => {
    const world = await createWorld();
    const number = await placedOrderNumber(world.buyer, world.product.id, 10);
    expect(statusOf(await asBuyer(world, number, { intent: "reorder" }, world.otherBuyer.buyer.id))).toBe(
      404,
    );
    expect(await db.cartItem.count({ where: { cart: { businessId: world.otherBuyer.business.id } } })).toBe(
      0,
    );
  });
});

describe("ratings", () => {
  it("are given once, after completion, and show on the group's page", async () => {
    const world = await createWorld();
    const waiting = await placedOrderNumber(world.buyer, world.product.id, 10);
    expect((await jsonOf(await asBuyer(world, waiting, { intent: "rate", score: "5" }))).error?.[""]).toEqual(
      ["rating.not_completed"],
    );
    const number = await completed(world);
    const tooHigh = await asBuyer(world, number, { intent: "rate", score: "7" });
    expect((await jsonOf(tooHigh)).error?.score).toEqual(["rating.choose_score"]);
    expect(statusOf(await asBuyer(world, number, { intent: "rate", score: "4", comment: "Rapi" }))).toBe(302);
    expect((await jsonOf(await asBuyer(world, number, { intent: "rate", score: "1" }))).error?.[""]).toEqual([
      "rating.already_rated",
    ]);
    expect(
      statusOf(await asBuyer(world, number, { intent: "rate", score: "1" }, world.otherBuyer.buyer.id)),
    ).toBe(404);
    const ratings = await groupRatings(world.home.group.id);
    expect(ratings).toMatchObject({
      average: 4,
      count: 1,
      recent: [{ score: 4, comment: "Rapi", business: world.buyer.business.name }],
    });
    expect(
      await db.notification.count({
        where: { userId: world.home.manager.id, messageKey: "notify.order_rated" },
      }),
    ).toBe(1);
  });
});
