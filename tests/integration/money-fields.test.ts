import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { db } from "~/.server/db/client";
import { transitionOrder } from "~/.server/orders/orders";
import { action as groupConsignmentAction } from "~/routes/kelola.konsinyasi";
import { action as groupOrderAction } from "~/routes/kelola.pesanan.$number";
import { action as newProductAction } from "~/routes/kelola.produk.baru";
import { action as buyerOrderAction } from "~/routes/pesanan.$number";
import { action as termsAction } from "~/routes/tkm.pembeli";
import { createTkmOfficer, createWorld } from "../helpers/factories";
import { placedOrderNumber } from "../helpers/orders";
import { callAction, jsonOf, request, statusOf } from "../helpers/requests";

// "35.000" is thirty-five thousand rupiah to everyone who types it. Each money field of each form
// is sent the way people write amounts, and what is stored is checked.

type World = Awaited<ReturnType<typeof createWorld>>;

async function newProduct(world: World, fields: Record<string, string>) {
  const photo = await sharp({ create: { width: 400, height: 300, channels: 3, background: "#a0522d" } })
    .jpeg()
    .toBuffer();
  const form = new FormData();
  const all = {
    name: "Kue semprong",
    categoryId: world.category.id,
    unit: "PAK",
    minOrderQuantity: "10",
    stock: "40",
    ...fields,
  };
  for (const [key, value] of Object.entries(all)) form.set(key, value);
  form.append("photos", new Blob([new Uint8Array(photo)], { type: "image/jpeg" }), "foto.jpg");
  return callAction(
    newProductAction,
    await request("/kelola/produk/baru", { userId: world.home.manager.id, form }),
  );
}

async function groupAction(world: World, number: string, form: Record<string, string>) {
  return callAction(
    groupOrderAction,
    await request(`/kelola/pesanan/${number}`, { userId: world.home.manager.id, form }),
    { number },
  );
}

async function confirmedOrder(world: World) {
  const number = await placedOrderNumber(world.buyer, world.product.id, 10); // Rp250.000
  await transitionOrder(
    { party: "group", groupId: world.home.group.id },
    world.home.manager.id,
    number,
    "confirm",
  );
  return number;
}

describe("money typed the Indonesian way", () => {
  it.each([
    ["35.000", "Rp 30.000", 35_000, 30_000],
    ["Rp35.000", "30 rb", 35_000, 30_000],
    ["35 rb", "30000", 35_000, 30_000],
  ])("stores a product price of %j (tier %j) as %i", async (price, tierPrice, stored, storedTier) => {
    const world = await createWorld();
    const response = await newProduct(world, {
      price,
      "tiers[0].minQuantity": "20",
      "tiers[0].unitPrice": tierPrice,
    });
    expect(statusOf(response)).toBe(302);
    const product = await db.product.findFirstOrThrow({
      where: { groupId: world.home.group.id, name: "Kue semprong" },
      select: { price: true, tiers: { select: { unitPrice: true } } },
    });
    expect(product).toEqual({ price: stored, tiers: [{ unitPrice: storedTier }] });
  });

  it.each([
    ["35,5", "form.money_ambiguous"],
    ["35.00", "form.money_ambiguous"],
    ["tiga puluh lima ribu", "form.money_invalid"],
  ])("refuses a product price of %j with %s and stores nothing", async (price, message) => {
    const world = await createWorld();
    const before = await db.product.count();
    const response = await newProduct(world, { price });
    expect(statusOf(response)).toBe(400);
    expect((await jsonOf(response)).error?.price).toEqual([message]);
    expect(await db.product.count()).toBe(before);
  });

  it("reads the down payment, a change of price and a payment received", async () => {
    const world = await createWorld();
    const number = await placedOrderNumber(world.buyer, world.product.id, 10); // 10 × Rp25.000
    const item = await db.orderItem.findFirstOrThrow({ where: { order: { number } }, select: { id: true } });
    expect(
      statusOf(
        await groupAction(world, number, {
          intent: "propose",
          [`lines.${item.id}.quantity`]: "10",
          [`lines.${item.id}.unitPrice`]: "24.000",
          reason: "Harga gula turun",
        }),
      ),
    ).toBe(302);
    const proposed = await db.orderProposal.findFirstOrThrow({
      where: { order: { number } },
      select: { lines: true },
    });
    expect(JSON.parse(proposed.lines)).toEqual([{ itemId: item.id, quantity: 10, unitPrice: 24_000 }]);
    await groupAction(world, number, { intent: "withdraw_proposal" });

    expect(
      statusOf(
        await groupAction(world, number, { intent: "transition", step: "confirm", downPayment: "50.000" }),
      ),
    ).toBe(302);
    expect(
      statusOf(
        await groupAction(world, number, {
          intent: "payment",
          amount: "Rp 100.000",
          idempotencyKey: "money-key-0001",
        }),
      ),
    ).toBe(302);
    expect(
      await db.order.findUniqueOrThrow({
        where: { number },
        select: { downPayment: true, amountPaid: true },
      }),
    ).toEqual({ downPayment: 50_000, amountPaid: 100_000 });

    const refused = await groupAction(world, number, {
      intent: "payment",
      amount: "100,000",
      idempotencyKey: "money-key-0002",
    });
    expect((await jsonOf(refused)).error?.amount).toEqual(["form.money_ambiguous"]);
    expect(await db.payment.count({ where: { order: { number } } })).toBe(1);
  });

  it("reads a transfer the buyer reports", async () => {
    const world = await createWorld();
    const number = await confirmedOrder(world);
    const form = {
      intent: "transfer",
      amount: "250 rb",
      reference: "BRI 8812",
      idempotencyKey: "money-transfer-1",
    };
    const response = await callAction(
      buyerOrderAction,
      await request(`/pesanan/${number}`, { userId: world.buyer.buyer.id, form }),
      { number },
    );
    expect(statusOf(response)).toBe(302);
    expect(
      (await db.payment.findFirstOrThrow({ where: { order: { number } }, select: { amount: true } })).amount,
    ).toBe(250_000);
  });

  it("reads a credit limit the TKM team sets", async () => {
    const world = await createWorld();
    const officer = await createTkmOfficer(world.areas.districtA.id);
    const form = {
      businessId: world.buyer.business.id,
      verified: "on",
      termDays: "30",
      creditLimit: "1,5 jt",
    };
    expect(
      statusOf(
        await callAction(termsAction, await request("/tkm/pembeli", { userId: officer.officer.id, form })),
      ),
    ).toBe(302);
    expect(
      (
        await db.business.findUniqueOrThrow({
          where: { id: world.buyer.business.id },
          select: { creditLimit: true },
        })
      ).creditLimit,
    ).toBe(1_500_000);
  });

  it("reads the price of goods placed on konsinyasi", async () => {
    const world = await createWorld();
    const form = {
      intent: "place",
      productId: world.product.id,
      businessId: world.buyer.business.id,
      quantity: "20",
      unitPrice: "Rp 27.500",
      commissionPct: "20",
    };
    const response = await callAction(
      groupConsignmentAction,
      await request("/kelola/konsinyasi", { userId: world.home.manager.id, form }),
    );
    expect(statusOf(response)).toBe(302);
    expect(
      (
        await db.consignmentPlacement.findFirstOrThrow({
          where: { businessId: world.buyer.business.id },
          select: { unitPrice: true },
        })
      ).unitPrice,
    ).toBe(27_500);
  });
});
