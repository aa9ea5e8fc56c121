import { describe, expect, it } from "vitest";
import { db, type PaymentMethod } from "~/.server/db/client";
import { addMonths } from "~/.server/monitoring/months";
import { areaFlags } from "~/.server/monitoring/flags";
import { loader as flagsCsvLoader } from "~/routes/tkm.kelompok-tanda[.]csv";
import { loader as evidenceLoader } from "~/routes/tkm.tanda.$groupId";
import { wibMonthKey, wibMonthStart } from "~/utils/time";
import {
  createCategory,
  createGroupWithManager,
  createProduct,
  createTkmOfficer,
  createUser,
  createWorld,
} from "../helpers/factories";
import { callLoader, request, statusOf } from "../helpers/requests";
import { summariseNewLines, summariseNewOrder } from "../helpers/summarised";

// One group per flag, beside a group with none and groups just under each limit; then the flag
// page, scoped to the viewer's area and naming buyers to TKM only.

const DAY = 86_400_000;
const NOW = new Date();
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);
let serial = 0;

describe("monitoring flags", () => {
  it("flags each group for what is wrong with it, with its numbers, and no other", async () => {
    const world = await createWorld();
    const village = world.areas.villageA1.id;
    const category = await createCategory();
    const buyer = world.buyer;
    const make = async (name: string, options: { verified?: boolean; joinedDaysAgo?: number } = {}) => {
      const made = await createGroupWithManager(village);
      await db.group.update({
        where: { id: made.group.id },
        data: {
          name,
          verifiedAt: options.verified === false ? null : ago(300),
          joinedAt: ago(options.joinedDaysAgo ?? 300),
        },
      });
      return made;
    };
    const order = async (
      groupId: string,
      data: {
        placedAt: Date;
        deliveredAt?: Date;
        wantedBy?: Date;
        status?: "PLACED" | "CONFIRMED" | "RECEIVED" | "CANCELLED";
        paymentMethod?: PaymentMethod;
        dueAt?: Date;
        amountPaid?: number;
      },
    ) => {
      const made = await db.order.create({
        data: {
          number: `JJR-FLAG-${++serial}-${Math.random().toString(36).slice(2, 8)}`,
          groupId,
          businessId: buyer.business.id,
          placedById: buyer.buyer.id,
          status: data.status ?? (data.deliveredAt ? "RECEIVED" : "CONFIRMED"),
          paymentMethod: data.paymentMethod ?? "BANK_TRANSFER",
          subtotal: 100_000,
          total: 100_000,
          amountPaid: data.amountPaid ?? 0,
          placedAt: data.placedAt,
          deliveredAt: data.deliveredAt ?? null,
          wantedBy: data.wantedBy ?? null,
          dueAt: data.dueAt ?? null,
        },
      });
      await summariseNewOrder(made.id);
      return made;
    };
    const income = async (groupId: string, amount: number, occurredAt: Date) => {
      const line = { groupId, kind: "INCOME" as const, category: "OTHER_SALES" as const, amount, occurredAt };
      await db.cashEntry.create({ data: line });
      await summariseNewLines([line]);
    };
    const midMonth = (back: number) =>
      new Date(wibMonthStart(addMonths(wibMonthKey(NOW), -back)).getTime() + 14 * DAY);

    const clean = await make("Bersih");
    await order(clean.group.id, { placedAt: ago(10) });

    const quiet = await make("Sepi");
    await order(quiet.group.id, { placedAt: ago(70) });
    await order(quiet.group.id, { placedAt: ago(20), status: "CANCELLED" }); // not a sale
    await income(quiet.group.id, 50_000, ago(65));
    const newcomer = await make("Baru bergabung", { joinedDaysAgo: 30 }); // no sales yet, but new

    const falling = await make("Menurun");
    await order(falling.group.id, { placedAt: ago(5) });
    for (const [back, amount] of [
      [4, 400_000],
      [3, 300_000],
      [2, 200_000],
      [1, 100_000],
    ] as const) {
      await income(falling.group.id, amount, midMonth(back));
    }
    const flat = await make("Datar"); // one month level: not three drops
    await order(flat.group.id, { placedAt: ago(5) });
    for (const [back, amount] of [
      [4, 400_000],
      [3, 300_000],
      [2, 300_000],
      [1, 100_000],
    ] as const) {
      await income(flat.group.id, amount, midMonth(back));
    }

    const late = await make("Terlambat");
    const lateJustUnder = await make("Hampir terlambat");
    for (const [group, lateCount] of [
      [late, 2],
      [lateJustUnder, 1],
    ] as const) {
      for (let i = 0; i < 5; i++) {
        const placedAt = ago(30 + i);
        await order(group.group.id, {
          placedAt,
          wantedBy: new Date(placedAt.getTime() + 3 * DAY),
          deliveredAt: new Date(placedAt.getTime() + (i < lateCount ? 6 : 2) * DAY),
        });
      }
    }
    // Deliveries across the whole 90 days (the months in between are read from the summaries, the
    // ends from the orders): 4 late of 7 with the one below.
    const spread = await make("Tersebar");
    for (const [i, deliveredDaysAgo] of [89, 70, 50, 31, 12, 1].entries()) {
      const deliveredAt = ago(deliveredDaysAgo);
      await order(spread.group.id, {
        placedAt: new Date(deliveredAt.getTime() - 4 * DAY),
        wantedBy: new Date(deliveredAt.getTime() - (i % 2 === 0 ? 2 : -1) * DAY),
        deliveredAt,
      });
    }
    // Late, an hour inside the window's first (partial) month.
    const justInside = new Date(NOW.getTime() - 90 * DAY + 3_600_000);
    await order(spread.group.id, {
      placedAt: new Date(justInside.getTime() - 6 * DAY),
      wantedBy: new Date(justInside.getTime() - 2 * DAY),
      deliveredAt: justInside,
    });
    // A late delivery a day before the window: not counted.
    await order(spread.group.id, { placedAt: ago(100), wantedBy: ago(95), deliveredAt: ago(91) });
    // Late, but long ago: outside the 90 days.
    for (let i = 0; i < 5; i++)
      await order(lateJustUnder.group.id, { placedAt: ago(200), wantedBy: ago(199), deliveredAt: ago(150) });

    const owing = await make("Tempo");
    await order(owing.group.id, {
      placedAt: ago(40),
      paymentMethod: "TEMPO",
      dueAt: ago(10),
      amountPaid: 30_000,
    });
    await order(owing.group.id, {
      placedAt: ago(20),
      paymentMethod: "TEMPO",
      dueAt: new Date(NOW.getTime() + 5 * DAY),
    });
    await order(owing.group.id, {
      placedAt: ago(50),
      paymentMethod: "TEMPO",
      dueAt: ago(20),
      amountPaid: 100_000,
    });

    const silent = await make("Diam");
    await order(silent.group.id, { placedAt: ago(5) });
    const product = await createProduct(silent.group.id, category.id);
    const requestFor = async (daysAgo: number) => {
      const made = await db.quoteRequest.create({
        data: {
          number: `PMT-FLAG-${++serial}`,
          businessId: buyer.business.id,
          createdById: buyer.buyer.id,
          villageId: village,
          title: `Besek ${daysAgo} hari`,
          quantity: 100,
          unit: "PCS",
          neededBy: new Date(NOW.getTime() + 20 * DAY),
          closesAt: new Date(NOW.getTime() + 10 * DAY),
          createdAt: ago(daysAgo),
          recipients: { create: { groupId: silent.group.id, source: "MATCHED", createdAt: ago(daysAgo) } },
        },
      });
      return made;
    };
    await requestFor(5); // unanswered
    await requestFor(1); // too soon to tell
    const answered = await requestFor(6);
    await db.quote.create({
      data: {
        requestId: answered.id,
        groupId: silent.group.id,
        productId: product.id,
        createdById: silent.manager.id,
        unitPrice: 5_000,
        quantity: 100,
        earliestDelivery: NOW,
        validUntil: new Date(NOW.getTime() + 5 * DAY),
        createdAt: ago(5),
      },
    });

    const leaderless = await make("Tanpa pengurus");
    await order(leaderless.group.id, { placedAt: ago(5) });
    await db.user.update({
      where: { id: leaderless.manager.id },
      data: { suspendedAt: ago(3), suspendReason: "Akun dipakai orang lain" },
    });
    const unverified = await make("Belum diverifikasi", { verified: false });
    await order(unverified.group.id, { placedAt: ago(5) });

    const flags = await areaFlags({ areaPath: world.areas.districtA.path }, NOW);
    const kinds = (id: string) => (flags.get(id) ?? []).map((f) => f.kind);
    expect(kinds(clean.group.id)).toEqual([]);
    expect(kinds(newcomer.group.id)).toEqual([]);
    expect(kinds(quiet.group.id)).toEqual(["no_sales"]);
    expect(flags.get(quiet.group.id)?.[0]).toMatchObject({
      reason: "mon.flag_reason.no_sales",
      counts: { days: 65, limit: 60 },
    });
    expect(kinds(falling.group.id)).toEqual(["falling_income"]);
    expect(flags.get(falling.group.id)?.[0]).toMatchObject({ money: { from: 400_000, to: 100_000 } });
    expect(kinds(flat.group.id)).toEqual([]);
    expect(kinds(late.group.id)).toEqual(["late_deliveries"]);
    expect(flags.get(late.group.id)?.[0]).toMatchObject({ counts: { late: 2, delivered: 5, percent: 40 } });
    expect(kinds(lateJustUnder.group.id)).toEqual([]);
    expect(flags.get(spread.group.id)?.[0]).toMatchObject({
      kind: "late_deliveries",
      counts: { late: 4, delivered: 7, percent: 57 },
    });
    expect(kinds(owing.group.id)).toEqual(["overdue_tempo"]);
    expect(flags.get(owing.group.id)?.[0]).toMatchObject({ counts: { count: 1 }, money: { amount: 70_000 } });
    expect(kinds(silent.group.id)).toEqual(["unanswered_requests"]);
    expect(flags.get(silent.group.id)?.[0]).toMatchObject({ counts: { count: 1, days: 3 } });
    expect(kinds(leaderless.group.id)).toEqual(["no_manager"]);
    expect(flags.get(leaderless.group.id)?.[0]?.reason).toBe("mon.flag_reason.no_officer");
    expect(flags.get(unverified.group.id)?.map((f) => f.reason)).toEqual(["mon.flag_reason.not_verified"]);
    // The world's own group (never verified, never sold, joined today) and nothing outside the area.
    expect(flags.has(world.other.group.id)).toBe(false);

    // The flag page: inside the area for TKM with buyers named; the village without names; 404 outside.
    const { officer } = await createTkmOfficer(world.areas.villageA1.id);
    const evidence = (await callLoader(
      evidenceLoader,
      await request(`/tkm/tanda/${late.group.id}`, { userId: officer.id }),
      { groupId: late.group.id },
    )) as { flags: { kind: string }[]; deliveries: { buyer: string | null; onTime: boolean }[] };
    expect(evidence.flags.map((f) => f.kind)).toEqual(["late_deliveries"]);
    expect(evidence.deliveries.filter((d) => !d.onTime)).toHaveLength(2);
    expect(evidence.deliveries.every((d) => d.buyer === buyer.business.name)).toBe(true);

    const official = await createUser({ name: "Perangkat desa" });
    await db.villageOfficial.create({ data: { userId: official.id, areaId: village } });
    const seenByVillage = (await callLoader(
      evidenceLoader,
      await request(`/tkm/tanda/${owing.group.id}`, { userId: official.id }),
      { groupId: owing.group.id },
    )) as { overdue: { buyer: string | null }[] };
    expect(seenByVillage.overdue).toHaveLength(1);
    expect(JSON.stringify(seenByVillage)).not.toContain(buyer.business.name);

    const elsewhere = await createTkmOfficer(world.areas.villageA2.id);
    for (const [userId, groupId] of [
      [elsewhere.officer.id, late.group.id],
      [officer.id, world.other.group.id],
      [officer.id, "no-such-group"],
    ] as const) {
      const result = await callLoader(evidenceLoader, await request(`/tkm/tanda/${groupId}`, { userId }), {
        groupId,
      });
      expect(statusOf(result)).toBe(404);
    }
    expect(
      statusOf(
        await callLoader(
          evidenceLoader,
          await request(`/tkm/tanda/${late.group.id}`, { userId: buyer.buyer.id }),
          {
            groupId: late.group.id,
          },
        ),
      ),
    ).toBe(403);

    // The groups-with-flags CSV: the reasons in words, and a name that looks like a formula made harmless.
    await db.group.update({ where: { id: late.group.id }, data: { name: '=HYPERLINK("http://x")' } });
    const csv = (await callLoader(
      flagsCsvLoader,
      await request("/tkm/kelompok-tanda.csv", { userId: officer.id }),
    )) as Response;
    const text = await csv.text();
    expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(text).toContain("2 dari 5 pengiriman dalam 90 hari terakhir terlambat (40%).");
    expect(text).not.toContain(world.other.group.name);
  }, 120_000);
});
