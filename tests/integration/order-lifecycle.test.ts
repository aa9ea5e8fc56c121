import { describe, expect, it } from "vitest";
import { db } from "~/.server/db/client";
import { issueInvoice } from "~/.server/documents/invoices";
import { autoReceiveOverdue, transitionOrder } from "~/.server/orders/orders";
import { recordPayment } from "~/.server/payments/record";
import { loader as documentLoader } from "~/routes/dokumen.$number.$";
import { loader as pdfLoader } from "~/routes/dokumen.$number.pdf.$";
import { action as groupOrderAction } from "~/routes/kelola.pesanan.$number";
import { createProduct, createWorld } from "../helpers/factories";
import { placedOrderNumber, stockOf } from "../helpers/orders";
import { callAction, callLoader, request, statusOf } from "../helpers/requests";

type World = Awaited<ReturnType<typeof createWorld>>;

function asGroup(world: World, number: string) {
  return (action: Parameters<typeof transitionOrder>[3], input: Parameters<typeof transitionOrder>[4] = {}) =>
    transitionOrder(
      { party: "group", groupId: world.home.group.id },
      world.home.manager.id,
      number,
      action,
      input,
    );
}

async function lines(number: string) {
  return db.orderItem.findMany({
    where: { order: { number } },
    select: { id: true, quantity: true, quantityShipped: true },
  });
}

describe("partial delivery", () => {
  it("ships 60 now and 40 later, each with its surat jalan, and is received only when all has gone", async () => {
    const world = await createWorld();
    const product = await createProduct(world.home.group.id, world.category.id, { stock: 200 });
    const number = await placedOrderNumber(world.buyer, product.id, 100);
    const group = asGroup(world, number);
    await group("confirm");
    const [item] = await lines(number);
    expect(await group("ship", { quantities: { [item!.id]: 60 } })).toEqual({ ok: true, status: "SHIPPED" });
    expect(await group("mark_received")).toEqual({ ok: false, message: "order.items_remaining" });
    // Through the form as the manager types it.
    const response = await callAction(
      groupOrderAction,
      await request(`/kelola/pesanan/${number}`, {
        userId: world.home.manager.id,
        form: { intent: "transition", step: "ship", [`quantities.${item!.id}`]: "40" },
      }),
      { number },
    );
    expect(statusOf(response)).toBe(302);
    expect(await lines(number)).toEqual([{ id: item!.id, quantity: 100, quantityShipped: 100 }]);
    expect(await group("ship")).toEqual({ ok: false, message: "order.nothing_to_ship" });
    expect(await group("mark_received")).toEqual({ ok: true, status: "RECEIVED" });

    const notes = await db.orderEvent.findMany({
      where: { order: { number }, note: { startsWith: "shipment:" } },
      orderBy: { createdAt: "asc" },
      select: { note: true },
    });
    expect(notes.map((n) => n.note)).toEqual(["shipment:1:60:40", "shipment:2:40:0"]);
    for (const [position, quantity] of [
      [1, 60],
      [2, 40],
    ] as const) {
      const data = (await callLoader(
        documentLoader,
        await request(`/dokumen/${number}/surat-jalan/${position}`, { userId: world.buyer.buyer.id }),
        { number, "*": `surat-jalan/${position}` },
      )) as { doc: { number: string; lines: { quantity: number; unitPrice: number | null }[] } };
      expect(data.doc.number).toBe(`SJ/${number}/${position}`);
      expect(data.doc.lines).toEqual([expect.objectContaining({ quantity, unitPrice: null })]);
    }
  });

  it.each([
    ["more than is left", (id: string) => ({ [id]: 101 }), "order.ship_more_than_left"],
    ["nothing", (id: string) => ({ [id]: 0 }), "order.ship_nothing"],
    ["a line of another order", () => ({ "not-this-order": 5 }), "order.ship_unknown_line"],
  ])("refuses to ship %s and changes nothing", async (_name, quantities, message) => {
    const world = await createWorld();
    const number = await placedOrderNumber(world.buyer, world.product.id, 100);
    const group = asGroup(world, number);
    await group("confirm");
    const [item] = await lines(number);
    expect(await group("ship", { quantities: quantities(item!.id) })).toMatchObject({ ok: false, message });
    expect(await lines(number)).toEqual([{ id: item!.id, quantity: 100, quantityShipped: 0 }]);
    expect(await db.shipment.count({ where: { order: { number } } })).toBe(0);
    expect((await db.order.findUniqueOrThrow({ where: { number } })).status).toBe("CONFIRMED");
  });
});

describe("down payment", () => {
  it("holds production until the DP is paid", async () => {
    const world = await createWorld();
    const number = await placedOrderNumber(world.buyer, world.product.id, 20); // Rp500.000
    const group = asGroup(world, number);
    expect(await group("confirm", { downPayment: 500_000 })).toMatchObject({
      ok: false,
      message: "order.down_payment_too_large",
    });
    expect(await group("confirm", { downPayment: 150_000 })).toEqual({ ok: true, status: "CONFIRMED" });
    expect(await group("start_production")).toEqual({ ok: false, message: "order.waiting_down_payment" });
    await recordPayment(world.home.group.id, world.home.manager.id, number, {
      amount: 150_000,
      idempotencyKey: "dp-000001",
    });
    expect(await group("start_production")).toEqual({ ok: true, status: "IN_PRODUCTION" });
    expect((await db.order.findUniqueOrThrow({ where: { number } })).downPayment).toBe(150_000);
  });
});

describe("cancelling", () => {
  it("lets the group cancel what it accepted but cannot make, with a reason, giving the stock back", async () => {
    const world = await createWorld();
    const number = await placedOrderNumber(world.buyer, world.product.id, 30);
    const group = asGroup(world, number);
    await group("confirm");
    expect(await group("group_cancel")).toEqual({ ok: false, message: "order.reason_required" });
    expect(await group("group_cancel", { reason: "Pengrajin sakit" })).toEqual({
      ok: true,
      status: "CANCELLED",
    });
    expect(await stockOf(world.product.id)).toBe(100);
  });

  it("lets the buyer cancel a confirmed order only while nothing is paid", async () => {
    const world = await createWorld();
    const buyerCancels = (number: string) =>
      transitionOrder(
        { party: "buyer", businessId: world.buyer.business.id },
        world.buyer.buyer.id,
        number,
        "cancel",
      );
    const unpaid = await placedOrderNumber(world.buyer, world.product.id, 10);
    await asGroup(world, unpaid)("confirm");
    expect(await buyerCancels(unpaid)).toEqual({ ok: true, status: "CANCELLED" });
    const paid = await placedOrderNumber(world.buyer, world.product.id, 10);
    await asGroup(world, paid)("confirm");
    await recordPayment(world.home.group.id, world.home.manager.id, paid, {
      amount: 50_000,
      idempotencyKey: "part-00001",
    });
    expect(await buyerCancels(paid)).toEqual({ ok: false, message: "order.cancel_paid" });
  });
});

describe("tagihan numbers", () => {
  it("run 1, 2, 3… per group per year without gaps, even when confirmations race or one rolls back", async () => {
    const world = await createWorld();
    const product = await createProduct(world.home.group.id, world.category.id, { stock: 1000 });
    const numbers = [];
    for (let i = 0; i < 6; i++) numbers.push(await placedOrderNumber(world.buyer, product.id, 10));
    // A confirmation that fails after taking a number takes it back with it.
    const first = await db.order.findUniqueOrThrow({
      where: { number: numbers[0]! },
      select: { id: true, groupId: true },
    });
    await expect(
      db.$transaction(async (tx) => {
        await issueInvoice(tx, first, new Date());
        throw new Error("power cut");
      }),
    ).rejects.toThrow("power cut");
    const results = await Promise.all(numbers.map((number) => asGroup(world, number)("confirm")));
    expect(results.every((r) => r.ok)).toBe(true);
    const invoices = await db.invoice.findMany({
      where: { groupId: world.home.group.id },
      orderBy: { sequence: "asc" },
      select: { sequence: true, number: true, year: true },
    });
    const year = new Date(Date.now() + 7 * 3600_000).getUTCFullYear();
    expect(invoices.map((i) => i.sequence)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(invoices[5]?.number).toBe(`TAG/${year}/0006`);

    // Another group counts from 1.
    const other = await placedOrderNumber(world.buyer, world.otherProduct.id, 10);
    await transitionOrder(
      { party: "group", groupId: world.other.group.id },
      world.other.manager.id,
      other,
      "confirm",
    );
    expect(
      await db.invoice.findFirst({ where: { order: { number: other } }, select: { number: true } }),
    ).toEqual({
      number: `TAG/${year}/0001`,
    });
  });
});

describe("documents", () => {
  it("are for the order's parties only, as a page and as a PDF", async () => {
    const world = await createWorld();
    const number = await placedOrderNumber(world.buyer, world.product.id, 10);
    const document = (userId: string, path: string) => request(`/dokumen/${number}/${path}`, { userId });
    expect(
      statusOf(
        await callLoader(documentLoader, await document(world.buyer.buyer.id, "tagihan"), {
          number,
          "*": "tagihan",
        }),
      ),
    ).toBe(404);
    await asGroup(world, number)("confirm");
    await recordPayment(world.home.group.id, world.home.manager.id, number, {
      amount: 250_000,
      reference: "TRF-9",
      idempotencyKey: "doc-000001",
    });

    await db.group.update({ where: { id: world.home.group.id }, data: { phone: "+6281234567890" } });
    const invoice = (await callLoader(documentLoader, await document(world.buyer.buyer.id, "tagihan"), {
      number,
      "*": "tagihan",
    })) as {
      doc: { number: string; total: number; due: number; seller: { phone: string | null } };
    };
    expect(invoice.doc).toMatchObject({ total: 250_000, due: 0 });
    // Printed as people here write and dial it.
    expect(invoice.doc.seller.phone).toBe("0812-3456-7890");
    expect(invoice.doc.number).toMatch(/^TAG\/\d{4}\/0001$/);
    const receipt = (await callLoader(documentLoader, await document(world.home.manager.id, "kwitansi/1"), {
      number,
      "*": "kwitansi/1",
    })) as {
      doc: { receipt: { amount: number; reference: string } };
    };
    expect(receipt.doc.receipt).toMatchObject({ amount: 250_000, reference: "TRF-9" });

    for (const [userId, path] of [
      [world.otherBuyer.buyer.id, "tagihan"],
      [world.other.manager.id, "kwitansi/1"],
      [world.buyer.buyer.id, "kwitansi/2"],
      [world.buyer.buyer.id, "faktur-pajak"],
    ] as const) {
      expect(
        statusOf(await callLoader(documentLoader, await document(userId, path), { number, "*": path })),
      ).toBe(404);
    }

    const pdf = await callLoader(
      pdfLoader,
      await request(`/dokumen/${number}/pdf/kwitansi/1`, { userId: world.buyer.buyer.id }),
      {
        number,
        "*": "kwitansi/1",
      },
    );
    expect(statusOf(pdf)).toBe(200);
    const response = pdf as Response;
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect(bytes.length).toBeGreaterThan(1000);
  });
});

describe("taken as received", () => {
  it("after seven days without word from the buyer, counted from the last shipment, and completed if paid", async () => {
    const world = await createWorld();
    const now = new Date();
    const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
    const tenant = { party: "group" as const, groupId: world.home.group.id };
    const manager = world.home.manager.id;

    const quiet = await placedOrderNumber(world.buyer, world.product.id, 10);
    await transitionOrder(tenant, manager, quiet, "confirm", {}, daysAgo(9));
    await transitionOrder(tenant, manager, quiet, "ship", {}, daysAgo(8));
    await recordPayment(
      world.home.group.id,
      manager,
      quiet,
      { amount: 250_000, idempotencyKey: "auto-00001" },
      daysAgo(8),
    );

    const recent = await placedOrderNumber(world.buyer, world.product.id, 20);
    await transitionOrder(tenant, manager, recent, "confirm", {}, daysAgo(9));
    const [item] = await lines(recent);
    await transitionOrder(tenant, manager, recent, "ship", { quantities: { [item!.id]: 10 } }, daysAgo(9));
    await transitionOrder(tenant, manager, recent, "ship", {}, daysAgo(2));

    expect(await autoReceiveOverdue(now)).toBeGreaterThanOrEqual(1);
    expect(await autoReceiveOverdue(now)).toBe(0);
    const status = async (number: string) => (await db.order.findUniqueOrThrow({ where: { number } })).status;
    expect(await status(quiet)).toBe("COMPLETED");
    expect(await status(recent)).toBe("SHIPPED");
    const event = await db.orderEvent.findFirstOrThrow({
      where: { order: { number: quiet }, toStatus: "RECEIVED" },
    });
    expect(event).toMatchObject({ actorId: null, note: "auto" });
  });
});
