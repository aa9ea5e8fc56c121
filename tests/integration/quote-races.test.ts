import { describe, expect, it } from "vitest";
import { db } from "~/.server/db/client";
import { action as buyerRequestAction } from "~/routes/permintaan.$number._index";
import { addRecipient, createRequest } from "../helpers/matching";
import { acceptForm, asGroup, quoteForm, quoteOf, quoteWorld, type QuoteWorld } from "../helpers/quotes";
import { callAction, request, statusOf } from "../helpers/requests";

// Two accepts on one request at the same moment. SQLite serialises writers, so there these pass
// either way. On PostgreSQL the accept's first statement, the award, is a conditional update of
// the request row: the second accept waits on that row and then finds the request awarded (and
// its quote no longer SUBMITTED). With both conditions taken out, both accepts placed an order in
// the first try. Each race runs TRIES times on fresh requests; the requests are built first
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

describe("two accepts on one request at the same moment", () => {
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
});
