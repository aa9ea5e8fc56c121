import { describe, expect, it } from "vitest";
import { db } from "~/.server/db/client";
import { action as groupRequestAction } from "~/routes/kelola.permintaan.$number";
import { action as buyerRequestAction } from "~/routes/permintaan.$number._index";
import { action as cancelAction } from "~/routes/permintaan.$number.batal";
import { addRecipient, createRequest } from "../helpers/matching";
import { acceptForm, asGroup, quoteForm, quoteOf, quoteWorld, type QuoteWorld } from "../helpers/quotes";
import { callAction, request, statusOf } from "../helpers/requests";

// Two accepts on one request at the same moment. SQLite serialises writers, so there these pass
// either way. On PostgreSQL the accept's first statement, the award, is a conditional update of
// the request row: the second accept waits on that row and then finds the request awarded (and
// its quote no longer SUBMITTED). With both conditions taken out, both accepts placed an order in
// the first try. Every other change to a request's quotes takes the request row first
// (lockRow): without it, on PostgreSQL, the first quote sent twice failed on the unique key and a
// withdrawal reopened a request another group had just quoted. Each race runs TRIES times on fresh requests; the requests are built first
// (sessions written), then both actions run at once, in two transactions on two connections.

const TRIES = 10;

async function quotedRequest(world: QuoteWorld) {
  const req = await createRequest(world.buyer.business.id, world.buyer.buyer.id, world.areas.villageA2.id, {
    quantity: 10,
  });
  await addRecipient(req.id, world.home.group.id);
  await addRecipient(req.id, world.other.group.id);
  for (const [group, product] of [
    [world.home, world.product],
    [world.other, world.otherProduct],
  ] as const) {
    const quoted = await asGroup(group.manager.id, req.number, quoteForm(product.id, { quantity: "10" }));
    expect(statusOf(quoted)).toBe(302);
  }
  return {
    req,
    home: await quoteOf(req.id, world.home.group.id),
    other: await quoteOf(req.id, world.other.group.id),
  };
}

async function prepareAccept(world: QuoteWorld, number: string, quote: { id: string; revision: number }) {
  const req = await request(`/permintaan/${number}`, {
    userId: world.buyer.buyer.id,
    form: acceptForm(quote, { quantity: "10" }),
  });
  return () => callAction(buyerRequestAction, req, { number });
}

async function stocks(world: QuoteWorld) {
  const rows = await db.product.findMany({
    where: { id: { in: [world.product.id, world.otherProduct.id] } },
    select: { stock: true },
  });
  return rows.reduce((sum, row) => sum + row.stock, 0);
}

describe("two changes to one request's quotes at the same moment", () => {
  it("accepting two different quotes: exactly one wins, one order, the other quote not chosen", async () => {
    const world = await quoteWorld();
    await db.product.updateMany({
      where: { id: { in: [world.product.id, world.otherProduct.id] } },
      data: { stock: 1_000 },
    });
    for (let i = 0; i < TRIES; i++) {
      const { req, home, other } = await quotedRequest(world);
      const first = await prepareAccept(world, req.number, home);
      const second = await prepareAccept(world, req.number, other);
      const statuses = (await Promise.all([first(), second()])).map(statusOf);
      expect(statuses.sort()).toEqual([302, 400]);
      const quotes = await db.quote.findMany({
        where: { requestId: req.id },
        select: { status: true, orderId: true },
      });
      expect(quotes.map((q) => q.status).sort()).toEqual(["ACCEPTED", "NOT_CHOSEN"]);
      expect(quotes.filter((q) => q.orderId !== null)).toHaveLength(1);
      expect(await db.order.count({ where: { quote: { requestId: req.id } } })).toBe(1);
      expect((await db.quoteRequest.findUniqueOrThrow({ where: { id: req.id } })).status).toBe("AWARDED");
    }
    // Stock was taken once per request, never twice.
    expect(await stocks(world)).toBe(2_000 - TRIES * 10);
    expect(await db.order.count({ where: { businessId: world.buyer.business.id } })).toBe(TRIES);
  });

  it("the same accept submitted twice at once: both answers lead to the one order", async () => {
    const world = await quoteWorld();
    await db.product.update({ where: { id: world.product.id }, data: { stock: 1_000 } });
    for (let i = 0; i < TRIES; i++) {
      const { req, home } = await quotedRequest(world);
      const first = await prepareAccept(world, req.number, home);
      const second = await prepareAccept(world, req.number, home);
      const results = (await Promise.all([first(), second()])) as Response[];
      expect(results.map(statusOf)).toEqual([302, 302]);
      expect(results[0]?.headers.get("Location")).toBe(results[1]?.headers.get("Location"));
      expect(await db.order.count({ where: { quote: { requestId: req.id } } })).toBe(1);
    }
    expect(await db.order.count({ where: { businessId: world.buyer.business.id } })).toBe(TRIES);
  });

  it("the first quote sent twice at once: one quote, no error", async () => {
    const world = await quoteWorld();
    for (let i = 0; i < TRIES; i++) {
      const req = await createRequest(
        world.buyer.business.id,
        world.buyer.buyer.id,
        world.areas.villageA2.id,
      );
      await addRecipient(req.id, world.home.group.id);
      const send = async () => {
        const prepared = await request(`/kelola/permintaan/${req.number}`, {
          userId: world.home.manager.id,
          form: quoteForm(world.product.id),
        });
        return () => callAction(groupRequestAction, prepared, { number: req.number });
      };
      const [first, second] = [await send(), await send()];
      expect((await Promise.all([first(), second()])).map(statusOf)).toEqual([302, 302]);
      const quotes = await db.quote.findMany({ where: { requestId: req.id }, select: { revision: true } });
      expect(quotes).toEqual([{ revision: 1 }]);
    }
  });

  it("one group withdraws while another sends its first quote: the request says QUOTED exactly when a quote stands", async () => {
    const world = await quoteWorld();
    for (let i = 0; i < TRIES; i++) {
      const req = await createRequest(
        world.buyer.business.id,
        world.buyer.buyer.id,
        world.areas.villageA2.id,
      );
      await addRecipient(req.id, world.home.group.id);
      await addRecipient(req.id, world.other.group.id);
      expect(statusOf(await asGroup(world.home.manager.id, req.number, quoteForm(world.product.id)))).toBe(
        302,
      );
      const withdraw = await request(`/kelola/permintaan/${req.number}`, {
        userId: world.home.manager.id,
        form: { intent: "withdraw" },
      });
      const quote = await request(`/kelola/permintaan/${req.number}`, {
        userId: world.other.manager.id,
        form: quoteForm(world.otherProduct.id),
      });
      const statuses = await Promise.all([
        callAction(groupRequestAction, withdraw, { number: req.number }),
        callAction(groupRequestAction, quote, { number: req.number }),
      ]);
      expect(statuses.map(statusOf)).toEqual([302, 302]);
      const standing = await db.quote.count({ where: { requestId: req.id, status: "SUBMITTED" } });
      const { status } = await db.quoteRequest.findUniqueOrThrow({ where: { id: req.id } });
      expect({ standing, status }).toEqual({ standing: 1, status: "QUOTED" });
    }
  });

  it("cancelling while a quote is accepted: one of them happens, and a cancelled request holds no order", async () => {
    const world = await quoteWorld();
    await db.product.update({ where: { id: world.product.id }, data: { stock: 1_000 } });
    for (let i = 0; i < TRIES; i++) {
      const { req, home } = await quotedRequest(world);
      const accept = await prepareAccept(world, req.number, home);
      const cancelReq = await request(`/permintaan/${req.number}/batal`, {
        userId: world.buyer.buyer.id,
        form: { reason: "found_supplier" },
      });
      const cancel = () => callAction(cancelAction, cancelReq, { number: req.number });
      // The accept reads more before its transaction: the cancel is held back a little more each
      // try, so both orders happen (on PostgreSQL; SQLite serialises them either way). Without the
      // cancel's condition on the request's state, both answered 302 on PostgreSQL.
      const held = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
      const statuses = (await Promise.all([accept(), held(i * 8).then(cancel)])).map(statusOf);
      expect(statuses.sort()).toEqual([302, 400]);
      const after = await db.quoteRequest.findUniqueOrThrow({
        where: { id: req.id },
        select: { status: true },
      });
      const orders = await db.order.count({ where: { quote: { requestId: req.id } } });
      const accepted = await db.quote.count({ where: { requestId: req.id, status: "ACCEPTED" } });
      if (after.status === "CANCELLED") {
        expect([orders, accepted]).toEqual([0, 0]);
      } else {
        expect(after.status).toBe("AWARDED");
        expect([orders, accepted]).toEqual([1, 1]);
      }
    }
    // Stock left the shelf once per award, never for a cancelled request.
    const awarded = await db.quoteRequest.count({
      where: { businessId: world.buyer.business.id, status: "AWARDED" },
    });
    expect(await db.product.findUniqueOrThrow({ where: { id: world.product.id } })).toMatchObject({
      stock: 1_000 - awarded * 10,
    });
  });
});
