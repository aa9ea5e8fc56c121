import type { MessageKey, MessageParams } from "~/locales";
import { db, type Tx } from "../db/client";
import { MANAGER_ROLES } from "../auth/guards";

// In-app inbox. Messages are stored as catalog keys with their values, so each reader sees them
// in their own language.

async function notifyUsers(
  tx: Tx,
  userIds: string[],
  messageKey: MessageKey,
  params: MessageParams,
  link: string,
) {
  if (userIds.length === 0) return;
  await tx.notification.createMany({
    data: userIds.map((userId) => ({ userId, messageKey, params: JSON.stringify(params), link })),
  });
}

export async function notifyGroupManagers(
  tx: Tx,
  groupId: string,
  key: MessageKey,
  params: MessageParams,
  link: string,
) {
  const managers = await tx.groupMember.findMany({
    where: { groupId, leftAt: null, role: { in: [...MANAGER_ROLES] }, userId: { not: null } },
    select: { userId: true },
  });
  await notifyUsers(
    tx,
    managers.flatMap((m) => (m.userId ? [m.userId] : [])),
    key,
    params,
    link,
  );
}

export async function notifyBusinessUsers(
  tx: Tx,
  businessId: string,
  key: MessageKey,
  params: MessageParams,
  link: string,
) {
  const users = await tx.businessUser.findMany({ where: { businessId }, select: { userId: true } });
  await notifyUsers(
    tx,
    users.map((u) => u.userId),
    key,
    params,
    link,
  );
}

export async function countUnread(userId: string) {
  return db.notification.count({ where: { userId, readAt: null } });
}

export async function listNotifications(userId: string) {
  return db.notification.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, messageKey: true, params: true, link: true, readAt: true, createdAt: true },
  });
}

export async function markAllRead(userId: string, now = new Date()) {
  await db.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: now } });
}
