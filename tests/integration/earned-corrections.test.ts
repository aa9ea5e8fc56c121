import { describe, expect, it } from "vitest";
import { db } from "~/.server/db/client";
import { addManualLine, reverseLine } from "~/.server/ledger/book";
import { earnedIncomeLines, signedAmount } from "~/.server/ledger/cash-book";
import { reconcile } from "~/.server/ledger/reconcile";
import { transitionOrder } from "~/.server/orders/orders";
import { recordPayment } from "~/.server/payments/record";
import { groupIncomeInArea, incomeByMonthForArea } from "~/.server/reports/income";
import { wibDateKey } from "~/utils/delivery";
import { wibMonthKey } from "~/utils/time";
import { createWorld } from "../helpers/factories";
import { placedOrderNumber } from "../helpers/orders";

// A correction ("Koreksi") of an other-sales line is an EXPENSE line of category OTHER_SALES: it
// takes that sale back, so earned income — the ledger's, the TKM report's, the group page's and
// reconcile's — must drop by it. (It once counted only INCOME lines of the sales categories.)

describe("earned income with a corrected other-sales line", () => {
  it("the ledger, the TKM report, the group's page and reconcile agree, and the sale is taken back", async () => {
    const world = await createWorld();
    const groupId = world.home.group.id;
    const tenant = { groupId };
    const managerId = world.home.manager.id;
    const now = new Date();

    const number = await placedOrderNumber(world.buyer, world.product.id, 10);
    expect((await transitionOrder({ party: "group", groupId }, managerId, number, "confirm")).ok).toBe(true);
    const paid = await recordPayment(groupId, managerId, number, {
      amount: 70_000,
      idempotencyKey: `p-${number}`,
    });
    expect(paid.ok).toBe(true);

    const today = wibDateKey(now);
    const sale = {
      formKey: "f-sale",
      kind: "INCOME" as const,
      category: "OTHER_SALES",
      amount: 45_000,
      date: today,
    };
    expect(await addManualLine(tenant, managerId, { ...sale, description: "Jual di bazar" }, now)).toEqual({
      ok: true,
      duplicate: false,
    });
    const other = {
      formKey: "f-other",
      kind: "INCOME" as const,
      category: "OTHER_SALES",
      amount: 12_000,
      date: today,
    };
    expect(
      (await addManualLine(tenant, managerId, { ...other, description: "Jual ke tetangga" }, now)).ok,
    ).toBe(true);
    const line = await db.cashEntry.findFirstOrThrow({
      where: { groupId, category: "OTHER_SALES", amount: 45_000 },
      select: { id: true },
    });
    const reversed = await reverseLine(
      tenant,
      managerId,
      { formKey: "k", entryId: line.id, reason: "Salah catat" },
      now,
    );
    expect(reversed).toEqual({ ok: true, duplicate: false });
    const correction = await db.cashEntry.findFirstOrThrow({
      where: { reversesId: line.id },
      select: { kind: true, category: true, amount: true },
    });
    expect(correction).toEqual({ kind: "EXPENSE", category: "OTHER_SALES", amount: 45_000 });

    // Order 70.000 + other sales 45.000 + 12.000 − the correction 45.000.
    const expected = 70_000 + 12_000;
    const lines = await earnedIncomeLines(db, { groupId });
    expect(lines.reduce((sum, l) => sum + signedAmount(l), 0)).toBe(expected);

    const month = wibMonthKey(now);
    const area = await incomeByMonthForArea(world.areas.districtA.path, 1, now);
    const row = area.groups.find((g) => g.id === groupId);
    expect(row?.months[month]).toBe(expected);
    expect(row?.total).toBe(expected);
    expect(area.totals[month]).toBe(expected);

    const page = await groupIncomeInArea(world.areas.districtA.path, groupId, 1, now);
    expect(page?.income[month]).toBe(expected);

    const result = await reconcile({ group: world.home.group.slug }, incomeByMonthForArea, now);
    expect(result.differences).toEqual([]);
  });
});
