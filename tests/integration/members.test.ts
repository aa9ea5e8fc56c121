import { describe, expect, it } from "vitest";
import { db } from "~/.server/db/client";
import { addManualLine } from "~/.server/ledger/book";
import { deleteContribution, recordContribution } from "~/.server/members/contributions";
import { approveDistribution, recordPayout } from "~/.server/members/distributions";
import { action as memberAction, loader as memberLoader } from "~/routes/kelola.anggota.$id";
import { action as membersAction, loader as membersLoader } from "~/routes/kelola.anggota._index";
import { action as workAction } from "~/routes/kelola.anggota.kerja";
import {
  action as distributionAction,
  loader as distributionLoader,
} from "~/routes/kelola.bagi-hasil.$number._index";
import { loader as slipLoader } from "~/routes/kelola.bagi-hasil.$number.slip.$memberId";
import { action as sharingAction, loader as sharingLoader } from "~/routes/kelola.bagi-hasil._index";
import { loader as publicGroupLoader } from "~/routes/kelompok.$slug";
import { wibDateKey } from "~/utils/delivery";
import { wibMonthStart } from "~/utils/time";
import { createTkmOfficer, createUser, createWorld } from "../helpers/factories";
import { placedOrderNumber } from "../helpers/orders";
import { callAction, callLoader, request, statusOf } from "../helpers/requests";

type World = Awaited<ReturnType<typeof createWorld>>;

// A month far from today, so "now" never falls inside it.
const MONTH = "2026-03";
const inMonth = (day: number) =>
  new Date(wibMonthStart(MONTH).getTime() + (day - 1) * 86_400_000 + 12 * 3_600_000);

async function officer(world: World, role: "SEKRETARIS" | "BENDAHARA") {
  const user = await createUser({ name: `${role} ${Math.random()}` });
  await db.groupMember.create({
    data: { groupId: world.home.group.id, userId: user.id, name: user.name, role },
  });
  return user;
}

async function addMember(world: World, name: string, userId = world.home.manager.id) {
  const response = await callAction(
    membersAction,
    await request("/kelola/anggota", {
      userId,
      form: { intent: "add", name, rw: "5", phone: "", role: "ANGGOTA", joinedAt: "2026-01-05" },
    }),
  );
  expect(statusOf(response)).toBe(302);
  return db.groupMember.findFirstOrThrow({ where: { groupId: world.home.group.id, name } });
}

function work(world: World, memberId: string, form: Record<string, string>, userId = world.home.manager.id) {
  return request("/kelola/anggota/kerja", {
    userId,
    form: { intent: "record", memberId, date: "2026-03-10", quantity: "0", hours: "0", ...form },
  }).then((req) => callAction(workAction, req));
}

/** A manual line in the group's cash book, `day` days into MONTH (WIB), entered by its ketua. */
async function bookLine(
  world: World,
  line: { kind: "INCOME" | "EXPENSE"; category: string; amount: number; day: number },
) {
  const date = wibDateKey(inMonth(line.day));
  const saved = await addManualLine({ groupId: world.home.group.id }, world.home.manager.id, {
    formKey: `${date}-${line.category}-${Math.random()}`,
    ...line,
    date,
    description: line.category,
  });
  expect(saved).toMatchObject({ ok: true });
}

/** Income 1.000.000 and costs 100.000 in MONTH, a 20% fund, and three members' units 1:1:1. */
async function sharingWorld() {
  const world = await createWorld();
  const tenant = { groupId: world.home.group.id };
  // Income and costs as the book's manual lines enter them; one cost outside MONTH.
  await bookLine(world, { kind: "INCOME", category: "OTHER_SALES", amount: 1_000_000, day: 3 });
  await bookLine(world, { kind: "EXPENSE", category: "MATERIALS", amount: 100_000, day: 4 });
  await bookLine(world, { kind: "EXPENSE", category: "MATERIALS", amount: 55_000, day: 40 });
  await db.groupFundRate.create({
    data: { groupId: tenant.groupId, percent: 20, validFrom: new Date("2026-01-01T00:00:00Z") },
  });
  await db.groupFundRate.create({
    data: { groupId: tenant.groupId, percent: 35, validFrom: new Date("2026-06-01T00:00:00Z") },
  });
  const members = [];
  for (const name of ["Euis", "Cucu", "Imas"]) {
    const member = await addMember(world, name);
    const recorded = await recordContribution(tenant, world.home.manager.id, {
      memberId: member.id,
      date: inMonth(10),
      quantity: 1,
      hours: name === "Euis" ? 3 : 1,
    });
    expect(recorded.ok).toBe(true);
    members.push(member);
  }
  const bendahara = await officer(world, "BENDAHARA");
  const sekretaris = await officer(world, "SEKRETARIS");
  return { world, tenant, members, bendahara, sekretaris };
}

function save(world: World, form: Record<string, string> = {}, userId = world.home.manager.id) {
  return request("/kelola/bagi-hasil", {
    userId,
    form: { intent: "save", from: MONTH, basis: "QUANTITY", ...form },
  }).then((req) => callAction(sharingAction, req));
}

function onDistribution(number: string, form: Record<string, string>, userId: string) {
  return request(`/kelola/bagi-hasil/${number}`, { userId, form }).then((req) =>
    callAction(distributionAction, req, { number }),
  );
}

describe("members", () => {
  it("keeps a member without phone or account, marks her left without deleting her, and shows the public only a count", async () => {
    const world = await createWorld();
    const member = await addMember(world, "Nining Suryani");
    expect(member).toMatchObject({ rw: "RW 05", phone: null, userId: null, role: "ANGGOTA", leftAt: null });
    const left = await callAction(
      memberAction,
      await request(`/kelola/anggota/${member.id}`, {
        userId: world.home.manager.id,
        form: { intent: "left", memberId: member.id, leftAt: "2026-04-01" },
      }),
      { id: member.id },
    );
    expect(statusOf(left)).toBe(302);
    const after = await db.groupMember.findUniqueOrThrow({ where: { id: member.id } });
    expect(after.leftAt).not.toBeNull();
    expect(await db.auditEvent.count({ where: { entityId: member.id } })).toBe(2);

    const page = await callLoader(publicGroupLoader, await request(`/kelompok/${world.home.group.slug}`), {
      slug: world.home.group.slug,
    });
    expect(JSON.stringify(page)).not.toContain("Nining");
  });

  it("refuses an unreadable phone and keeps what was typed", async () => {
    const world = await createWorld();
    const response = await callAction(
      membersAction,
      await request("/kelola/anggota", {
        userId: world.home.manager.id,
        form: {
          intent: "add",
          name: "Ai Rohaeti",
          rw: "3",
          phone: "12ab",
          role: "ANGGOTA",
          joinedAt: "2026-01-05",
        },
      }),
    );
    expect(statusOf(response)).toBe(400);
    expect(await db.groupMember.count({ where: { name: "Ai Rohaeti" } })).toBe(0);
  });

  it("answers 404 to a buyer, a TKM officer, another group's officer and an anggota with an account", async () => {
    const world = await createWorld();
    const member = await addMember(world, "Tati Rusmiati");
    const anggota = await createUser();
    await db.groupMember.create({
      data: { groupId: world.home.group.id, userId: anggota.id, name: "Anggota", role: "ANGGOTA" },
    });
    const { officer: tkm } = await createTkmOfficer(world.areas.districtA.id);
    for (const userId of [world.buyer.buyer.id, world.other.manager.id, anggota.id, tkm.id]) {
      expect(
        statusOf(
          await callLoader(memberLoader, await request(`/kelola/anggota/${member.id}`, { userId }), {
            id: member.id,
          }),
        ),
      ).toBe(404);
    }
    // Without a group of her own to manage, the pages themselves are not there.
    for (const userId of [world.buyer.buyer.id, anggota.id, tkm.id]) {
      expect(statusOf(await callLoader(membersLoader, await request("/kelola/anggota", { userId })))).toBe(
        404,
      );
      expect(statusOf(await callLoader(sharingLoader, await request("/kelola/bagi-hasil", { userId })))).toBe(
        404,
      );
    }
    // Another group's officer names this group's member in her own form: not found, nothing changes.
    const edited = await callAction(
      memberAction,
      await request(`/kelola/anggota/${member.id}`, {
        userId: world.other.manager.id,
        form: {
          intent: "update",
          memberId: member.id,
          name: "Diganti",
          role: "KETUA",
          joinedAt: "2026-01-01",
        },
      }),
      { id: member.id },
    );
    expect(statusOf(edited)).toBe(404);
    expect((await db.groupMember.findUniqueOrThrow({ where: { id: member.id } })).name).toBe("Tati Rusmiati");
  });

  it("lets only the ketua change the role of a member with an account, and no one her own", async () => {
    const world = await createWorld();
    const sekretaris = await officer(world, "SEKRETARIS");
    const bendahara = await officer(world, "BENDAHARA");
    const row = await db.groupMember.findFirstOrThrow({ where: { userId: bendahara.id } });
    const promote = (userId: string) =>
      request(`/kelola/anggota/${row.id}`, {
        userId,
        form: { intent: "update", memberId: row.id, name: row.name, role: "KETUA", joinedAt: "2026-01-01" },
      }).then((req) => callAction(memberAction, req, { id: row.id }));
    expect(statusOf(await promote(sekretaris.id))).toBe(400);
    expect(statusOf(await promote(bendahara.id))).toBe(400);
    expect(statusOf(await promote(world.home.manager.id))).toBe(302);
  });
});

describe("members' work", () => {
  it("records units for one of the group's orders and refuses another group's order or member", async () => {
    const world = await createWorld();
    const member = await addMember(world, "Yati");
    const number = await placedOrderNumber(world.buyer, world.product.id);
    const order = await db.order.findUniqueOrThrow({ where: { number } });
    expect(statusOf(await work(world, member.id, { orderId: order.id, quantity: "40" }))).toBe(302);
    const otherNumber = await placedOrderNumber(world.buyer, world.otherProduct.id);
    const otherOrder = await db.order.findUniqueOrThrow({ where: { number: otherNumber } });
    expect(statusOf(await work(world, member.id, { orderId: otherOrder.id, quantity: "5" }))).toBe(404);
    const stranger = await db.groupMember.findFirstOrThrow({ where: { groupId: world.other.group.id } });
    expect(statusOf(await work(world, stranger.id, { hours: "5" }))).toBe(404);
    expect(statusOf(await work(world, member.id, {}))).toBe(400);
    expect(statusOf(await work(world, member.id, { quantity: "-3" }))).toBe(400);
    const rows = await db.memberContribution.findMany({ where: { memberId: member.id } });
    expect(rows).toEqual([expect.objectContaining({ orderId: order.id, quantity: 40, hours: 0 })]);
  });

  it("deletes a wrong entry, but not one an approved distribution shared by, and says which", async () => {
    const { world, members } = await sharingWorld();
    const wrong = await db.memberContribution.findFirstOrThrow({ where: { memberId: members[0]!.id } });
    expect(statusOf(await save(world))).toBe(302);
    const remove = () =>
      request("/kelola/anggota/kerja", {
        userId: world.home.manager.id,
        form: { intent: "delete", contributionId: wrong.id },
      }).then((req) => callAction(workAction, req));
    expect(statusOf(await onDistribution(`BH-${MONTH}`, { intent: "approve" }, world.home.manager.id))).toBe(
      302,
    );
    const refused = await remove();
    expect(statusOf(refused)).toBe(400);
    expect(JSON.stringify(await (refused as Response).json())).toContain(`BH-${MONTH}`);
    expect(statusOf(await work(world, members[0]!.id, { quantity: "9" }))).toBe(400);
    expect(await db.memberContribution.count({ where: { id: wrong.id } })).toBe(1);

    const other = await db.memberContribution.create({
      data: { groupId: world.home.group.id, memberId: members[0]!.id, date: inMonth(45), quantity: 2 },
    });
    const removeOther = await request("/kelola/anggota/kerja", {
      userId: world.home.manager.id,
      form: { intent: "delete", contributionId: other.id },
    }).then((req) => callAction(workAction, req));
    expect(statusOf(removeOther)).toBe(302);
    expect(await db.memberContribution.count({ where: { id: other.id } })).toBe(0);
  });
});

describe("bagi hasil", () => {
  it("proposes from the book: income less costs, the fund's rate for the period rounded down, the rest split exactly", async () => {
    const { world } = await sharingWorld();
    const page = (await callLoader(
      sharingLoader,
      await request(`/kelola/bagi-hasil?dari=${MONTH}&dasar=HOURS`, { userId: world.home.manager.id }),
    )) as Awaited<ReturnType<typeof sharingLoader>>;
    expect(page.proposal).toMatchObject({
      income: 1_000_000,
      costs: 100_000,
      fundPercent: 20,
      fundAmount: 180_000,
    });
    expect(page.proposal?.distributable).toBe(720_000);
    expect(page.proposal?.shares.map((s) => [s.name, s.amount])).toEqual([
      ["Euis", 432_000],
      ["Cucu", 144_000],
      ["Imas", 144_000],
    ]);
    expect(await db.distribution.count({ where: { groupId: world.home.group.id } })).toBe(0);
  });

  it("saves what the book says whatever the form claims, once for a double submit, numbered by month", async () => {
    const { world } = await sharingWorld();
    const tampered = { distributable: "999999999", amount: "1", fundPercent: "0", income: "5000000" };
    const [first, second] = await Promise.all([save(world, tampered), save(world, tampered)]);
    expect([statusOf(first), statusOf(second)].sort()).toEqual([302, 400]);
    const saved = await db.distribution.findMany({
      where: { groupId: world.home.group.id },
      include: { shares: true },
    });
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({
      number: `BH-${MONTH}`,
      status: "PROPOSED",
      distributable: 720_000,
      fundPercent: 20,
    });
    // 720.000 by 1:1:1 is exact; the shares always sum to the distributable amount.
    expect(saved[0]!.shares.map((s) => s.amount).sort()).toEqual([240_000, 240_000, 240_000]);
    expect(
      await db.auditEvent.count({ where: { action: "distribution.propose", groupId: world.home.group.id } }),
    ).toBe(1);
  });

  it("refuses a period with nothing to share, or with no work of the chosen kind", async () => {
    const world = await createWorld();
    expect(statusOf(await save(world))).toBe(400);
    expect(await db.distribution.count({ where: { groupId: world.home.group.id } })).toBe(0);
  });

  it("refuses an approved period that overlaps another, and a cancellation without a reason", async () => {
    const { world } = await sharingWorld();
    expect(statusOf(await save(world))).toBe(302);
    expect(statusOf(await onDistribution(`BH-${MONTH}`, { intent: "approve" }, world.home.manager.id))).toBe(
      302,
    );
    expect(statusOf(await onDistribution(`BH-${MONTH}`, { intent: "approve" }, world.home.manager.id))).toBe(
      400,
    );
    const overlapping = await save(world, { from: "2026-02", to: MONTH });
    expect(statusOf(overlapping)).toBe(400);
    expect(
      statusOf(await onDistribution(`BH-${MONTH}`, { intent: "cancel", reason: "" }, world.home.manager.id)),
    ).toBe(400);
    expect(await db.distribution.count({ where: { groupId: world.home.group.id } })).toBe(1);
  });

  it("pays out through the bendahara as a PAYOUT line with an audit event, never above the share, then refuses to cancel", async () => {
    const { world, members, bendahara, sekretaris } = await sharingWorld();
    expect(statusOf(await save(world))).toBe(302);
    const number = `BH-${MONTH}`;
    const share = await db.distributionShare.findFirstOrThrow({ where: { memberId: members[1]!.id } });
    // Not before approval.
    expect(
      statusOf(
        await onDistribution(number, { intent: "pay", shareId: share.id, amount: "1.000" }, bendahara.id),
      ),
    ).toBe(400);
    expect(statusOf(await onDistribution(number, { intent: "approve" }, sekretaris.id))).toBe(302);
    // The sekretaris cannot pay; another group's officer does not find it.
    expect(
      statusOf(
        await onDistribution(number, { intent: "pay", shareId: share.id, amount: "1.000" }, sekretaris.id),
      ),
    ).toBe(404);
    expect(
      statusOf(
        await onDistribution(
          number,
          { intent: "pay", shareId: share.id, amount: "1.000" },
          world.other.manager.id,
        ),
      ),
    ).toBe(404);
    expect(
      statusOf(
        await onDistribution(number, { intent: "pay", shareId: share.id, amount: "240.001" }, bendahara.id),
      ),
    ).toBe(400);
    expect(
      statusOf(
        await onDistribution(number, { intent: "pay", shareId: share.id, amount: "-5" }, bendahara.id),
      ),
    ).toBe(400);
    expect(
      statusOf(
        await onDistribution(number, { intent: "pay", shareId: share.id, amount: "100 rb" }, bendahara.id),
      ),
    ).toBe(302);
    const lines = await db.cashEntry.findMany({
      where: { groupId: world.home.group.id, category: "PAYOUT" },
    });
    expect(lines).toEqual([
      expect.objectContaining({
        kind: "EXPENSE",
        amount: 100_000,
        memberId: members[1]!.id,
        description: number,
      }),
    ]);
    expect(
      await db.auditEvent.count({ where: { action: "distribution.payout", groupId: world.home.group.id } }),
    ).toBe(1);
    expect(
      statusOf(
        await onDistribution(number, { intent: "pay", shareId: share.id, amount: "140.001" }, bendahara.id),
      ),
    ).toBe(400);
    expect(
      statusOf(
        await onDistribution(number, { intent: "cancel", reason: "Salah hitung" }, world.home.manager.id),
      ),
    ).toBe(400);
    expect((await db.distribution.findFirstOrThrow({ where: { groupId: world.home.group.id } })).status).toBe(
      "APPROVED",
    );

    // A share of another distribution named under this number is not found.
    const detail = (await callLoader(
      distributionLoader,
      await request(`/kelola/bagi-hasil/${number}`, { userId: bendahara.id }),
      {
        number,
      },
    )) as Awaited<ReturnType<typeof distributionLoader>>;
    expect(detail.distribution.shares.find((s) => s.id === share.id)).toMatchObject({
      paid: 100_000,
      remaining: 140_000,
    });
  });

  it("never pays out more than a share when two payouts race", async () => {
    const { world, tenant, members, bendahara } = await sharingWorld();
    expect(statusOf(await save(world))).toBe(302);
    const number = `BH-${MONTH}`;
    expect(statusOf(await onDistribution(number, { intent: "approve" }, world.home.manager.id))).toBe(302);
    const share = await db.distributionShare.findFirstOrThrow({ where: { memberId: members[2]!.id } });
    const results = await Promise.all(
      Array.from({ length: 4 }, () =>
        recordPayout(tenant, bendahara.id, { number, shareId: share.id, amount: 100_000 }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(2);
    const paid = await db.distributionPayout.aggregate({
      where: { shareId: share.id },
      _sum: { amount: true },
    });
    expect(paid._sum.amount).toBe(200_000);
    expect(await db.cashEntry.count({ where: { category: "PAYOUT", memberId: members[2]!.id } })).toBe(2);
  });

  it("cancels a proposal with a reason, after which the period may be proposed again under a new number", async () => {
    const { world } = await sharingWorld();
    expect(statusOf(await save(world))).toBe(302);
    expect(
      statusOf(
        await onDistribution(
          `BH-${MONTH}`,
          { intent: "cancel", reason: "Biaya belum lengkap" },
          world.home.manager.id,
        ),
      ),
    ).toBe(302);
    expect(statusOf(await save(world, { basis: "HOURS" }))).toBe(302);
    const numbers = (
      await db.distribution.findMany({
        where: { groupId: world.home.group.id },
        select: { number: true, status: true },
      })
    ).map((d) => `${d.number}:${d.status}`);
    expect(numbers.sort()).toEqual([`BH-${MONTH}-2:PROPOSED`, `BH-${MONTH}:CANCELLED`]);
  });

  it("approves only what the books still say: a race with a deletion leaves either the work fixed or the proposal refused", async () => {
    const { world, tenant, members } = await sharingWorld();
    expect(statusOf(await save(world))).toBe(302);
    const entry = await db.memberContribution.findFirstOrThrow({ where: { memberId: members[0]!.id } });
    const [approved, deleted] = await Promise.all([
      approveDistribution(tenant, world.home.manager.id, `BH-${MONTH}`),
      deleteContribution(tenant, world.home.manager.id, entry.id),
    ]);
    const stillThere = await db.memberContribution.count({ where: { id: entry.id } });
    const status = (await db.distribution.findFirstOrThrow({ where: { groupId: world.home.group.id } }))
      .status;
    // Exactly one wins: approved with the work kept, or the work deleted and the proposal stale.
    expect(approved.ok).not.toBe(deleted.ok);
    if (approved.ok) {
      expect([status, stillThere, !deleted.ok && deleted.key]).toEqual(["APPROVED", 1, "members.work_fixed"]);
    } else {
      expect([status, stillThere, approved.key]).toEqual(["PROPOSED", 0, "members.proposal_stale"]);
    }
  });

  it("refuses to approve a proposal the book has moved away from (a cost entered late)", async () => {
    const { world } = await sharingWorld();
    expect(statusOf(await save(world))).toBe(302);
    await bookLine(world, { kind: "EXPENSE", category: "TRANSPORT", amount: 30_000, day: 20 });
    expect(statusOf(await onDistribution(`BH-${MONTH}`, { intent: "approve" }, world.home.manager.id))).toBe(
      400,
    );
    expect((await db.distribution.findFirstOrThrow({ where: { groupId: world.home.group.id } })).status).toBe(
      "PROPOSED",
    );
  });

  it("shows a member's shares and payouts by month on her page", async () => {
    const { world, tenant, members, bendahara } = await sharingWorld();
    expect(statusOf(await save(world))).toBe(302);
    expect(statusOf(await onDistribution(`BH-${MONTH}`, { intent: "approve" }, world.home.manager.id))).toBe(
      302,
    );
    const share = await db.distributionShare.findFirstOrThrow({ where: { memberId: members[0]!.id } });
    const paid = await recordPayout(
      tenant,
      bendahara.id,
      { number: `BH-${MONTH}`, shareId: share.id, amount: 40_000 },
      new Date("2026-04-03T05:00:00Z"),
    );
    expect(paid.ok).toBe(true);
    const page = (await callLoader(
      memberLoader,
      await request(`/kelola/anggota/${members[0]!.id}`, { userId: world.home.manager.id }),
      { id: members[0]!.id },
    )) as Awaited<ReturnType<typeof memberLoader>>;
    expect(page.byMonth).toEqual([
      { key: "2026-04", share: 0, paid: 40_000 },
      { key: MONTH, share: 240_000, paid: 0 },
    ]);
  });

  it("shows a member's slip to the group's officers only", async () => {
    const { world, members, bendahara } = await sharingWorld();
    expect(statusOf(await save(world))).toBe(302);
    const number = `BH-${MONTH}`;
    const path = `/kelola/bagi-hasil/${number}/slip/${members[0]!.id}`;
    const slip = (await callLoader(slipLoader, await request(path, { userId: bendahara.id }), {
      number,
      memberId: members[0]!.id,
    })) as Awaited<ReturnType<typeof slipLoader>>;
    expect(slip.slip).toMatchObject({
      amount: 240_000,
      paid: 0,
      remaining: 240_000,
      member: { name: "Euis" },
    });
    for (const userId of [world.buyer.buyer.id, world.other.manager.id]) {
      expect(
        statusOf(
          await callLoader(slipLoader, await request(path, { userId }), { number, memberId: members[0]!.id }),
        ),
      ).toBe(404);
    }
    const stranger = await db.groupMember.findFirstOrThrow({ where: { groupId: world.other.group.id } });
    expect(
      statusOf(
        await callLoader(
          slipLoader,
          await request(`/kelola/bagi-hasil/${number}/slip/${stranger.id}`, { userId: bendahara.id }),
          {
            number,
            memberId: stranger.id,
          },
        ),
      ),
    ).toBe(404);
  });
});
