import { db } from "../db/client";

/** Villages to choose from in forms, with their district, in name order. */
export async function listVillages() {
  const villages = await db.area.findMany({
    where: { level: "VILLAGE" },
    orderBy: [{ parent: { name: "asc" } }, { name: "asc" }],
    select: { id: true, name: true, parent: { select: { name: true } } },
  });
  return villages.map((v) => ({ id: v.id, name: v.name, district: v.parent?.name ?? "" }));
}

/** Districts and villages that have at least one group, for the catalog's area filter. */
export async function listAreasWithGroups() {
  const villages = await db.area.findMany({
    where: { level: "VILLAGE", groups: { some: {} } },
    orderBy: [{ parent: { name: "asc" } }, { name: "asc" }],
    select: {
      code: true,
      name: true,
      path: true,
      parent: { select: { code: true, name: true, path: true } },
    },
  });
  const districts = new Map<
    string,
    { code: string; name: string; path: string; villages: { code: string; name: string; path: string }[] }
  >();
  for (const village of villages) {
    if (!village.parent) continue;
    const district = districts.get(village.parent.code) ?? { ...village.parent, villages: [] };
    district.villages.push({ code: village.code, name: village.name, path: village.path });
    districts.set(village.parent.code, district);
  }
  return [...districts.values()];
}

export async function areaPathByCode(code: string): Promise<string | null> {
  const area = await db.area.findUnique({ where: { code }, select: { path: true } });
  return area?.path ?? null;
}
