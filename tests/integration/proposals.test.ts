import { describe, expect, it } from "vitest";
import { db } from "~/.server/db/client";
import { transitionOrder } from "~/.server/orders/orders";
import { answerProposal, proposeChange } from "~/.server/orders/proposals";
import { recordPayment } from "~/.server/payments/record";
import { action as groupOrderAction } from "~/routes/kelola.pesanan.$number";
import { action as buyerOrderAction } from "~/routes/pesanan.$number";
import { createProduct, createWorld } from "../helpers/factories";
import { placedOrderNumber, stockOf } from "../helpers/orders";
import { callAction, jsonOf, request, statusOf } from "../helpers/requests";

type World = Awaited<ReturnType<typeof createWorld>>;

async function setUp() {
  const world = await createWorld();
  const product = await createProduct(world.home.group.id, world.category.id, { stock: 150 });
  const number = await placedOrderNumber(world.buyer, product.id, 100); // 100 × Rp25.000, 50 left
  const item = await db.orderItem.findFirstOrThrow({ where: { order: { number } }, select: { id: true } });
  return { world, product, number, itemId: item.id };
}

async function order(number: string) {
  return db.order.findUniqueOrThrow({
    where: { number },
    select: { total: true, items: { select: { quantity: true, unitPrice: true, lineTotal: true } } },
  });
}

async function proposal(number: string) {
  return db.orderProposal.findFirstOrThrow({ where: { order: { number } }, orderBy: { createdAt: "desc" } });
}

function answer(
  world: World,
  number: string,
  proposalId: string,
  value: "accept" | "decline",
  userId = world.buyer.buyer.id,
) {
  return request(`/pesanan/${number}`, {
    userId,
    form: { intent: "answer_proposal", proposalId, answer: value },
  }).then((req) => callAction(buyerOrderAction, req, { number }));
}

describe("a change proposed by the group", () => {
  it("is applied when the buyer accepts: quantities, prices, totals, and the stock given back", async () => {
    const { world, product, number, itemId } = await setUp();
    const proposed = await callAction(
      groupOrderAction,
      await request(`/kelola/pesanan/${number}`, {
        userId: world.home.manager.id,
        form: {
          intent: "propose",
          [`lines.${itemId}.quantity`]: "60",
          [`lines.${itemId}.unitPrice`]: "24000",
          reason: "Panen stroberi sedikit minggu ini",
        },
      }),
      { number },
    );
    expect(statusOf(proposed)).toBe(302);
    expect(await order(number)).toMatchObject({ total: 2_500_000 }); // unchanged until accepted
    const { id } = await proposal(number);
    const results = await Promise.all([
      answer(world, number, id, "accept"),
      answer(world, number, id, "accept"),
    ]);
    expect(results.map(statusOf).sort()).toEqual([302, 400]);
    expect(await order(number)).toEqual({
      total: 1_440_000,
      items: [{ quantity: 60, unitPrice: 24_000, lineTotal: 1_440_000 }],
    });
    expect(await stockOf(product.id)).toBe(90);
    expect((await proposal(number)).status).toBe("ACCEPTED");
    const events = await db.orderEvent.findMany({
      where: { order: { number }, type: { startsWith: "proposal" } },
      select: { type: true },
    });
    expect(events.map((e) => e.type).sort()).toEqual(["proposal", "proposal_accepted"]);
  });

  it("changes nothing when the buyer declines, or when more stock is asked than there is", async () => {
    const { world, product, number, itemId } = await setUp();
    const group = (lines: Record<string, { quantity: number; unitPrice: number }>) =>
      proposeChange(world.home.group.id, world.home.manager.id, number, {
        lines,
        reason: "Bisa lebih banyak",
      });
    expect(await group({ [itemId]: { quantity: 200, unitPrice: 25_000 } })).toEqual({ ok: true });
    expect(await group({ [itemId]: { quantity: 90, unitPrice: 25_000 } })).toEqual({
      ok: false,
      key: "proposal.already_open",
    });
    const first = await proposal(number);
    expect(
      await answerProposal(world.buyer.business.id, world.buyer.buyer.id, number, first.id, "accept"),
    ).toEqual({
      ok: false,
      key: "proposal.out_of_stock",
    });
    expect((await proposal(number)).status).toBe("PENDING");
    expect(await stockOf(product.id)).toBe(50);
    expect(statusOf(await answer(world, number, first.id, "decline"))).toBe(302);
    expect(await order(number)).toMatchObject({ total: 2_500_000 });
    expect((await proposal(number)).status).toBe("DECLINED");
  });

  it("belongs to the order's parties only, and cannot go below what was paid", async () => {
    const { world, number, itemId } = await setUp();
    expect(
      await proposeChange(world.other.group.id, world.other.manager.id, number, {
        lines: { [itemId]: { quantity: 1, unitPrice: 1 } },
        reason: "x",
      }),
    ).toEqual({ ok: false, key: "order.not_found" });
    await transitionOrder(
      { party: "group", groupId: world.home.group.id },
      world.home.manager.id,
      number,
      "confirm",
    );
    await recordPayment(world.home.group.id, world.home.manager.id, number, {
      amount: 1_000_000,
      idempotencyKey: "dp-prop-01",
    });
    expect(
      await proposeChange(world.home.group.id, world.home.manager.id, number, {
        lines: { [itemId]: { quantity: 10, unitPrice: 25_000 } },
        reason: "Kurangi",
      }),
    ).toEqual({ ok: false, key: "proposal.below_paid", params: { paid: 1_000_000 } });
    await proposeChange(world.home.group.id, world.home.manager.id, number, {
      lines: { [itemId]: { quantity: 100, unitPrice: 24_000 } },
      reason: "Diskon",
    });
    const { id } = await proposal(number);
    expect(statusOf(await answer(world, number, id, "accept", world.otherBuyer.buyer.id))).toBe(404);
    const bad = await callAction(
      groupOrderAction,
      await request(`/kelola/pesanan/${number}`, {
        userId: world.home.manager.id,
        form: {
          intent: "propose",
          [`lines.${itemId}.quantity`]: "-3",
          [`lines.${itemId}.unitPrice`]: "1",
          reason: "x",
        },
      }),
      { number },
    );
    expect(statusOf(bad)).toBe(400);
    expect((await jsonOf(bad)).error?.[`lines.${itemId}.quantity`]).toEqual(["form.positive"]);
  });
});
