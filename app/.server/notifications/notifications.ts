import type { MessageKey, MessageParams } from "~/locales";
import { db, type Tx } from "../db/client";
import { MANAGER_ROLES } from "../auth/guards";
import { queueNotificationEmails } from "./email";

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
  const json = JSON.stringify(params);
  await tx.notification.createMany({
    data: userIds.map((userId) => ({ userId, messageKey, params: json, link })),
  });
  await queueNotificationEmails(tx, userIds, messageKey, json, link);
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

/**
 * The latest notifications, each with the phone (E.164) of the other party of its order when
 * known, for a wa.me link that forwards the message: a group manager's go to the buyer, a
 * buyer's to the group. Only the user's own notifications, so only their own orders.
 */
export async function listNotifications(userId: string) {
  const notifications = await db.notification.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, messageKey: true, params: true, link: true, readAt: true, createdAt: true },
  });
  const numbers = [
    ...new Set(
      notifications.flatMap((n) => {
        const number = (JSON.parse(n.params) as { number?: unknown }).number;
        return typeof number === "string" ? [number] : [];
      }),
    ),
  ];
  const orders = numbers.length
    ? await db.order.findMany({
        where: { number: { in: numbers } },
        select: { number: true, group: { select: { phone: true } }, business: { select: { phone: true } } },
      })
    : [];
  const byNumber = new Map(orders.map((order) => [order.number, order]));
  return notifications.map((n) => {
    const number = (JSON.parse(n.params) as { number?: unknown }).number;
    const order = typeof number === "string" ? byNumber.get(number) : undefined;
    const counterpartPhone = order
      ? n.link.startsWith("/kelola/")
        ? order.business.phone
        : order.group.phone
      : introducingGroupPhone(n.messageKey, n.params);
    return { ...n, counterpartPhone };
  });
}

/** A group's introduction (matching/suggestions.ts) carries the group's public WhatsApp number. */
function introducingGroupPhone(messageKey: string, rawParams: string): string | null {
  if (messageKey !== "suggest.notify.introduced") return null;
  const phone = (JSON.parse(rawParams) as { phone?: unknown }).phone;
  return typeof phone === "string" && phone.startsWith("+") ? phone : null;
}

export async function markAllRead(userId: string, now = new Date()) {
  await db.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: now } });
}
