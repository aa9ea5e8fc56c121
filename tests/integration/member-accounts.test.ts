import { describe, expect, it } from "vitest";
import { signIn } from "~/.server/auth/accounts";
import { CODE_VALID_MS, giveSignInCode, redeemSignInCode } from "~/.server/auth/member-accounts";
import { db } from "~/.server/db/client";
import { action as giveAction, loader as giveLoader } from "~/routes/kelola.akun-anggota";
import { loader as rootLoader, type RootLoaderData } from "~/root";
import { loader as manageLoader } from "~/routes/kelola._index";
import { loader as konsinyasiLoader } from "~/routes/kelola.konsinyasi";
import { action as redeemAction } from "~/routes/masuk_.kode";
import { loader as mineLoader } from "~/routes/saya";
import { action as tkmAction, loader as tkmLoader } from "~/routes/tkm.kelompok.$groupId_.akun";
import { createGroupWithManager, createTkmOfficer, createWorld, uniquePhone } from "../helpers/factories";
import { callAction, callLoader, request, statusOf } from "../helpers/requests";

type World = Awaited<ReturnType<typeof createWorld>>;
const NEW_PASSWORD = "anyaman-bambu-jayagiri";

async function addMember(groupId: string, data: { phone?: string | null; role?: "ANGGOTA" | "KETUA" } = {}) {
  return db.groupMember.create({
    data: {
      groupId,
      name: `Ibu ${Math.random().toString(36).slice(2, 7)}`,
      phone: data.phone === undefined ? uniquePhone() : data.phone,
      role: data.role ?? "ANGGOTA",
    },
  });
}

async function giveAsKetua(world: World, memberId: string, userId = world.home.manager.id) {
  return callAction(giveAction, await request("/kelola/akun-anggota", { userId, form: { memberId } }));
}

async function codeFrom(response: unknown): Promise<string> {
  if (!(response instanceof Response)) throw new Error("expected a Response");
  const body = (await response.clone().json()) as { given: { code: string } | null };
  if (!body.given) throw new Error(`no code: ${JSON.stringify(body)}`);
  return body.given.code;
}

async function redeem(phone: string, code: string, password = NEW_PASSWORD, address = "10.1.1.1") {
  return callAction(
    redeemAction,
    await request("/masuk/kode", { form: { phone, code, password } }),
    {},
    address,
  );
}

describe("member accounts: one-time sign-in codes", () => {
  it("the ketua gives a code, kept only as a hash; with phone and code she sets a password and lands on her page", async () => {
    const world = await createWorld();
    const member = await addMember(world.home.group.id);
    const response = await giveAsKetua(world, member.id);
    expect(statusOf(response)).toBe(200);
    const code = await codeFrom(response);
    expect(code).toMatch(/^\d{8}$/);

    const linked = await db.groupMember.findUniqueOrThrow({
      where: { id: member.id },
      select: { userId: true },
    });
    expect(linked.userId).not.toBeNull();
    const stored = await db.signInCode.findMany({ where: { userId: linked.userId! } });
    expect(stored).toHaveLength(1);
    expect(stored[0]!.codeHash).not.toContain(code);
    expect(stored[0]!.expiresAt.getTime() - stored[0]!.createdAt.getTime()).toBe(CODE_VALID_MS);
    expect(await db.auditEvent.count({ where: { action: "member.sign_in_code", entityId: member.id } })).toBe(
      1,
    );
    // Her account exists but no password opens it yet.
    expect((await signIn(member.phone!, NEW_PASSWORD, null)).ok).toBe(false);

    // Spaces as she might type them from a note are fine.
    const done = await redeem(member.phone!, `${code.slice(0, 4)} ${code.slice(4)}`);
    expect(statusOf(done)).toBe(302);
    expect((done as Response).headers.get("Location")).toBe("/saya");
    expect((done as Response).headers.get("Set-Cookie")).toContain("jj_session=");
    const signedIn = await signIn(member.phone!, NEW_PASSWORD, null);
    expect(signedIn).toEqual({ ok: true, userId: linked.userId });
    expect(
      await db.auditEvent.count({ where: { action: "member.password_set", entityId: linked.userId! } }),
    ).toBe(1);

    // The code worked once.
    expect(statusOf(await redeem(member.phone!, code, "lain-lagi-sandinya"))).toBe(400);
    expect((await signIn(member.phone!, "lain-lagi-sandinya", null)).ok).toBe(false);
  });

  it("refuses an expired code, and accepts one just before it expires", async () => {
    const world = await createWorld();
    const member = await addMember(world.home.group.id);
    const giver = { kind: "ketua" as const, groupId: world.home.group.id };
    const longAgo = new Date(Date.now() - CODE_VALID_MS - 60_000);
    const old = await giveSignInCode(giver, world.home.manager.id, member.id, longAgo);
    if (!old.ok) throw new Error(old.key);
    expect((await redeemSignInCode(member.phone!, old.code, NEW_PASSWORD, null)).ok).toBe(false);

    const almost = new Date(Date.now() - CODE_VALID_MS + 60_000);
    const fresh = await giveSignInCode(giver, world.home.manager.id, member.id, almost);
    if (!fresh.ok) throw new Error(fresh.key);
    expect((await redeemSignInCode(member.phone!, fresh.code, NEW_PASSWORD, null)).ok).toBe(true);
  });

  it("a new code voids the older one; a second code resets her password and signs out her devices", async () => {
    const world = await createWorld();
    const member = await addMember(world.home.group.id);
    const first = await codeFrom(await giveAsKetua(world, member.id));
    const second = await codeFrom(await giveAsKetua(world, member.id));
    expect(statusOf(await redeem(member.phone!, first))).toBe(400);
    expect(statusOf(await redeem(member.phone!, second))).toBe(302);
    const { userId } = await db.groupMember.findUniqueOrThrow({
      where: { id: member.id },
      select: { userId: true },
    });
    expect(await db.session.count({ where: { userId: userId! } })).toBe(1);

    // Later she forgets it: the ketua gives another code; the same account gets a new password.
    const third = await codeFrom(await giveAsKetua(world, member.id));
    expect(await db.user.count({ where: { phone: member.phone! } })).toBe(1);
    expect(statusOf(await redeem(member.phone!, third, "sandi-baru-sekali"))).toBe(302);
    expect(await db.session.count({ where: { userId: userId! } })).toBe(1);
    expect((await signIn(member.phone!, NEW_PASSWORD, null)).ok).toBe(false);
    expect((await signIn(member.phone!, "sandi-baru-sekali", null)).ok).toBe(true);
  });

  it("lets one of two identical submissions of a code through", async () => {
    const world = await createWorld();
    const member = await addMember(world.home.group.id);
    const code = await codeFrom(await giveAsKetua(world, member.id));
    const results = await Promise.all([
      redeemSignInCode(member.phone!, code, "sandi-pertama-ku", "10.2.2.2"),
      redeemSignInCode(member.phone!, code, "sandi-kedua-ku", "10.2.2.3"),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const winner = results[0]!.ok ? "sandi-pertama-ku" : "sandi-kedua-ku";
    const loser = results[0]!.ok ? "sandi-kedua-ku" : "sandi-pertama-ku";
    expect((await signIn(member.phone!, winner, null)).ok).toBe(true);
    expect((await signIn(member.phone!, loser, null)).ok).toBe(false);
  });

  it("slows down wrong codes like wrong passwords, even when the right one comes next", async () => {
    const world = await createWorld();
    const member = await addMember(world.home.group.id);
    const code = await codeFrom(await giveAsKetua(world, member.id));
    const wrong = code === "00000000" ? "11111111" : "00000000";
    for (let i = 0; i < 5; i++)
      expect(statusOf(await redeem(member.phone!, wrong, NEW_PASSWORD, "10.3.3.3"))).toBe(400);
    const limited = await redeem(member.phone!, code, NEW_PASSWORD, "10.3.3.3");
    expect(statusOf(limited)).toBe(429);
    expect(Number((limited as Response).headers.get("Retry-After"))).toBeGreaterThan(0);
    // And the code was not spent by the refused try.
    expect(
      await db.signInCode.count({ where: { usedAt: { not: null }, user: { phone: member.phone! } } }),
    ).toBe(0);
  });

  it("refuses wrong phone, wrong code, and malformed input without saying which was wrong", async () => {
    const world = await createWorld();
    const member = await addMember(world.home.group.id);
    const code = await codeFrom(await giveAsKetua(world, member.id));
    const other = await addMember(world.home.group.id);
    expect(statusOf(await redeem(other.phone!, code))).toBe(400);
    expect(statusOf(await redeem(uniquePhone(), code))).toBe(400);
    expect(statusOf(await redeem(member.phone!, "1234"))).toBe(400);
    expect(statusOf(await redeem(member.phone!, code, "pendek"))).toBe(400);
    expect(statusOf(await redeem("bukan nomor", code))).toBe(400);
    expect(
      await db.signInCode.count({ where: { usedAt: { not: null }, user: { phone: member.phone! } } }),
    ).toBe(0);
  });

  it("gives codes only to the group's own members who are anggota with a phone and no other role", async () => {
    const world = await createWorld();
    const otherGroupsMember = await addMember(world.other.group.id);
    expect(statusOf(await giveAsKetua(world, otherGroupsMember.id))).toBe(404);
    expect(statusOf(await giveAsKetua(world, "no-such-member"))).toBe(404);

    const ketuaRow = await db.groupMember.findFirstOrThrow({
      where: { groupId: world.home.group.id, role: "KETUA" },
      select: { id: true },
    });
    expect(statusOf(await giveAsKetua(world, ketuaRow.id))).toBe(400);
    const noPhone = await addMember(world.home.group.id, { phone: null });
    expect(statusOf(await giveAsKetua(world, noPhone.id))).toBe(400);
    // A phone that is already a buyer's account is not taken over.
    const buyerPhone = (await db.user.findUniqueOrThrow({ where: { id: world.buyer.buyer.id } })).phone!;
    const sameAsBuyer = await addMember(world.home.group.id, { phone: buyerPhone });
    expect(statusOf(await giveAsKetua(world, sameAsBuyer.id))).toBe(400);
    expect(
      await db.signInCode.count({
        where: { user: { memberships: { some: { groupId: world.home.group.id } } } },
      }),
    ).toBe(0);

    // A bendahara manages the group but does not give codes; a buyer gets nothing either.
    const bendahara = await createGroupWithManager(world.areas.villageA1.id, "BENDAHARA");
    const herMember = await addMember(bendahara.group.id);
    expect(
      statusOf(
        await callAction(
          giveAction,
          await request("/kelola/akun-anggota", {
            userId: bendahara.manager.id,
            form: { memberId: herMember.id },
          }),
        ),
      ),
    ).toBe(404);
    expect(
      statusOf(
        await callLoader(giveLoader, await request("/kelola/akun-anggota", { userId: bendahara.manager.id })),
      ),
    ).toBe(404);
    expect(
      statusOf(
        await callLoader(giveLoader, await request("/kelola/akun-anggota", { userId: world.buyer.buyer.id })),
      ),
    ).toBe(403);
  });

  it("a TKM officer gives codes for groups inside the area only, and only for that group's members", async () => {
    const world = await createWorld();
    const member = await addMember(world.home.group.id);
    const outsider = await addMember(world.other.group.id);
    const inside = await createTkmOfficer(world.areas.districtA.id);
    const outside = await createTkmOfficer(world.areas.districtB.id);
    const post = async (userId: string, groupId: string, memberId: string) =>
      callAction(tkmAction, await request(`/tkm/kelompok/${groupId}/akun`, { userId, form: { memberId } }), {
        groupId,
      });
    const view = async (userId: string, groupId: string) =>
      callLoader(tkmLoader, await request(`/tkm/kelompok/${groupId}/akun`, { userId }), { groupId });

    expect(statusOf(await view(inside.officer.id, world.home.group.id))).toBe(200);
    expect(statusOf(await view(outside.officer.id, world.home.group.id))).toBe(404);
    expect(statusOf(await post(outside.officer.id, world.home.group.id, member.id))).toBe(404);
    // The home group's page, another group's member (outside the area as well).
    expect(statusOf(await post(inside.officer.id, world.home.group.id, outsider.id))).toBe(404);
    expect(
      await db.signInCode.count({ where: { createdById: { in: [inside.officer.id, outside.officer.id] } } }),
    ).toBe(0);

    const code = await codeFrom(await post(inside.officer.id, world.home.group.id, member.id));
    expect(statusOf(await redeem(member.phone!, code))).toBe(302);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "member.sign_in_code", entityId: member.id },
    });
    expect(event.actorId).toBe(inside.officer.id);
  });
});

describe("a member's own page", () => {
  async function memberWithAccount(world: World) {
    const member = await addMember(world.home.group.id);
    const code = await codeFrom(await giveAsKetua(world, member.id));
    await redeem(member.phone!, code);
    const { userId } = await db.groupMember.findUniqueOrThrow({
      where: { id: member.id },
      select: { userId: true },
    });
    return { member, userId: userId! };
  }

  it("shows her own contributions, shares and payouts by month, and nobody else's", async () => {
    const world = await createWorld();
    const { member, userId } = await memberWithAccount(world);
    const neighbour = await addMember(world.home.group.id);
    const g = world.home.group.id;
    await db.memberContribution.createMany({
      data: [
        { groupId: g, memberId: member.id, quantity: 30, hours: 0, date: new Date("2026-09-03T03:00:00Z") },
        { groupId: g, memberId: member.id, quantity: 12, hours: 5, date: new Date("2026-09-20T03:00:00Z") },
        // 00:30 WIB on 1 October.
        { groupId: g, memberId: member.id, quantity: 0, hours: 4, date: new Date("2026-09-30T17:30:00Z") },
        {
          groupId: g,
          memberId: neighbour.id,
          quantity: 500,
          hours: 90,
          date: new Date("2026-09-10T03:00:00Z"),
        },
      ],
    });
    const distribution = await db.distribution.create({
      data: {
        groupId: g,
        number: "BH-2026-09",
        // September in WIB, as monthsPeriod makes it: periodTo is the first moment of October.
        periodFrom: new Date("2026-08-31T17:00:00Z"),
        periodTo: new Date("2026-09-30T17:00:00Z"),
        income: 1_000_000,
        costs: 100_000,
        fundPercent: 10,
        fundAmount: 90_000,
        distributable: 810_000,
        basis: "QUANTITY",
        status: "APPROVED",
      },
    });
    const mine = await db.distributionShare.create({
      data: { distributionId: distribution.id, memberId: member.id, contribution: 42, amount: 62_000 },
    });
    const theirs = await db.distributionShare.create({
      data: { distributionId: distribution.id, memberId: neighbour.id, contribution: 500, amount: 748_000 },
    });
    const payout = async (shareId: string, memberId: string, amount: number, paidAt: Date) => {
      const entry = await db.cashEntry.create({
        data: { groupId: g, kind: "EXPENSE", category: "PAYOUT", amount, occurredAt: paidAt, memberId },
      });
      await db.distributionPayout.create({ data: { shareId, amount, paidAt, cashEntryId: entry.id } });
    };
    await payout(mine.id, member.id, 40_000, new Date("2026-10-05T03:00:00Z"));
    await payout(mine.id, member.id, 22_000, new Date("2026-11-02T03:00:00Z"));
    await payout(theirs.id, neighbour.id, 748_000, new Date("2026-10-05T03:00:00Z"));
    // October's proposal may still change: listed, not counted in her months.
    const proposal = await db.distribution.create({
      data: {
        groupId: g,
        number: "BH-2026-10",
        periodFrom: new Date("2026-09-30T17:00:00Z"),
        periodTo: new Date("2026-10-31T17:00:00Z"),
        income: 100_000,
        costs: 0,
        fundPercent: 10,
        fundAmount: 10_000,
        distributable: 90_000,
        basis: "HOURS",
      },
    });
    await db.distributionShare.create({
      data: { distributionId: proposal.id, memberId: member.id, contribution: 4, amount: 90_000 },
    });

    const page = (await callLoader(mineLoader, await request("/saya", { userId }))) as {
      name: string;
      months: {
        month: string;
        quantity: number;
        hours: number;
        entries: number;
        shared: number;
        paid: number;
      }[];
      contributions: unknown[];
      shares: { number: string; amount: number; paid: number; status: string }[];
    };
    expect(page.name).toBe(member.name);
    expect(page.months).toEqual([
      { month: "2026-11", quantity: 0, hours: 0, entries: 0, shared: 0, paid: 22_000 },
      { month: "2026-10", quantity: 0, hours: 4, entries: 1, shared: 0, paid: 40_000 },
      { month: "2026-09", quantity: 42, hours: 5, entries: 2, shared: 62_000, paid: 0 },
    ]);
    expect(page.contributions).toHaveLength(3);
    expect(page.shares).toEqual([
      expect.objectContaining({ number: "BH-2026-10", amount: 90_000, paid: 0, status: "PROPOSED" }),
      expect.objectContaining({ number: "BH-2026-09", amount: 62_000, paid: 62_000 }),
    ]);
    expect(JSON.stringify(page)).not.toContain(neighbour.name);
  });

  it("her header leads to her page, and an officer's does not", async () => {
    const world = await createWorld();
    const { userId } = await memberWithAccount(world);
    const header = async (id: string) =>
      ((await callLoader(rootLoader, await request("/", { userId: id }))) as RootLoaderData).viewer;
    expect(await header(userId)).toMatchObject({ isGroupMember: true, isGroupManager: false });
    expect(await header(world.home.manager.id)).toMatchObject({ isGroupMember: true, isGroupManager: true });
    expect(await header(world.buyer.buyer.id)).toMatchObject({ isGroupMember: false });
  });

  it("every officers' page is not found for her, and her page is not found for anyone who is not a member", async () => {
    const world = await createWorld();
    const { userId } = await memberWithAccount(world);
    expect(statusOf(await callLoader(manageLoader, await request("/kelola", { userId })))).toBe(404);
    expect(
      statusOf(await callLoader(konsinyasiLoader, await request("/kelola/konsinyasi", { userId }))),
    ).toBe(404);
    expect(statusOf(await callLoader(giveLoader, await request("/kelola/akun-anggota", { userId })))).toBe(
      404,
    );
    expect(
      statusOf(
        await callAction(
          giveAction,
          await request("/kelola/akun-anggota", { userId, form: { memberId: "x" } }),
        ),
      ),
    ).toBe(404);
    expect(
      statusOf(await callLoader(mineLoader, await request("/saya", { userId: world.buyer.buyer.id }))),
    ).toBe(404);
    expect(statusOf(await callLoader(mineLoader, await request("/saya")))).toBe(302);
    // A member who left sees nothing any more.
    await db.groupMember.updateMany({ where: { userId }, data: { leftAt: new Date() } });
    expect(statusOf(await callLoader(mineLoader, await request("/saya", { userId })))).toBe(404);
  });
});
