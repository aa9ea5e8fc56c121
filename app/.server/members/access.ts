import { requireViewer } from "../auth/guards";
import type { MemberRole } from "../db/client";

// Who may see members, their work and bagi hasil: the group's officers (ketua, sekretaris,
// bendahara; getViewer only gives a managed group for those roles). Everyone else, signed in or
// not as someone else, gets the same answer as for a page that does not exist: 404, so a buyer or
// another group's officer cannot even tell the page is there.

function notFound() {
  return new Response("Not found", { status: 404 });
}

export async function requireMembersOfficer(request: Request) {
  const viewer = await requireViewer(request);
  if (!viewer.managedGroup) throw notFound();
  return { viewer, tenant: { groupId: viewer.managedGroup.id }, role: viewer.managedGroup.role };
}

/** Payouts hand out money: the bendahara records them, and the ketua when she must. */
export function mayPayOut(role: MemberRole) {
  return role === "BENDAHARA" || role === "KETUA";
}
