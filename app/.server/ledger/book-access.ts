import { requireTkmOfficer, requireViewer } from "../auth/guards";
import { db } from "../db/client";
import { invariantResponse } from "../http/responses";

/**
 * The book's readers and keepers: the group's ketua, sekretaris and bendahara, with their group.
 * Anyone else signed in (an anggota, a buyer, a TKM officer, another group's officer) is told the
 * page does not exist, as the issue asks: 404, not 403.
 */
export async function requireBookKeeper(request: Request) {
  const viewer = await requireViewer(request);
  invariantResponse(viewer.managedGroup);
  return { viewer, group: viewer.managedGroup };
}

/**
 * A TKM officer reads the book of a group inside the team's area (monitoring income is the team's
 * work), without changing it; a group outside the area does not exist for her (404).
 */
export async function requireBookReader(request: Request, groupId: string) {
  const { team } = await requireTkmOfficer(request);
  const group = await db.group.findFirst({
    where: { id: groupId, village: { path: { startsWith: team.areaPath } } },
    select: { id: true, name: true },
  });
  invariantResponse(group);
  return { team, group };
}
