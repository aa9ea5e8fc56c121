import { describe, expect, it } from "vitest";
import { addToCart } from "~/.server/cart/cart";
import { searchCatalog } from "~/.server/catalog/search";
import { db, dbKind } from "~/.server/db/client";
import { decideStage, stageFacts } from "~/.server/groups/stage";
import { deriveStage } from "~/.server/groups/stage-rule";
import { postRequest } from "~/.server/matching/requests";
import { RequestSchema } from "~/forms/requests";
import { action as giveAction } from "~/routes/kelola.akun-anggota";
import { loader as groupPublicLoader } from "~/routes/kelompok.$slug";
import { action as redeemAction } from "~/routes/masuk_.kode";
import { loader as productLoader } from "~/routes/produk.$slug";
import { action as groupAction, loader as groupLoader } from "~/routes/tkm.kelompok.$groupId";
import { action as codeAction } from "~/routes/tkm.kelompok.$groupId_.akun";
import { action as baselineAction, loader as baselineLoader } from "~/routes/tkm.kelompok.$groupId_.awal";
import { action as stageAction, loader as stageLoader } from "~/routes/tkm.kelompok.$groupId_.tahap";
import { action as registerAction, loader as registerLoader } from "~/routes/tkm.kelompok.baru";
import { action as verifyAction, loader as verifyLoader } from "~/routes/tkm.verifikasi";
import { MANAGER_CODE_VALID_MS } from "~/.server/auth/member-accounts";
import { signIn } from "~/.server/auth/accounts";
import { createTkmOfficer, createUser, createWorld, uniquePhone } from "../helpers/factories";
import { checkoutCart } from "../helpers/orders";
import { callAction, callLoader, jsonOf, request, statusOf } from "../helpers/requests";

type World = Awaited<ReturnType<typeof createWorld>>;

/** A world with a TKM officer over district A (the home group's) and one over district B. */
async function stewardWorld() {
  const world = await createWorld();
  const tkm = await createTkmOfficer(world.areas.districtA.id);
  const outsider = await createTkmOfficer(world.areas.districtB.id);
  const villageHead = await createUser({ name: "Kepala Desa" });
  await db.villageOfficial.create({ data: { userId: villageHead.id, areaId: world.areas.villageA1.id } });
  return { ...world, tkm: tkm.officer, outsider: outsider.officer, villageHead };
}

async function post(
  action: Parameters<typeof callAction>[0],
  path: string,
  userId: string,
  form: Record<string, string>,
  params: Record<string, string> = {},
) {
  return callAction(action, await request(path, { userId, form }), params);
}

const baselineForm = (overrides: Record<string, string> = {}) => ({
  monthlyIncome: "Rp 1.500.000",
  method: "SURVEY",
  measuredOn: "2025-01-15",
  note: "Survei rumah ke rumah",
  basedOn: "",
  ...overrides,
});

async function postBaseline(
  world: World & { tkm: { id: string } },
  form: Record<string, string>,
  userId?: string,
) {
  const groupId = world.home.group.id;
  return post(baselineAction, `/tkm/kelompok/${groupId}/awal`, userId ?? world.tkm.id, form, { groupId });
}

async function baselinesOf(groupId: string) {
  return db.groupBaseline.findMany({ where: { groupId }, orderBy: { createdAt: "asc" } });
}

describe("baselines", () => {
  it("records the first baseline typed as people write rupiah, mirrors it on the group, and audits it", async () => {
    const world = await stewardWorld();
    const member = await db.groupMember.findFirstOrThrow({
      where: { groupId: world.home.group.id, role: "ANGGOTA" },
    });
    const response = await postBaseline(world, {
      ...baselineForm(),
      "households[0].memberId": member.id,
      "households[0].monthlyIncome": "750 rb",
    });
    expect(statusOf(response)).toBe(302);
    const [baseline] = await baselinesOf(world.home.group.id);
    expect(baseline).toMatchObject({ monthlyIncome: 1_500_000, method: "SURVEY", reason: null });
    const households = await db.baselineHousehold.findMany({ where: { baselineId: baseline!.id } });
    expect(households).toEqual([
      expect.objectContaining({ memberId: member.id, monthlyIncome: 750_000, label: member.name }),
    ]);
    const group = await db.group.findUniqueOrThrow({ where: { id: world.home.group.id } });
    expect(group.baselineMonthlyIncome).toBe(1_500_000);
    expect(await db.auditEvent.count({ where: { action: "group.baseline_record", groupId: group.id } })).toBe(
      1,
    );

    const page = (await callLoader(
      baselineLoader,
      await request(`/tkm/kelompok/${group.id}/awal`, { userId: world.tkm.id }),
      { groupId: group.id },
    )) as { baselines: unknown[] };
    expect(page.baselines).toHaveLength(1);
  });

  it("refuses an ambiguous amount and a household of another group, keeping nothing", async () => {
    const world = await stewardWorld();
    expect(statusOf(await postBaseline(world, baselineForm({ monthlyIncome: "1,5" })))).toBe(400);
    const stranger = await db.groupMember.findFirstOrThrow({ where: { groupId: world.other.group.id } });
    const foreign = await postBaseline(world, {
      ...baselineForm(),
      "households[0].memberId": stranger.id,
      "households[0].monthlyIncome": "100000",
    });
    expect(statusOf(foreign)).toBe(400);
    expect((await jsonOf(foreign)).error?.households).toHaveLength(1);
    expect(await baselinesOf(world.home.group.id)).toHaveLength(0);
  });

  it("a revision needs a reason; with one, history keeps both and the group shows the newest", async () => {
    const world = await stewardWorld();
    expect(statusOf(await postBaseline(world, baselineForm()))).toBe(302);
    const [first] = await baselinesOf(world.home.group.id);

    const noReason = await postBaseline(
      world,
      baselineForm({ monthlyIncome: "900.000", basedOn: first!.id }),
    );
    expect(statusOf(noReason)).toBe(400);
    expect((await jsonOf(noReason)).error?.reason?.[0]).toContain("stew.reason_required");
    expect(await baselinesOf(world.home.group.id)).toHaveLength(1);
    expect(
      (await db.group.findUniqueOrThrow({ where: { id: world.home.group.id } })).baselineMonthlyIncome,
    ).toBe(1_500_000);

    const revised = await postBaseline(
      world,
      baselineForm({
        monthlyIncome: "900.000",
        basedOn: first!.id,
        reason: "Survei ulang: dua rumah tangga salah hitung",
      }),
    );
    expect(statusOf(revised)).toBe(302);
    const history = await baselinesOf(world.home.group.id);
    expect(history.map((b) => [b.monthlyIncome, b.reason])).toEqual([
      [1_500_000, null],
      [900_000, "Survei ulang: dua rumah tangga salah hitung"],
    ]);
    expect(
      (await db.group.findUniqueOrThrow({ where: { id: world.home.group.id } })).baselineMonthlyIncome,
    ).toBe(900_000);
    expect(
      await db.auditEvent.count({ where: { action: "group.baseline_revise", groupId: world.home.group.id } }),
    ).toBe(1);
  });

  it("a double submit of the same form records one baseline, one after the other or at once", async () => {
    const world = await stewardWorld();
    expect(statusOf(await postBaseline(world, baselineForm()))).toBe(302);
    expect(statusOf(await postBaseline(world, baselineForm()))).toBe(302);
    expect(await baselinesOf(world.home.group.id)).toHaveLength(1);

    const [first] = await baselinesOf(world.home.group.id);
    const revision = baselineForm({ monthlyIncome: "2.000.000", basedOn: first!.id, reason: "Catatan baru" });
    const results = await Promise.all([postBaseline(world, revision), postBaseline(world, revision)]);
    expect(results.map(statusOf)).toEqual([302, 302]);
    expect(await baselinesOf(world.home.group.id)).toHaveLength(2);
    expect(
      await db.auditEvent.count({ where: { action: "group.baseline_revise", groupId: world.home.group.id } }),
    ).toBe(1);
  });

  it("a revision made meanwhile by someone else is not overwritten unseen", async () => {
    const world = await stewardWorld();
    const other = await createTkmOfficer(world.areas.districtA.id);
    expect(statusOf(await postBaseline(world, baselineForm()))).toBe(302);
    const [first] = await baselinesOf(world.home.group.id);
    const mine = baselineForm({ monthlyIncome: "1.200.000", basedOn: first!.id, reason: "Saya" });
    const theirs = baselineForm({ monthlyIncome: "1.300.000", basedOn: first!.id, reason: "Dia" });
    expect(statusOf(await postBaseline(world, theirs, other.officer.id))).toBe(302);
    const late = await postBaseline(world, mine);
    expect(statusOf(late)).toBe(400);
    expect((await jsonOf(late)).error?.[""]?.[0]).toContain("stew.baseline.changed");
  });
});

describe("stages", () => {
  async function stagePost(
    world: World & { tkm: { id: string } },
    form: Record<string, string>,
    userId?: string,
  ) {
    const groupId = world.home.group.id;
    return post(stageAction, `/tkm/kelompok/${groupId}/tahap`, userId ?? world.tkm.id, form, { groupId });
  }

  it("shows the rule's answer with its reasons; TKM confirms it, or overrides it only with a reason", async () => {
    const world = await stewardWorld();
    const groupId = world.home.group.id;
    const page = (await callLoader(
      stageLoader,
      await request(`/tkm/kelompok/${groupId}/tahap`, { userId: world.tkm.id }),
      { groupId },
    )) as { verdict: { stage: string; criteria: unknown[] } };
    expect(page.verdict.stage).toBe("TUMBUH");
    expect(page.verdict.criteria.length).toBeGreaterThan(0);

    expect(statusOf(await stagePost(world, { stage: "TUMBUH", derivedSeen: "TUMBUH" }))).toBe(302);
    const noReason = await stagePost(world, { stage: "MAJU", derivedSeen: "TUMBUH", reason: "  " });
    expect(statusOf(noReason)).toBe(400);
    expect((await jsonOf(noReason)).error?.reason?.[0]).toContain("stew.reason_required");
    expect((await db.group.findUniqueOrThrow({ where: { id: groupId } })).stage).toBe("TUMBUH");

    const override = await stagePost(world, {
      stage: "BERKEMBANG",
      derivedSeen: "TUMBUH",
      reason: "Pesanan katering rutin dibayar tunai, belum tercatat di buku kas",
    });
    expect(statusOf(override)).toBe(302);
    const decisions = await db.stageDecision.findMany({ where: { groupId }, orderBy: { createdAt: "asc" } });
    expect(decisions.map((d) => [d.kind, d.derived, d.stage])).toEqual([
      ["CONFIRMED", "TUMBUH", "TUMBUH"],
      ["OVERRIDDEN", "TUMBUH", "BERKEMBANG"],
    ]);
    expect(JSON.parse(decisions[1]!.facts)).toHaveProperty("criteria");
    expect((await db.group.findUniqueOrThrow({ where: { id: groupId } })).stage).toBe("BERKEMBANG");
    expect(await db.auditEvent.count({ where: { action: "group.stage_override", groupId } })).toBe(1);
  });

  it("refuses a decision made on a rule answer that has changed since", async () => {
    const world = await stewardWorld();
    const refused = await stagePost(world, { stage: "MAJU", derivedSeen: "MAJU" });
    expect(statusOf(refused)).toBe(400);
    expect((await jsonOf(refused)).error?.[""]?.[0]).toContain("stew.stage.rule_changed");
    expect(await db.stageDecision.count({ where: { groupId: world.home.group.id } })).toBe(0);
  });

  it("derives from the cash book, orders and support: income months, growth over the baseline, buyers", async () => {
    const world = await stewardWorld();
    const groupId = world.home.group.id;
    const now = new Date("2026-11-20T05:00:00Z");
    await db.group.update({ where: { id: groupId }, data: { baselineMonthlyIncome: 100_000 } });
    // Income in the six complete months before November; a refund takes part of one back; the
    // running month does not count.
    for (const month of ["2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11"]) {
      await db.cashEntry.create({
        data: {
          groupId,
          kind: "INCOME",
          category: "OTHER_SALES",
          amount: 300_000,
          occurredAt: new Date(`${month}-10T03:00:00Z`),
          description: "Jual di pasar",
        },
      });
    }
    await db.cashEntry.create({
      data: {
        groupId,
        kind: "EXPENSE",
        category: "REFUND",
        amount: 300_000,
        occurredAt: new Date("2026-10-12T03:00:00Z"),
        description: "Retur",
      },
    });
    const facts = await stageFacts({ groupId }, now);
    expect(facts).toMatchObject({ monthsWithIncome: 5, averageRecentIncome: 250_000, baseline: 100_000 });
    expect(deriveStage(facts).stage).toBe("TUMBUH");
  });

  it("two decisions at once leave one history in the lock's order and the group at the newest", async () => {
    const world = await stewardWorld();
    const groupId = world.home.group.id;
    const tenant = { areaPath: world.areas.districtA.path, groupId };
    const choices = ["TUMBUH", "BERKEMBANG", "MAJU", "BERKEMBANG", "TUMBUH", "MAJU"] as const;
    const results = await Promise.all(
      choices.map((stage, i) =>
        decideStage(tenant, world.tkm.id, { stage, derivedSeen: "TUMBUH", reason: `alasan ${i}` }),
      ),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const history = await db.stageDecision.findMany({
      where: { groupId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    });
    expect(history).toHaveLength(choices.length);
    expect(new Set(history.map((d) => d.createdAt.getTime())).size).toBe(choices.length);
    const group = await db.group.findUniqueOrThrow({ where: { id: groupId } });
    expect(group.stage).toBe(history[0]!.stage);
    // Postgres ran them truly at once; SQLite one after another: the rule holds either way.
    expect(["postgres", "sqlite"]).toContain(dbKind);
  });
});

describe("who may see and change stewardship", () => {
  it("an officer of another area, the village government and a buyer get nothing, and nothing changes", async () => {
    const world = await stewardWorld();
    const groupId = world.home.group.id;
    const pages = [
      { loader: groupLoader, path: `/tkm/kelompok/${groupId}` },
      { loader: baselineLoader, path: `/tkm/kelompok/${groupId}/awal` },
      { loader: stageLoader, path: `/tkm/kelompok/${groupId}/tahap` },
    ];
    for (const page of pages) {
      const as = async (userId: string) =>
        statusOf(await callLoader(page.loader, await request(page.path, { userId }), { groupId }));
      expect(await as(world.tkm.id)).toBe(200);
      expect(await as(world.outsider.id)).toBe(404);
      expect(await as(world.villageHead.id)).toBe(403);
      expect(await as(world.buyer.buyer.id)).toBe(403);
    }
    expect(statusOf(await postBaseline(world, baselineForm(), world.outsider.id))).toBe(404);
    expect(statusOf(await postBaseline(world, baselineForm(), world.villageHead.id))).toBe(403);
    expect(
      statusOf(
        await post(
          stageAction,
          `/tkm/kelompok/${groupId}/tahap`,
          world.outsider.id,
          {
            stage: "TUMBUH",
            derivedSeen: "TUMBUH",
          },
          { groupId },
        ),
      ),
    ).toBe(404);
    const suspend = { intent: "standing", entity: "group", id: groupId, action: "suspend", reason: "Uji" };
    expect(statusOf(await post(verifyAction, "/tkm/verifikasi", world.outsider.id, suspend))).toBe(404);
    expect(
      statusOf(
        await post(verifyAction, "/tkm/verifikasi", world.outsider.id, {
          ...suspend,
          entity: "business",
          id: world.buyer.business.id,
        }),
      ),
    ).toBe(404);
    expect(statusOf(await post(verifyAction, "/tkm/verifikasi", world.buyer.buyer.id, suspend))).toBe(403);
    // Another group's id on this group's page.
    expect(
      statusOf(
        await post(
          groupAction,
          `/tkm/kelompok/${groupId}`,
          world.tkm.id,
          { ...suspend, id: world.other.group.id },
          { groupId },
        ),
      ),
    ).toBe(404);
    expect(
      statusOf(
        await callLoader(verifyLoader, await request("/tkm/verifikasi", { userId: world.villageHead.id })),
      ),
    ).toBe(403);
    expect(await db.groupBaseline.count({ where: { groupId } })).toBe(0);
    expect(await db.stageDecision.count({ where: { groupId } })).toBe(0);
    const group = await db.group.findUniqueOrThrow({ where: { id: groupId } });
    expect(group.suspendedAt).toBeNull();
    expect(await db.auditEvent.count({ where: { action: { startsWith: "group." }, groupId } })).toBe(0);
  });
});

describe("verification and suspension", () => {
  it("a suspension needs a reason; a suspended group is hidden from buyers and takes no orders until lifted", async () => {
    const world = await stewardWorld();
    const group = world.home.group;
    const standing = (action: string, reason = "") => ({
      intent: "standing",
      entity: "group",
      id: group.id,
      action,
      reason,
    });

    const noReason = await post(groupAction, `/tkm/kelompok/${group.id}`, world.tkm.id, standing("suspend"), {
      groupId: group.id,
    });
    expect(statusOf(noReason)).toBe(400);
    expect((await db.group.findUniqueOrThrow({ where: { id: group.id } })).suspendedAt).toBeNull();

    // Something already in a buyer's cart before the suspension.
    expect((await addToCart(world.buyer.business.id, world.product.id, 10)).ok).toBe(true);
    const suspended = await post(
      groupAction,
      `/tkm/kelompok/${group.id}`,
      world.tkm.id,
      standing("suspend", "Produk dijual atas nama kelompok lain"),
      { groupId: group.id },
    );
    expect(statusOf(suspended)).toBe(302);
    const row = await db.group.findUniqueOrThrow({ where: { id: group.id } });
    expect(row.suspendReason).toBe("Produk dijual atas nama kelompok lain");
    expect(await db.auditEvent.count({ where: { action: "group.suspend", entityId: group.id } })).toBe(1);

    const buyer = world.buyer.buyer.id;
    expect(
      statusOf(
        await callLoader(groupPublicLoader, await request(`/kelompok/${group.slug}`, { userId: buyer }), {
          slug: group.slug,
        }),
      ),
    ).toBe(404);
    expect(
      statusOf(
        await callLoader(productLoader, await request(`/produk/${world.product.slug}`, { userId: buyer }), {
          slug: world.product.slug,
        }),
      ),
    ).toBe(404);
    const found = await searchCatalog({ text: "besek", areaPath: world.areas.regency.path, page: 1 });
    expect(found.products.map((p) => p.id)).not.toContain(world.product.id);
    expect(found.products.map((p) => p.id)).toContain(world.otherProduct.id);
    expect(await addToCart(world.otherBuyer.business.id, world.product.id, 10)).toEqual({
      ok: false,
      key: "order.product_unavailable",
    });
    const refused = await checkoutCart(world.buyer);
    expect(refused.ok).toBe(false);
    expect(await db.order.count({ where: { groupId: group.id } })).toBe(0);

    // Lifting needs a reason too; then buyers see it again.
    expect(
      statusOf(
        await post(groupAction, `/tkm/kelompok/${group.id}`, world.tkm.id, standing("reinstate"), {
          groupId: group.id,
        }),
      ),
    ).toBe(400);
    expect(
      statusOf(
        await post(
          groupAction,
          `/tkm/kelompok/${group.id}`,
          world.tkm.id,
          standing("reinstate", "Sudah diperbaiki"),
          {
            groupId: group.id,
          },
        ),
      ),
    ).toBe(302);
    expect(
      statusOf(
        await callLoader(productLoader, await request(`/produk/${world.product.slug}`), {
          slug: world.product.slug,
        }),
      ),
    ).toBe(200);
    expect((await checkoutCart(world.buyer)).ok).toBe(true);
  });

  it("a suspended business cannot check out or post a request, and is told why", async () => {
    const world = await stewardWorld();
    const business = world.buyer.business;
    expect((await addToCart(business.id, world.product.id, 10)).ok).toBe(true);
    const suspended = await post(verifyAction, "/tkm/verifikasi", world.tkm.id, {
      target: `business:${business.id}`,
      action: "suspend",
      intent: "standing",
      reason: "Tagihan tempo tiga bulan belum dibayar",
    });
    expect(statusOf(suspended)).toBe(302);
    const refused = await checkoutCart(world.buyer);
    expect(refused).toMatchObject({ ok: false, formErrors: [{ key: "stew.business_suspended" }] });
    expect(await db.order.count({ where: { businessId: business.id } })).toBe(0);

    const address = await db.address.create({
      data: {
        businessId: business.id,
        label: "Toko",
        recipient: "Bu Rina",
        line: "Jl. Raya Lembang 1",
        villageId: business.villageId,
      },
    });
    const input = RequestSchema.omit({ photo: true, intent: true }).parse({
      title: "Besek bambu untuk hampers",
      quantity: 50,
      unit: "PCS",
      neededBy: "2099-01-01",
      addressId: address.id,
    });
    const posted = await postRequest(business.id, world.buyer.buyer.id, input, null);
    expect(posted).toMatchObject({ ok: false, formErrors: [{ key: "stew.business_suspended" }] });
    expect(await db.quoteRequest.count({ where: { businessId: business.id } })).toBe(0);
  });

  it("lists what awaits verification in the area only; verifying twice changes it once", async () => {
    const world = await stewardWorld();
    const list = (await callLoader(
      verifyLoader,
      await request("/tkm/verifikasi", { userId: world.tkm.id }),
    )) as {
      groups: { id: string }[];
      businesses: { id: string }[];
    };
    // The factories make unverified groups and businesses: the home group and both buyers (district
    // A) are listed, the other district's group is not.
    expect(list.groups.map((g) => g.id)).toEqual([world.home.group.id]);
    expect(list.businesses.map((b) => b.id).sort()).toEqual(
      [world.buyer.business.id, world.otherBuyer.business.id].sort(),
    );

    const verify = { intent: "standing", entity: "group", id: world.home.group.id, action: "verify" };
    const [a, b] = await Promise.all([
      post(verifyAction, "/tkm/verifikasi", world.tkm.id, verify),
      post(verifyAction, "/tkm/verifikasi", world.tkm.id, verify),
    ]);
    expect([statusOf(a), statusOf(b)].sort()).toEqual([302, 400]);
    expect(
      await db.auditEvent.count({ where: { action: "group.verify", entityId: world.home.group.id } }),
    ).toBe(1);
  });
});

describe("registering a group on its members' behalf", () => {
  const form = (world: World, overrides: Record<string, string> = {}) => ({
    name: "KUBE Mawar Lestari",
    villageId: world.areas.villageA2.id,
    rw: "5",
    "people[0].name": "Ibu Sari",
    "people[0].role": "KETUA",
    "people[0].phone": "",
    "people[1].name": "Ibu Neng",
    "people[1].role": "BENDAHARA",
    "people[1].phone": "",
    "people[2].name": "Ibu Entin",
    "people[2].role": "ANGGOTA",
    "people[2].phone": "",
    "people[3].name": "",
    "people[3].role": "ANGGOTA",
    verified: "on",
    ...overrides,
  });

  it("registers the group and its people without phones, verified at once, audited", async () => {
    const world = await stewardWorld();
    expect(
      statusOf(
        await callLoader(registerLoader, await request("/tkm/kelompok/baru", { userId: world.tkm.id })),
      ),
    ).toBe(200);
    const response = await post(registerAction, "/tkm/kelompok/baru", world.tkm.id, form(world));
    expect(statusOf(response)).toBe(200);
    const group = await db.group.findFirstOrThrow({
      where: { name: "KUBE Mawar Lestari", villageId: world.areas.villageA2.id },
      include: { members: { orderBy: { name: "asc" } } },
    });
    expect(group).toMatchObject({ villageId: world.areas.villageA2.id, rw: "05" });
    expect(group.verifiedAt).not.toBeNull();
    expect(group.members.map((m) => [m.name, m.role, m.userId, m.rw])).toEqual([
      ["Ibu Entin", "ANGGOTA", null, "RW 05"],
      ["Ibu Neng", "BENDAHARA", null, "RW 05"],
      ["Ibu Sari", "KETUA", null, "RW 05"],
    ]);
    expect(await db.auditEvent.count({ where: { action: "group.register", groupId: group.id } })).toBe(1);
  });

  it("refuses a village outside the area, a group without a ketua, and a phone written twice", async () => {
    const world = await stewardWorld();
    const outside = await post(
      registerAction,
      "/tkm/kelompok/baru",
      world.tkm.id,
      form(world, { villageId: world.areas.villageB1.id }),
    );
    expect(statusOf(outside)).toBe(400);
    const noKetua = await post(
      registerAction,
      "/tkm/kelompok/baru",
      world.tkm.id,
      form(world, { "people[0].role": "ANGGOTA" }),
    );
    expect(statusOf(noKetua)).toBe(400);
    const phone = uniquePhone();
    const twice = await post(
      registerAction,
      "/tkm/kelompok/baru",
      world.tkm.id,
      form(world, { "people[0].phone": phone, "people[1].phone": phone }),
    );
    expect(statusOf(twice)).toBe(400);
    const villages = [world.areas.villageA2.id, world.areas.villageB1.id];
    expect(await db.group.count({ where: { name: "KUBE Mawar Lestari", villageId: { in: villages } } })).toBe(
      0,
    );
    expect(
      statusOf(await post(registerAction, "/tkm/kelompok/baru", world.buyer.buyer.id, form(world))),
    ).toBe(403);
  });

  it("gives officers with a phone an account and a code; the ketua sets her password and lands in the back office", async () => {
    const world = await stewardWorld();
    const phone = uniquePhone();
    const response = await post(
      registerAction,
      "/tkm/kelompok/baru",
      world.tkm.id,
      form(world, { "people[0].phone": phone, giveCodes: "on" }),
    );
    const body = (await (response as Response).json()) as {
      done: { codes: { name: string; code: string }[] };
    };
    expect(body.done.codes.map((c) => c.name)).toEqual(["Ibu Sari"]);
    const redeemed = await callAction(
      redeemAction,
      await request("/masuk/kode", {
        form: { phone, code: body.done.codes[0]!.code, password: "sandi-baru-ibu-sari" },
      }),
    );
    expect(statusOf(redeemed)).toBe(302);
    expect((redeemed as Response).headers.get("Location")).toBe("/kelola");
  });
});

describe("a manager who forgot her password", () => {
  it("gets a one-time code from TKM, valid 24 hours, audited; never from her own group's ketua", async () => {
    const world = await stewardWorld();
    const groupId = world.home.group.id;
    const phone = uniquePhone();
    const bendahara = await db.groupMember.create({
      data: { groupId, name: "Ibu Bendahara", role: "BENDAHARA", phone },
    });
    const byKetua = await callAction(
      giveAction,
      await request("/kelola/akun-anggota", {
        userId: world.home.manager.id,
        form: { memberId: bendahara.id },
      }),
    );
    expect(statusOf(byKetua)).toBe(400);
    const byOutsider = await post(
      codeAction,
      `/tkm/kelompok/${groupId}/akun`,
      world.outsider.id,
      { memberId: bendahara.id },
      {
        groupId,
      },
    );
    expect(statusOf(byOutsider)).toBe(404);

    const given = await post(
      codeAction,
      `/tkm/kelompok/${groupId}/akun`,
      world.tkm.id,
      { memberId: bendahara.id },
      { groupId },
    );
    expect(statusOf(given)).toBe(200);
    const { given: code } = (await (given as Response).json()) as { given: { code: string } };
    const { userId } = await db.groupMember.findUniqueOrThrow({ where: { id: bendahara.id } });
    const stored = await db.signInCode.findFirstOrThrow({ where: { userId: userId! } });
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBe(MANAGER_CODE_VALID_MS);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "member.sign_in_code", entityId: bendahara.id },
    });
    expect(JSON.parse(event.data)).toMatchObject({ by: "tkm", role: "BENDAHARA" });

    const redeemed = await callAction(
      redeemAction,
      await request("/masuk/kode", { form: { phone, code: code.code, password: "sandi-bendahara-baru" } }),
    );
    expect((redeemed as Response).headers.get("Location")).toBe("/kelola");
    expect((await signIn(phone, "sandi-bendahara-baru", null)).ok).toBe(true);
    // Once only.
    const again = await callAction(
      redeemAction,
      await request("/masuk/kode", { form: { phone, code: code.code, password: "sandi-lain-lagi-ya" } }),
    );
    expect(statusOf(again)).toBe(400);
  });

  it("is refused when her account is also a TKM officer's elsewhere", async () => {
    const world = await stewardWorld();
    const groupId = world.home.group.id;
    const ketua = await db.groupMember.findFirstOrThrow({ where: { groupId, role: "KETUA" } });
    await db.groupMember.update({ where: { id: ketua.id }, data: { phone: uniquePhone() } });
    await db.tkmOfficer.create({
      data: {
        user: { connect: { id: ketua.userId! } },
        team: { create: { name: "TKM lain", areaId: world.areas.districtB.id } },
      },
    });
    const refused = await post(
      codeAction,
      `/tkm/kelompok/${groupId}/akun`,
      world.tkm.id,
      { memberId: ketua.id },
      { groupId },
    );
    expect(statusOf(refused)).toBe(400);
    expect(await db.signInCode.count({ where: { userId: ketua.userId! } })).toBe(0);
  });
});
