import { requireViewer } from "../auth/guards";
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
