import { describe, expect, it } from "vitest";
import { db } from "~/.server/db/client";
import { transitionOrder } from "~/.server/orders/orders";
import { recordPayment } from "~/.server/payments/record";
import { incomeByMonthForArea } from "~/.server/reports/income";
import { wibMonthKey } from "~/utils/time";
import { createWorld } from "../helpers/factories";
import { placedOrderNumber } from "../helpers/orders";

describe("income per month for a TKM area", () => {
  it("counts money received for orders in the WIB month it arrived, and not members' dues", async () => {
    const world = await createWorld();
    const placed = { number: await placedOrderNumber(world.buyer, world.product.id, 20) };
    await transitionOrder(
      { party: "group", groupId: world.home.group.id },
      world.home.manager.id,
      placed.number,
      "confirm",
      undefined,
    );
    // 31 Oct 18:00 UTC is already 1 Nov in Jakarta.
    const receivedAt = new Date("2026-10-31T18:00:00Z");
    await recordPayment(
      world.home.group.id,
      world.home.manager.id,
      placed.number,
      { amount: 500_000, idempotencyKey: "monitor-key-1" },
      receivedAt,
    );
    await db.cashEntry.create({
      data: {
        groupId: world.home.group.id,
        kind: "INCOME",
        category: "IKS",
        amount: 40_000,
        occurredAt: receivedAt,
      },
    });

    const report = await incomeByMonthForArea(
      world.areas.districtA.path,
      3,
      new Date("2026-11-20T00:00:00Z"),
    );
    expect(report.months).toEqual(["2026-09", "2026-10", "2026-11"]);
    const row = report.groups.find((g) => g.id === world.home.group.id);
    expect(row?.months).toEqual({ "2026-09": 0, "2026-10": 0, "2026-11": 500_000 });
    expect(report.totals[wibMonthKey(receivedAt)]).toBe(500_000);
    expect(report.groups.some((g) => g.id === world.other.group.id)).toBe(false);
  });
});
