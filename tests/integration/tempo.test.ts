import { describe, expect, it } from "vitest";
import { db } from "~/.server/db/client";
import { listOrdersForBusiness, transitionOrder } from "~/.server/orders/orders";
import { paymentOptions } from "~/.server/payments/methods";
import { recordPayment } from "~/.server/payments/record";
import { sendTempoReminders } from "~/.server/orders/tempo";
import { action as termsAction } from "~/routes/tkm.pembeli";
import { createTkmOfficer, createWorld } from "../helpers/factories";
import { orderNow } from "../helpers/orders";
import { callAction, request, statusOf } from "../helpers/requests";

const DAY = 86_400_000;

describe("tempo", () => {
  it("falls due after the term once received, is reminded once, then marked overdue for both sides once", async () => {
    const world = await createWorld();
    await db.business.update({
      where: { id: world.buyer.business.id },
      data: { verifiedAt: new Date(), paymentTermDays: 14, creditLimit: 1_000_000 },
    });
    const placed = await orderNow(world.buyer, world.product.id, 10, { paymentMethod: "TEMPO" });
    if (!placed.ok || !("numbers" in placed)) throw new Error("order failed");
    const number = placed.numbers[0]!;
    const tenant = { party: "group" as const, groupId: world.home.group.id };
    const received = new Date();
    for (const step of ["confirm", "ship", "mark_received"] as const) {
      await transitionOrder(tenant, world.home.manager.id, number, step, {}, received);
    }
    const order = await db.order.findUniqueOrThrow({
      where: { number },
      select: { dueAt: true, status: true },
    });
    expect(order).toEqual({ status: "RECEIVED", dueAt: new Date(received.getTime() + 14 * DAY) });

    const count = (key: string) =>
      db.notification.count({ where: { messageKey: key, params: { contains: number } } });
    const dayBefore = new Date(received.getTime() + 13 * DAY);
    await sendTempoReminders(dayBefore);
    await sendTempoReminders(dayBefore);
    expect(await count("notify.tempo_due_soon")).toBe(1);
    expect(await count("notify.tempo_overdue")).toBe(0);

    const late = new Date(received.getTime() + 15 * DAY);
    await Promise.all([sendTempoReminders(late), sendTempoReminders(late)]);
    expect(await count("notify.tempo_overdue")).toBe(1);
    expect(await count("notify.tempo_overdue_group")).toBe(1);
    expect(
      (await listOrdersForBusiness(world.buyer.business.id, late)).find((o) => o.number === number)?.overdue,
    ).toBe(true);

    await recordPayment(world.home.group.id, world.home.manager.id, number, {
      amount: 250_000,
      idempotencyKey: "tempo-0001",
    });
    expect(
      (await listOrdersForBusiness(world.buyer.business.id, late)).find((o) => o.number === number),
    ).toMatchObject({
      overdue: false,
      status: "COMPLETED",
    });
  });

  it("terms are set by the TKM team of the business's area, and only there", async () => {
    const world = await createWorld();
    const inside = await createTkmOfficer(world.areas.districtA.id);
    const outside = await createTkmOfficer(world.areas.districtB.id);
    const form = {
      businessId: world.buyer.business.id,
      verified: "on",
      termDays: "30",
      creditLimit: "2000000",
    };
    const set = async (userId: string) =>
      callAction(termsAction, await request("/tkm/pembeli", { userId, form }));
    expect(statusOf(await set(outside.officer.id))).toBe(404);
    expect((await paymentOptions(world.buyer.business.id)).methods).not.toContain("TEMPO");
    expect(statusOf(await set(inside.officer.id))).toBe(302);
    expect((await paymentOptions(world.buyer.business.id)).tempo).toEqual({
      days: 30,
      limit: 2_000_000,
      available: 2_000_000,
    });
    expect(
      await db.auditEvent.count({
        where: { action: "business.tempo_terms", entityId: world.buyer.business.id },
      }),
    ).toBe(1);
    const bad = await callAction(
      termsAction,
      await request("/tkm/pembeli", { userId: inside.officer.id, form: { ...form, termDays: "45" } }),
    );
    expect(statusOf(bad)).toBe(400);
  });
});
