import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/.server/db/client";
import { transitionOrder } from "~/.server/orders/orders";
import { proposeChange } from "~/.server/orders/proposals";
import { paymentOptions } from "~/.server/payments/methods";
import { createStripeProvider, setCardProviderForTests } from "~/.server/payments/stripe";
import { action as webhookAction } from "~/routes/webhooks.stripe";
import { action as groupOrderAction } from "~/routes/kelola.pesanan.$number";
import { action as buyerOrderAction, loader as buyerOrderLoader } from "~/routes/pesanan.$number";
import { createWorld } from "../helpers/factories";
import { SECRET_KEY, startFakeStripe, WEBHOOK_SECRET, type FakeStripe } from "../helpers/fake-stripe";
import { orderNow } from "../helpers/orders";
import { callAction, callLoader, ORIGIN, request, statusOf } from "../helpers/requests";

// The real Stripe SDK against a local fake Stripe; webhooks signed with the SDK's test helper.

let stripe: FakeStripe;
beforeAll(async () => {
  stripe = await startFakeStripe();
});
afterAll(async () => {
  setCardProviderForTests(undefined);
  await stripe.close();
});
afterEach(() => {
  stripe.setFailing(false);
  setCardProviderForTests(
    createStripeProvider({ secretKey: SECRET_KEY, webhookSecret: WEBHOOK_SECRET, apiUrl: stripe.apiUrl }),
  );
});

type World = Awaited<ReturnType<typeof createWorld>>;

async function confirmedCardOrder(world: World, quantity = 10) {
  setCardProviderForTests(
    createStripeProvider({ secretKey: SECRET_KEY, webhookSecret: WEBHOOK_SECRET, apiUrl: stripe.apiUrl }),
  );
  const placed = await orderNow(world.buyer, world.product.id, quantity, { paymentMethod: "CARD" });
  if (!placed.ok || !("numbers" in placed)) throw new Error(JSON.stringify(placed));
  const number = placed.numbers[0]!;
  await transitionOrder(
    { party: "group", groupId: world.home.group.id },
    world.home.manager.id,
    number,
    "confirm",
    undefined,
  );
  return number;
}

async function payClick(world: World, number: string) {
  return callAction(
    buyerOrderAction,
    await request(`/pesanan/${number}`, { userId: world.buyer.buyer.id, form: { intent: "card" } }),
    { number },
  );
}

async function cancelAsBuyer(world: World, number: string) {
  return callAction(
    buyerOrderAction,
    await request(`/pesanan/${number}`, {
      userId: world.buyer.buyer.id,
      form: { intent: "transition", step: "cancel" },
    }),
    { number },
  );
}

/** The treasurer records money received by hand (a transfer seen in the account). */
async function recordByHand(world: World, number: string, amount: number, idempotencyKey: string) {
  return callAction(
    groupOrderAction,
    await request(`/kelola/pesanan/${number}`, {
      userId: world.home.manager.id,
      form: { intent: "payment", amount: String(amount), idempotencyKey },
    }),
    { number },
  );
}

async function deliver(delivery: { payload: string; signature: string }) {
  const req = new Request(`${ORIGIN}/webhooks/stripe`, {
    method: "POST",
    headers: { "Stripe-Signature": delivery.signature, "Content-Type": "application/json" },
    body: delivery.payload,
  });
  return callAction(webhookAction, req);
}

async function books(world: World, number: string) {
  const order = await db.order.findUniqueOrThrow({
    where: { number },
    select: { id: true, status: true, amountPaid: true, paymentStatus: true },
  });
  const [payments, entries, events] = await Promise.all([
    db.payment.findMany({
      where: { orderId: order.id },
      orderBy: { createdAt: "asc" },
      select: { state: true, amount: true, refundedAmount: true },
    }),
    db.cashEntry.findMany({
      where: { groupId: world.home.group.id },
      orderBy: [{ createdAt: "asc" }, { amount: "asc" }],
      select: { kind: true, category: true, amount: true, reversesId: true },
    }),
    db.orderEvent.findMany({
      where: { orderId: order.id, type: { in: ["payment", "refund", "payment_failed"] } },
      select: { type: true },
    }),
  ]);
  // Income first (the refunds reverse it), then in the order they were written.
  const incomeFirst = [...entries].sort((a, b) => Number(a.kind !== "INCOME") - Number(b.kind !== "INCOME"));
  return { order, payments, entries: incomeFirst, events: events.map((e) => e.type) };
}

describe("card payment by Stripe Checkout", () => {
  it("is offered only when Stripe is configured", async () => {
    const world = await createWorld();
    setCardProviderForTests(null);
    expect((await paymentOptions(world.buyer.business.id)).methods).not.toContain("CARD");
    const req = new Request(`${ORIGIN}/webhooks/stripe`, { method: "POST", body: "{}" });
    expect(statusOf(await callAction(webhookAction, req))).toBe(404);
    setCardProviderForTests(
      createStripeProvider({ secretKey: SECRET_KEY, webhookSecret: WEBHOOK_SECRET, apiUrl: stripe.apiUrl }),
    );
    expect((await paymentOptions(world.buyer.business.id)).methods).toContain("CARD");
  });

  it("sends the amount due in Stripe's IDR units with an idempotency key, and a second tap resumes the same session", async () => {
    const world = await createWorld();
    const number = await confirmedCardOrder(world); // 10 × Rp25.000
    const first = await payClick(world, number);
    expect(statusOf(first)).toBe(302);
    const location = (first as Response).headers.get("Location") ?? "";
    expect(location).toMatch(/^https:\/\/checkout\.stripe\.test\/pay\/cs_test_/);
    const created = stripe.requests.filter((r) => r.method === "POST" && r.path === "/v1/checkout/sessions");
    expect(created).toHaveLength(1);
    expect(created[0]?.body.get("line_items[0][price_data][unit_amount]")).toBe("25000000"); // Rp250.000 × 100
    expect(created[0]?.body.get("line_items[0][price_data][currency]")).toBe("idr");
    expect(created[0]?.idempotencyKey).toMatch(/^jejaring-payment-/);
    expect(created[0]?.body.get("success_url")).toBe(`${ORIGIN}/pesanan/${number}?kartu=selesai`);

    const second = await payClick(world, number);
    expect((second as Response).headers.get("Location")).toBe(location);
    expect(
      stripe.requests.filter((r) => r.method === "POST" && r.path === "/v1/checkout/sessions"),
    ).toHaveLength(1);
    expect(await db.payment.count({ where: { order: { number } } })).toBe(1);
  });

  it("records one payment and one cash-book line however many times, and in whatever order, the webhooks come", async () => {
    const world = await createWorld();
    const number = await confirmedCardOrder(world);
    await payClick(world, number);
    const session = [...stripe.sessions.values()].find((s) => s.client_reference_id === number)!;
    stripe.decline(session.id);
    const declined = stripe.failedEvent(session.id);
    stripe.pay(session.id);
    const completed = stripe.completedEvent(session.id);
    // Every event twice, the failure last; the same delivery also at the same moment.
    const responses = await Promise.all([deliver(completed), deliver(completed)]);
    responses.push(await deliver(declined), await deliver(completed), await deliver(declined));
    expect(responses.map(statusOf)).toEqual([200, 200, 200, 200, 200]);

    const after = await books(world, number);
    expect(after.order).toMatchObject({ amountPaid: 250_000, paymentStatus: "PAID", status: "CONFIRMED" });
    expect(after.payments).toEqual([{ state: "SUCCEEDED", amount: 250_000, refundedAmount: 0 }]);
    expect(after.entries).toEqual([{ kind: "INCOME", category: "ORDER", amount: 250_000, reversesId: null }]);
    expect(after.events.sort()).toEqual(["payment", "payment_failed"]);
    expect(await db.providerEvent.count({ where: { processedAt: { not: null } } })).toBeGreaterThanOrEqual(2);
  });

  it("closes an open session before the buyer cancels, so nothing can be paid on a cancelled order", async () => {
    const world = await createWorld();
    const number = await confirmedCardOrder(world);
    expect(statusOf(await payClick(world, number))).toBe(302);
    const session = [...stripe.sessions.values()].find((s) => s.client_reference_id === number)!;
    expect(statusOf(await cancelAsBuyer(world, number))).toBe(302);
    expect(stripe.sessions.get(session.id)?.status).toBe("expired");
    const after = await books(world, number);
    expect(after.order).toMatchObject({ status: "CANCELLED", amountPaid: 0 });
    expect(after.payments).toEqual([{ state: "FAILED", amount: 250_000, refundedAmount: 0 }]);
    expect(after.entries).toEqual([]);
  });

  it("refuses the cancellation when the buyer paid before the webhook came, and books the money", async () => {
    const world = await createWorld();
    const number = await confirmedCardOrder(world);
    await payClick(world, number);
    const session = [...stripe.sessions.values()].find((s) => s.client_reference_id === number)!;
    stripe.pay(session.id); // paid at Stripe; the webhook is still on its way
    const refused = await cancelAsBuyer(world, number);
    expect(statusOf(refused)).toBe(400);
    expect(JSON.stringify(await (refused as Response).json())).toContain("order.cancel_paid");
    const after = await books(world, number);
    expect(after.order).toMatchObject({ status: "CONFIRMED", amountPaid: 250_000, paymentStatus: "PAID" });
    expect(after.entries).toEqual([{ kind: "INCOME", category: "ORDER", amount: 250_000, reversesId: null }]);
  });

  it("refuses the cancellation while an open session cannot be closed (Stripe out of reach)", async () => {
    const world = await createWorld();
    const number = await confirmedCardOrder(world);
    await payClick(world, number);
    stripe.setFailing(true);
    const refused = await cancelAsBuyer(world, number);
    expect(statusOf(refused)).toBe(400);
    expect(JSON.stringify(await (refused as Response).json())).toContain("order.cancel_card_open");
    expect((await books(world, number)).order).toMatchObject({ status: "CONFIRMED", amountPaid: 0 });
  });

  it("refuses money recorded by hand while an open session for it cannot be closed (Stripe out of reach)", async () => {
    const world = await createWorld();
    const number = await confirmedCardOrder(world);
    await payClick(world, number);
    stripe.setFailing(true);
    const refused = await recordByHand(world, number, 250_000, "cash-at-the-door");
    expect(statusOf(refused)).toBe(400);
    expect(JSON.stringify(await (refused as Response).json())).toContain("payment.card_open");
    const after = await books(world, number);
    expect(after.order).toMatchObject({ status: "CONFIRMED", amountPaid: 0 });
    expect(after.payments).toEqual([{ state: "PENDING", amount: 250_000, refundedAmount: 0 }]);
    expect(after.entries).toEqual([]);
  });

  it("refuses a lower price while an open session for the old total cannot be closed (Stripe out of reach)", async () => {
    const world = await createWorld();
    const number = await confirmedCardOrder(world); // 10 × Rp25.000
    const item = await db.orderItem.findFirstOrThrow({ where: { order: { number } }, select: { id: true } });
    const proposed = await proposeChange(world.home.group.id, world.home.manager.id, number, {
      lines: { [item.id]: { quantity: 10, unitPrice: 20_000 } },
      reason: "Harga bahan turun",
    });
    expect(proposed).toEqual({ ok: true });
    const proposal = await db.orderProposal.findFirstOrThrow({
      where: { order: { number } },
      select: { id: true },
    });
    await payClick(world, number);
    stripe.setFailing(true);
    const refused = await callAction(
      buyerOrderAction,
      await request(`/pesanan/${number}`, {
        userId: world.buyer.buyer.id,
        form: { intent: "answer_proposal", proposalId: proposal.id, answer: "accept" },
      }),
      { number },
    );
    expect(statusOf(refused)).toBe(400);
    expect(JSON.stringify(await (refused as Response).json())).toContain("payment.card_open");
    const order = await db.order.findUniqueOrThrow({ where: { number }, select: { total: true } });
    expect(order.total).toBe(250_000);
    expect(await db.orderProposal.count({ where: { id: proposal.id, status: "PENDING" } })).toBe(1);
  });

  it("takes a refund back out of the books with a reversing entry, once, even when it arrives before the payment", async () => {
    const world = await createWorld();
    const number = await confirmedCardOrder(world);
    await payClick(world, number);
    const session = [...stripe.sessions.values()].find((s) => s.client_reference_id === number)!;
    stripe.pay(session.id);
    const completed = stripe.completedEvent(session.id);
    stripe.refund(session.id, 100_000);
    const refunded = stripe.refundedEvent(session.id);
    for (const delivery of [refunded, completed, refunded, completed])
      expect(statusOf(await deliver(delivery))).toBe(200);

    const partly = await books(world, number);
    expect(partly.order).toMatchObject({ amountPaid: 150_000, paymentStatus: "PARTIALLY_PAID" });
    expect(partly.payments).toEqual([{ state: "SUCCEEDED", amount: 250_000, refundedAmount: 100_000 }]);
    const income = await db.cashEntry.findFirstOrThrow({
      where: { groupId: world.home.group.id, kind: "INCOME" },
    });
    expect(partly.entries).toEqual([
      { kind: "INCOME", category: "ORDER", amount: 250_000, reversesId: null },
      { kind: "EXPENSE", category: "REFUND", amount: 100_000, reversesId: income.id },
    ]);

    // The rest refunded later: a second reversing entry for the rest, the payment marked refunded.
    stripe.refund(session.id, 150_000);
    const rest = stripe.refundedEvent(session.id);
    await Promise.all([deliver(rest), deliver(rest)]);
    const whole = await books(world, number);
    expect(whole.order).toMatchObject({ amountPaid: 0, paymentStatus: "REFUNDED" });
    expect(whole.payments).toEqual([{ state: "REFUNDED", amount: 250_000, refundedAmount: 250_000 }]);
    expect(whole.entries.filter((e) => e.category === "REFUND").map((e) => e.amount)).toEqual([
      100_000, 150_000,
    ]);
  });

  it("marks an attempt that expired unpaid, and the next tap starts a new one", async () => {
    const world = await createWorld();
    const number = await confirmedCardOrder(world);
    const first = (await payClick(world, number)) as Response;
    const session = [...stripe.sessions.values()].find((s) => s.client_reference_id === number)!;
    stripe.expire(session.id);
    await deliver(stripe.expiredEvent(session.id));
    await deliver(stripe.expiredEvent(session.id));
    expect((await books(world, number)).payments).toEqual([
      { state: "FAILED", amount: 250_000, refundedAmount: 0 },
    ]);
    const second = (await payClick(world, number)) as Response;
    expect(second.headers.get("Location")).not.toBe(first.headers.get("Location"));
    expect(await db.payment.count({ where: { order: { number }, state: "PENDING" } })).toBe(1);
  });

  it("closes an open session when what is due changed, and the next tap asks for the new amount", async () => {
    const world = await createWorld();
    const number = await confirmedCardOrder(world); // Rp250.000 due
    const first = (await payClick(world, number)) as Response;
    const session = [...stripe.sessions.values()].find((s) => s.client_reference_id === number)!;
    // The buyer sent Rp100.000 by bank transfer meanwhile; the treasurer records it, which closes
    // the session for Rp250.000 (paid on top, it would pass the total).
    expect(statusOf(await recordByHand(world, number, 100_000, "transfer-meanwhile"))).toBe(302);
    expect(stripe.sessions.get(session.id)?.status).toBe("expired");
    const second = (await payClick(world, number)) as Response;
    expect(second.status).toBe(302);
    expect(second.headers.get("Location")).not.toBe(first.headers.get("Location"));
    expect(stripe.sessions.get(session.id)?.status).toBe("expired");
    const created = stripe.requests.filter((r) => r.method === "POST" && r.path === "/v1/checkout/sessions");
    expect(created.at(-1)?.body.get("line_items[0][price_data][unit_amount]")).toBe("15000000");
    expect((await books(world, number)).payments).toEqual([
      { state: "FAILED", amount: 250_000, refundedAmount: 0 },
      { state: "SUCCEEDED", amount: 100_000, refundedAmount: 0 },
      { state: "PENDING", amount: 150_000, refundedAmount: 0 },
    ]);
  });

  it("shows the outcome when the buyer comes back, before any webhook", async () => {
    const world = await createWorld();
    const number = await confirmedCardOrder(world);
    await payClick(world, number);
    const session = [...stripe.sessions.values()].find((s) => s.client_reference_id === number)!;
    stripe.pay(session.id);
    const data = (await callLoader(
      buyerOrderLoader,
      await request(`/pesanan/${number}?kartu=selesai`, { userId: world.buyer.buyer.id }),
      { number },
    )) as { order: { paymentStatus: string }; card: string; canPayByCard: boolean };
    expect(data).toMatchObject({ card: "selesai", canPayByCard: false, order: { paymentStatus: "PAID" } });
    // The webhook that follows changes nothing more.
    await deliver(stripe.completedEvent(session.id));
    expect((await books(world, number)).entries).toHaveLength(1);
  });

  it("refuses a forged or altered webhook and records nothing", async () => {
    const world = await createWorld();
    const number = await confirmedCardOrder(world);
    await payClick(world, number);
    const session = [...stripe.sessions.values()].find((s) => s.client_reference_id === number)!;
    stripe.pay(session.id);
    const genuine = stripe.completedEvent(session.id);
    const altered = {
      payload: genuine.payload.replace('"livemode":false', '"livemode":true'),
      signature: genuine.signature,
    };
    expect(statusOf(await deliver(altered))).toBe(400);
    expect(statusOf(await deliver({ payload: genuine.payload, signature: "t=1,v1=deadbeef" }))).toBe(400);
    expect(await db.providerEvent.count({ where: { id: JSON.parse(genuine.payload).id } })).toBe(0);
    expect((await books(world, number)).payments).toEqual([
      { state: "PENDING", amount: 250_000, refundedAmount: 0 },
    ]);
    // Events we do not act on are acknowledged, so Stripe stops sending them.
    expect(statusOf(await deliver(stripe.otherEvent()))).toBe(200);
  });

  it("says so when Stripe cannot be reached, charges nothing, and lets the buyer try again", async () => {
    const world = await createWorld();
    const number = await confirmedCardOrder(world);
    stripe.setFailing(true);
    const response = await payClick(world, number);
    expect(statusOf(response)).toBe(400);
    expect((await books(world, number)).payments).toEqual([
      { state: "FAILED", amount: 250_000, refundedAmount: 0 },
    ]);
    stripe.setFailing(false);
    expect(statusOf(await payClick(world, number))).toBe(302);
  });

  it("is not for an order still waiting for the group, nor for another business's order", async () => {
    const world = await createWorld();
    setCardProviderForTests(
      createStripeProvider({ secretKey: SECRET_KEY, webhookSecret: WEBHOOK_SECRET, apiUrl: stripe.apiUrl }),
    );
    const placed = await orderNow(world.buyer, world.product.id, 10, { paymentMethod: "CARD" });
    if (!placed.ok || !("numbers" in placed)) throw new Error("order failed");
    const number = placed.numbers[0]!;
    expect(statusOf(await payClick(world, number))).toBe(400);
    const stranger = await callAction(
      buyerOrderAction,
      await request(`/pesanan/${number}`, { userId: world.otherBuyer.buyer.id, form: { intent: "card" } }),
      { number },
    );
    expect(statusOf(stranger)).toBe(404);
    expect(await db.payment.count({ where: { order: { number } } })).toBe(0);
  });
});
