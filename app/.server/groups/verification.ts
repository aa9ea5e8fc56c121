import type { MessageKey } from "~/locales";
import { audit } from "../audit/audit";
import { db } from "../db/client";

// TKM verifies groups and businesses of its area, or suspends them with a reason, and lifts a
// suspension with a reason. A suspended group is hidden from buyers and takes no orders; a
// suspended business cannot check out or ask for quotes (enforced where the catalog, the matcher,
// checkout and requests read verifiedAt; see the suspendedAt conditions there).

export type StandingEntity = "group" | "business";
export type StandingAction = "verify" | "suspend" | "reinstate";

type Refusal = { ok: false; key: MessageKey; field?: string; notFound?: true };

function inArea(areaPath: string) {
  return { village: { path: { startsWith: areaPath } } };
}

const listSelect = {
  id: true,
  name: true,
  verifiedAt: true,
  suspendedAt: true,
  suspendReason: true,
  createdAt: true,
  village: { select: { name: true } },
} as const;

/** Groups and businesses of the area awaiting verification or suspended; and the others, by name,
 * for suspending one of them. */
export async function verificationQueue(area: { areaPath: string }) {
  const open = { OR: [{ verifiedAt: null }, { suspendedAt: { not: null } }] };
  const standing = { verifiedAt: { not: null }, suspendedAt: null };
  const [groups, businesses, activeGroups, activeBusinesses] = await Promise.all([
    db.group.findMany({
      where: { ...inArea(area.areaPath), ...open },
      orderBy: [{ suspendedAt: "desc" }, { createdAt: "asc" }],
      take: 200,
      select: listSelect,
    }),
    db.business.findMany({
      where: { ...inArea(area.areaPath), ...open },
      orderBy: [{ suspendedAt: "desc" }, { createdAt: "asc" }],
      take: 200,
      select: { ...listSelect, kind: true },
    }),
    db.group.findMany({
      where: { ...inArea(area.areaPath), ...standing },
      orderBy: { name: "asc" },
      take: 500,
      select: { id: true, name: true },
    }),
    db.business.findMany({
      where: { ...inArea(area.areaPath), ...standing },
      orderBy: { name: "asc" },
      take: 500,
      select: { id: true, name: true },
    }),
  ]);
  return { groups, businesses, activeGroups, activeBusinesses };
}

/** A group's standing, for its TKM page; null outside the area. */
export async function groupStanding(tenant: { areaPath: string; groupId: string }) {
  return db.group.findFirst({
    where: { id: tenant.groupId, ...inArea(tenant.areaPath) },
    select: { id: true, verifiedAt: true, suspendedAt: true, suspendReason: true },
  });
}

/**
 * Verifies, suspends or lifts the suspension of a group or business inside the area. Suspending and
 * lifting need a reason; verifying takes an optional note. Each change is one conditional update
 * (two officers pressing at once change it once) and one audit event, in one transaction.
 */
export async function changeStanding(
  area: { areaPath: string },
  actorId: string,
  input: { entity: StandingEntity; id: string; action: StandingAction; reason: string },
  now = new Date(),
): Promise<{ ok: true } | Refusal> {
  const reason = input.reason.trim();
  if (input.action !== "verify" && reason.length === 0) {
    return { ok: false, key: "stew.reason_required", field: "reason" };
  }
  const where = { id: input.id, ...inArea(area.areaPath) };
  const exists =
    input.entity === "group"
      ? await db.group.findFirst({ where, select: { id: true } })
      : await db.business.findFirst({ where, select: { id: true } });
  if (!exists) return { ok: false, key: "stew.not_found", notFound: true };

  const change =
    input.action === "verify"
      ? {
          when: { verifiedAt: null },
          data: { verifiedAt: now },
          already: "stew.standing.already_verified" as const,
        }
      : input.action === "suspend"
        ? {
            when: { suspendedAt: null },
            data: { suspendedAt: now, suspendReason: reason },
            already: "stew.standing.already_suspended" as const,
          }
        : {
            when: { suspendedAt: { not: null } },
            data: { suspendedAt: null, suspendReason: null },
            already: "stew.standing.not_suspended" as const,
          };
  const changed = await db.$transaction(async (tx) => {
    const updated =
      input.entity === "group"
        ? await tx.group.updateMany({ where: { id: exists.id, ...change.when }, data: change.data })
        : await tx.business.updateMany({ where: { id: exists.id, ...change.when }, data: change.data });
    if (updated.count !== 1) return false;
    await audit(tx, {
      actorId,
      action: `${input.entity}.${input.action}`,
      entityType: input.entity === "group" ? "Group" : "Business",
      entityId: exists.id,
      groupId: input.entity === "group" ? exists.id : null,
      businessId: input.entity === "business" ? exists.id : null,
      data: reason ? { reason } : {},
    });
    return true;
  });
  if (!changed) return { ok: false, key: change.already };
  return { ok: true };
}
