import { redirect } from "@remix-run/node";
import { db } from "../db/client";
import type { MemberRole } from "../db/client";
import { getSessionUserId } from "./session";

// Permission checks live here and nowhere else. Each guard returns the tenant its caller belongs
// to (a group, a business, a TKM area) and every domain query takes that tenant as an argument.

export const MANAGER_ROLES: readonly MemberRole[] = ["KETUA", "SEKRETARIS", "BENDAHARA"];

export type Viewer = {
  id: string;
  name: string;
  email: string | null;
  isAdmin: boolean;
  managedGroup: { id: string; name: string; slug: string; role: MemberRole } | null;
  /** A member of a group (any role, not left): an anggota sees her own page, /saya. */
  isGroupMember: boolean;
  business: { id: string; name: string } | null;
  tkmTeam: { id: string; name: string; areaId: string; areaPath: string; areaName: string } | null;
  /** The village whose government she works for (kepala desa, perangkat): read-only monitoring. */
  villageArea: { id: string; path: string; name: string } | null;
};

export async function getViewer(request: Request): Promise<Viewer | null> {
  const userId = await getSessionUserId(request);
  if (!userId) return null;
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      isAdmin: true,
      // Her memberships (an officer's role wins; enums sort differently in the two databases).
      memberships: {
        where: { leftAt: null },
        select: { role: true, group: { select: { id: true, name: true, slug: true } } },
        orderBy: { joinedAt: "asc" },
        take: 5,
      },
      businessRoles: { select: { business: { select: { id: true, name: true } } }, take: 1 },
      tkmRoles: {
        select: {
          team: { select: { id: true, name: true, area: { select: { id: true, path: true, name: true } } } },
        },
        take: 1,
      },
      villageRoles: { select: { area: { select: { id: true, path: true, name: true } } }, take: 1 },
    },
  });
  if (!user) return null;
  const membership = user.memberships.find((m) => MANAGER_ROLES.includes(m.role));
  const team = user.tkmRoles[0]?.team;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    isAdmin: user.isAdmin,
    managedGroup: membership ? { ...membership.group, role: membership.role } : null,
    isGroupMember: user.memberships.length > 0,
    business: user.businessRoles[0]?.business ?? null,
    tkmTeam: team
      ? {
          id: team.id,
          name: team.name,
          areaId: team.area.id,
          areaPath: team.area.path,
          areaName: team.area.name,
        }
      : null,
    villageArea: user.villageRoles[0]?.area ?? null,
  };
}

function signInRedirect(request: Request) {
  const url = new URL(request.url);
  const back = `${url.pathname}${url.search}`;
  return redirect(`/masuk?redirectTo=${encodeURIComponent(back)}`);
}

export async function requireViewer(request: Request): Promise<Viewer> {
  const viewer = await getViewer(request);
  if (!viewer) throw signInRedirect(request);
  return viewer;
}

function forbidden() {
  return new Response("Forbidden", { status: 403 });
}

/** A pengurus (ketua, sekretaris or bendahara) of a group, with that group. */
export async function requireGroupManager(request: Request) {
  const viewer = await requireViewer(request);
  // A member with a read-only account is told the officers' pages do not exist (item 6).
  if (!viewer.managedGroup) throw (await memberOf(viewer.id)) ? notFound() : forbidden();
  return { viewer, group: viewer.managedGroup };
}

/** Someone who buys for a business, with that business. */
export async function requireBuyer(request: Request) {
  const viewer = await requireViewer(request);
  if (!viewer.business) throw forbidden();
  return { viewer, business: viewer.business };
}

/** A TKM officer, with the team's area: they see everything inside it and nothing outside. */
export async function requireTkmOfficer(request: Request) {
  const viewer = await requireViewer(request);
  if (!viewer.tkmTeam) throw forbidden();
  return { viewer, team: viewer.tkmTeam };
}

/**
 * Who may read monitoring (dashboard, reports, network) and over which area: a TKM officer over
 * her team's area, or the village government over its village, read-only. Only TKM sees buyers'
 * and institutions' names (`namesPartners`) and may change anything (`canEdit`).
 */
export type MonitorScope = {
  kind: "tkm" | "village";
  areaId: string;
  areaPath: string;
  areaName: string;
  teamId: string | null;
  namesPartners: boolean;
  canEdit: boolean;
};

export async function requireMonitor(request: Request): Promise<{ viewer: Viewer; scope: MonitorScope }> {
  const viewer = await requireViewer(request);
  const team = viewer.tkmTeam;
  if (team) {
    const scope: MonitorScope = {
      kind: "tkm",
      areaId: team.areaId,
      areaPath: team.areaPath,
      areaName: team.areaName,
      teamId: team.id,
      namesPartners: true,
      canEdit: true,
    };
    return { viewer, scope };
  }
  const village = viewer.villageArea;
  if (village) {
    const scope: MonitorScope = {
      kind: "village",
      areaId: village.id,
      areaPath: village.path,
      areaName: village.name,
      teamId: null,
      namesPartners: false,
      canEdit: false,
    };
    return { viewer, scope };
  }
  throw forbidden();
}

/** The platform's admin: areas, categories, TKM teams, users and the audit log; no tenant. */
export async function requireAdmin(request: Request) {
  const viewer = await requireViewer(request);
  if (!viewer.isAdmin) throw notFound();
  return { viewer };
}

export async function requireAnonymous(request: Request) {
  const userId = await getSessionUserId(request);
  if (userId) throw redirect("/");
}

function notFound() {
  return new Response("Not found", { status: 404 });
}

/** The group membership (any role, not left) of a user, or null. */
async function memberOf(userId: string) {
  return db.groupMember.findFirst({
    where: { userId, leftAt: null },
    orderBy: { joinedAt: "asc" },
    select: { id: true, groupId: true, name: true, group: { select: { name: true } } },
  });
}

/** Someone who is a member of a group (an anggota's read-only account), with her membership. */
export async function requireGroupMember(request: Request) {
  const viewer = await requireViewer(request);
  const member = await memberOf(viewer.id);
  if (!member) throw notFound();
  return { viewer, member };
}
