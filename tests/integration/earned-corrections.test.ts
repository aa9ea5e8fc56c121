import { describe, expect, it } from "vitest";
import { db } from "~/.server/db/client";
import { addManualLine, reverseLine } from "~/.server/ledger/book";
import { earnedIncomeLines, signedAmount } from "~/.server/ledger/cash-book";
import { reconcile } from "~/.server/ledger/reconcile";
import { transitionOrder } from "~/.server/orders/orders";
import { recordPayment } from "~/.server/payments/record";
import { groupDashboard } from "~/.server/reports/dashboard";
import { groupIncomeInArea, incomeByMonthForArea } from "~/.server/reports/income";
import { wibDateKey } from "~/utils/delivery";
import { wibMonthKey } from "~/utils/time";
import { createWorld } from "../helpers/factories";
import { placedOrderNumber } from "../helpers/orders";

// A correction ("Koreksi") of an other-sales line is an EXPENSE line of category OTHER_SALES: it
// takes that sale back, so earned income — the ledger's, the TKM report's, the group page's and
// reconcile's — must drop by it. (It once counted only INCOME lines of the sales categories.)

describe("corrections in the books", () => {
  it("the ledger, the TKM report, the group's page, its dashboard and reconcile agree, and the sale is taken back", async () => {
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

    const dashboard = await groupDashboard({ groupId }, now);
    expect(dashboard.current.income).toBe(expected);
    expect(dashboard.incomeByMonth[month]).toBe(expected);

    const result = await reconcile({ group: world.home.group.slug }, incomeByMonthForArea, now);
    expect(result.differences).toEqual([]);
  });

  it("reconcile names corrections of another group's line, of the same kind, or for more than the line", async () => {
    const world = await createWorld();
    const home = world.home.group.id;
    const line = (
      groupId: string,
      kind: "INCOME" | "EXPENSE",
      amount: number,
      at: string,
      reversesId?: string,
    ) =>
      db.cashEntry.create({
        data: { groupId, kind, category: "OTHER", amount, occurredAt: new Date(at), reversesId },
        select: { id: true },
      });
    // Written behind the ledger's back: a correction in March of the other group's line, one in
    // April of the same kind as its line, and in May two corrections taking back 9.000 of 6.000.
    const theirs = await line(world.other.group.id, "INCOME", 4_000, "2026-03-01T05:00:00Z");
    await line(home, "EXPENSE", 4_000, "2026-03-02T05:00:00Z", theirs.id);
    const april = await line(home, "INCOME", 3_000, "2026-04-01T05:00:00Z");
    await line(home, "INCOME", 3_000, "2026-04-02T05:00:00Z", april.id);
    const may = await line(home, "INCOME", 6_000, "2026-05-01T05:00:00Z");
    await line(home, "EXPENSE", 5_000, "2026-05-02T05:00:00Z", may.id);
    await line(home, "EXPENSE", 4_000, "2026-05-03T05:00:00Z", may.id);

    const result = await reconcile({ group: world.home.group.slug }, incomeByMonthForArea);
    const named = result.differences.filter((d) => d.check === "correction");
    expect(named).toEqual([
      expect.objectContaining({
        group: world.home.group.slug,
        month: "2026-03",
        left: { label: "unmatched corrections", amount: 4_000 },
        right: { label: "expected", amount: 0 },
      }),
      expect.objectContaining({
        month: "2026-04",
        left: { label: "unmatched corrections", amount: 3_000 },
      }),
      expect.objectContaining({
        month: "2026-05",
        left: { label: "corrections", amount: 9_000 },
        right: { label: "line", amount: 6_000 },
      }),
    ]);
    // The other group's own books hold nothing wrong, and a period before March sees nothing.
    expect((await reconcile({ group: world.other.group.slug }, incomeByMonthForArea)).differences).toEqual(
      [],
    );
    expect(
      (await reconcile({ group: world.home.group.slug, to: "2026-02" }, incomeByMonthForArea)).differences,
    ).toEqual([]);
  });
});
