import { describe, expect, it } from "vitest";
import { db } from "~/.server/db/client";
import { bookStatement } from "~/.server/ledger/book";
import { earnedIncomeByMonth } from "~/.server/ledger/summary";
import { supportsForGroup } from "~/.server/institutions/support";
import { incomeByMonthForArea } from "~/.server/reports/income";
import { action as newInstitutionAction } from "~/routes/tkm.lembaga.baru";
import { action as institutionAction, loader as institutionLoader } from "~/routes/tkm.lembaga.$id";
import { loader as listLoader } from "~/routes/tkm.lembaga._index";
import { action as supportAction, loader as supportLoader } from "~/routes/tkm.dukungan.baru";
import { wibDateKey } from "~/utils/delivery";
import { createTkmOfficer, createUser, createWorld } from "../helpers/factories";
import { callAction, callLoader, jsonOf, request, statusOf } from "../helpers/requests";

type World = Awaited<ReturnType<typeof createWorld>>;

const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => wibDateKey(new Date(Date.now() - days * DAY));
let keys = 0;
const newKey = () => `support-key-${Date.now()}-${++keys}`;

/** A village team of Jayagiri (village A1), a DKUKM at the regency, a BUMDes of the neighbour A2. */
async function setUp() {
  const world = await createWorld();
  const tkm = await createTkmOfficer(world.areas.villageA1.id);
  const dkukm = await db.institution.create({
    data: { name: "DKUKM Kabupaten Bandung Barat", kind: "DKUKM", areaId: world.areas.regency.id },
  });
  const neighbour = await db.institution.create({
    data: { name: "BUMDes Cikahuripan", kind: "BUMDES", areaId: world.areas.villageA2.id },
  });
  return { world, tkm, dkukm, neighbour };
}

function supportForm(world: World, institutionId: string, overrides: Record<string, string> = {}) {
  return {
    formKey: newKey(),
    institutionId,
    groupId: world.home.group.id,
    kind: "AID_MONEY",
    title: "Bantuan modal usaha",
    date: daysAgo(3),
    amount: "Rp 2.500.000",
    note: "",
    ...overrides,
  };
}

const postSupport = async (userId: string, form: Record<string, string>) =>
  callAction(supportAction, await request("/tkm/dukungan/baru", { userId, form }));

async function balanceOf(groupId: string) {
  return (await bookStatement({ groupId }, { month: null, category: null })).closing;
}

describe("support from institutions (dukungan)", () => {
  it("writes aid in money into the group's book with the institution as giver: the balance moves, earned income does not", async () => {
    const { world, tkm, dkukm } = await setUp();
    const groupId = world.home.group.id;
    const before = await balanceOf(groupId);
    const result = await postSupport(tkm.officer.id, supportForm(world, dkukm.id));
    expect(statusOf(result)).toBe(302);
    expect((result as Response).headers.get("Location")).toBe(`/tkm/lembaga/${dkukm.id}?tersimpan=dukungan`);

    const support = await db.support.findFirstOrThrow({
      where: { groupId },
      select: { amount: true, cashEntryId: true },
    });
    expect(support.amount).toBe(2_500_000);
    const line = await db.cashEntry.findUniqueOrThrow({
      where: { id: support.cashEntryId ?? "" },
      select: { kind: true, category: true, amount: true, giver: true, groupId: true, occurredAt: true },
    });
    expect(line).toMatchObject({
      kind: "INCOME",
      category: "AID",
      amount: 2_500_000,
      giver: "DKUKM Kabupaten Bandung Barat",
      groupId,
    });
    expect(wibDateKey(line.occurredAt)).toBe(daysAgo(3));
    expect(await balanceOf(groupId)).toBe(before + 2_500_000);

    // AID is not earned income: neither the group's monthly earnings nor TKM's area figures move.
    const earned = await earnedIncomeByMonth(
      { groupId },
      { from: new Date(Date.now() - 40 * DAY), to: new Date(Date.now() + DAY) },
    );
    expect([...earned.values()].reduce((sum, value) => sum + value, 0)).toBe(0);
    const area = await incomeByMonthForArea(world.areas.villageA1.path, 2);
    expect(area.groups.find((g) => g.id === groupId)?.total).toBe(0);

    const events = await db.auditEvent.findMany({
      where: { groupId, action: "support.record" },
      select: { id: true },
    });
    expect(events).toHaveLength(1);
  });

  it("writes nothing in the book for support that is not money (a training, aid in kind, a loan)", async () => {
    const { world, tkm, dkukm } = await setUp();
    const groupId = world.home.group.id;
    for (const [kind, amount] of [
      ["TRAINING", ""],
      ["AID_KIND", "1,5 jt"],
      ["LOAN", "10 jt"],
      ["PERMIT", ""],
    ] as const) {
      expect(
        statusOf(await postSupport(tkm.officer.id, supportForm(world, dkukm.id, { kind, amount }))),
      ).toBe(302);
    }
    const rows = await db.support.findMany({
      where: { groupId },
      select: { kind: true, amount: true, cashEntryId: true },
    });
    expect(rows.map((row) => [row.kind, row.amount, row.cashEntryId]).sort()).toEqual(
      [
        ["AID_KIND", 1_500_000, null],
        ["LOAN", 10_000_000, null],
        ["PERMIT", null, null],
        ["TRAINING", null, null],
      ].sort(),
    );
    expect(await db.cashEntry.count({ where: { groupId } })).toBe(0);
  });

  it("refuses an amount where it means nothing, a missing or ambiguous amount, and a future date, changing nothing", async () => {
    const { world, tkm, dkukm } = await setUp();
    const cases: [Record<string, string>, string][] = [
      [{ kind: "TRAINING", amount: "500.000" }, "amount"],
      [{ kind: "AID_MONEY", amount: "" }, "amount"],
      [{ kind: "LOAN", amount: "" }, "amount"],
      [{ kind: "AID_MONEY", amount: "35,5" }, "amount"],
      [{ kind: "AID_MONEY", amount: "-500000" }, "amount"],
      [{ date: wibDateKey(new Date(Date.now() + 3 * DAY)) }, "date"],
      [{ kind: "GRANT" }, "kind"],
      [{ title: " " }, "title"],
    ];
    for (const [overrides, field] of cases) {
      const result = await postSupport(tkm.officer.id, supportForm(world, dkukm.id, overrides));
      expect(statusOf(result), JSON.stringify(overrides)).toBe(400);
      expect((await jsonOf(result)).error?.[field], JSON.stringify(overrides)).toBeTruthy();
    }
    expect(await db.support.count({ where: { groupId: world.home.group.id } })).toBe(0);
    expect(await db.cashEntry.count({ where: { groupId: world.home.group.id } })).toBe(0);
  });

  it("answers 'not found' for a group or an institution outside the team's area, and forbids everyone but TKM", async () => {
    const { world, tkm, dkukm, neighbour } = await setUp();
    // The other group lies in district B; the BUMDes belongs to the neighbouring village.
    expect(
      statusOf(
        await postSupport(tkm.officer.id, supportForm(world, dkukm.id, { groupId: world.other.group.id })),
      ),
    ).toBe(404);
    expect(statusOf(await postSupport(tkm.officer.id, supportForm(world, neighbour.id)))).toBe(404);
    const village = await createUser({ name: "Kepala Desa" });
    await db.villageOfficial.create({ data: { userId: village.id, areaId: world.areas.villageA1.id } });
    for (const userId of [world.buyer.buyer.id, world.home.manager.id, village.id]) {
      expect(statusOf(await postSupport(userId, supportForm(world, dkukm.id)))).toBe(403);
      expect(statusOf(await callLoader(supportLoader, await request("/tkm/dukungan/baru", { userId })))).toBe(
        403,
      );
      expect(statusOf(await callLoader(listLoader, await request("/tkm/lembaga", { userId })))).toBe(403);
    }
    const groupIds = [world.home.group.id, world.other.group.id];
    expect(await db.support.count({ where: { groupId: { in: groupIds } } })).toBe(0);
    expect(await db.cashEntry.count({ where: { groupId: { in: groupIds } } })).toBe(0);
  });

  it("records a form sent twice once: one support, one cash line — also when both arrive at once", async () => {
    const { world, tkm, dkukm } = await setUp();
    const groupId = world.home.group.id;
    const form = supportForm(world, dkukm.id);
    expect(statusOf(await postSupport(tkm.officer.id, form))).toBe(302);
    const again = await postSupport(tkm.officer.id, form);
    expect((again as Response).headers.get("Location")).toContain("tersimpan=sama");

    const raced = supportForm(world, dkukm.id, { amount: "700.000" });
    const results = await Promise.all([
      postSupport(tkm.officer.id, raced),
      postSupport(tkm.officer.id, raced),
    ]);
    expect(results.map(statusOf)).toEqual([302, 302]);
    expect(await db.support.count({ where: { groupId } })).toBe(2);
    const lines = await db.cashEntry.findMany({
      where: { groupId },
      select: { amount: true },
      orderBy: { amount: "asc" },
    });
    expect(lines.map((line) => line.amount)).toEqual([700_000, 2_500_000]);
  });

  it("takes aid in money back in the book when the support is removed, and once only", async () => {
    const { world, tkm, dkukm } = await setUp();
    const groupId = world.home.group.id;
    await postSupport(tkm.officer.id, supportForm(world, dkukm.id));
    const support = await db.support.findFirstOrThrow({
      where: { groupId },
      select: { id: true, cashEntryId: true },
    });
    const remove = async () =>
      callAction(
        institutionAction,
        await request(`/tkm/lembaga/${dkukm.id}`, {
          userId: tkm.officer.id,
          form: { intent: "remove", supportId: support.id, reason: "Salah kelompok" },
        }),
        { id: dkukm.id },
      );
    const noReason = await callAction(
      institutionAction,
      await request(`/tkm/lembaga/${dkukm.id}`, {
        userId: tkm.officer.id,
        form: { intent: "remove", supportId: support.id, reason: "" },
      }),
      { id: dkukm.id },
    );
    expect(statusOf(noReason)).toBe(400);
    expect(statusOf(await remove())).toBe(302);
    expect(statusOf(await remove())).toBe(404);
    expect(await db.support.count({ where: { groupId } })).toBe(0);
    const lines = await db.cashEntry.findMany({
      where: { groupId },
      select: { kind: true, category: true, amount: true, reversesId: true, reason: true },
      orderBy: { createdAt: "asc" },
    });
    expect(lines).toEqual([
      { kind: "INCOME", category: "AID", amount: 2_500_000, reversesId: null, reason: null },
      {
        kind: "EXPENSE",
        category: "AID",
        amount: 2_500_000,
        reversesId: support.cashEntryId,
        reason: "Salah kelompok",
      },
    ]);
    expect(await balanceOf(groupId)).toBe(0);
    const removed = await db.auditEvent.findFirstOrThrow({
      where: { action: "support.remove", groupId },
      select: { data: true },
    });
    expect(JSON.parse(removed.data)).toMatchObject({ removed: { amount: 2_500_000 }, reversed: 2_500_000 });
  });

  it("corrects the amount of aid in money by reversing the old line and writing the right one", async () => {
    const { world, tkm, dkukm } = await setUp();
    const groupId = world.home.group.id;
    await postSupport(tkm.officer.id, supportForm(world, dkukm.id));
    const support = await db.support.findFirstOrThrow({
      where: { groupId },
      select: { id: true, cashEntryId: true },
    });
    const result = await callAction(
      institutionAction,
      await request(`/tkm/lembaga/${dkukm.id}`, {
        userId: tkm.officer.id,
        form: {
          intent: "correct",
          supportId: support.id,
          title: "Bantuan modal usaha",
          date: daysAgo(3),
          amount: "2.000.000",
          note: "",
          reason: "Salah ketik jumlah",
        },
      }),
      { id: dkukm.id },
    );
    expect(statusOf(result)).toBe(302);
    const corrected = await db.support.findUniqueOrThrow({
      where: { id: support.id },
      select: { amount: true, cashEntryId: true },
    });
    expect(corrected.amount).toBe(2_000_000);
    expect(corrected.cashEntryId).not.toBe(support.cashEntryId);
    expect(await balanceOf(groupId)).toBe(2_000_000);
    expect(await db.cashEntry.count({ where: { groupId } })).toBe(3);
    const newLine = await db.cashEntry.findUniqueOrThrow({
      where: { id: corrected.cashEntryId ?? "" },
      select: { giver: true },
    });
    expect(newLine.giver).toBe("DKUKM Kabupaten Bandung Barat");
  });

  it("shows a village team the offices above it and its own institutions, not the neighbour's", async () => {
    const { world, tkm, dkukm, neighbour } = await setUp();
    await postSupport(
      tkm.officer.id,
      supportForm(world, dkukm.id, { kind: "TRAINING", amount: "", date: daysAgo(400) }),
    );
    await postSupport(tkm.officer.id, supportForm(world, dkukm.id));
    // Support DKUKM gave a group outside the area stays outside this team's pages.
    await db.support.create({
      data: {
        institutionId: dkukm.id,
        groupId: world.other.group.id,
        kind: "TRAINING",
        title: "Pelatihan lain",
        date: new Date(),
      },
    });
    const list = (await callLoader(
      listLoader,
      await request("/tkm/lembaga", { userId: tkm.officer.id }),
    )) as {
      institutions: { id: string; count: number; aidMoney: number }[];
      supports: { title: string }[];
    };
    expect(list.institutions.map((i) => i.id)).toEqual([dkukm.id]);
    expect(list.institutions[0]).toMatchObject({ count: 2, aidMoney: 2_500_000 });
    expect(list.supports).toHaveLength(2);
    expect(
      statusOf(
        await callLoader(
          institutionLoader,
          await request(`/tkm/lembaga/${neighbour.id}`, { userId: tkm.officer.id }),
          { id: neighbour.id },
        ),
      ),
    ).toBe(404);
    const page = (await callLoader(
      institutionLoader,
      await request(`/tkm/lembaga/${dkukm.id}`, { userId: tkm.officer.id }),
      { id: dkukm.id },
    )) as { supports: unknown[] };
    expect(page.supports).toHaveLength(2);

    const filtered = (await callLoader(
      listLoader,
      await request(`/tkm/lembaga?jenis=TRAINING&tahun=${daysAgo(400).slice(0, 4)}`, {
        userId: tkm.officer.id,
      }),
    )) as { supports: { title: string; kind: string }[] };
    expect(filtered.supports.every((s) => s.kind === "TRAINING")).toBe(true);
    expect(filtered.supports).toHaveLength(1);

    expect((await supportsForGroup(world.home.group.id, world.areas.villageA1.path)).length).toBe(2);
    expect(await supportsForGroup(world.other.group.id, world.areas.villageA1.path)).toEqual([]);
  });

  it("adds an institution in the team's area or above it; a name twice or another area is refused", async () => {
    const { world, tkm } = await setUp();
    const post = async (form: Record<string, string>) =>
      callAction(newInstitutionAction, await request("/tkm/lembaga/baru", { userId: tkm.officer.id, form }));
    const created = await post({
      name: "TP PKK Desa Jayagiri",
      kind: "PKK",
      areaId: world.areas.villageA1.id,
      contact: "",
    });
    expect(statusOf(created)).toBe(302);
    const twice = await post({
      name: "tp pkk  desa jayagiri",
      kind: "PKK",
      areaId: world.areas.villageA1.id,
      contact: "",
    });
    expect(statusOf(twice)).toBe(400);
    expect((await jsonOf(twice)).error?.name).toBeTruthy();
    const elsewhere = await post({
      name: "BUMDes lain",
      kind: "BUMDES",
      areaId: world.areas.villageB1.id,
      contact: "",
    });
    expect(statusOf(elsewhere)).toBe(400);
    expect((await jsonOf(elsewhere)).error?.areaId).toBeTruthy();
    const pkk = await db.institution.findMany({
      where: { areaId: world.areas.villageA1.id, kind: "PKK" },
      select: { id: true },
    });
    expect(pkk).toHaveLength(1);
    expect(await db.auditEvent.count({ where: { action: "institution.create", entityId: pkk[0]?.id } })).toBe(
      1,
    );
  });

  it("removes a support once when two officers remove it at the same time: one reversing line", async () => {
    const { world, tkm, dkukm } = await setUp();
    const groupId = world.home.group.id;
    await postSupport(tkm.officer.id, supportForm(world, dkukm.id, { amount: "900.000" }));
    const support = await db.support.findFirstOrThrow({ where: { groupId }, select: { id: true } });
    const remove = async () =>
      callAction(
        institutionAction,
        await request(`/tkm/lembaga/${dkukm.id}`, {
          userId: tkm.officer.id,
          form: { intent: "remove", supportId: support.id, reason: "Dicatat dua kali" },
        }),
        { id: dkukm.id },
      );
    const results = await Promise.all([remove(), remove()]);
    expect(results.map(statusOf).sort()).toEqual([302, 404]);
    const reversals = await db.cashEntry.count({ where: { groupId, kind: "EXPENSE", category: "AID" } });
    expect(reversals).toBe(1);
    expect(await balanceOf(groupId)).toBe(0);
  });

  it("answers 'not found' to editing an institution or changing a support the team cannot see", async () => {
    const { world, tkm, dkukm, neighbour } = await setUp();
    const edit = await callAction(
      institutionAction,
      await request(`/tkm/lembaga/${neighbour.id}`, {
        userId: tkm.officer.id,
        form: {
          intent: "edit",
          name: "BUMDes diubah",
          kind: "BUMDES",
          areaId: world.areas.villageA1.id,
          contact: "",
        },
      }),
      { id: neighbour.id },
    );
    expect(statusOf(edit)).toBe(404);
    expect((await db.institution.findUniqueOrThrow({ where: { id: neighbour.id } })).name).toBe(
      "BUMDes Cikahuripan",
    );
    // DKUKM also supported a group in district B; this village team may not touch that record.
    const outside = await db.support.create({
      data: {
        institutionId: dkukm.id,
        groupId: world.other.group.id,
        kind: "TRAINING",
        title: "Pelatihan",
        date: new Date(),
      },
    });
    const forms: Record<string, string>[] = [
      { intent: "remove", supportId: outside.id, reason: "bukan urusan kami" },
      {
        intent: "correct",
        supportId: outside.id,
        title: "Diubah",
        date: daysAgo(1),
        note: "",
        reason: "coba ubah",
      },
    ];
    for (const form of forms) {
      const result = await callAction(
        institutionAction,
        await request(`/tkm/lembaga/${dkukm.id}`, { userId: tkm.officer.id, form }),
        { id: dkukm.id },
      );
      expect(statusOf(result)).toBe(404);
    }
    expect((await db.support.findUniqueOrThrow({ where: { id: outside.id } })).title).toBe("Pelatihan");

    // A support is changed from its own institution's page only.
    const pkk = await db.institution.create({
      data: { name: "TP PKK Desa Jayagiri", kind: "PKK", areaId: world.areas.villageA1.id },
    });
    await postSupport(tkm.officer.id, supportForm(world, dkukm.id));
    const ours = await db.support.findFirstOrThrow({
      where: { groupId: world.home.group.id },
      select: { id: true },
    });
    const elsewhere = await callAction(
      institutionAction,
      await request(`/tkm/lembaga/${pkk.id}`, {
        userId: tkm.officer.id,
        form: { intent: "remove", supportId: ours.id, reason: "halaman lain" },
      }),
      { id: pkk.id },
    );
    expect(statusOf(elsewhere)).toBe(404);
    expect(await db.support.count({ where: { id: ours.id } })).toBe(1);
  });
});
