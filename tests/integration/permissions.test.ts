import { describe, expect, it } from "vitest";
import { db } from "~/.server/db/client";
import { loader as groupOrderLoader, action as groupOrderAction } from "~/routes/kelola.pesanan.$number";
import { loader as manageLoader } from "~/routes/kelola._index";
import { loader as buyerOrderLoader, action as buyerOrderAction } from "~/routes/pesanan.$number";
import { loader as tkmLoader } from "~/routes/tkm._index";
import { loader as tkmGroupLoader } from "~/routes/tkm.kelompok.$groupId";
import { createTkmOfficer, createWorld } from "../helpers/factories";
import { placedOrderNumber } from "../helpers/orders";
import { callAction, callLoader, request, statusOf } from "../helpers/requests";

async function orderOf(world: Awaited<ReturnType<typeof createWorld>>) {
  return placedOrderNumber(world.buyer, world.product.id);
}

async function stateOf(number: string) {
  return db.order.findUniqueOrThrow({
    where: { number },
    select: { status: true, amountPaid: true, _count: { select: { events: true, payments: true } } },
  });
}

describe("a buyer and another business's order", () => {
  it("cannot read it by URL", async () => {
    const world = await createWorld();
    const number = await orderOf(world);
    expect(
      statusOf(
        await callLoader(
          buyerOrderLoader,
          await request(`/pesanan/${number}`, { userId: world.buyer.buyer.id }),
          { number },
        ),
      ),
    ).toBe(200);
    expect(
      statusOf(
        await callLoader(
          buyerOrderLoader,
          await request(`/pesanan/${number}`, { userId: world.otherBuyer.buyer.id }),
          { number },
        ),
      ),
    ).toBe(404);
  });

  it("cannot cancel it by a form post", async () => {
    const world = await createWorld();
    const number = await orderOf(world);
    const before = await stateOf(number);
    const response = await callAction(
      buyerOrderAction,
      await request(`/pesanan/${number}`, {
        userId: world.otherBuyer.buyer.id,
        form: { intent: "transition", step: "cancel" },
      }),
      { number },
    );
    expect(statusOf(response)).toBe(404);
    expect(await stateOf(number)).toEqual(before);
  });

  it("cannot use the group's pages at all", async () => {
    const world = await createWorld();
    const number = await orderOf(world);
    expect(
      statusOf(
        await callLoader(
          groupOrderLoader,
          await request(`/kelola/pesanan/${number}`, { userId: world.buyer.buyer.id }),
          { number },
        ),
      ),
    ).toBe(403);
    const response = await callAction(
      groupOrderAction,
      await request(`/kelola/pesanan/${number}`, {
        userId: world.buyer.buyer.id,
        form: { intent: "transition", step: "confirm" },
      }),
      { number },
    );
    expect(statusOf(response)).toBe(403);
    expect((await stateOf(number)).status).toBe("PLACED");
  });
});

describe("a group manager and another group's order", () => {
  it("cannot read it by URL", async () => {
    const world = await createWorld();
    const number = await orderOf(world);
    expect(
      statusOf(
        await callLoader(
          groupOrderLoader,
          await request(`/kelola/pesanan/${number}`, { userId: world.home.manager.id }),
          { number },
        ),
      ),
    ).toBe(200);
    expect(
      statusOf(
        await callLoader(
          groupOrderLoader,
          await request(`/kelola/pesanan/${number}`, { userId: world.other.manager.id }),
          { number },
        ),
      ),
    ).toBe(404);
  });

  it("cannot confirm it or record money on it by a form post", async () => {
    const world = await createWorld();
    const number = await orderOf(world);
    const before = await stateOf(number);
    const confirm = await callAction(
      groupOrderAction,
      await request(`/kelola/pesanan/${number}`, {
        userId: world.other.manager.id,
        form: { intent: "transition", step: "confirm" },
      }),
      { number },
    );
    expect(statusOf(confirm)).toBe(404);
    const pay = await callAction(
      groupOrderAction,
      await request(`/kelola/pesanan/${number}`, {
        userId: world.other.manager.id,
        form: { intent: "payment", amount: "1000", idempotencyKey: "foreign-key-1" },
      }),
      { number },
    );
    expect(statusOf(pay)).toBe(404);
    expect(await stateOf(number)).toEqual(before);
  });

  it("sees only its own products and orders on its shop page", async () => {
    const world = await createWorld();
    const number = await orderOf(world);
    const data = (await callLoader(
      manageLoader,
      await request("/kelola", { userId: world.other.manager.id }),
    )) as { products: { id: string }[]; orders: { open: unknown[]; finished: unknown[] } };
    expect(data.products.map((p) => p.id)).toEqual([world.otherProduct.id]);
    expect(data.orders).toEqual({ open: [], finished: [] });
    const own = (await callLoader(
      manageLoader,
      await request("/kelola", { userId: world.home.manager.id }),
    )) as {
      orders: { open: { number: string }[] };
    };
    expect(own.orders.open.map((o) => o.number)).toEqual([number]);
  });

  it("is sent to sign in when not signed in", async () => {
    const response = await callLoader(manageLoader, await request("/kelola"));
    expect(statusOf(response)).toBe(302);
    expect((response as Response).headers.get("Location")).toBe("/masuk?redirectTo=%2Fkelola");
  });
});

describe("a TKM officer and groups outside the team's area", () => {
  it("sees groups inside the village and not the others", async () => {
    const world = await createWorld();
    const { officer } = await createTkmOfficer(world.areas.villageA1.id);
    const page = (await callLoader(tkmLoader, await request("/tkm", { userId: officer.id }))) as {
      data: { dashboard: { groups: { rows: { id: string }[] } } };
    };
    expect(page.data.dashboard.groups.rows.map((g) => g.id)).toEqual([world.home.group.id]);
    expect(
      statusOf(
        await callLoader(
          tkmGroupLoader,
          await request(`/tkm/kelompok/${world.home.group.id}`, { userId: officer.id }),
          { groupId: world.home.group.id },
        ),
      ),
    ).toBe(200);
    expect(
      statusOf(
        await callLoader(
          tkmGroupLoader,
          await request(`/tkm/kelompok/${world.other.group.id}`, { userId: officer.id }),
          { groupId: world.other.group.id },
        ),
      ),
    ).toBe(404);
  });

  it("at district level sees every village of the district and nothing beyond", async () => {
    const world = await createWorld();
    const { officer } = await createTkmOfficer(world.areas.districtA.id);
    const page = (await callLoader(tkmLoader, await request("/tkm", { userId: officer.id }))) as {
      data: { dashboard: { groups: { rows: { id: string }[] } } };
    };
    expect(page.data.dashboard.groups.rows.map((g) => g.id)).toEqual([world.home.group.id]);
  });

  it("is refused to people who are not TKM officers", async () => {
    const world = await createWorld();
    expect(
      statusOf(await callLoader(tkmLoader, await request("/tkm", { userId: world.home.manager.id }))),
    ).toBe(403);
    expect(
      statusOf(
        await callLoader(
          tkmGroupLoader,
          await request(`/tkm/kelompok/${world.home.group.id}`, { userId: world.buyer.buyer.id }),
          { groupId: world.home.group.id },
        ),
      ),
    ).toBe(403);
  });
});
