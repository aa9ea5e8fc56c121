import { describe, expect, it } from "vitest";
import { db } from "~/.server/db/client";
import { loader as inboxLoader } from "~/routes/kelola.permintaan._index";
import { addWibDays, wibDateKey, wibNoon, wibWeekKey } from "~/utils/delivery";
import { formatDate } from "~/utils/time";
import { createGroupWithManager, createProduct } from "../helpers/factories";
import { addRecipient, createRequest } from "../helpers/matching";
import { checkoutCart } from "../helpers/orders";
import { addToCart } from "~/.server/cart/cart";
import {
  acceptForm,
  asBuyer,
  asGroup,
  buyerPage,
  dayFromToday,
  groupPage,
  quoteForm,
  quoteOf,
  quoteWorld,
  requestSnapshot,
  type QuoteWorld,
} from "../helpers/quotes";
import { callLoader, jsonOf, request, statusOf } from "../helpers/requests";

const DAY = 24 * 60 * 60 * 1000;

async function quoteFromHome(world: QuoteWorld, override: Record<string, string> = {}) {
  const result = await asGroup(
    world.home.manager.id,
    world.req.number,
    quoteForm(world.product.id, override),
  );
  expect(
    statusOf(result),
    JSON.stringify(result instanceof Response ? await result.clone().text() : result),
  ).toBe(302);
  return quoteOf(world.req.id, world.home.group.id);
}

async function quoteFromOther(world: QuoteWorld, override: Record<string, string> = {}) {
  const result = await asGroup(
    world.other.manager.id,
    world.req.number,
    quoteForm(world.otherProduct.id, override),
  );
  expect(statusOf(result)).toBe(302);
  return quoteOf(world.req.id, world.other.group.id);
}

async function errorsOf(result: unknown) {
  return JSON.stringify((await jsonOf(result)).error);
}

describe("who may see and answer a request", () => {
  it("answers 404 to a group without a recipient row, for the page and for every action, and changes nothing", async () => {
    const world = await quoteWorld();
    const stranger = await createGroupWithManager(world.areas.villageA1.id);
    const product = await createProduct(stranger.group.id, world.category.id);
    const before = await requestSnapshot(world.req.id);
    expect(statusOf(await groupPage(stranger.manager.id, world.req.number))).toBe(404);
    for (const form of [
      quoteForm(product.id),
      { intent: "withdraw" },
      { intent: "decline", reason: "capacity" },
      { intent: "accept_counter", revision: "1" },
      { intent: "message", body: "Halo" },
    ]) {
      expect(statusOf(await asGroup(stranger.manager.id, world.req.number, form)), form.intent).toBe(404);
    }
    // A guessed number that does not exist reads the same.
    expect(statusOf(await groupPage(stranger.manager.id, "PMT-2611-ZZZZZ"))).toBe(404);
    expect(await requestSnapshot(world.req.id)).toEqual(before);
  });

  it("shows a recipient group the request with why it was matched, and marks it seen", async () => {
    const world = await quoteWorld();
    await db.requestRecipient.updateMany({
      where: { requestId: world.req.id, groupId: world.home.group.id },
      data: {
        reasons: JSON.stringify([{ key: "match.reason.distance", params: { km: 3 } }, { key: "nope" }]),
      },
    });
    const page = (await groupPage(world.home.manager.id, world.req.number)) as {
      view: { recipient: { reasons: unknown }; actions: unknown; products: { id: string }[] };
    };
    expect(page.view.recipient.reasons).toEqual([{ key: "match.reason.distance", params: { km: 3 } }]);
    expect(page.view.actions).toEqual({ quote: true, withdraw: false, acceptCounter: false, decline: true });
    expect(page.view.products.map((p) => p.id)).toEqual([world.product.id]);
    const recipient = await db.requestRecipient.findFirstOrThrow({
      where: { requestId: world.req.id, groupId: world.home.group.id },
    });
    expect(recipient.seenAt).not.toBeNull();
  });

  it("lists requests in the group's inbox by section, with the buyer's public facts only", async () => {
    const world = await quoteWorld();
    const closed = await createRequest(
      world.buyer.business.id,
      world.buyer.buyer.id,
      world.areas.villageA2.id,
      {
        status: "CANCELLED",
      },
    );
    await addRecipient(closed.id, world.home.group.id);
    const quoted = await createRequest(
      world.buyer.business.id,
      world.buyer.buyer.id,
      world.areas.villageA2.id,
    );
    await addRecipient(quoted.id, world.home.group.id);
    expect(statusOf(await asGroup(world.home.manager.id, quoted.number, quoteForm(world.product.id)))).toBe(
      302,
    );
    const { inbox } = (await callLoader(
      inboxLoader,
      await request("/kelola/permintaan", { userId: world.home.manager.id }),
    )) as {
      inbox: Record<"new" | "quoted" | "closed", { number: string; unseen: boolean; business: object }[]>;
    };
    expect(inbox.new.map((r) => r.number)).toEqual([world.req.number]);
    expect(inbox.new[0]?.unseen).toBe(true);
    expect(inbox.quoted.map((r) => r.number)).toEqual([quoted.number]);
    expect(inbox.closed.map((r) => r.number)).toEqual([closed.number]);
    expect(Object.keys(inbox.new[0]?.business ?? {}).sort()).toEqual(["kind", "name", "village"]);
  });

  it("shows a buyer only their own business's requests", async () => {
    const world = await quoteWorld();
    expect(statusOf(await buyerPage(world.otherBuyer.buyer.id, world.req.number))).toBe(404);
    expect(statusOf(await buyerPage(world.buyer.buyer.id, world.req.number))).toBe(200);
  });
});

describe("a group's quote", () => {
  it("is valid through the day the group chose, and that day is the one the pages show", async () => {
    const world = await quoteWorld();
    const quote = await quoteFromHome(world, { validUntil: dayFromToday(5) });
    expect(wibDateKey(quote.validUntil)).toBe(dayFromToday(5));
    expect(formatDate(quote.validUntil, "id")).toBe(formatDate(wibNoon(dayFromToday(5)) as Date, "id"));
  });

  it("is stored with its tiers, moves the request to QUOTED, says so in the thread and tells the buyer", async () => {
    const world = await quoteWorld();
    const quote = await quoteFromHome(world, {
      "tiers[0].minQuantity": "30",
      "tiers[0].unitPrice": "23.000",
      "tiers[1].minQuantity": "",
      "tiers[1].unitPrice": "",
    });
    expect(quote).toMatchObject({
      productId: world.product.id,
      unitPrice: 25_000,
      quantity: 50,
      revision: 1,
      status: "SUBMITTED",
      note: "Bisa warna alami",
    });
    expect(quote.tiers.map((t) => [t.minQuantity, t.unitPrice])).toEqual([[30, 23_000]]);
    expect(wibDateKey(quote.earliestDelivery)).toBe(dayFromToday(7));
    // Valid by default until quotes close.
    expect(quote.validUntil.getTime()).toBeLessThanOrEqual(
      (await db.quoteRequest.findUniqueOrThrow({ where: { id: world.req.id } })).closesAt.getTime(),
    );
    expect((await db.quoteRequest.findUniqueOrThrow({ where: { id: world.req.id } })).status).toBe("QUOTED");
    const lines = await db.threadMessage.findMany({ where: { thread: { requestId: world.req.id } } });
    expect(lines.map((l) => [l.side, l.body])).toEqual([["SYSTEM", "thread.system.quoted"]]);
    expect(
      await db.notification.count({
        where: { userId: world.buyer.buyer.id, messageKey: "quote.notify.received" },
      }),
    ).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "quote.submit", entityId: quote.id } })).toBe(1);
  });

  it.each([
    ["a negative price", { unitPrice: "-5000" }, "unitPrice"],
    ["a zero price", { unitPrice: "0" }, "unitPrice"],
    ["an absurd price", { unitPrice: "5.000.000.000" }, "unitPrice"],
    ["a price that could mean two amounts", { unitPrice: "25,5" }, "unitPrice"],
    ["a zero quantity", { quantity: "0" }, "quantity"],
    ["an absurd quantity", { quantity: "99999999" }, "quantity"],
    ["a fractional quantity", { quantity: "2.5" }, "quantity"],
    ["an earliest date in the past", { earliestDelivery: dayFromToday(-1) }, "earliestDelivery"],
    ["a date that is not on the calendar", { earliestDelivery: "2026-02-30" }, "earliestDelivery"],
    ["a validity in the past", { validUntil: dayFromToday(-2) }, "validUntil"],
    ["a validity after the request closes", { validUntil: dayFromToday(30) }, "validUntil"],
    [
      "tiers not increasing",
      {
        "tiers[0].minQuantity": "30",
        "tiers[0].unitPrice": "24000",
        "tiers[1].minQuantity": "20",
        "tiers[1].unitPrice": "23000",
      },
      "tiers[1].minQuantity",
    ],
    [
      "a tier above the base price",
      { "tiers[0].minQuantity": "30", "tiers[0].unitPrice": "26000" },
      "tiers[0].unitPrice",
    ],
    ["a tier with no price", { "tiers[0].minQuantity": "30" }, "tiers[0].unitPrice"],
    [
      "a tier above the quantity it can make",
      { "tiers[0].minQuantity": "60", "tiers[0].unitPrice": "20000" },
      "tiers[0].minQuantity",
    ],
    [
      "four tiers",
      {
        "tiers[0].minQuantity": "20",
        "tiers[0].unitPrice": "24000",
        "tiers[1].minQuantity": "30",
        "tiers[1].unitPrice": "23000",
        "tiers[2].minQuantity": "40",
        "tiers[2].unitPrice": "22000",
        "tiers[3].minQuantity": "45",
        "tiers[3].unitPrice": "21000",
      },
      "tiers",
    ],
  ])("refuses %s with a message and changes nothing", async (_name, override, field) => {
    const world = await quoteWorld();
    const before = await requestSnapshot(world.req.id);
    const result = await asGroup(
      world.home.manager.id,
      world.req.number,
      quoteForm(world.product.id, override),
    );
    expect(statusOf(result)).toBe(400);
    expect(Object.keys((await jsonOf(result)).error ?? {})).toContain(field);
    expect(await requestSnapshot(world.req.id)).toEqual(before);
  });

  it("answers 404 to another group's product id in the form and changes nothing", async () => {
    const world = await quoteWorld();
    const before = await requestSnapshot(world.req.id);
    const result = await asGroup(world.home.manager.id, world.req.number, quoteForm(world.otherProduct.id));
    expect(statusOf(result)).toBe(404);
    expect(await requestSnapshot(world.req.id)).toEqual(before);
  });

  it("refuses an archived product of its own", async () => {
    const world = await quoteWorld();
    const archived = await createProduct(world.home.group.id, world.category.id, { status: "ARCHIVED" });
    const result = await asGroup(world.home.manager.id, world.req.number, quoteForm(archived.id));
    expect(statusOf(result)).toBe(400);
    expect(await errorsOf(result)).toContain("quote.product_not_active");
  });

  it.each([
    [
      "past its close date",
      { closesAt: new Date(Date.now() - DAY), neededBy: new Date(Date.now() + 5 * DAY) },
    ],
    ["cancelled", { status: "CANCELLED" as const }],
    ["awarded", { status: "AWARDED" as const }],
  ])("refuses a quote on a request %s", async (_name, data) => {
    const world = await quoteWorld();
    const closed = await createRequest(
      world.buyer.business.id,
      world.buyer.buyer.id,
      world.areas.villageA2.id,
      data,
    );
    await addRecipient(closed.id, world.home.group.id);
    const before = await requestSnapshot(closed.id);
    const result = await asGroup(
      world.home.manager.id,
      closed.number,
      quoteForm(world.product.id, { validUntil: "" }),
    );
    expect(statusOf(result)).toBe(400);
    expect(await errorsOf(result)).toContain("quote.request_closed");
    expect(await requestSnapshot(closed.id)).toEqual(before);
  });

  it("is revised with the same form: revision + 1, the counter cleared, the thread says what changed", async () => {
    const world = await quoteWorld();
    const first = await quoteFromHome(world);
    expect(
      statusOf(
        await asBuyer(world.buyer.buyer.id, world.req.number, {
          intent: "counter",
          quoteId: first.id,
          counterUnitPrice: "22.000",
          note: "Untuk 50 pcs?",
        }),
      ),
    ).toBe(302);
    expect((await quoteOf(world.req.id, world.home.group.id)).counterUnitPrice).toBe(22_000);
    const revised = await quoteFromHome(world, { unitPrice: "23.500", quantity: "45" });
    expect(revised).toMatchObject({
      revision: 2,
      unitPrice: 23_500,
      quantity: 45,
      counterUnitPrice: null,
      status: "SUBMITTED",
    });
    const line = await db.threadMessage.findFirstOrThrow({
      where: { thread: { requestId: world.req.id }, body: "thread.system.revised" },
    });
    expect(JSON.parse(line.params ?? "{}")).toEqual({
      revision: 2,
      changes: [
        { field: "price", from: 25_000, to: 23_500 },
        { field: "quantity", from: 50, to: 45 },
      ],
    });
    // The same form sent again changes nothing.
    await quoteFromHome(world, { unitPrice: "23.500", quantity: "45" });
    expect((await quoteOf(world.req.id, world.home.group.id)).revision).toBe(2);
    expect(await db.auditEvent.count({ where: { action: "quote.revise" } })).toBe(1);
  });

  it("is withdrawn: the request is open again when no quote stands, and stays QUOTED while another does", async () => {
    const world = await quoteWorld();
    await quoteFromHome(world);
    await quoteFromOther(world);
    expect(statusOf(await asGroup(world.home.manager.id, world.req.number, { intent: "withdraw" }))).toBe(
      302,
    );
    expect((await quoteOf(world.req.id, world.home.group.id)).status).toBe("WITHDRAWN");
    expect((await db.quoteRequest.findUniqueOrThrow({ where: { id: world.req.id } })).status).toBe("QUOTED");
    expect(statusOf(await asGroup(world.other.manager.id, world.req.number, { intent: "withdraw" }))).toBe(
      302,
    );
    expect((await db.quoteRequest.findUniqueOrThrow({ where: { id: world.req.id } })).status).toBe("OPEN");
    // Nothing left to withdraw.
    const again = await asGroup(world.other.manager.id, world.req.number, { intent: "withdraw" });
    expect(statusOf(again)).toBe(400);
    // Quoting again after withdrawing is a revision that stands again.
    const back = await quoteFromHome(world, { unitPrice: "24.000" });
    expect(back).toMatchObject({ status: "SUBMITTED", revision: 2 });
    expect((await db.quoteRequest.findUniqueOrThrow({ where: { id: world.req.id } })).status).toBe("QUOTED");
  });
});

describe("declining a request", () => {
  it("needs a reason, and a note when the reason is 'other'", async () => {
    const world = await quoteWorld();
    const before = await requestSnapshot(world.req.id);
    const forms: Record<string, string>[] = [
      { intent: "decline" },
      { intent: "decline", reason: "bosan" },
      { intent: "decline", reason: "other" },
    ];
    for (const form of forms) {
      expect(statusOf(await asGroup(world.home.manager.id, world.req.number, form))).toBe(400);
    }
    expect(await requestSnapshot(world.req.id)).toEqual(before);
  });

  it("records the reason, tells the buyer in the thread and shows it on the buyer's page", async () => {
    const world = await quoteWorld();
    const result = await asGroup(world.home.manager.id, world.req.number, {
      intent: "decline",
      reason: "capacity",
      note: "Anggota sedang panen",
    });
    expect(statusOf(result)).toBe(302);
    const recipient = await db.requestRecipient.findFirstOrThrow({
      where: { requestId: world.req.id, groupId: world.home.group.id },
    });
    expect(recipient.declinedAt).not.toBeNull();
    const line = await db.threadMessage.findFirstOrThrow({ where: { thread: { requestId: world.req.id } } });
    expect([line.side, line.body, JSON.parse(line.params ?? "{}")]).toEqual([
      "SYSTEM",
      "thread.system.declined",
      { reason: "capacity", note: "Anggota sedang panen" },
    ]);
    expect(
      await db.notification.count({
        where: { userId: world.buyer.buyer.id, messageKey: "quote.notify.declined" },
      }),
    ).toBe(1);
    const page = (await buyerPage(world.buyer.buyer.id, world.req.number)) as {
      view: { groups: { id: string; decline: unknown }[] };
    };
    expect(page.view.groups.find((g) => g.id === world.home.group.id)?.decline).toEqual({
      reason: "capacity",
      note: "Anggota sedang panen",
    });
  });

  it("is refused while the group's quote stands", async () => {
    const world = await quoteWorld();
    await quoteFromHome(world);
    const result = await asGroup(world.home.manager.id, world.req.number, {
      intent: "decline",
      reason: "price",
    });
    expect(statusOf(result)).toBe(400);
    expect(await errorsOf(result)).toContain("quote.withdraw_first");
  });
});

describe("the buyer's counter-offer", () => {
  it("is sent below the quoted price, and the group can accept it as a revision at that price", async () => {
    const world = await quoteWorld();
    const quote = await quoteFromHome(world, {
      "tiers[0].minQuantity": "40",
      "tiers[0].unitPrice": "24.000",
    });
    const higher = await asBuyer(world.buyer.buyer.id, world.req.number, {
      intent: "counter",
      quoteId: quote.id,
      counterUnitPrice: "25.000",
    });
    expect(statusOf(higher)).toBe(400);
    expect(
      statusOf(
        await asBuyer(world.buyer.buyer.id, world.req.number, {
          intent: "counter",
          quoteId: quote.id,
          counterUnitPrice: "23.000",
        }),
      ),
    ).toBe(302);
    expect(
      await db.notification.count({
        where: { userId: world.home.manager.id, messageKey: "quote.notify.countered" },
      }),
    ).toBe(1);
    // Accepting for a revision that is no longer current is refused.
    expect(
      statusOf(
        await asGroup(world.home.manager.id, world.req.number, { intent: "accept_counter", revision: "7" }),
      ),
    ).toBe(400);
    expect(
      statusOf(
        await asGroup(world.home.manager.id, world.req.number, { intent: "accept_counter", revision: "1" }),
      ),
    ).toBe(302);
    const revised = await quoteOf(world.req.id, world.home.group.id);
    // The tier above the new price is dropped: no tier costs more than the base.
    expect(revised).toMatchObject({ unitPrice: 23_000, revision: 2, counterUnitPrice: null, tiers: [] });
  });

  it("answers 404 for another business's request and for a quote of another request", async () => {
    const world = await quoteWorld();
    const quote = await quoteFromHome(world);
    const before = await requestSnapshot(world.req.id);
    expect(
      statusOf(
        await asBuyer(world.otherBuyer.buyer.id, world.req.number, {
          intent: "counter",
          quoteId: quote.id,
          counterUnitPrice: "20.000",
        }),
      ),
    ).toBe(404);
    const mine = await createRequest(world.buyer.business.id, world.buyer.buyer.id, world.areas.villageA2.id);
    expect(
      statusOf(
        await asBuyer(world.buyer.buyer.id, mine.number, {
          intent: "counter",
          quoteId: quote.id,
          counterUnitPrice: "20.000",
        }),
      ),
    ).toBe(404);
    expect(await requestSnapshot(world.req.id)).toEqual(before);
  });
});

/** What an order is, without its ids, number, dates and address: to compare two orders. */
async function orderShape(number: string) {
  const order = await db.order.findUniqueOrThrow({
    where: { number },
    select: {
      id: true,
      status: true,
      paymentMethod: true,
      paymentStatus: true,
      subtotal: true,
      deliveryFee: true,
      total: true,
      amountPaid: true,
      downPayment: true,
      groupId: true,
      businessId: true,
      items: {
        select: {
          productId: true,
          productName: true,
          unit: true,
          quantity: true,
          unitPrice: true,
          lineTotal: true,
          capacityWeek: true,
        },
      },
      events: { select: { type: true, fromStatus: true, toStatus: true } },
    },
  });
  const audits = await db.auditEvent.findMany({
    where: { entityId: order.id },
    select: { action: true, data: true },
  });
  const notifications = await db.notification.findMany({
    where: { link: `/kelola/pesanan/${number}` },
    select: { messageKey: true },
  });
  const { id: _id, ...rest } = order;
  return {
    ...rest,
    audits: audits.map((a) => {
      const data = JSON.parse(a.data) as Record<string, unknown>;
      return { action: a.action, total: data.total, items: data.items };
    }),
    notifications,
  };
}

describe("accepting a quote", () => {
  it("places the same order checkout would place, awards the request and tells the other groups politely", async () => {
    const world = await quoteWorld();
    const quote = await quoteFromHome(world);
    const other = await quoteFromOther(world);
    const stock = (await db.product.findUniqueOrThrow({ where: { id: world.product.id } })).stock;
    const result = await asBuyer(
      world.buyer.buyer.id,
      world.req.number,
      acceptForm(quote, { quantity: "40" }),
    );
    expect(statusOf(result)).toBe(302);
    const accepted = await quoteOf(world.req.id, world.home.group.id);
    const order = await db.order.findUniqueOrThrow({ where: { id: accepted.orderId ?? "" } });
    expect((result as Response).headers.get("Location")).toBe(`/pesanan/${order.number}`);
    expect(accepted.status).toBe("ACCEPTED");
    expect((await quoteOf(world.req.id, world.other.group.id)).status).toBe("NOT_CHOSEN");
    const req = await db.quoteRequest.findUniqueOrThrow({ where: { id: world.req.id } });
    expect(req.status).toBe("AWARDED");
    expect(req.awardedAt).not.toBeNull();
    expect(order).toMatchObject({
      deliveryAddress: req.deliveryAddress,
      checkoutId: null,
      placedById: world.buyer.buyer.id,
    });
    expect(wibDateKey(order.wantedBy!)).toBe(wibDateKey(req.neededBy));
    expect((await db.product.findUniqueOrThrow({ where: { id: world.product.id } })).stock).toBe(stock - 40);

    // The same product, quantity and price through the cart and checkout gives the same order.
    await addToCart(world.buyer.business.id, world.product.id, 40);
    const checkedOut = await checkoutCart(world.buyer);
    if (!checkedOut.ok || !("numbers" in checkedOut)) throw new Error(JSON.stringify(checkedOut));
    expect(await orderShape(order.number)).toEqual(await orderShape(checkedOut.numbers[0]!));
    expect((await orderShape(order.number)).audits).toHaveLength(1);

    const acceptAudit = await db.auditEvent.findFirstOrThrow({ where: { action: "quote.accept" } });
    expect(JSON.parse(acceptAudit.data)).toMatchObject({
      orderId: order.id,
      quantity: 40,
      unitPrice: 25_000,
      notChosen: [other.id],
    });
    expect(
      await db.notification.count({
        where: { userId: world.other.manager.id, messageKey: "quote.notify.not_chosen" },
      }),
    ).toBe(1);
    const otherLines = await db.threadMessage.findMany({
      where: { thread: { requestId: world.req.id, groupId: world.other.group.id } },
    });
    expect(otherLines.map((l) => l.body)).toContain("thread.system.not_chosen");
    const page = (await buyerPage(world.buyer.buyer.id, world.req.number)) as {
      view: { orderNumber: string };
    };
    expect(page.view.orderNumber).toBe(order.number);
  });

  it("uses the quote's tier price for the quantity accepted", async () => {
    const world = await quoteWorld();
    const quote = await quoteFromHome(world, {
      "tiers[0].minQuantity": "30",
      "tiers[0].unitPrice": "22.000",
    });
    expect(
      statusOf(await asBuyer(world.buyer.buyer.id, world.req.number, acceptForm(quote, { quantity: "30" }))),
    ).toBe(302);
    const order = await db.order.findFirstOrThrow({
      where: { quote: { id: quote.id } },
      include: { items: true },
    });
    expect(order.items.map((i) => [i.quantity, i.unitPrice, i.lineTotal])).toEqual([[30, 22_000, 660_000]]);
    expect(order.total).toBe(660_000);
  });

  it("books made-to-order capacity in the week wanted, the quote's earliest day when that is later than needed", async () => {
    const world = await quoteWorld();
    const made = await createProduct(world.home.group.id, world.category.id, {
      supplyMode: "MADE_TO_ORDER",
      leadTimeDays: 3,
    });
    await db.product.update({ where: { id: made.id }, data: { capacityPerWeek: 100 } });
    const later = dayFromToday(25); // the request is needed in 21 days
    const quote = await quoteFromHome(world, { productId: made.id, earliestDelivery: later });
    expect(statusOf(await asBuyer(world.buyer.buyer.id, world.req.number, acceptForm(quote)))).toBe(302);
    const order = await db.order.findFirstOrThrow({
      where: { quote: { id: quote.id } },
      include: { items: true },
    });
    expect(wibDateKey(order.wantedBy!)).toBe(later);
    const week = wibWeekKey(wibNoon(later)!);
    expect(order.items[0]?.capacityWeek).toBe(week);
    expect(
      await db.capacityBooking.findMany({
        where: { productId: made.id },
        select: { week: true, booked: true },
      }),
    ).toEqual([{ week, booked: 50 }]);
  });

  it("returns the same order to a second submit of the same accept", async () => {
    const world = await quoteWorld();
    const quote = await quoteFromHome(world);
    const first = await asBuyer(world.buyer.buyer.id, world.req.number, acceptForm(quote));
    const second = await asBuyer(world.buyer.buyer.id, world.req.number, acceptForm(quote));
    expect(statusOf(second)).toBe(302);
    expect((second as Response).headers.get("Location")).toBe((first as Response).headers.get("Location"));
    expect(await db.order.count({ where: { businessId: world.buyer.business.id } })).toBe(1);
  });

  it.each([
    ["a quantity above what the group can make", { quantity: "51" }, "quote.quantity_over"],
    ["a zero quantity", { quantity: "0" }, "form.positive"],
    ["a negative quantity", { quantity: "-3" }, "form.positive"],
    ["no confirmation", { confirm: "" }, "quote.confirm_required"],
    [
      "a payment method the business is not offered",
      { paymentMethod: "TEMPO" },
      "checkout.method_not_offered",
    ],
    ["an unknown payment method", { paymentMethod: "BITCOIN" }, "form.choose_one"],
    ["an old revision", { revision: "0" }, ""],
  ])("refuses %s and changes nothing", async (_name, override, message) => {
    const world = await quoteWorld();
    const quote = await quoteFromHome(world);
    const before = await requestSnapshot(world.req.id);
    const result = await asBuyer(world.buyer.buyer.id, world.req.number, acceptForm(quote, override));
    expect(statusOf(result)).toBe(400);
    if (message) expect(await errorsOf(result)).toContain(message);
    expect(await requestSnapshot(world.req.id)).toEqual(before);
  });

  it("refuses a quote revised since the page was read", async () => {
    const world = await quoteWorld();
    const quote = await quoteFromHome(world);
    await quoteFromHome(world, { unitPrice: "30.000" });
    const result = await asBuyer(world.buyer.buyer.id, world.req.number, acceptForm(quote));
    expect(statusOf(result)).toBe(400);
    expect(await errorsOf(result)).toContain("quote.revised_meanwhile");
  });

  it("refuses an expired quote", async () => {
    const world = await quoteWorld();
    const quote = await quoteFromHome(world);
    await db.quote.update({ where: { id: quote.id }, data: { validUntil: new Date(Date.now() - 60_000) } });
    const before = await requestSnapshot(world.req.id);
    const result = await asBuyer(world.buyer.buyer.id, world.req.number, acceptForm(quote));
    expect(statusOf(result)).toBe(400);
    expect(await errorsOf(result)).toContain("quote.expired");
    expect(await requestSnapshot(world.req.id)).toEqual(before);
  });

  it("refuses when the request no longer takes quotes", async () => {
    const world = await quoteWorld();
    const quote = await quoteFromHome(world);
    await db.quoteRequest.update({
      where: { id: world.req.id },
      data: { closesAt: new Date(Date.now() - 60_000) },
    });
    const before = await requestSnapshot(world.req.id);
    const result = await asBuyer(world.buyer.buyer.id, world.req.number, acceptForm(quote));
    expect(statusOf(result)).toBe(400);
    expect(await errorsOf(result)).toContain("quote.request_closed");
    expect(await requestSnapshot(world.req.id)).toEqual(before);
  });

  it("refuses a second quote once one was accepted", async () => {
    const world = await quoteWorld();
    const quote = await quoteFromHome(world);
    const other = await quoteFromOther(world);
    expect(statusOf(await asBuyer(world.buyer.buyer.id, world.req.number, acceptForm(quote)))).toBe(302);
    const result = await asBuyer(world.buyer.buyer.id, world.req.number, acceptForm(other));
    expect(statusOf(result)).toBe(400);
    expect(await errorsOf(result)).toContain("quote.request_awarded");
    expect(await db.order.count({ where: { businessId: world.buyer.business.id } })).toBe(1);
  });

  it.each([
    [
      "sold out",
      async (w: QuoteWorld) => db.product.update({ where: { id: w.product.id }, data: { stock: 10 } }),
    ],
    [
      "archived",
      async (w: QuoteWorld) =>
        db.product.update({ where: { id: w.product.id }, data: { status: "ARCHIVED" } }),
    ],
  ])("refuses when the product is %s: the group can no longer make it", async (_name, change) => {
    const world = await quoteWorld();
    const quote = await quoteFromHome(world);
    await change(world);
    const before = await requestSnapshot(world.req.id);
    const result = await asBuyer(world.buyer.buyer.id, world.req.number, acceptForm(quote));
    expect(statusOf(result)).toBe(400);
    expect(await errorsOf(result)).toContain("quote.cannot_make");
    expect(await requestSnapshot(world.req.id)).toEqual(before);
  });

  it("refuses when the weeks until the date are already booked, and rolls everything back", async () => {
    const world = await quoteWorld();
    const made = await createProduct(world.home.group.id, world.category.id, { supplyMode: "MADE_TO_ORDER" });
    await db.product.update({ where: { id: made.id }, data: { capacityPerWeek: 60 } });
    const quote = await quoteFromHome(world, { productId: made.id });
    // Every week from this one to the wanted one has 5 left: together less than the 50 quoted.
    for (let day = 0; wibWeekKey(addWibDays(new Date(), day)) <= wibWeekKey(world.req.neededBy); day += 7) {
      const week = wibWeekKey(addWibDays(new Date(), day));
      await db.capacityBooking.create({ data: { productId: made.id, week, booked: 55 } });
    }
    const before = await requestSnapshot(world.req.id);
    const result = await asBuyer(world.buyer.buyer.id, world.req.number, acceptForm(quote));
    expect(statusOf(result)).toBe(400);
    expect(await errorsOf(result)).toContain("quote.cannot_make");
    expect(await requestSnapshot(world.req.id)).toEqual(before);
  });

  it("answers 404 to another business and to a quote id of another request", async () => {
    const world = await quoteWorld();
    const quote = await quoteFromHome(world);
    const mine = await createRequest(world.buyer.business.id, world.buyer.buyer.id, world.areas.villageA2.id);
    await addRecipient(mine.id, world.home.group.id);
    const before = await requestSnapshot(world.req.id);
    expect(statusOf(await asBuyer(world.otherBuyer.buyer.id, world.req.number, acceptForm(quote)))).toBe(404);
    expect(statusOf(await asBuyer(world.buyer.buyer.id, mine.number, acceptForm(quote)))).toBe(404);
    expect(await requestSnapshot(world.req.id)).toEqual(before);
  });

  it("offers tempo within the limit as checkout does, and refuses it over the limit", async () => {
    const world = await quoteWorld();
    await db.business.update({
      where: { id: world.buyer.business.id },
      data: { verifiedAt: new Date(), paymentTermDays: 14, creditLimit: 1_000_000 },
    });
    const quote = await quoteFromHome(world); // 50 × 25.000 = 1.250.000
    const over = await asBuyer(
      world.buyer.buyer.id,
      world.req.number,
      acceptForm(quote, { paymentMethod: "TEMPO" }),
    );
    expect(statusOf(over)).toBe(400);
    expect(await errorsOf(over)).toContain("checkout.over_credit");
    const within = await asBuyer(
      world.buyer.buyer.id,
      world.req.number,
      acceptForm(quote, { paymentMethod: "TEMPO", quantity: "40" }),
    );
    expect(statusOf(within)).toBe(302);
    expect(
      await db.order.findFirstOrThrow({
        where: { businessId: world.buyer.business.id },
        select: { paymentMethod: true, total: true },
      }),
    ).toEqual({
      paymentMethod: "TEMPO",
      total: 1_000_000,
    });
  });
});

describe("the buyer's comparison", () => {
  it("shows each quote's price for the asked quantity, its total, distance inputs and what may be done", async () => {
    const world = await quoteWorld({ quantity: 60 });
    await quoteFromHome(world, { "tiers[0].minQuantity": "40", "tiers[0].unitPrice": "23.000" });
    await quoteFromOther(world, { unitPrice: "21.000", earliestDelivery: dayFromToday(30) });
    const page = (await buyerPage(world.buyer.buyer.id, world.req.number)) as {
      view: {
        quotes: {
          group: { id: string };
          forQuantity: number;
          unitPriceAtQuantity: number;
          total: number;
          late: boolean;
          canAccept: boolean;
        }[];
        payment: { methods: string[] };
        actions: { edit: boolean; cancel: boolean };
      };
    };
    const byGroup = new Map(page.view.quotes.map((q) => [q.group.id, q]));
    // The home group can make 50 of the 60 asked: its tier price applies to 50.
    expect(byGroup.get(world.home.group.id)).toMatchObject({
      forQuantity: 50,
      unitPriceAtQuantity: 23_000,
      total: 1_150_000,
      late: false,
      canAccept: true,
    });
    expect(byGroup.get(world.other.group.id)).toMatchObject({
      forQuantity: 50,
      unitPriceAtQuantity: 21_000,
      total: 1_050_000,
      late: true,
    });
    expect(page.view.payment.methods).toEqual(["BANK_TRANSFER", "CASH_ON_DELIVERY"]);
    expect(page.view.actions).toEqual({ edit: false, cancel: true });
  });

  it("shows an expired quote as expired, with no accept offered", async () => {
    const world = await quoteWorld();
    const quote = await quoteFromHome(world);
    await db.quote.update({ where: { id: quote.id }, data: { validUntil: addWibDays(new Date(), -1) } });
    const page = (await buyerPage(world.buyer.buyer.id, world.req.number)) as {
      view: { quotes: { expired: boolean; canAccept: boolean }[] };
    };
    expect(page.view.quotes[0]).toMatchObject({ expired: true, canAccept: false });
  });
});

describe("a quote for more than a week's capacity", () => {
  async function madeToOrder(world: QuoteWorld, capacityPerWeek: number) {
    const made = await createProduct(world.home.group.id, world.category.id, {
      name: "Tas rajut tali kur",
      supplyMode: "MADE_TO_ORDER",
      leadTimeDays: 2,
    });
    await db.product.update({ where: { id: made.id }, data: { capacityPerWeek } });
    return made;
  }

  it("is booked over the weeks before the date, the wanted week first, one order line per week", async () => {
    const world = await quoteWorld({ quantity: 70 });
    const made = await madeToOrder(world, 30);
    const quote = await quoteFromHome(world, { productId: made.id, quantity: "70" });
    const result = await asBuyer(
      world.buyer.buyer.id,
      world.req.number,
      acceptForm(quote, { quantity: "70" }),
    );
    expect(statusOf(result)).toBe(302);
    const order = await db.order.findFirstOrThrow({
      where: { quote: { id: quote.id } },
      include: { items: { orderBy: { capacityWeek: "asc" } } },
    });
    const wanted = wibWeekKey(order.wantedBy!);
    const weekBefore = wibWeekKey(addWibDays(order.wantedBy!, -7));
    const twoBefore = wibWeekKey(addWibDays(order.wantedBy!, -14));
    expect(order.items.map((item) => [item.capacityWeek, item.quantity])).toEqual([
      [twoBefore, 10],
      [weekBefore, 30],
      [wanted, 30],
    ]);
    expect(order.total).toBe(70 * quote.unitPrice);
    expect(
      await db.capacityBooking.findMany({
        where: { productId: made.id },
        orderBy: { week: "asc" },
        select: { week: true, booked: true },
      }),
    ).toEqual([
      { week: twoBefore, booked: 10 },
      { week: weekBefore, booked: 30 },
      { week: wanted, booked: 30 },
    ]);
  });

  it("is refused with a reason, and nothing booked, when the weeks until the date cannot hold it", async () => {
    const world = await quoteWorld({ quantity: 200 });
    const made = await madeToOrder(world, 5);
    const quote = await quoteFromHome(world, { productId: made.id, quantity: "200" });
    const before = await requestSnapshot(world.req.id);
    const result = await asBuyer(
      world.buyer.buyer.id,
      world.req.number,
      acceptForm(quote, { quantity: "200" }),
    );
    expect(statusOf(result)).toBe(400);
    expect(await requestSnapshot(world.req.id)).toEqual(before);
  });
});
