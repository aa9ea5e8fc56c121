import type { Db } from "~/.server/db/client";

// The village government's demo account: the kepala desa of Jayagiri, who reads the village's
// monitoring dashboard (/desa) and nothing else.

export const VILLAGE_OFFICIALS = [
  { name: "Hendra Gunawan", phone: "081500000001", position: "Kepala Desa Jayagiri", area: "32.17.01.2008" },
] as const;

export async function seedVillageOfficials(db: Db, passwordHash: string) {
  for (const official of VILLAGE_OFFICIALS) {
    const area = await db.area.findUniqueOrThrow({ where: { code: official.area }, select: { id: true } });
    const user = await db.user.create({
      data: { name: official.name, phone: `+62${official.phone.slice(1)}`, passwordHash },
    });
    await db.villageOfficial.create({
      data: { userId: user.id, areaId: area.id, position: official.position },
    });
  }
}

/** Village officials go before the users they belong to. */
export async function wipeVillageOfficials(db: Db) {
  await db.villageOfficial.deleteMany();
}
