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
