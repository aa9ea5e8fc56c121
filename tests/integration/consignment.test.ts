import { describe, expect, it } from "vitest";
import {
  confirmConsignmentPayment,
  consignmentDue,
  placeConsignment,
  reportConsignment,
} from "~/.server/consignment/consignment";
import { db } from "~/.server/db/client";
import { incomeByMonthForArea } from "~/.server/reports/income";
import { action as shopAction } from "~/routes/konsinyasi";
import { action as groupAction } from "~/routes/kelola.konsinyasi";
import { wibMonthKey } from "~/utils/time";
import { createWorld } from "../helpers/factories";
import { stockOf } from "../helpers/orders";
import { callAction, jsonOf, request, statusOf } from "../helpers/requests";

type World = Awaited<ReturnType<typeof createWorld>>;

async function placed(world: World, quantity = 50) {
  const response = await callAction(
    groupAction,
    await request("/kelola/konsinyasi", {
      userId: world.home.manager.id,
      form: {
        intent: "place",
        productId: world.product.id,
        businessId: world.buyer.business.id,
        quantity: String(quantity),
        unitPrice: "25000",
        commissionPct: "20",
      },
    }),
  );
  expect(statusOf(response)).toBe(302);
  return db.consignmentPlacement.findFirstOrThrow({
    where: { businessId: world.buyer.business.id },
    orderBy: { placedAt: "desc" },
  });
}

function report(
  world: World,
  placementId: string,
  sold: number,
  returned = 0,
  userId = world.buyer.buyer.id,
) {
  return request("/konsinyasi", {
    userId,
    form: { placementId, quantitySold: String(sold), quantityReturned: String(returned) },
  }).then((req) => callAction(shopAction, req));
}

describe("konsinyasi", () => {
  it("takes the goods from stock, bills what sold less commission, takes back what returns, and books the money once", async () => {
    const world = await createWorld();
    const placement = await placed(world);
    expect(await stockOf(world.product.id)).toBe(50);
    expect(statusOf(await report(world, placement.id, 20, 5))).toBe(302);
    expect(await stockOf(world.product.id)).toBe(55);
    const [first] = await db.consignmentReport.findMany({ where: { placementId: placement.id } });
    expect(first).toMatchObject({ quantitySold: 20, quantityReturned: 5, amountDue: 400_000, paidAt: null });
    expect(consignmentDue(20, 25_000, 20)).toBe(400_000);

    const results = await Promise.all([
      confirmConsignmentPayment(world.home.group.id, world.home.manager.id, first!.id),
      confirmConsignmentPayment(world.home.group.id, world.home.manager.id, first!.id),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const entries = await db.cashEntry.findMany({
      where: { groupId: world.home.group.id },
      select: { category: true, amount: true },
    });
    expect(entries).toEqual([{ category: "CONSIGNMENT", amount: 400_000 }]);
    const income = await incomeByMonthForArea(world.areas.districtA.path, 1);
    expect(income.groups.find((g) => g.id === world.home.group.id)?.months[wibMonthKey(new Date())]).toBe(
      400_000,
    );
  });

  it("never counts more than is at the shop, even when two reports race, and closes when all is accounted for", async () => {
    const world = await createWorld();
    const placement = await placed(world, 30);
    const racing = await Promise.all([report(world, placement.id, 20), report(world, placement.id, 20)]);
    expect(racing.map(statusOf).sort()).toEqual([302, 400]);
    const loser = racing.find((r) => statusOf(r) === 400)!;
    expect((await jsonOf(loser)).error?.[""]?.[0]).toMatch(/^consignment\.more_than_left/);
    expect(statusOf(await report(world, placement.id, 5, 5))).toBe(302);
    const closed = await db.consignmentPlacement.findUniqueOrThrow({ where: { id: placement.id } });
    expect(closed).toMatchObject({ quantityAccounted: 30 });
    expect(closed.closedAt).not.toBeNull();
    expect((await jsonOf(await report(world, placement.id, 1))).error?.[""]).toEqual(["consignment.closed"]);
  });

  it("belongs to its shop and its group only", async () => {
    const world = await createWorld();
    const placement = await placed(world);
    expect(statusOf(await report(world, placement.id, 1, 0, world.otherBuyer.buyer.id))).toBe(404);
    expect(
      await placeConsignment(world.other.group.id, world.other.manager.id, {
        productId: world.product.id,
        businessId: world.buyer.business.id,
        quantity: 1,
        unitPrice: 1,
        commissionPct: 0,
      }),
    ).toEqual({ ok: false, key: "consignment.product_not_found" });
    await reportConsignment(world.buyer.business.id, world.buyer.buyer.id, placement.id, {
      quantitySold: 2,
      quantityReturned: 0,
    });
    const [only] = await db.consignmentReport.findMany({ where: { placementId: placement.id } });
    expect(await confirmConsignmentPayment(world.other.group.id, world.other.manager.id, only!.id)).toEqual({
      ok: false,
      key: "consignment.not_found",
    });
    const tooMany = await callAction(
      groupAction,
      await request("/kelola/konsinyasi", {
        userId: world.home.manager.id,
        form: {
          intent: "place",
          productId: world.product.id,
          businessId: world.buyer.business.id,
          quantity: "51",
          unitPrice: "1",
          commissionPct: "0",
        },
      }),
    );
    expect((await jsonOf(tooMany)).error?.[""]).toEqual(["consignment.not_enough_stock"]);
  });
});
