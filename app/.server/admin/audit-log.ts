import { parseIdentifier } from "~/utils/identifier";
import { db } from "../db/client";

// The audit log, searched by the admin: by action (exact, or a prefix ending in "." such as
// "order."), entity (type, and id), actor (phone or email), group (slug) and WIB dates. Newest
// first, 50 at a time, paged by a cursor (the last row's time and id) so that a page deep in a
// long log costs what the first does; the filters ride the AuditEvent indexes (action+createdAt,
// entityType+entityId, groupId+createdAt, createdAt).

export const AUDIT_PAGE_SIZE = 50;
const WIB = "+07:00";

export type AuditFilter = {
  action?: string;
  entityType?: string;
  entityId?: string;
  actor?: string;
  group?: string;
  from?: string; // YYYY-MM-DD, WIB
  to?: string; // YYYY-MM-DD, WIB, inclusive
  before?: string; // cursor: "<ISO time>_<id>"
};

function parseCursor(before: string | undefined) {
  if (!before) return null;
  const cut = before.lastIndexOf("_");
  const time = new Date(before.slice(0, cut));
  const id = before.slice(cut + 1);
  return cut > 0 && !Number.isNaN(time.getTime()) && id ? { time, id } : null;
}

export async function searchAuditLog(filter: AuditFilter) {
  // An actor or group that does not exist matches nothing, rather than being ignored.
  let actorId: string | undefined;
  if (filter.actor) {
    const identifier = parseIdentifier(filter.actor);
    const actor = identifier
      ? await db.user.findUnique({
          where: identifier.kind === "phone" ? { phone: identifier.value } : { email: identifier.value },
          select: { id: true },
        })
      : null;
    actorId = actor?.id ?? "-";
  }
  let groupId: string | undefined;
  if (filter.group) {
    const group = await db.group.findUnique({ where: { slug: filter.group.trim() }, select: { id: true } });
    groupId = group?.id ?? "-";
  }
  const action = filter.action?.trim();
  const cursor = parseCursor(filter.before);
  const createdAt = {
    ...(filter.from ? { gte: new Date(`${filter.from}T00:00:00${WIB}`) } : {}),
    ...(filter.to ? { lt: new Date(new Date(`${filter.to}T00:00:00${WIB}`).getTime() + 86_400_000) } : {}),
  };
  const rows = await db.auditEvent.findMany({
    where: {
      ...(action ? { action: action.endsWith(".") ? { startsWith: action } : action } : {}),
      ...(filter.entityType ? { entityType: filter.entityType.trim() } : {}),
      ...(filter.entityId ? { entityId: filter.entityId.trim() } : {}),
      ...(actorId ? { actorId } : {}),
      ...(groupId ? { groupId } : {}),
      ...(Object.keys(createdAt).length ? { createdAt } : {}),
      ...(cursor
        ? {
            OR: [{ createdAt: { lt: cursor.time } }, { createdAt: cursor.time, id: { lt: cursor.id } }],
          }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: AUDIT_PAGE_SIZE + 1,
    select: {
      id: true,
      action: true,
      entityType: true,
      entityId: true,
      groupId: true,
      businessId: true,
      data: true,
      createdAt: true,
      actor: { select: { id: true, name: true } },
    },
  });
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  const last = page[page.length - 1];
  return {
    events: page,
    next: rows.length > AUDIT_PAGE_SIZE && last ? `${last.createdAt.toISOString()}_${last.id}` : null,
  };
}
