import { db } from "../db/client";
import { areaLevelCounts } from "./areas-tree";

/** What the admin's first page counts: no money, only what the admin runs. */
export async function adminOverview(now = new Date()) {
  const since = new Date(now.getTime() - 24 * 60 * 60 * 1000);
  const [areas, categories, teams, officials, users, suspended, events] = await Promise.all([
    areaLevelCounts(),
    db.category.count(),
    db.tkmTeam.count(),
    db.villageOfficial.count(),
    db.user.count(),
    db.user.count({ where: { suspendedAt: { not: null } } }),
    db.auditEvent.count({ where: { createdAt: { gte: since } } }),
  ]);
  return { areas, categories, teams, officials, users, suspended, eventsLastDay: events };
}
