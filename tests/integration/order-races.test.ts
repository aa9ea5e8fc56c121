import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addToCart } from "~/.server/cart/cart";
import { db } from "~/.server/db/client";
import { transitionOrder } from "~/.server/orders/orders";
import { createStripeProvider, setCardProviderForTests } from "~/.server/payments/stripe";
import { action as groupOrderAction } from "~/routes/kelola.pesanan.$number";
import { action as shopAction } from "~/routes/konsinyasi";
import { action as groupConsignmentAction } from "~/routes/kelola.konsinyasi";
import { action as buyerOrderAction } from "~/routes/pesanan.$number";
import { action as webhookAction } from "~/routes/webhooks.stripe";
import { createProduct, createWorld } from "../helpers/factories";
import { SECRET_KEY, startFakeStripe, WEBHOOK_SECRET, type FakeStripe } from "../helpers/fake-stripe";
import { checkoutCart, orderNow, placedOrderNumber } from "../helpers/orders";
import { callAction, ORIGIN, request, statusOf } from "../helpers/requests";

// Two people acting on one order at the same moment, each request checking a different field.
// SQLite serialises writers, so there these pass either way; on PostgreSQL (CI runs the suite on
// both) they failed in most tries before every order change took the order's row lock first
// (decision 008). Each race is run TRIES times on fresh orders; the requests are built first (the
// sessions written), then both actions run at once, in two transactions on two connections.

const TRIES = 10;
const PIECES = 12;
const PRICE = 25_000; // createProduct's default price

type World = Awaited<ReturnType<typeof createWorld>>;

async function confirmedOrders(world: World, count: number, paymentMethod?: "CARD") {
  const product = await createProduct(world.home.group.id, world.category.id, { stock: 1_000 });
  const numbers: string[] = [];
  for (let i = 0; i < count; i++) {
    const number = paymentMethod
      ? await orderNow(world.buyer, product.id, PIECES, { paymentMethod }).then((placed) =>
          placed.ok && "numbers" in placed ? placed.numbers[0]! : String(placed.ok),
        )
      : await placedOrderNumber(world.buyer, product.id, PIECES);
    const confirmed = await transitionOrder(
      { party: "group", groupId: world.home.group.id },
      world.home.manager.id,
      number,
      "confirm",
    );
    expect(confirmed).toEqual({ ok: true, status: "CONFIRMED" });
    numbers.push(number);
  }
  return { product, numbers };
}

async function itemIdOf(number: string) {
  return (await db.orderItem.findFirstOrThrow({ where: { order: { number } }, select: { id: true } })).id;
}

/** The group proposes a lower unit price on the order's one line; the proposal's id. */
async function proposeLowerPrice(world: World, number: string) {
  const itemId = await itemIdOf(number);
  const proposed = await (
    await asGroup(world, number, {
      intent: "propose",
      [`lines.${itemId}.quantity`]: String(PIECES),
      [`lines.${itemId}.unitPrice`]: String(PRICE - 5_000),
      reason: "Harga bahan turun",
    })
  )();
  expect(statusOf(proposed)).toBe(302);
  const { id } = await db.orderProposal.findFirstOrThrow({
    where: { order: { number } },
    select: { id: true },
  });
  return id;
}

const asBuyer = (world: World, number: string, form: Record<string, string>) =>
  request(`/pesanan/${number}`, { userId: world.buyer.buyer.id, form }).then(
    (req) => () => callAction(buyerOrderAction, req, { number }),
  );
const asGroup = (world: World, number: string, form: Record<string, string>) =>
  request(`/kelola/pesanan/${number}`, { userId: world.home.manager.id, form }).then(
    (req) => () => callAction(groupOrderAction, req, { number }),
  );
const payment = (amount: number) => ({
  intent: "payment",
  amount: String(amount),
  idempotencyKey: randomUUID(),
});

/** Runs two prepared requests at the same moment; their response statuses. */
async function race(first: () => Promise<unknown>, second: () => Promise<unknown>) {
  return (await Promise.all([first(), second()])).map(statusOf);
}

/** What must hold of an order whatever happened to it, read from the raw rows. */
async function expectOrderHolds(number: string) {
  const order = await db.order.findUniqueOrThrow({
    where: { number },
    select: {
      id: true,
      status: true,
      total: true,
      subtotal: true,
      deliveryFee: true,
      amountPaid: true,
      paymentStatus: true,
      items: { select: { quantity: true, quantityShipped: true, unitPrice: true, lineTotal: true } },
      payments: {
        where: { state: { in: ["SUCCEEDED", "REFUNDED"] } },
        select: { amount: true, refundedAmount: true },
      },
    },
  });
  const entries = await db.cashEntry.findMany({
    where: { OR: [{ payment: { orderId: order.id } }, { reverses: { payment: { orderId: order.id } } }] },
    select: { kind: true, amount: true },
  });
  const received = order.payments.reduce((sum, p) => sum + p.amount - p.refundedAmount, 0);
  const booked = entries.reduce((sum, e) => sum + (e.kind === "INCOME" ? e.amount : -e.amount), 0);
  const facts = {
    number,
    status: order.status,
    total: order.total,
    amountPaid: order.amountPaid,
    paymentStatus: order.paymentStatus,
  };
  // The cash book equals payments less refunds, and both equal what the order says it was paid.
  expect({ ...facts, received, booked }).toEqual({
    ...facts,
    received: order.amountPaid,
    booked: order.amountPaid,
  });
  // A cancelled order holds no unrefunded money.
  if (order.status === "CANCELLED") expect(facts).toMatchObject({ amountPaid: 0 });
  // Amount paid never exceeds the total, and the payment status says what the numbers say.
  expect(order.amountPaid, `${number} paid more than its total`).toBeLessThanOrEqual(order.total);
  const status =
    order.amountPaid === 0 ? "UNPAID" : order.amountPaid >= order.total ? "PAID" : "PARTIALLY_PAID";
  expect(facts).toMatchObject({ paymentStatus: status });
  // What is billed is what the lines say, and no line ships more than was ordered.
  expect(order.subtotal).toBe(order.items.reduce((sum, item) => sum + item.lineTotal, 0));
  expect(order.total).toBe(order.subtotal + order.deliveryFee);
  for (const item of order.items) {
    expect(item.lineTotal).toBe(item.quantity * item.unitPrice);
    expect(item.quantityShipped, `${number} shipped more than ordered`).toBeLessThanOrEqual(item.quantity);
  }
  return order;
}

describe("two changes to one order at the same moment", () => {
  it("the buyer cancels while the treasurer records the full payment: exactly one of them happens", async () => {
    const world = await createWorld();
    const { product, numbers } = await confirmedOrders(world, TRIES);
    for (const number of numbers) {
      const cancel = await asBuyer(world, number, { intent: "transition", step: "cancel" });
      const pay = await asGroup(world, number, payment(PIECES * PRICE));
      expect((await race(cancel, pay)).sort()).toEqual([302, 400]);
      const order = await expectOrderHolds(number);
      expect(["CANCELLED", "CONFIRMED"]).toContain(order.status);
      expect(order.amountPaid).toBe(order.status === "CANCELLED" ? 0 : PIECES * PRICE);
    }
    // Stock went back exactly for the cancelled ones.
    const cancelled = await db.order.count({ where: { number: { in: numbers }, status: "CANCELLED" } });
    const { stock } = await db.product.findUniqueOrThrow({
      where: { id: product.id },
      select: { stock: true },
    });
    expect(stock).toBe(1_000 - (TRIES - cancelled) * PIECES);
  });

  it("the buyer accepts a lower price while the treasurer records the old total: never paid beyond the total", async () => {
    const world = await createWorld();
    const { numbers } = await confirmedOrders(world, TRIES);
    for (const number of numbers) {
      const id = await proposeLowerPrice(world, number);
      const accept = await asBuyer(world, number, {
        intent: "answer_proposal",
        proposalId: id,
        answer: "accept",
      });
      const pay = await asGroup(world, number, payment(PIECES * PRICE));
      expect((await race(accept, pay)).sort()).toEqual([302, 400]);
      const order = await expectOrderHolds(number);
      expect([PIECES * PRICE, PIECES * (PRICE - 5_000)]).toContain(order.total);
    }
  });

  it("the buyer accepts 12 → 6 pieces while the group ships 12: what is billed is what was shipped", async () => {
    const world = await createWorld();
    const { numbers } = await confirmedOrders(world, TRIES);
    for (const number of numbers) {
      const itemId = await itemIdOf(number);
      const proposed = await (
        await asGroup(world, number, {
          intent: "propose",
          [`lines.${itemId}.quantity`]: "6",
          [`lines.${itemId}.unitPrice`]: String(PRICE),
          reason: "Bahan hanya cukup untuk 6",
        })
      )();
      expect(statusOf(proposed)).toBe(302);
      const { id } = await db.orderProposal.findFirstOrThrow({
        where: { order: { number } },
        select: { id: true },
      });
      const accept = await asBuyer(world, number, {
        intent: "answer_proposal",
        proposalId: id,
        answer: "accept",
      });
      const ship = await asGroup(world, number, {
        intent: "transition",
        step: "ship",
        [`quantities.${itemId}`]: String(PIECES),
      });
      expect((await race(accept, ship)).sort()).toEqual([302, 400]);
      const order = await expectOrderHolds(number);
      const [item] = order.items;
      // Either the proposal stood (6 ordered, nothing shipped) or the shipment did (12 and 12).
      expect([
        { quantity: 6, quantityShipped: 0 },
        { quantity: PIECES, quantityShipped: PIECES },
      ]).toContainEqual({ quantity: item?.quantity, quantityShipped: item?.quantityShipped });
    }
  });

  it("the buyer cancels while the treasurer confirms the transfer the buyer reported: never both", async () => {
    const world = await createWorld();
    const { numbers } = await confirmedOrders(world, TRIES);
    for (const number of numbers) {
      const reported = await (
        await asBuyer(world, number, {
          intent: "transfer",
          amount: String(PIECES * PRICE),
          reference: "BCA 0412",
          idempotencyKey: randomUUID(),
        })
      )();
      expect(statusOf(reported)).toBe(302);
      const { id: paymentId } = await db.payment.findFirstOrThrow({
        where: { order: { number } },
        select: { id: true },
      });
      const cancel = await asBuyer(world, number, { intent: "transition", step: "cancel" });
      const confirm = await asGroup(world, number, {
        intent: "review_transfer",
        paymentId,
        decision: "confirm",
      });
      expect((await race(cancel, confirm)).sort()).toEqual([302, 400]);
      await expectOrderHolds(number);
    }
  });

  it("two treasurers record payments that together pass the total: the second is refused", async () => {
    const world = await createWorld();
    const { numbers } = await confirmedOrders(world, TRIES);
    for (const number of numbers) {
      const first = await asGroup(world, number, payment(200_000));
      const second = await asGroup(world, number, payment(200_000));
      expect((await race(first, second)).sort()).toEqual([302, 400]);
      expect((await expectOrderHolds(number)).amountPaid).toBe(200_000);
    }
  });

  it("the buyer cancels while the group starts production: the order ends in one of the two", async () => {
    const world = await createWorld();
    const { numbers } = await confirmedOrders(world, TRIES);
    for (const number of numbers) {
      const cancel = await asBuyer(world, number, { intent: "transition", step: "cancel" });
      const start = await asGroup(world, number, { intent: "transition", step: "start_production" });
      expect((await race(cancel, start)).sort()).toEqual([302, 400]);
      const events = await db.orderEvent.count({
        where: { order: { number }, type: "status", toStatus: { in: ["CANCELLED", "IN_PRODUCTION"] } },
      });
      expect(events).toBe(1);
    }
  });
});

describe("changes to two orders sharing products at the same moment", () => {
  // Stock goes back (or out) product by product; two orders doing so in opposite orders would wait
  // on each other crosswise, and PostgreSQL would abort one as a deadlock. Decision 008: products
  // by id ascending, whatever order the lines were put in the cart.
  it("the buyer takes a proposal for more of two products on one order while cancelling another: both happen", async () => {
    const world = await createWorld();
    const first = await createProduct(world.home.group.id, world.category.id, { stock: 1_000 });
    const second = await createProduct(world.home.group.id, world.category.id, { stock: 1_000 });
    const [low, high] = [first, second].sort((a, b) => (a.id < b.id ? -1 : 1)) as [
      typeof first,
      typeof first,
    ];
    /** One order of both products, its lines in the order given. */
    async function orderOf(products: (typeof first)[]) {
      for (const product of products) {
        expect((await addToCart(world.buyer.business.id, product.id, PIECES)).ok).toBe(true);
      }
      const placed = await checkoutCart(world.buyer);
      if (!placed.ok || !("numbers" in placed) || !placed.numbers[0]) throw new Error(JSON.stringify(placed));
      return placed.numbers[0];
    }
    for (let i = 0; i < TRIES; i++) {
      const growing = await orderOf([high, low]);
      const cancelled = await orderOf([low, high]);
      const items = await db.orderItem.findMany({
        where: { order: { number: growing } },
        select: { id: true },
      });
      const more = Object.fromEntries(
        items.flatMap((item) => [
          [`lines.${item.id}.quantity`, String(PIECES + 1)],
          [`lines.${item.id}.unitPrice`, String(PRICE)],
        ]),
      );
      const proposed = await (
        await asGroup(world, growing, { intent: "propose", ...more, reason: "Sisa bahan" })
      )();
      expect(statusOf(proposed)).toBe(302);
      const { id: proposalId } = await db.orderProposal.findFirstOrThrow({
        where: { order: { number: growing } },
        select: { id: true },
      });
      const accept = await asBuyer(world, growing, {
        intent: "answer_proposal",
        proposalId,
        answer: "accept",
      });
      const cancel = await asBuyer(world, cancelled, { intent: "transition", step: "cancel" });
      expect(await race(accept, cancel)).toEqual([302, 302]);
      await expectOrderHolds(growing);
      await expectOrderHolds(cancelled);
    }
    // Each try left one order of PIECES + 1 of each product; the cancelled ones gave theirs back.
    for (const product of [low, high]) {
      const { stock } = await db.product.findUniqueOrThrow({
        where: { id: product.id },
        select: { stock: true },
      });
      expect(stock).toBe(1_000 - TRIES * (PIECES + 1));
    }
  });

  it("two buyers check out the same products, put in their carts in opposite orders: both orders are placed", async () => {
    const world = await createWorld();
    const products = [];
    for (let i = 0; i < 4; i++) {
      products.push(await createProduct(world.home.group.id, world.category.id, { stock: 1_000 }));
    }
    for (let i = 0; i < TRIES; i++) {
      for (const [buyer, inCart] of [
        [world.buyer, [...products].reverse()],
        [world.otherBuyer, products],
      ] as const) {
        for (const product of inCart) {
          expect((await addToCart(buyer.business.id, product.id, PIECES)).ok).toBe(true);
        }
      }
      const placed = await Promise.all([checkoutCart(world.buyer), checkoutCart(world.otherBuyer)]);
      expect(placed.map((result) => result.ok)).toEqual([true, true]);
    }
    for (const product of products) {
      const { stock } = await db.product.findUniqueOrThrow({
        where: { id: product.id },
        select: { stock: true },
      });
      expect(stock).toBe(1_000 - TRIES * 2 * PIECES);
    }
  });
});

describe("card money while what is due goes down", () => {
  // A Stripe session is opened for what was due then; the buyer may pay it later in the tab left
  // open. So what is due may only go down (a lower price accepted, money recorded by hand) once no
  // session for more can still be paid: it is closed first, as before a cancellation.
  let stripe: FakeStripe;
  beforeAll(async () => {
    stripe = await startFakeStripe();
    setCardProviderForTests(
      createStripeProvider({ secretKey: SECRET_KEY, webhookSecret: WEBHOOK_SECRET, apiUrl: stripe.apiUrl }),
    );
  });
  afterAll(async () => {
    setCardProviderForTests(undefined);
    await stripe.close();
  });

  async function openCardSession(world: World, number: string) {
    const opened = await (await asBuyer(world, number, { intent: "card" }))();
    expect(statusOf(opened)).toBe(302);
  }

  /**
   * The buyer pays, in the tab left open, every session of the order that Stripe still takes
   * (an expired one it refuses), and Stripe's webhook tells us. `afterMs` spreads the moment over
   * the tries, so the other request sometimes gets to Stripe first.
   */
  async function buyerPaysInOpenTab(number: string, afterMs = 0) {
    if (afterMs > 0) await new Promise((resolve) => setTimeout(resolve, afterMs * 5));
    for (const session of [...stripe.sessions.values()]) {
      if (session.client_reference_id !== number || session.status !== "open") continue;
      stripe.pay(session.id);
      const { payload, signature } = stripe.completedEvent(session.id);
      const delivered = await callAction(
        webhookAction,
        new Request(`${ORIGIN}/webhooks/stripe`, {
          method: "POST",
          headers: { "Stripe-Signature": signature, "Content-Type": "application/json" },
          body: payload,
        }),
      );
      expect(statusOf(delivered)).toBe(200);
    }
  }

  it("the buyer accepts a lower price while paying the old total in a card session: never paid beyond the total", async () => {
    const world = await createWorld();
    const { numbers } = await confirmedOrders(world, TRIES, "CARD");
    for (const [i, number] of numbers.entries()) {
      const proposalId = await proposeLowerPrice(world, number);
      await openCardSession(world, number);
      const accept = await asBuyer(world, number, {
        intent: "answer_proposal",
        proposalId,
        answer: "accept",
      });
      const [accepted] = await race(accept, () => buyerPaysInOpenTab(number, i));
      expect([302, 400]).toContain(accepted);
      await buyerPaysInOpenTab(number); // a session left open is paid later
      const order = await expectOrderHolds(number);
      // Either the lower price stood and the old session could not be paid, or the card paid first.
      expect([
        { total: PIECES * (PRICE - 5_000), amountPaid: 0 },
        { total: PIECES * PRICE, amountPaid: PIECES * PRICE },
      ]).toContainEqual({ total: order.total, amountPaid: order.amountPaid });
    }
  });

  it("the treasurer records the total by hand while the buyer pays it in a card session: never paid twice", async () => {
    const world = await createWorld();
    const { numbers } = await confirmedOrders(world, TRIES, "CARD");
    for (const [i, number] of numbers.entries()) {
      await openCardSession(world, number);
      const pay = await asGroup(world, number, payment(PIECES * PRICE));
      const [recorded] = await race(pay, () => buyerPaysInOpenTab(number, i));
      expect([302, 400]).toContain(recorded);
      await buyerPaysInOpenTab(number);
      expect((await expectOrderHolds(number)).amountPaid).toBe(PIECES * PRICE);
    }
  });
});

describe("konsinyasi reports at the same moment", () => {
  it("two reports that together use up a placement close it", async () => {
    const world = await createWorld();
    const product = await createProduct(world.home.group.id, world.category.id, { stock: 1_000 });
    for (let i = 0; i < TRIES; i++) {
      const placed = await (
        await request("/kelola/konsinyasi", {
          userId: world.home.manager.id,
          form: {
            intent: "place",
            productId: product.id,
            businessId: world.buyer.business.id,
            quantity: "10",
            unitPrice: "25000",
            commissionPct: "20",
          },
        }).then((req) => () => callAction(groupConsignmentAction, req))
      )();
      expect(statusOf(placed)).toBe(302);
      const placement = await db.consignmentPlacement.findFirstOrThrow({
        where: { productId: product.id, closedAt: null },
        orderBy: { placedAt: "desc" },
        select: { id: true },
      });
      const report = (sold: number) =>
        request("/konsinyasi", {
          userId: world.buyer.buyer.id,
          form: { placementId: placement.id, quantitySold: String(sold), quantityReturned: "0" },
        }).then((req) => () => callAction(shopAction, req));
      expect(await race(await report(5), await report(5))).toEqual([302, 302]);
      const after = await db.consignmentPlacement.findUniqueOrThrow({
        where: { id: placement.id },
        select: { quantityAccounted: true, closedAt: true, reports: { select: { quantitySold: true } } },
      });
      expect(after.quantityAccounted).toBe(10);
      expect(after.reports.map((r) => r.quantitySold)).toEqual([5, 5]);
      expect(after.closedAt, `placement ${i + 1} of ${TRIES} fully accounted but left open`).not.toBeNull();
    }
  });
});
