import { describe, expect, it } from "vitest";
import { signIn } from "~/.server/auth/accounts";
import { getViewer } from "~/.server/auth/guards";
import { db } from "~/.server/db/client";
import { loader as auditLoader } from "~/routes/admin.audit";
import { action as categoriesAction, loader as categoriesLoader } from "~/routes/admin.kategori";
import { action as officialsAction, loader as officialsLoader } from "~/routes/admin.desa";
import { loader as layoutLoader } from "~/routes/admin";
import { loader as overviewLoader } from "~/routes/admin._index";
import { action as usersAction, loader as usersLoader } from "~/routes/admin.pengguna";
import { action as teamsAction, loader as teamsLoader } from "~/routes/admin.tkm";
import { action as areasAction, loader as areasLoader } from "~/routes/admin.wilayah";
import { loader as bookLoader } from "~/routes/kelola.kas._index";
import { action as signInAction } from "~/routes/masuk";
import { action as redeemAction } from "~/routes/masuk_.kode";
import { loader as tkmLoader } from "~/routes/tkm._index";
import {
  createProduct,
  createTkmOfficer,
  createUser,
  createWorld,
  TEST_PASSWORD,
  uniquePhone,
} from "../helpers/factories";
import { callAction, callLoader, jsonOf, request, sessionCookie, statusOf } from "../helpers/requests";

type World = Awaited<ReturnType<typeof createWorld>>;

async function adminWorld() {
  const world = await createWorld();
  const admin = await createUser({ name: "Admin Jejaring", isAdmin: true });
  const tkm = await createTkmOfficer(world.areas.districtA.id);
  return { ...world, admin, tkm };
}

async function asAdmin(world: { admin: { id: string } }, path: string, form?: Record<string, string>) {
  return request(path, { userId: world.admin.id, form });
}

type ActionBody = {
  intent: string;
  target: string | null;
  reply: { error?: Record<string, string[] | null> } | null;
  done: { key: string; params?: Record<string, unknown> } | null;
  code: { value: string; name: string; expiresAt: string } | null;
};

async function bodyOf(result: unknown): Promise<ActionBody> {
  if (!(result instanceof Response)) throw new Error("expected a Response");
  return (await result.clone().json()) as ActionBody;
}

async function auditCount(action: string, entityId?: string) {
  return db.auditEvent.count({ where: { action, ...(entityId ? { entityId } : {}) } });
}

const PAGES = [
  { path: "/admin", loader: layoutLoader, action: null },
  { path: "/admin", loader: overviewLoader, action: null },
  { path: "/admin/wilayah", loader: areasLoader, action: areasAction, form: { province: "32" } },
  {
    path: "/admin/kategori",
    loader: categoriesLoader,
    action: categoriesAction,
    form: { intent: "create", nameId: "X", nameEn: "X" },
  },
  {
    path: "/admin/tkm",
    loader: teamsLoader,
    action: teamsAction,
    form: { intent: "create", name: "T", areaCode: "32" },
  },
  {
    path: "/admin/desa",
    loader: officialsLoader,
    action: officialsAction,
    form: { intent: "remove", officialId: "x" },
  },
  {
    path: "/admin/pengguna",
    loader: usersLoader,
    action: usersAction,
    form: { intent: "reset", userId: "x" },
  },
  { path: "/admin/audit", loader: auditLoader, action: null },
] as const;

describe("the admin console is the admin's only", () => {
  it("answers 404 to a buyer, a TKM officer and a ketua on every page and action, and changes nothing", async () => {
    const world = await adminWorld();
    const before = await db.auditEvent.count();
    const categories = await db.category.count();
    for (const userId of [world.buyer.buyer.id, world.tkm.officer.id, world.home.manager.id]) {
      for (const page of PAGES) {
        const loaded = await callLoader(page.loader, await request(page.path, { userId }));
        expect(statusOf(loaded), `${page.path} loader`).toBe(404);
        if (page.action && "form" in page) {
          const acted = await callAction(page.action, await request(page.path, { userId, form: page.form }));
          expect(statusOf(acted), `${page.path} action`).toBe(404);
        }
      }
    }
    expect(await db.auditEvent.count()).toBe(before);
    expect(await db.category.count()).toBe(categories);
    // Signed out: sent to sign in, not shown the page.
    const anonymous = await callLoader(overviewLoader, await request("/admin"));
    expect(statusOf(anonymous)).toBe(302);
  });

  it("opens every page for the admin", async () => {
    const world = await adminWorld();
    for (const page of PAGES) {
      expect(statusOf(await callLoader(page.loader, await asAdmin(world, page.path))), page.path).toBe(200);
    }
  });

  it("gives the admin no money screens: not the group's book, not TKM's monitoring", async () => {
    const world = await adminWorld();
    expect(statusOf(await callLoader(bookLoader, await asAdmin(world, "/kelola/kas")))).not.toBe(200);
    expect(statusOf(await callLoader(tkmLoader, await asAdmin(world, "/tkm")))).not.toBe(200);
    // An admin who is also a TKM officer sees her team's area, as any officer does.
    await db.tkmOfficer.create({ data: { teamId: world.tkm.team.id, userId: world.admin.id } });
    expect(statusOf(await callLoader(tkmLoader, await asAdmin(world, "/tkm")))).toBe(200);
  });

  it("shows the header link only to admins", async () => {
    const world = await adminWorld();
    const { loader: rootLoader } = await import("~/root");
    const forAdmin = (await callLoader(rootLoader, await asAdmin(world, "/"))) as {
      viewer: { isAdmin: boolean };
    };
    expect(forAdmin.viewer.isAdmin).toBe(true);
    const forBuyer = (await callLoader(rootLoader, await request("/", { userId: world.buyer.buyer.id }))) as {
      viewer: { isAdmin: boolean };
    };
    expect(forBuyer.viewer.isAdmin).toBe(false);
  });
});

describe("suspending a user", () => {
  async function suspend(
    world: World & { admin: { id: string } },
    userId: string,
    reason = "Akun dipakai orang lain",
  ) {
    return callAction(
      usersAction,
      await asAdmin(world, "/admin/pengguna", { intent: "suspend", userId, reason }),
    );
  }

  it("ends her sessions on the next request, refuses her sign-in with a message, and is audited", async () => {
    const world = await adminWorld();
    const buyer = world.buyer.buyer;
    const cookie = await sessionCookie(buyer.id);
    const withCookie = () => new Request("http://localhost:3000/pesanan", { headers: { Cookie: cookie } });
    expect((await getViewer(withCookie()))?.id).toBe(buyer.id);

    const response = await suspend(world, buyer.id);
    expect(statusOf(response)).toBe(200);
    expect((await bodyOf(response)).done?.key).toBe("adm.suspended_done");
    const stored = await db.user.findUniqueOrThrow({ where: { id: buyer.id } });
    expect(stored.suspendedAt).not.toBeNull();
    expect(stored.suspendReason).toBe("Akun dipakai orang lain");
    expect(await auditCount("user.suspend", buyer.id)).toBe(1);

    expect(await getViewer(withCookie())).toBeNull();
    expect(await db.session.count({ where: { userId: buyer.id } })).toBe(0);

    // A session made after the suspension (a stolen cookie, a race) is refused just the same.
    const late = await sessionCookie(buyer.id);
    expect(await getViewer(new Request("http://localhost:3000/", { headers: { Cookie: late } }))).toBeNull();

    expect(await signIn(buyer.phone!, TEST_PASSWORD, null)).toEqual({ ok: false, reason: "suspended" });
    // A wrong password learns nothing about the suspension.
    expect(await signIn(buyer.phone!, "salah-sandi-sekali", null)).toEqual({ ok: false, reason: "invalid" });
    const page = await callAction(
      signInAction,
      await request("/masuk", { form: { identifier: buyer.phone!, password: TEST_PASSWORD } }),
    );
    expect(statusOf(page)).toBe(400);
    expect(JSON.stringify(await jsonOf(page))).toContain("adm.suspended_sign_in");

    // Lifted: she signs in again; audited too.
    const lifted = await callAction(
      usersAction,
      await asAdmin(world, "/admin/pengguna", { intent: "unsuspend", userId: buyer.id }),
    );
    expect((await bodyOf(lifted)).done?.key).toBe("adm.unsuspended_done");
    expect(await auditCount("user.unsuspend", buyer.id)).toBe(1);
    expect((await signIn(buyer.phone!, TEST_PASSWORD, null)).ok).toBe(true);
  });

  it("needs a reason, refuses a second suspension, and never touches an admin", async () => {
    const world = await adminWorld();
    const noReason = await suspend(world, world.buyer.buyer.id, "  ");
    expect(statusOf(noReason)).toBe(400);
    expect(JSON.stringify(await bodyOf(noReason))).toContain("adm.reason_required");
    expect((await db.user.findUniqueOrThrow({ where: { id: world.buyer.buyer.id } })).suspendedAt).toBeNull();

    const [first, second] = await Promise.all([
      suspend(world, world.buyer.buyer.id),
      suspend(world, world.buyer.buyer.id),
    ]);
    expect([statusOf(first), statusOf(second)].sort()).toEqual([200, 400]);
    expect(await auditCount("user.suspend", world.buyer.buyer.id)).toBe(1);

    const otherAdmin = await createUser({ isAdmin: true });
    for (const userId of [world.admin.id, otherAdmin.id]) {
      const refused = await suspend(world, userId);
      expect(statusOf(refused)).toBe(400);
      expect(JSON.stringify(await bodyOf(refused))).toContain("adm.not_for_admins");
    }
    expect(await db.user.count({ where: { isAdmin: true, suspendedAt: { not: null } } })).toBe(0);
    expect(statusOf(await suspend(world, "no-such-user"))).toBe(404);
  });

  it("gives a one-time code (never a password); a suspended user cannot use hers", async () => {
    const world = await adminWorld();
    const ketua = world.home.manager;
    const before = await db.user.findUniqueOrThrow({
      where: { id: ketua.id },
      select: { passwordHash: true },
    });
    const response = await callAction(
      usersAction,
      await asAdmin(world, "/admin/pengguna", { intent: "reset", userId: ketua.id }),
    );
    expect(statusOf(response)).toBe(200);
    expect(response instanceof Response && response.headers.get("Cache-Control")).toBe("no-store");
    const { code } = await bodyOf(response);
    expect(code?.value).toMatch(/^\d{8}$/);
    expect(await auditCount("user.sign_in_code", ketua.id)).toBe(1);
    const after = await db.user.findUniqueOrThrow({
      where: { id: ketua.id },
      select: { passwordHash: true },
    });
    expect(after.passwordHash).toBe(before.passwordHash);
    const stored = await db.signInCode.findFirstOrThrow({ where: { userId: ketua.id } });
    expect(stored.codeHash).not.toContain(code!.value);
    expect(stored.createdById).toBe(world.admin.id);

    await suspend(world, ketua.id);
    const refused = await callAction(
      redeemAction,
      await request("/masuk/kode", {
        form: { phone: ketua.phone!, code: code!.value, password: "anyaman-bambu-baru" },
      }),
    );
    expect(statusOf(refused)).toBe(400);
    expect(JSON.stringify(await jsonOf(refused))).toContain("adm.suspended_sign_in");
    expect((await db.signInCode.findUniqueOrThrow({ where: { id: stored.id } })).usedAt).toBeNull();

    await callAction(
      usersAction,
      await asAdmin(world, "/admin/pengguna", { intent: "unsuspend", userId: ketua.id }),
    );
    const redeemed = await callAction(
      redeemAction,
      await request("/masuk/kode", {
        form: { phone: ketua.phone!, code: code!.value, password: "anyaman-bambu-baru" },
      }),
    );
    expect(statusOf(redeemed)).toBe(302);
    expect((await signIn(ketua.phone!, "anyaman-bambu-baru", null)).ok).toBe(true);
  });

  it("finds users by name in any case, by phone as people write it, and by email", async () => {
    const world = await adminWorld();
    const phone = uniquePhone();
    const sari = await createUser({ name: "Ibu Sari Wulandari", phone });
    const withEmail = await createUser({ name: "Kafe Kopi", email: `kafe-${Date.now()}@contoh.id` });
    const ids = async (q: string) =>
      (
        (await callLoader(
          usersLoader,
          await asAdmin(world, `/admin/pengguna?q=${encodeURIComponent(q)}`),
        )) as {
          users: { id: string }[];
        }
      ).users.map((u) => u.id);
    expect(await ids("sari wulan")).toContain(sari.id);
    expect(await ids("Sari")).toContain(sari.id);
    expect(await ids(`0${phone.slice(3, 6)} ${phone.slice(6)}`)).toEqual([sari.id]);
    expect(await ids(withEmail.email!.toUpperCase())).toEqual([withEmail.id]);
    expect(await ids("tidak-ada-nama-seperti-ini")).toEqual([]);
  });
});

describe("categories", () => {
  it("creates, renames, moves under a parent, reorders and deletes an unused one, each audited", async () => {
    const world = await adminWorld();
    const post = async (form: Record<string, string>) =>
      callAction(categoriesAction, await asAdmin(world, "/admin/kategori", form));

    expect(statusOf(await post({ intent: "create", nameId: "Batik", nameEn: "Batik", parentId: "" }))).toBe(
      200,
    );
    const batik = await db.category.findFirstOrThrow({ where: { nameId: "Batik" } });
    expect(batik.parentId).toBeNull();
    expect(batik.slug).toBe("batik");
    expect(await auditCount("category.create", batik.id)).toBe(1);

    const parent = await db.category.findFirstOrThrow({ where: { parentId: null, id: { not: batik.id } } });
    expect(
      statusOf(
        await post({
          intent: "update",
          id: batik.id,
          nameId: "Batik tulis",
          nameEn: "Hand-drawn batik",
          parentId: parent.id,
        }),
      ),
    ).toBe(200);
    const moved = await db.category.findUniqueOrThrow({ where: { id: batik.id } });
    expect(moved).toMatchObject({
      nameId: "Batik tulis",
      nameEn: "Hand-drawn batik",
      parentId: parent.id,
      slug: "batik",
    });
    expect(await auditCount("category.update", batik.id)).toBe(1);

    // Now second among the parent's children: up makes it first.
    const order = async () =>
      (await db.category.findMany({ where: { parentId: parent.id }, orderBy: { sortOrder: "asc" } })).map(
        (c) => c.id,
      );
    expect((await order())[1]).toBe(batik.id);
    expect(statusOf(await post({ intent: "move", id: batik.id, direction: "up" }))).toBe(200);
    expect((await order())[0]).toBe(batik.id);
    expect(await auditCount("category.reorder", batik.id)).toBe(1);

    expect(statusOf(await post({ intent: "delete", id: batik.id }))).toBe(200);
    expect(await db.category.count({ where: { id: batik.id } })).toBe(0);
    expect(await auditCount("category.delete", batik.id)).toBe(1);
  });

  it("refuses to delete a category products use, with a message, and changes nothing", async () => {
    const world = await adminWorld();
    const used = world.category;
    const response = await callAction(
      categoriesAction,
      await asAdmin(world, "/admin/kategori", { intent: "delete", id: used.id }),
    );
    expect(statusOf(response)).toBe(400);
    expect(JSON.stringify(await bodyOf(response))).toContain("adm.cat_in_use");
    expect(await db.category.count({ where: { id: used.id } })).toBe(1);
    expect(await auditCount("category.delete", used.id)).toBe(0);
    // Its parent has a child: refused too.
    const parentRefused = await callAction(
      categoriesAction,
      await asAdmin(world, "/admin/kategori", { intent: "delete", id: used.parentId! }),
    );
    expect(statusOf(parentRefused)).toBe(400);
  });

  it("refuses a parent that is itself a child, or the category itself", async () => {
    const world = await adminWorld();
    const child = world.category;
    const top = await db.category.findUniqueOrThrow({ where: { id: child.parentId! } });
    const asChild = await callAction(
      categoriesAction,
      await asAdmin(world, "/admin/kategori", {
        intent: "create",
        nameId: "Cucu",
        nameEn: "Grandchild",
        parentId: child.id,
      }),
    );
    expect(statusOf(asChild)).toBe(400);
    const self = await callAction(
      categoriesAction,
      await asAdmin(world, "/admin/kategori", {
        intent: "update",
        id: top.id,
        nameId: top.nameId,
        nameEn: top.nameEn,
        parentId: top.id,
      }),
    );
    expect(statusOf(self)).toBe(400);
    expect(await db.category.count({ where: { nameId: "Cucu" } })).toBe(0);
  });

  it("refuses deletion when a product takes the category at the same moment", async () => {
    const world = await adminWorld();
    const lonely = await db.category.create({
      data: { slug: `sepi-${Date.now()}`, nameId: "Sepi", nameEn: "Lonely" },
    });
    const [deleted, product] = await Promise.allSettled([
      callAction(
        categoriesAction,
        await asAdmin(world, "/admin/kategori", { intent: "delete", id: lonely.id }),
      ),
      createProduct(world.home.group.id, lonely.id),
    ]);
    const exists = (await db.category.count({ where: { id: lonely.id } })) === 1;
    if (product.status === "fulfilled") {
      // The product won: the category stays and the admin was told.
      expect(exists).toBe(true);
      expect(deleted.status === "fulfilled" && statusOf(deleted.value)).toBe(400);
    } else {
      expect(exists).toBe(false);
    }
  });
});

describe("TKM teams and village officials", () => {
  it("creates a team on an area by code, adds an existing user by phone and a new one with a code, removes one", async () => {
    const world = await adminWorld();
    const post = async (form: Record<string, string>) =>
      callAction(teamsAction, await asAdmin(world, "/admin/tkm", form));
    const unknown = await post({ intent: "create", name: "TKM Baru", areaCode: "99.99" });
    expect(statusOf(unknown)).toBe(400);
    expect(JSON.stringify(await bodyOf(unknown))).toContain("adm.area_unknown");

    const area = await db.area.update({
      where: { id: world.areas.districtB.id },
      data: { code: "32.99.01" },
    });
    expect(statusOf(await post({ intent: "create", name: "TKM Parongpong", areaCode: area.code }))).toBe(200);
    const team = await db.tkmTeam.findFirstOrThrow({ where: { name: "TKM Parongpong" } });
    expect(team.areaId).toBe(area.id);
    expect(await auditCount("tkm_team.create", team.id)).toBe(1);

    const existing = await createUser({ name: "Bu RW" });
    const typed = `0${existing.phone!.slice(3)}`;
    const added = await post({ intent: "add", teamId: team.id, phone: typed, position: "Ketua TKM" });
    expect(statusOf(added)).toBe(200);
    expect((await bodyOf(added)).code).toBeNull();
    expect(await db.tkmOfficer.count({ where: { teamId: team.id, userId: existing.id } })).toBe(1);

    const phone = uniquePhone();
    const noName = await post({ intent: "add", teamId: team.id, phone });
    expect(statusOf(noName)).toBe(400);
    expect(JSON.stringify(await bodyOf(noName))).toContain("adm.no_such_user_give_name");
    expect(await db.user.count({ where: { phone } })).toBe(0);

    const created = await post({ intent: "add", teamId: team.id, phone, name: "Ibu Kader Baru" });
    expect(statusOf(created)).toBe(200);
    const { code } = await bodyOf(created);
    expect(code?.value).toMatch(/^\d{8}$/);
    const newUser = await db.user.findUniqueOrThrow({
      where: { phone },
      select: { id: true, signInCodes: true },
    });
    expect(newUser.signInCodes).toHaveLength(1);
    expect(await auditCount("tkm_team.add_officer", team.id)).toBe(2);
    expect(await auditCount("user.create", newUser.id)).toBe(1);
    // The new officer redeems her code and sees her team's area.
    const redeemed = await callAction(
      redeemAction,
      await request("/masuk/kode", { form: { phone, code: code!.value, password: "kader-lembang-baru" } }),
    );
    expect(statusOf(redeemed)).toBe(302);
    // She is no group member: she lands on the home page, not on a member's page that is not hers.
    expect((redeemed as Response).headers.get("Location")).toBe("/");

    // One team per person.
    const again = await post({ intent: "add", teamId: world.tkm.team.id, phone: existing.phone! });
    expect(JSON.stringify(await bodyOf(again))).toContain("adm.in_other_team");

    const officer = await db.tkmOfficer.findFirstOrThrow({ where: { teamId: team.id, userId: existing.id } });
    // Removing through another team's form does nothing.
    expect(statusOf(await post({ intent: "remove", teamId: world.tkm.team.id, officerId: officer.id }))).toBe(
      404,
    );
    expect(statusOf(await post({ intent: "remove", teamId: team.id, officerId: officer.id }))).toBe(200);
    expect(await db.tkmOfficer.count({ where: { id: officer.id } })).toBe(0);
    expect(await auditCount("tkm_team.remove_officer", team.id)).toBe(1);
  });

  it("adds one account once when the same new officer is sent twice at once", async () => {
    const world = await adminWorld();
    const phone = uniquePhone();
    const form = { intent: "add", teamId: world.tkm.team.id, phone, name: "Ibu Dobel" };
    const results = await Promise.all([
      callAction(teamsAction, await asAdmin(world, "/admin/tkm", form)),
      callAction(teamsAction, await asAdmin(world, "/admin/tkm", form)),
    ]);
    expect(results.map(statusOf).sort()).toEqual([200, 400]);
    expect(await db.user.count({ where: { phone } })).toBe(1);
    expect(await db.tkmOfficer.count({ where: { user: { phone } } })).toBe(1);
  });

  it("adds a village official only on a village, and removes her", async () => {
    const world = await adminWorld();
    const post = async (form: Record<string, string>) =>
      callAction(officialsAction, await asAdmin(world, "/admin/desa", form));
    const village = await db.area.update({
      where: { id: world.areas.villageA1.id },
      data: { code: "32.98.01.2008" },
    });
    const district = await db.area.update({
      where: { id: world.areas.districtA.id },
      data: { code: "32.98.01" },
    });
    const person = await createUser({ name: "Kepala Desa" });

    const onDistrict = await post({ intent: "add", areaCode: district.code, phone: person.phone! });
    expect(JSON.stringify(await bodyOf(onDistrict))).toContain("adm.village_unknown");

    const added = await post({
      intent: "add",
      areaCode: village.code,
      phone: person.phone!,
      position: "Kepala desa",
    });
    expect(statusOf(added)).toBe(200);
    const official = await db.villageOfficial.findFirstOrThrow({ where: { userId: person.id } });
    expect(official).toMatchObject({ areaId: village.id, position: "Kepala desa" });
    expect(await auditCount("village_official.add", official.id)).toBe(1);
    const viewer = await getViewer(await request("/", { userId: person.id }));
    expect(viewer?.villageArea?.id).toBe(village.id);

    expect(statusOf(await post({ intent: "remove", officialId: official.id }))).toBe(200);
    expect(await auditCount("village_official.remove", official.id)).toBe(1);
    expect(statusOf(await post({ intent: "remove", officialId: official.id }))).toBe(404);
  });
});

describe("the audit log", () => {
  it("searches by action, prefix, entity, actor, group and WIB dates, newest first, paged", async () => {
    const world = await adminWorld();
    const base = new Date("2026-03-10T05:00:00Z"); // 12:00 WIB
    const rows = Array.from({ length: 60 }, (_, i) => ({
      actorId: i % 2 === 0 ? world.home.manager.id : world.buyer.buyer.id,
      action: i % 3 === 0 ? "order.confirm" : "product.update",
      entityType: i % 3 === 0 ? "Order" : "Product",
      entityId: `e${i}`,
      groupId: i % 2 === 0 ? world.home.group.id : null,
      createdAt: new Date(base.getTime() + i * 60 * 60 * 1000),
    }));
    await db.auditEvent.createMany({ data: rows });
    type Found = {
      events: { entityId: string; createdAt: string }[];
      next: string | null;
      errors: string[] | null;
    };
    const find = async (query: Record<string, string>) =>
      (await callLoader(
        auditLoader,
        await asAdmin(world, `/admin/audit?${new URLSearchParams(query).toString()}`),
      )) as Found;

    const orders = await find({ action: "order.confirm", from: "2026-03-10", to: "2026-03-13" });
    expect(orders.events.map((e) => e.entityId)).toEqual(
      rows
        .filter((r) => r.action === "order.confirm")
        .map((r) => r.entityId)
        .reverse(),
    );
    expect((await find({ action: "order.", from: "2026-03-10", to: "2026-03-13" })).events).toHaveLength(20);
    expect((await find({ entityType: "Order", entityId: "e3" })).events.map((e) => e.entityId)).toEqual([
      "e3",
    ]);
    const byActor = await find({
      actor: `0${world.buyer.buyer.phone!.slice(3)}`,
      from: "2026-03-10",
      to: "2026-03-13",
    });
    expect(byActor.events).toHaveLength(30);
    expect(
      (await find({ group: world.home.group.slug, from: "2026-03-10" })).events.length,
    ).toBeGreaterThanOrEqual(30);
    expect((await find({ actor: "0899 0000 0000" })).events).toEqual([]);

    // 10 March WIB holds hours 12:00..23:00 → rows 0..11.
    const day = await find({ from: "2026-03-10", to: "2026-03-10" });
    expect(day.events.map((e) => e.entityId).sort()).toEqual(
      rows
        .slice(0, 12)
        .map((r) => r.entityId)
        .sort(),
    );

    // Paged: 50, then the other 10, no row twice.
    const first = await find({ from: "2026-03-10", to: "2026-03-13" });
    expect(first.events).toHaveLength(50);
    expect(first.next).not.toBeNull();
    const second = await find({ from: "2026-03-10", to: "2026-03-13", before: first.next! });
    expect(second.events).toHaveLength(10);
    expect(second.next).toBeNull();
    expect(new Set([...first.events, ...second.events].map((e) => e.entityId)).size).toBe(60);

    const backwards = await find({ from: "2026-03-12", to: "2026-03-10" });
    expect(backwards.errors?.join()).toContain("adm.dates_out_of_order");
    expect(backwards.events).toEqual([]);
  });
});
