import { describe, expect, it } from "vitest";
import { datasetAreas, importAreas, levelOfCode, type AreaRow } from "~/.server/admin/areas-import";
import { db } from "~/.server/db/client";
import { action as areasAction, loader as areasLoader } from "~/routes/admin.wilayah";
import { createUser } from "../helpers/factories";
import { callAction, callLoader, request, statusOf } from "../helpers/requests";

// One database for the file: the tests build on each other's areas, as imports do in real life.

async function snapshot(prefix: string) {
  return db.area.findMany({
    where: { code: { startsWith: prefix } },
    orderBy: { code: "asc" },
    select: {
      id: true,
      code: true,
      name: true,
      level: true,
      path: true,
      parentId: true,
      latitude: true,
      longitude: true,
    },
  });
}

describe("the area dataset", () => {
  it("reads Kabupaten Bandung Barat with its province, Lembang and Jayagiri under their real codes", async () => {
    const rows = await datasetAreas("32.17");
    const byCode = new Map(rows.map((r) => [r.code, r]));
    expect(byCode.get("32")).toEqual({ code: "32", name: "Jawa Barat", level: "PROVINCE" });
    expect(byCode.get("32.17")?.name).toBe("Kabupaten Bandung Barat");
    expect(byCode.get("32.17.01")).toEqual({ code: "32.17.01", name: "Lembang", level: "DISTRICT" });
    expect(byCode.get("32.17.01.2008")).toEqual({
      code: "32.17.01.2008",
      name: "Jayagiri",
      level: "VILLAGE",
    });
    expect(rows.every((r) => levelOfCode(r.code) === r.level)).toBe(true);
    expect(rows.some((r) => r.code.startsWith("32.04"))).toBe(false);
  });

  it("knows a code's level and refuses what is not a code", () => {
    expect(levelOfCode("32")).toBe("PROVINCE");
    expect(levelOfCode("32.17")).toBe("REGENCY");
    expect(levelOfCode("32.17.01")).toBe("DISTRICT");
    expect(levelOfCode("32.17.01.2008")).toBe("VILLAGE");
    for (const bad of ["", "3", "32.1", "32.17.01.208", "32/17", "32.17.01.2008.1"])
      expect(levelOfCode(bad)).toBeNull();
  });
});

describe("importing areas", () => {
  const fixture: AreaRow[] = [
    { code: "32", name: "Jawa Barat", level: "PROVINCE" },
    { code: "32.17", name: "Kabupaten Bandung Barat", level: "REGENCY" },
    { code: "32.17.01", name: "Lembang", level: "DISTRICT" },
    { code: "32.17.01.2008", name: "Jayagiri", level: "VILLAGE" },
    { code: "32.17.01.2005", name: "Cikahuripan", level: "VILLAGE" },
    { code: "32.17.02", name: "Parongpong", level: "DISTRICT" },
    { code: "32.17.02.2004", name: "Cihideung", level: "VILLAGE" },
  ];

  it("upserts a small fixture by code: existing rows keep their ids, groups and coordinates; names follow; twice changes nothing", async () => {
    // Before: the province and a village typed by hand, with coordinates and a group in it.
    const province = await db.area.create({
      data: { code: "32", name: "Jabar", level: "PROVINCE", path: "32/" },
    });
    const regency = await db.area.create({
      data: {
        code: "32.17",
        name: "Kab. Bandung Barat",
        level: "REGENCY",
        path: "32/32.17/",
        parentId: province.id,
      },
    });
    const district = await db.area.create({
      data: {
        code: "32.17.01",
        name: "Kecamatan Lembang",
        level: "DISTRICT",
        path: "32/32.17/32.17.01/",
        parentId: regency.id,
      },
    });
    const jayagiri = await db.area.create({
      data: {
        code: "32.17.01.2008",
        name: "Desa Jayagiri",
        level: "VILLAGE",
        path: "32/32.17/32.17.01/32.17.01.2008/",
        parentId: district.id,
        latitude: -6.8037,
        longitude: 107.6281,
      },
    });
    const group = await db.group.create({
      data: { slug: "kube-fixture", name: "KUBE Fixture", villageId: jayagiri.id },
    });

    const first = await importAreas(fixture, { actorId: null, scope: "fixture" });
    expect(first).toEqual({ ok: true, result: { rows: 7, created: 3, renamed: 4, unchanged: 0 } });
    const after = await snapshot("32");
    const village = after.find((a) => a.code === "32.17.01.2008")!;
    expect(village).toMatchObject({
      id: jayagiri.id,
      name: "Jayagiri",
      latitude: -6.8037,
      longitude: 107.6281,
    });
    expect((await db.group.findUniqueOrThrow({ where: { id: group.id } })).villageId).toBe(jayagiri.id);
    const cihideung = after.find((a) => a.code === "32.17.02.2004")!;
    const parongpong = after.find((a) => a.code === "32.17.02")!;
    expect(cihideung).toMatchObject({
      level: "VILLAGE",
      path: "32/32.17/32.17.02/32.17.02.2004/",
      parentId: parongpong.id,
      latitude: null,
    });
    expect(parongpong.parentId).toBe(regency.id);

    const second = await importAreas(fixture, { actorId: null, scope: "fixture" });
    expect(second).toEqual({ ok: true, result: { rows: 7, created: 0, renamed: 0, unchanged: 7 } });
    expect(await snapshot("32")).toEqual(after);
    expect(await db.auditEvent.count({ where: { action: "areas.import", entityId: "fixture" } })).toBe(2);
  });

  it("refuses rows whose parent is nowhere, writing nothing", async () => {
    const before = await db.area.count();
    const outcome = await importAreas([{ code: "33.01.01", name: "Tanpa induk", level: "DISTRICT" }], {
      actorId: null,
      scope: "33",
    });
    expect(outcome).toEqual({ ok: false, missingParent: "33.01" });
    expect(await db.area.count()).toBe(before);
  });

  it("imports the real Kabupaten Bandung Barat, and again without a change", async () => {
    const rows = await datasetAreas("32.17");
    const started = performance.now();
    const first = await importAreas(rows, { actorId: null, scope: "32.17" });
    const seconds = (performance.now() - started) / 1000;
    expect(first.ok && first.result.created + first.result.renamed + first.result.unchanged).toBe(
      rows.length,
    );
    expect(seconds).toBeLessThan(30);
    const after = await snapshot("32.17");
    expect(after).toHaveLength(rows.length - 1); // all but the province "32"
    expect(after.filter((a) => a.level === "VILLAGE").length).toBeGreaterThan(150);
    for (const area of after) {
      const parent = area.code.slice(0, area.code.lastIndexOf("."));
      expect(`/${area.path}`.endsWith(`/${parent}/${area.code}/`)).toBe(true);
    }
    const again = await importAreas(rows, { actorId: null, scope: "32.17" });
    expect(again).toEqual({
      ok: true,
      result: { rows: rows.length, created: 0, renamed: 0, unchanged: rows.length },
    });
    expect(await snapshot("32.17")).toEqual(after);
  });

  it("creates no duplicate code when two imports run at once", async () => {
    const rows = await datasetAreas("32.04");
    const outcomes = await Promise.all([
      importAreas(rows, { actorId: null, scope: "32.04" }),
      importAreas(rows, { actorId: null, scope: "32.04" }),
    ]);
    expect(outcomes.every((o) => o.ok)).toBe(true);
    const codes = (await snapshot("32.04")).map((a) => a.code);
    expect(codes).toHaveLength(rows.length - 1);
    expect(new Set(codes).size).toBe(codes.length);
    const created = outcomes.reduce((sum, o) => sum + (o.ok ? o.result.created : 0), 0);
    expect(created).toBe(rows.length - 1);
  });
});

describe("/admin/wilayah", () => {
  it("browses province › regency › district with counts, and imports a province from the button", async () => {
    const admin = await createUser({ isAdmin: true });
    const lembang = await db.area.findUniqueOrThrow({ where: { code: "32.17.01.2008" } });
    await db.group.create({ data: { slug: "kube-wilayah", name: "KUBE Wilayah", villageId: lembang.id } });
    type Tree = {
      area: { code: string } | null;
      trail: { code: string }[];
      children: { code: string; groups: number; children: number }[];
    };
    const tree = async (code?: string) =>
      (await callLoader(
        areasLoader,
        await request(`/admin/wilayah${code ? `?kode=${code}` : ""}`, { userId: admin.id }),
      )) as Tree;
    const top = await tree();
    expect(top.children.map((c) => c.code)).toContain("32");
    const regency = await tree("32.17");
    expect(regency.trail.map((s) => s.code)).toEqual(["32"]);
    const district = regency.children.find((c) => c.code === "32.17.01")!;
    expect(district.groups).toBe(2);
    expect(district.children).toBe(16);
    expect(
      statusOf(
        await callLoader(areasLoader, await request("/admin/wilayah?kode=00.00", { userId: admin.id })),
      ),
    ).toBe(404);

    const response = await callAction(
      areasAction,
      await request("/admin/wilayah", { userId: admin.id, form: { province: "36" } }),
    );
    expect(statusOf(response)).toBe(200);
    const banten = await snapshot("36");
    expect(banten.length).toBeGreaterThan(1500);
    expect(
      await db.auditEvent.count({ where: { action: "areas.import", entityId: "36", actorId: admin.id } }),
    ).toBe(1);

    const bad = await callAction(
      areasAction,
      await request("/admin/wilayah", { userId: admin.id, form: { province: "3" } }),
    );
    expect(statusOf(bad)).toBe(400);
    const nowhere = await callAction(
      areasAction,
      await request("/admin/wilayah", { userId: admin.id, form: { province: "10" } }),
    );
    expect(statusOf(nowhere)).toBe(400);
  });
});
