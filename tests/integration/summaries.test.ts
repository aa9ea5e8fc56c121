import { spawnSync } from "node:child_process";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  confirmConsignmentPayment,
  placeConsignment,
  reportConsignment,
} from "~/.server/consignment/consignment";
import { db, dbKind } from "~/.server/db/client";
import { addManualLine, reverseLine } from "~/.server/ledger/book";
import { transitionOrder } from "~/.server/orders/orders";
import { answerProposal, proposeChange } from "~/.server/orders/proposals";
import { recordPayment } from "~/.server/payments/record";
import { createStripeProvider, setCardProviderForTests } from "~/.server/payments/stripe";
import { reportTransfer, reviewTransfer } from "~/.server/payments/transfers";
import { summaryDifferences } from "~/.server/ledger/summaries-check";
import { bumpGroupBuyerMonth, bumpGroupMonth } from "~/.server/summaries/group-month";
import { rebuildSummaries } from "~/.server/ledger/summaries-rebuild";
import { action as buyerOrderAction } from "~/routes/pesanan.$number";
import { action as webhookAction } from "~/routes/webhooks.stripe";
import { addWibDays, wibDateKey } from "~/utils/delivery";
import { wibMonthKey } from "~/utils/time";
import { createProduct, createWorld } from "../helpers/factories";
import { SECRET_KEY, startFakeStripe, WEBHOOK_SECRET, type FakeStripe } from "../helpers/fake-stripe";
import { orderNow } from "../helpers/orders";
import { acceptForm, asBuyer, asGroup, quoteForm, quoteOf, quoteWorld } from "../helpers/quotes";
import { callAction, ORIGIN, request, statusOf } from "../helpers/requests";

// The (group, month) summaries GroupMonth and GroupBuyerMonth must equal the raw rows after every
// kind of write the app makes. The raw totals here are computed plainly, in JavaScript, from the
// orders and cash lines themselves (not with the summaries' own SQL), and the summaries' own check
// (summaries/check.ts, used by `npm run reconcile`) must agree as well.

type World = Awaited<ReturnType<typeof createWorld>>;
type Row = Record<string, number>;

const DAY = 24 * 60 * 60 * 1000;
const COSTS = ["MATERIALS", "TRANSPORT", "EQUIPMENT", "OTHER"];
const EARNED = ["ORDER", "CONSIGNMENT", "OTHER_SALES"];

/** Per "group|month" and "group|business|month": the figures straight from the raw rows. */
async function plainTotals(groupIds: string[]) {
  const [lines, orders] = await Promise.all([
    db.cashEntry.findMany({
      where: { groupId: { in: groupIds } },
      select: {
        id: true,
        groupId: true,
        kind: true,
        category: true,
        amount: true,
        occurredAt: true,
        reversesId: true,
      },
    }),
    db.order.findMany({
      where: { groupId: { in: groupIds } },
      select: {
        groupId: true,
        businessId: true,
        status: true,
        total: true,
        placedAt: true,
        deliveredAt: true,
        wantedBy: true,
        items: { select: { product: { select: { leadTimeDays: true } } } },
      },
    }),
  ]);
  const byId = new Map(lines.map((line) => [line.id, line]));
  const months = new Map<string, Row>();
  const links = new Map<string, Row>();
  const row = (groupId: string, month: string) => {
    const key = `${groupId}|${month}`;
    const found = months.get(key) ?? {
      earned: 0,
      costs: 0,
      orders: 0,
      salesValue: 0,
      delivered: 0,
      onTime: 0,
      buyers: 0,
    };
    months.set(key, found);
    return found;
  };
  for (const line of lines) {
    const target = row(line.groupId, wibMonthKey(line.occurredAt));
    if (EARNED.includes(line.category)) target.earned! += line.kind === "INCOME" ? line.amount : -line.amount;
    if (line.category === "REFUND" && line.kind === "EXPENSE") target.earned! -= line.amount;
    // Costs: expenses of a cost category, less the corrections that take one of them back.
    if (COSTS.includes(line.category) && line.kind === "EXPENSE" && !line.reversesId)
      target.costs! += line.amount;
    const reversed = line.reversesId ? byId.get(line.reversesId) : undefined;
    if (reversed && COSTS.includes(reversed.category) && reversed.kind === "EXPENSE")
      target.costs! -= line.amount;
  }
  for (const order of orders) {
    if (order.status !== "REJECTED" && order.status !== "CANCELLED") {
      const placed = row(order.groupId, wibMonthKey(order.placedAt));
      placed.orders! += 1;
      placed.salesValue! += order.total;
      const key = `${order.groupId}|${order.businessId}|${wibMonthKey(order.placedAt)}`;
      const link = links.get(key) ?? { orders: 0, value: 0 };
      // A business's first order of the month makes it one of the group's buyers that month.
      if (link.orders === 0) placed.buyers! += 1;
      link.orders! += 1;
      link.value! += order.total;
      links.set(key, link);
    }
    if (order.deliveredAt) {
      const delivered = row(order.groupId, wibMonthKey(order.deliveredAt));
      delivered.delivered! += 1;
      const lead = Math.max(0, ...order.items.map((item) => item.product.leadTimeDays));
      const due = order.wantedBy ?? new Date(order.placedAt.getTime() + (lead + 2) * DAY);
      if (order.deliveredAt.getTime() <= due.getTime()) delivered.onTime! += 1;
    }
  }
  const nonZero = (map: Map<string, Row>) =>
    Object.fromEntries([...map].filter(([, values]) => Object.values(values).some((v) => v !== 0)));
  return { months: nonZero(months), links: nonZero(links) };
}

/**
 * The same shape, read from the summary tables: GroupMonth rows of zeros left out; a
 * GroupBuyerMonth row is a link that traded, so one of zeros must not be there at all.
 */
async function keptTotals(groupIds: string[]) {
  const [months, links] = await Promise.all([
    db.groupMonth.findMany({ where: { groupId: { in: groupIds } } }),
    db.groupBuyerMonth.findMany({ where: { groupId: { in: groupIds } } }),
  ]);
  const keep = (values: Row) => Object.values(values).some((v) => v !== 0);
  return {
    months: Object.fromEntries(
      months
        .map(({ groupId, month, ...values }) => [`${groupId}|${month}`, values] as const)
        .filter(([, values]) => keep(values)),
    ),
    links: Object.fromEntries(
      links.map(
        ({ groupId, businessId, month, ...values }) => [`${groupId}|${businessId}|${month}`, values] as const,
      ),
    ),
  };
}

/** The summaries equal the raw rows for these groups (plainly, and by the summaries' own check). */
async function expectExact(groupIds: string[], after: string) {
  expect(await keptTotals(groupIds), after).toEqual(await plainTotals(groupIds));
  expect(await summaryDifferences(db, { groupIds }), after).toEqual([]);
}

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

async function deliver(delivery: { payload: string; signature: string }) {
  const req = new Request(`${ORIGIN}/webhooks/stripe`, {
    method: "POST",
    headers: { "Stripe-Signature": delivery.signature, "Content-Type": "application/json" },
    body: delivery.payload,
  });
  return callAction(webhookAction, req);
}

async function place(world: World, productId: string, quantity: number, now?: Date, paymentMethod?: "CARD") {
  const placed = await orderNow(world.buyer, productId, quantity, { now, paymentMethod });
  if (!placed.ok || !("numbers" in placed) || !placed.numbers[0]) {
    throw new Error(`order failed: ${JSON.stringify(placed)}`);
  }
  return placed.numbers[0];
}

function asHome(world: World) {
  const groupId = world.home.group.id;
  const managerId = world.home.manager.id;
  return {
    move: async (
      number: string,
      action: Parameters<typeof transitionOrder>[3],
      now?: Date,
      reason?: string,
    ) => {
      const moved = await transitionOrder(
        { party: "group", groupId },
        managerId,
        number,
        action,
        { reason },
        now,
      );
      expect(moved, `${action} ${number}`).toMatchObject({ ok: true });
    },
    line: async (input: {
      kind: "INCOME" | "EXPENSE";
      category: string;
      amount: number;
      daysAgo?: number;
    }) => {
      const saved = await addManualLine({ groupId }, managerId, {
        formKey: `line-${Math.random().toString(36).slice(2)}`,
        kind: input.kind,
        category: input.category,
        amount: input.amount,
        date: wibDateKey(new Date(Date.now() - (input.daysAgo ?? 0) * DAY)),
        description: input.category,
        giver: input.category === "AID" ? "DKUKM Kabupaten Bandung Barat" : undefined,
      });
      expect(saved).toMatchObject({ ok: true, duplicate: false });
      return db.cashEntry.findFirstOrThrow({
        where: { groupId, category: input.category as "OTHER" },
        orderBy: { createdAt: "desc" },
        select: { id: true },
      });
    },
    correct: async (entryId: string) => {
      const reversed = await reverseLine({ groupId }, managerId, {
        formKey: `fix-${Math.random().toString(36).slice(2)}`,
        entryId,
        reason: "Salah catat",
      });
      expect(reversed).toEqual({ ok: true, duplicate: false });
    },
  };
}

async function wantedByOf(number: string) {
  const order = await db.order.findUniqueOrThrow({ where: { number }, select: { wantedBy: true } });
  return order.wantedBy as Date;
}

async function payByCard(world: World, number: string) {
  await callAction(
    buyerOrderAction,
    await request(`/pesanan/${number}`, { userId: world.buyer.buyer.id, form: { intent: "card" } }),
    { number },
  );
  const session = [...stripe.sessions.values()]
    .filter((s) => s.client_reference_id === number && s.status === "open")
    .pop();
  if (!session) throw new Error(`no card session for ${number}`);
  stripe.pay(session.id);
  await deliver(stripe.completedEvent(session.id));
  return session;
}

describe("the (group, month) summaries", () => {
  it("equal the raw rows after every kind of order and cash-book write", async () => {
    const world = await createWorld();
    const groupIds = [world.home.group.id, world.other.group.id];
    const home = asHome(world);
    const product = await createProduct(world.home.group.id, world.category.id, {
      price: 20_000,
      minOrderQuantity: 1,
      stock: 10_000,
    });
    await expectExact(groupIds, "an empty world");

    // Placed through checkout, then confirmed; a second one in an earlier month.
    const a = await place(world, product.id, 3);
    await expectExact(groupIds, "checkout");
    await home.move(a, "confirm");
    await expectExact(groupIds, "confirm");
    const earlier = await place(world, product.id, 2, new Date(Date.now() - 45 * DAY));
    await expectExact(groupIds, "checkout in an earlier month");

    // Refused by the group; withdrawn by the buyer before paying.
    const refused = await place(world, product.id, 1);
    await home.move(refused, "reject", undefined, "Bahan habis");
    await expectExact(groupIds, "reject");
    const withdrawn = await place(world, product.id, 4);
    const cancelled = await transitionOrder(
      { party: "buyer", businessId: world.buyer.business.id },
      world.buyer.buyer.id,
      withdrawn,
      "cancel",
    );
    expect(cancelled).toMatchObject({ ok: true, status: "CANCELLED" });
    await expectExact(groupIds, "cancel before payment");
    // The only order of its month with this buyer, withdrawn: the link of that month is gone.
    const lone = await place(world, product.id, 1, new Date(Date.now() - 100 * DAY));
    await expectExact(groupIds, "checkout alone in its month");
    const loneCancelled = await transitionOrder(
      { party: "buyer", businessId: world.buyer.business.id },
      world.buyer.buyer.id,
      lone,
      "cancel",
    );
    expect(loneCancelled).toMatchObject({ ok: true, status: "CANCELLED" });
    await expectExact(groupIds, "the month's only order cancelled");

    // The treasurer records money; a transfer is reported and confirmed.
    const paid = await recordPayment(world.home.group.id, world.home.manager.id, a, {
      amount: 25_000,
      idempotencyKey: "pay-1",
    });
    expect(paid).toMatchObject({ ok: true });
    await expectExact(groupIds, "payment recorded");
    const reported = await reportTransfer(world.buyer.business.id, world.buyer.buyer.id, a, {
      amount: 20_000,
      reference: "TRF 1",
      idempotencyKey: "trf-1",
    });
    expect(reported).toMatchObject({ ok: true });
    const transfer = await db.payment.findFirstOrThrow({
      where: { idempotencyKey: { endsWith: "trf-1" }, state: "PENDING" },
      select: { id: true },
    });
    await reviewTransfer(
      { kind: "group", groupId: world.home.group.id, orderNumber: a },
      world.home.manager.id,
      transfer.id,
      "confirm",
    );
    await expectExact(groupIds, "transfer confirmed");

    // Paid by card, refunded in part, then in full, then cancelled after payment.
    const carded = await place(world, product.id, 5, undefined, "CARD");
    await home.move(carded, "confirm");
    const session = await payByCard(world, carded);
    await expectExact(groupIds, "card payment");
    stripe.refund(session.id, 30_000);
    const partly = stripe.refundedEvent(session.id);
    await deliver(partly);
    await deliver(partly); // delivered twice by the provider
    await expectExact(groupIds, "partial refund");
    stripe.refund(session.id, session.amount_total / 100 - 30_000);
    await deliver(stripe.refundedEvent(session.id));
    await expectExact(groupIds, "full refund");
    const afterRefund = await transitionOrder(
      { party: "buyer", businessId: world.buyer.business.id },
      world.buyer.buyer.id,
      carded,
      "cancel",
    );
    expect(afterRefund).toMatchObject({ ok: true, status: "CANCELLED" });
    await expectExact(groupIds, "cancel after payment and refund");

    // Delivered on time, and late (received after the wanted-by day), in the month it arrives.
    await home.move(a, "ship");
    await home.move(a, "mark_received");
    await expectExact(groupIds, "delivered on time");
    await home.move(earlier, "confirm", new Date(Date.now() - 44 * DAY));
    await home.move(earlier, "ship", new Date(Date.now() - 44 * DAY));
    const late = addWibDays(await wantedByOf(earlier), 3);
    await home.move(earlier, "mark_received", late.getTime() < Date.now() ? late : new Date());
    const lateOrder = await db.order.findUniqueOrThrow({
      where: { number: earlier },
      select: { deliveredAt: true },
    });
    expect(lateOrder.deliveredAt!.getTime()).toBeGreaterThan((await wantedByOf(earlier)).getTime());
    await expectExact(groupIds, "delivered late");

    // The group proposes a new price and quantity; the buyer accepts: a new total.
    const changed = await place(world, product.id, 10);
    const item = await db.orderItem.findFirstOrThrow({
      where: { order: { number: changed } },
      select: { id: true },
    });
    expect(
      await proposeChange(world.home.group.id, world.home.manager.id, changed, {
        lines: { [item.id]: { quantity: 12, unitPrice: 18_000 } },
        reason: "Diskon",
      }),
    ).toEqual({ ok: true });
    const proposal = await db.orderProposal.findFirstOrThrow({ where: { order: { number: changed } } });
    expect(
      await answerProposal(world.buyer.business.id, world.buyer.buyer.id, changed, proposal.id, "accept"),
    ).toEqual({ ok: true });
    expect((await db.order.findUniqueOrThrow({ where: { number: changed } })).total).toBe(216_000);
    await expectExact(groupIds, "proposal accepted");

    // The officers' own lines and their corrections: costs, other sales, aid, equipment sold.
    const materials = await home.line({
      kind: "EXPENSE",
      category: "MATERIALS",
      amount: 35_000,
      daysAgo: 40,
    });
    await expectExact(groupIds, "materials bought last month");
    await home.correct(materials.id);
    await expectExact(groupIds, "materials corrected");
    const other = await home.line({ kind: "EXPENSE", category: "OTHER", amount: 12_000 });
    await home.line({ kind: "INCOME", category: "OTHER", amount: 7_000 });
    await home.correct(other.id);
    const equipmentSold = await home.line({ kind: "INCOME", category: "EQUIPMENT", amount: 50_000 });
    await home.correct(equipmentSold.id);
    await home.line({ kind: "EXPENSE", category: "TRANSPORT", amount: 15_000, daysAgo: 3 });
    await expectExact(groupIds, "costs and their corrections");
    const sales = await home.line({ kind: "INCOME", category: "OTHER_SALES", amount: 40_000, daysAgo: 2 });
    await home.correct(sales.id);
    await home.line({ kind: "INCOME", category: "OTHER_SALES", amount: 60_000 });
    await home.line({ kind: "INCOME", category: "AID", amount: 1_000_000 });
    await home.line({ kind: "INCOME", category: "SAVINGS", amount: 10_000 });
    await expectExact(groupIds, "other sales, aid and savings");

    // Konsinyasi: placed at the shop, reported sold, paid.
    const consigned = await placeConsignment(world.home.group.id, world.home.manager.id, {
      productId: product.id,
      businessId: world.buyer.business.id,
      quantity: 5,
      unitPrice: 20_000,
      commissionPct: 20,
    });
    expect(consigned).toMatchObject({ ok: true });
    const placement = await db.consignmentPlacement.findFirstOrThrow({
      where: { groupId: world.home.group.id },
      select: { id: true },
    });
    expect(
      await reportConsignment(world.buyer.business.id, world.buyer.buyer.id, placement.id, {
        quantitySold: 3,
        quantityReturned: 0,
      }),
    ).toMatchObject({ ok: true });
    const report = await db.consignmentReport.findFirstOrThrow({
      where: { placementId: placement.id },
      select: { id: true },
    });
    await confirmConsignmentPayment(world.home.group.id, world.home.manager.id, report.id);
    await expectExact(groupIds, "konsinyasi paid");

    // What happened here shows in the summaries, not only zeros: the walk moved real figures.
    const kept = await keptTotals([world.home.group.id]);
    const sum = (field: string) =>
      Object.values(kept.months).reduce((s, r) => s + ((r as Row)[field] ?? 0), 0);
    expect(sum("orders")).toBe(3);
    expect(sum("delivered")).toBe(2);
    expect(sum("onTime")).toBe(1);
    // Transport only: the materials and the other expense were corrected, equipment sold is no cost.
    expect(sum("costs")).toBe(15_000);
    expect(sum("earned")).toBe(25_000 + 20_000 + 60_000 + 48_000);
    // The other group's rows were never touched.
    expect(await db.groupMonth.count({ where: { groupId: world.other.group.id } })).toBe(0);
  }, 60_000);

  it("count an order that came from an accepted quote, like one from checkout", async () => {
    const world = await quoteWorld();
    const quoted = await asGroup(world.home.manager.id, world.req.number, quoteForm(world.product.id));
    expect(statusOf(quoted)).toBe(302);
    const quote = await quoteOf(world.req.id, world.home.group.id);
    const accepted = await asBuyer(
      world.buyer.buyer.id,
      world.req.number,
      acceptForm(quote, { quantity: "40" }),
    );
    expect(statusOf(accepted)).toBe(302);
    await expectExact([world.home.group.id, world.other.group.id], "quote accepted");
    const link = await db.groupBuyerMonth.findMany({ where: { groupId: world.home.group.id } });
    expect(link).toEqual([
      expect.objectContaining({ businessId: world.buyer.business.id, orders: 1, value: 40 * 25_000 }),
    ]);
  });

  it("are rebuilt from the raw rows to the same figures the writes kept", async () => {
    const world = await createWorld();
    const groupIds = [world.home.group.id];
    const product = await createProduct(world.home.group.id, world.category.id, { minOrderQuantity: 1 });
    const number = await place(world, product.id, 2);
    await asHome(world).line({ kind: "EXPENSE", category: "MATERIALS", amount: 9_000 });
    await recordPayment(world.home.group.id, world.home.manager.id, number, {
      amount: 10_000,
      idempotencyKey: "r-1",
    });
    const before = await keptTotals(groupIds);
    await rebuildSummaries(db);
    expect(await keptTotals(groupIds)).toEqual(before);
    await expectExact(groupIds, "rebuilt");
  });

  it("are reported unequal by the check when a summary row is wrong", async () => {
    const world = await createWorld();
    const product = await createProduct(world.home.group.id, world.category.id, { minOrderQuantity: 1 });
    await place(world, product.id, 2);
    await db.groupMonth.updateMany({
      where: { groupId: world.home.group.id },
      data: { salesValue: { increment: 1 } },
    });
    const differences = await summaryDifferences(db, { groupIds: [world.home.group.id] });
    expect(differences).toEqual([
      expect.objectContaining({
        table: "GroupMonth",
        groupId: world.home.group.id,
        kept: expect.objectContaining({ salesValue: 50_001, orders: 1 }),
        raw: expect.objectContaining({ salesValue: 50_000, orders: 1 }),
      }),
    ]);
    // npm run reconcile names it and fails.
    const run = spawnSync(
      process.execPath,
      [
        path.resolve("node_modules/tsx/dist/cli.mjs"),
        "scripts/reconcile.ts",
        "--group",
        world.home.group.slug,
      ],
      { env: { ...process.env }, encoding: "utf8" },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      `SUMMARY DIFFERENCE GroupMonth group ${world.home.group.id} ${wibMonthKey(new Date())}: salesValue kept 50001 ≠ raw 50000`,
    );
  }, 60_000);

  it.runIf(dbKind === "postgres")(
    "count a link once when two writers of it run at once: two first orders, a cancel and a new order (PostgreSQL)",
    async () => {
      const world = await createWorld();
      const month = "2026-03";
      const link = { groupId: world.home.group.id, businessId: world.buyer.business.id, month };
      const buyersNow = async () =>
        (
          await db.groupMonth.findUnique({
            where: { groupId_month: { groupId: link.groupId, month } },
            select: { buyers: true },
          })
        )?.buyers ?? 0;
      /** One writer's change of the link, held open a moment so the other writer waits on it. */
      const write = (orders: number, value: number) =>
        db.$transaction(async (tx) => {
          await bumpGroupMonth(tx, link.groupId, month, { orders, salesValue: value });
          await bumpGroupBuyerMonth(tx, link, { orders, value });
          await new Promise((resolve) => setTimeout(resolve, 100));
        });
      for (let round = 0; round < 5; round++) {
        // Two first orders of the link at once: one buyer, not two.
        await Promise.all([write(1, 10_000), write(1, 20_000)]);
        expect(await buyersNow()).toBe(1);
        // Both withdrawn at once: the link is gone, and so is the buyer.
        await Promise.all([write(-1, -10_000), write(-1, -20_000)]);
        expect(await buyersNow()).toBe(0);
        expect(await db.groupBuyerMonth.count({ where: link })).toBe(0);
        // A new order while the last one is being withdrawn: one buyer.
        await write(1, 10_000);
        await Promise.all([write(-1, -10_000), write(1, 30_000)]);
        expect(await buyersNow()).toBe(1);
        expect(
          await db.groupBuyerMonth.findMany({ where: link, select: { orders: true, value: true } }),
        ).toEqual([{ orders: 1, value: 30_000 }]);
        await write(-1, -30_000);
      }
    },
  );

  it.runIf(dbKind === "postgres")(
    "count every order and payment when two of one group in one month run at once (PostgreSQL)",
    async () => {
      const world = await createWorld();
      const groupIds = [world.home.group.id];
      const product = await createProduct(world.home.group.id, world.category.id, {
        price: 10_000,
        minOrderQuantity: 1,
        stock: 10_000,
      });
      const second = await createProduct(world.home.group.id, world.category.id, {
        price: 10_000,
        minOrderQuantity: 1,
        stock: 10_000,
      });
      // Two buyers check out at once, each into a new (group, month) row and link.
      const [one, two] = await Promise.all([
        orderNow(world.buyer, product.id, 2),
        orderNow(world.otherBuyer, second.id, 3),
      ]);
      expect(one).toMatchObject({ ok: true });
      expect(two).toMatchObject({ ok: true });
      const numbers = await db.order.findMany({
        where: { groupId: world.home.group.id },
        select: { number: true },
      });
      for (const { number } of numbers) {
        await transitionOrder(
          { party: "group", groupId: world.home.group.id },
          world.home.manager.id,
          number,
          "confirm",
        );
      }
      // Two payments at once, on the two orders: both lines count.
      const results = await Promise.all(
        numbers.map(({ number }, i) =>
          recordPayment(world.home.group.id, world.home.manager.id, number, {
            amount: 10_000,
            idempotencyKey: `race-${i}`,
          }),
        ),
      );
      expect(results).toEqual([
        { ok: true, duplicate: false },
        { ok: true, duplicate: false },
      ]);
      // Eight manual lines at once.
      const manager = world.home.manager.id;
      await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          addManualLine({ groupId: world.home.group.id }, manager, {
            formKey: `many-${i}`,
            kind: "EXPENSE",
            category: "MATERIALS",
            amount: 1_000,
            date: wibDateKey(new Date()),
            description: `Benang ${i}`,
          }),
        ),
      );
      await expectExact(groupIds, "concurrent writes");
      const row = await db.groupMonth.findUniqueOrThrow({
        where: { groupId_month: { groupId: world.home.group.id, month: wibMonthKey(new Date()) } },
      });
      expect(row).toMatchObject({ orders: 2, salesValue: 50_000, earned: 20_000, costs: 8_000 });
    },
    30_000,
  );
});

describe("the summaries over random histories", () => {
  const pick = fc.nat({ max: 12 });
  const step = fc.oneof(
    fc.record({
      t: fc.constant("order" as const),
      quantity: fc.integer({ min: 1, max: 5 }),
      daysAgo: fc.nat({ max: 70 }),
    }),
    fc.record({ t: fc.constant("confirm" as const), which: pick }),
    fc.record({ t: fc.constant("reject" as const), which: pick }),
    fc.record({ t: fc.constant("cancel" as const), which: pick }),
    fc.record({ t: fc.constant("deliver" as const), which: pick, lateDays: fc.integer({ min: -3, max: 5 }) }),
    fc.record({
      t: fc.constant("pay" as const),
      which: pick,
      amount: fc.integer({ min: 1, max: 8 }).map((n) => n * 5_000),
    }),
    fc.record({
      t: fc.constant("line" as const),
      category: fc.constantFrom("MATERIALS", "TRANSPORT", "EQUIPMENT", "OTHER", "OTHER_SALES", "AID"),
      income: fc.boolean(),
      amount: fc.integer({ min: 1, max: 20 }).map((n) => n * 1_000),
      daysAgo: fc.nat({ max: 60 }),
    }),
    fc.record({ t: fc.constant("correct" as const), which: pick }),
  );

  it("equal the raw rows after any sequence of orders, moves, payments and lines", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 3, maxLength: 12 }), async (steps) => {
        const world = await createWorld();
        const groupId = world.home.group.id;
        const managerId = world.home.manager.id;
        const product = await createProduct(groupId, world.category.id, {
          price: 10_000,
          minOrderQuantity: 1,
          stock: 10_000,
        });
        const orders: string[] = [];
        const at = <T>(list: T[], i: number) => (list.length ? list[i % list.length] : undefined);
        const group = { party: "group" as const, groupId };
        for (const [n, s] of steps.entries()) {
          const number = "which" in s && s.t !== "correct" ? at(orders, s.which) : undefined;
          switch (s.t) {
            case "order": {
              const placed = await orderNow(world.buyer, product.id, s.quantity, {
                now: new Date(Date.now() - s.daysAgo * DAY),
              });
              if (placed.ok && "numbers" in placed) orders.push(...placed.numbers);
              break;
            }
            case "confirm":
              if (number) await transitionOrder(group, managerId, number, "confirm");
              break;
            case "reject":
              if (number)
                await transitionOrder(group, managerId, number, "reject", { reason: "Tidak sanggup" });
              break;
            case "cancel":
              if (number) {
                await transitionOrder(
                  { party: "buyer", businessId: world.buyer.business.id },
                  world.buyer.buyer.id,
                  number,
                  "cancel",
                );
              }
              break;
            case "deliver": {
              if (!number) break;
              await transitionOrder(group, managerId, number, "confirm");
              await transitionOrder(group, managerId, number, "ship");
              const when = addWibDays(await wantedByOf(number), s.lateDays);
              await transitionOrder(
                group,
                managerId,
                number,
                "mark_received",
                {},
                when > new Date() ? new Date() : when,
              );
              break;
            }
            case "pay":
              if (number) {
                await recordPayment(groupId, managerId, number, {
                  amount: s.amount,
                  idempotencyKey: `p-${n}`,
                });
              }
              break;
            case "line": {
              const kinds = {
                MATERIALS: "EXPENSE",
                TRANSPORT: "EXPENSE",
                OTHER_SALES: "INCOME",
                AID: "INCOME",
              } as const;
              const kind = kinds[s.category as keyof typeof kinds] ?? (s.income ? "INCOME" : "EXPENSE");
              await addManualLine({ groupId }, managerId, {
                formKey: `l-${n}`,
                kind,
                category: s.category,
                amount: s.amount,
                date: wibDateKey(new Date(Date.now() - s.daysAgo * DAY)),
                description: "baris",
                giver: s.category === "AID" ? "PKK" : undefined,
              });
              break;
            }
            case "correct": {
              const lines = await db.cashEntry.findMany({
                where: { groupId },
                orderBy: { id: "asc" },
                select: { id: true },
              });
              const line = at(lines, s.which);
              if (line)
                await reverseLine({ groupId }, managerId, {
                  formKey: `c-${n}`,
                  entryId: line.id,
                  reason: "Salah",
                });
              break;
            }
          }
        }
        await expectExact([groupId, world.other.group.id], JSON.stringify(steps));
      }),
      {
        numRuns: Number(process.env.FC_RUNS ?? 15),
        seed: process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined,
      },
    );
  }, 120_000);
});
