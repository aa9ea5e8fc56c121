import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { db } from "~/.server/db/client";
import { transitionOrder } from "~/.server/orders/orders";
import { reviewTransfer } from "~/.server/payments/transfers";
import { action as groupOrderAction } from "~/routes/kelola.pesanan.$number";
import { action as buyerOrderAction } from "~/routes/pesanan.$number";
import { loader as imageLoader } from "~/routes/gambar.$hash";
import { action as tkmGroupAction } from "~/routes/tkm.kelompok.$groupId";
import { createTkmOfficer, createWorld } from "../helpers/factories";
import { placedOrderNumber } from "../helpers/orders";
import { callAction, callLoader, jsonOf, request, statusOf } from "../helpers/requests";

type World = Awaited<ReturnType<typeof createWorld>>;

async function confirmedOrder(world: World, buyer: World["buyer"] = world.buyer) {
  const number = await placedOrderNumber(buyer, world.product.id, 10); // Rp250.000
  await transitionOrder(
    { party: "group", groupId: world.home.group.id },
    world.home.manager.id,
    number,
    "confirm",
  );
  return number;
}

function transferForm(
  fields: Record<string, string>,
  proof?: { bytes: Uint8Array; name: string; type: string },
) {
  const form = new FormData();
  form.set("intent", "transfer");
  form.set("idempotencyKey", "transfer-key-0001");
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  if (proof) form.set("proof", new File([new Uint8Array(proof.bytes)], proof.name, { type: proof.type }));
  return form;
}

async function report(world: World, number: string, form: FormData, buyer: World["buyer"] = world.buyer) {
  return callAction(buyerOrderAction, await request(`/pesanan/${number}`, { userId: buyer.buyer.id, form }), {
    number,
  });
}

async function money(world: World, number: string) {
  const [order, payments, entries] = await Promise.all([
    db.order.findUniqueOrThrow({ where: { number }, select: { amountPaid: true, paymentStatus: true } }),
    db.payment.findMany({
      where: { order: { number } },
      select: { state: true, amount: true, proofImageId: true },
    }),
    db.cashEntry.count({ where: { groupId: world.home.group.id } }),
  ]);
  return { order, payments, entries };
}

describe("bank transfer reported by the buyer", () => {
  it("waits for the group to see the money, once however often it is sent", async () => {
    const world = await createWorld();
    const number = await confirmedOrder(world);
    const form = transferForm({ amount: "250000", reference: "BRI 8812" });
    const responses = await Promise.all([report(world, number, form), report(world, number, form)]);
    expect(responses.map(statusOf)).toEqual([302, 302]);
    expect(await money(world, number)).toEqual({
      order: { amountPaid: 0, paymentStatus: "UNPAID" },
      payments: [{ state: "PENDING", amount: 250_000, proofImageId: null }],
      entries: 0,
    });
    expect(
      await db.notification.count({
        where: { userId: world.home.manager.id, messageKey: "notify.transfer_reported" },
      }),
    ).toBe(1);
  });

  it("keeps a photo of the proof, cleaned like every upload, and refuses a file that is not a picture", async () => {
    const world = await createWorld();
    const number = await confirmedOrder(world);
    const fake = transferForm(
      { amount: "250000" },
      { bytes: new TextEncoder().encode("not a photo"), name: "bukti.jpg", type: "image/jpeg" },
    );
    const refused = await report(world, number, fake);
    expect(statusOf(refused)).toBe(400);
    expect((await jsonOf(refused)).error?.proof).toEqual(["image.wrong_type"]);
    expect((await money(world, number)).payments).toEqual([]);

    const photo = await sharp({ create: { width: 600, height: 800, channels: 3, background: "#dddddd" } })
      .jpeg()
      .toBuffer();
    const accepted = await report(
      world,
      number,
      transferForm({ amount: "250000" }, { bytes: photo, name: "bukti.jpg", type: "image/jpeg" }),
    );
    expect(statusOf(accepted)).toBe(302);
    expect((await money(world, number)).payments[0]?.proofImageId).not.toBeNull();
  });

  it("shows the proof photo to the order's parties and the area's TKM team only", async () => {
    const world = await createWorld();
    const number = await confirmedOrder(world);
    const photo = await sharp({ create: { width: 600, height: 800, channels: 3, background: "#cccccc" } })
      .jpeg()
      .toBuffer();
    await report(
      world,
      number,
      transferForm({ amount: "250000" }, { bytes: photo, name: "bukti.jpg", type: "image/jpeg" }),
    );
    const variant = await db.imageVariant.findFirstOrThrow({
      where: { asset: { payments: { some: { order: { number } } } }, format: "jpeg" },
      select: { hash: true },
    });
    const inside = await createTkmOfficer(world.areas.districtA.id);
    const outside = await createTkmOfficer(world.areas.districtB.id);
    const fetchAs = async (userId?: string) =>
      callLoader(imageLoader, await request(`/gambar/${variant.hash}`, { userId }), { hash: variant.hash });
    for (const userId of [world.buyer.buyer.id, world.home.manager.id, inside.officer.id]) {
      const served = (await fetchAs(userId)) as Response;
      expect(served.status).toBe(200);
      expect(served.headers.get("Cache-Control")).toBe("private, max-age=31536000, immutable");
    }
    for (const userId of [undefined, world.otherBuyer.buyer.id, world.other.manager.id, outside.officer.id])
      expect(statusOf(await fetchAs(userId))).toBe(404);
  });

  it("keeps each buyer's proof apart, even when the pictures look alike or are the same file", async () => {
    const world = await createWorld();
    const first = await confirmedOrder(world, world.buyer);
    const second = await confirmedOrder(world, world.otherBuyer);
    // 528 × 300 and 528 × 301 of the same grey shrink to the same 320 px files.
    const receipt = (height: number) =>
      sharp({ create: { width: 528, height, channels: 3, background: "#e0e0e0" } })
        .png()
        .toBuffer();
    const proof = (bytes: Uint8Array) => ({ bytes, name: "bukti.png", type: "image/png" });
    const proofOf = async (number: string) =>
      db.payment.findFirstOrThrow({
        where: { order: { number } },
        select: {
          proofImage: {
            select: {
              id: true,
              height: true,
              variants: { where: { format: "jpeg" }, select: { hash: true } },
            },
          },
        },
      });
    expect(
      statusOf(await report(world, first, transferForm({ amount: "250000" }, proof(await receipt(300))))),
    ).toBe(302);
    expect(
      statusOf(
        await report(
          world,
          second,
          transferForm({ amount: "250000" }, proof(await receipt(301))),
          world.otherBuyer,
        ),
      ),
    ).toBe(302);
    const [mine, theirs] = [await proofOf(first), await proofOf(second)];
    expect(theirs.proofImage?.height).toBe(301);
    expect(theirs.proofImage?.id).not.toBe(mine.proofImage?.id);

    // The very same file reported for a third order is stored again, not shared with the first.
    const third = await confirmedOrder(world, world.otherBuyer);
    const sameFile = transferForm({ amount: "250000" }, proof(await receipt(300)));
    sameFile.set("idempotencyKey", "transfer-key-0002");
    expect(statusOf(await report(world, third, sameFile, world.otherBuyer))).toBe(302);
    const again = await proofOf(third);
    expect(again.proofImage?.id).not.toBe(mine.proofImage?.id);
    // So the other buyer cannot open the first buyer's proof through her own.
    const firstHash = mine.proofImage?.variants[0]?.hash ?? "";
    expect(again.proofImage?.variants.map((v) => v.hash)).not.toContain(firstHash);
    const served = await callLoader(
      imageLoader,
      await request(`/gambar/${firstHash}`, { userId: world.otherBuyer.buyer.id }),
      { hash: firstHash },
    );
    expect(statusOf(served)).toBe(404);
  });

  it.each([
    [{ amount: "250001", reference: "x" }, "amount", 'payment.exceeds_due|{"due":250000}'],
    [{ amount: "250000" }, "reference", "transfer.proof_or_reference"],
    [{ amount: "0", reference: "x" }, "amount", "form.positive"],
  ])("refuses %j with a message", async (fields, field, message) => {
    const world = await createWorld();
    const number = await confirmedOrder(world);
    const response = await report(world, number, transferForm(fields));
    expect(statusOf(response)).toBe(400);
    expect((await jsonOf(response)).error?.[field]).toEqual([message]);
    expect((await money(world, number)).payments).toEqual([]);
  });
});

describe("confirming a reported transfer", () => {
  async function reported(world: World) {
    const number = await confirmedOrder(world);
    await report(world, number, transferForm({ amount: "250000", reference: "BRI 8812" }));
    const payment = await db.payment.findFirstOrThrow({ where: { order: { number } }, select: { id: true } });
    return { number, paymentId: payment.id };
  }

  it("puts the money in the books once when two treasurers confirm at the same moment", async () => {
    const world = await createWorld();
    const { number, paymentId } = await reported(world);
    const confirm = async () =>
      callAction(
        groupOrderAction,
        await request(`/kelola/pesanan/${number}`, {
          userId: world.home.manager.id,
          form: { intent: "review_transfer", paymentId, decision: "confirm" },
        }),
        { number },
      );
    const results = await Promise.all([confirm(), confirm()]);
    expect(results.map(statusOf).sort()).toEqual([302, 400]);
    expect(await money(world, number)).toEqual({
      order: { amountPaid: 250_000, paymentStatus: "PAID" },
      payments: [{ state: "SUCCEEDED", amount: 250_000, proofImageId: null }],
      entries: 1,
    });
  });

  it("can be done by a TKM officer of the group's area, and by no one outside it", async () => {
    const world = await createWorld();
    const { number, paymentId } = await reported(world);
    const outside = await createTkmOfficer(world.areas.districtB.id);
    const inside = await createTkmOfficer(world.areas.districtA.id);
    const review = async (userId: string) =>
      callAction(
        tkmGroupAction,
        await request(`/tkm/kelompok/${world.home.group.id}`, {
          userId,
          form: { intent: "review_transfer", paymentId, decision: "confirm" },
        }),
        { groupId: world.home.group.id },
      );
    expect(statusOf(await review(outside.officer.id))).toBe(404);
    expect(
      await reviewTransfer(
        { kind: "group", groupId: world.other.group.id, orderNumber: number },
        world.other.manager.id,
        paymentId,
        "confirm",
      ),
    ).toEqual({ ok: false, key: "transfer.not_found" });
    expect((await money(world, number)).entries).toBe(0);
    expect(statusOf(await review(inside.officer.id))).toBe(302);
    expect((await money(world, number)).order.paymentStatus).toBe("PAID");
  });

  it("is only taken on the page of the order (or the group) the report belongs to", async () => {
    const world = await createWorld();
    const { number, paymentId } = await reported(world);
    const elsewhere = await confirmedOrder(world); // the same group's other order
    const onPage = async (path: string, action: typeof groupOrderAction, params: Record<string, string>) =>
      callAction(
        action,
        await request(path, {
          userId: path.startsWith("/tkm") ? inside.officer.id : world.home.manager.id,
          form: { intent: "review_transfer", paymentId, decision: "confirm" },
        }),
        params,
      );
    const inside = await createTkmOfficer(world.areas.districtA.id);
    expect(
      statusOf(await onPage(`/kelola/pesanan/${elsewhere}`, groupOrderAction, { number: elsewhere })),
    ).toBe(404);
    expect(
      statusOf(
        await onPage(`/tkm/kelompok/${world.other.group.id}`, tkmGroupAction, {
          groupId: world.other.group.id,
        }),
      ),
    ).toBe(404);
    expect(await money(world, number)).toMatchObject({ payments: [{ state: "PENDING" }], entries: 0 });
    expect((await money(world, elsewhere)).order).toEqual({ amountPaid: 0, paymentStatus: "UNPAID" });
    expect(statusOf(await onPage(`/kelola/pesanan/${number}`, groupOrderAction, { number }))).toBe(302);
    expect((await money(world, number)).order.paymentStatus).toBe("PAID");
  });

  it("is refused once the order was cancelled, and the books stay empty", async () => {
    const world = await createWorld();
    const confirmed = await confirmedOrder(world);
    expect(
      statusOf(await report(world, confirmed, transferForm({ amount: "250000", reference: "BCA 0413" }))),
    ).toBe(302);
    const { id: paymentId } = await db.payment.findFirstOrThrow({ where: { order: { number: confirmed } } });
    expect(
      await transitionOrder(
        { party: "buyer", businessId: world.buyer.business.id },
        world.buyer.buyer.id,
        confirmed,
        "cancel",
      ),
    ).toEqual({ ok: true, status: "CANCELLED" });
    expect(
      await reviewTransfer(
        { kind: "group", groupId: world.home.group.id, orderNumber: confirmed },
        world.home.manager.id,
        paymentId,
        "confirm",
      ),
    ).toEqual({ ok: false, key: "payment.not_payable" });
    expect(await money(world, confirmed)).toMatchObject({
      order: { amountPaid: 0, paymentStatus: "UNPAID" },
      payments: [{ state: "PENDING" }],
      entries: 0,
    });
  });

  it("tells the buyer when the money is not in the account, and books nothing", async () => {
    const world = await createWorld();
    const { number, paymentId } = await reported(world);
    expect(
      await reviewTransfer(
        { kind: "group", groupId: world.home.group.id, orderNumber: number },
        world.home.manager.id,
        paymentId,
        "decline",
      ),
    ).toEqual({ ok: true });
    expect(await money(world, number)).toMatchObject({ payments: [{ state: "FAILED" }], entries: 0 });
    expect(
      await db.notification.count({
        where: { userId: world.buyer.buyer.id, messageKey: "notify.transfer_declined" },
      }),
    ).toBe(1);
  });
});
