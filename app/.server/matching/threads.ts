import type { MessageKey } from "~/locales";
import type { Viewer } from "../auth/guards";
import { db, Prisma, type Tx } from "../db/client";
import { lockRow } from "../db/locks";
import { ImageRejected, imageRef, processImage, storeImage, type ProcessedImage } from "../images/pipeline";
import { notifyBusinessUsers, notifyGroupManagers } from "../notifications/notifications";

// One conversation per request and group, seen by the request's business and that group only.
// Lines are the parties' texts (with an optional photo) and SYSTEM lines that record what happened
// to the quote (a catalog key with its values, shown in the reader's language). Each side has a
// read mark; what the other side (or the system) wrote after it is unread.

export const MESSAGE_MAX_CHARS = 2000;

export type ThreadSide = "BUYER" | "GROUP";

/** Who is reading or writing: a group (its managers) or a business (its buyers). */
export type ThreadParty = { side: "GROUP"; groupId: string } | { side: "BUYER"; businessId: string };

/** A request and group that may talk: the group is one the request was sent to. */
export type ThreadScope = {
  requestId: string;
  requestNumber: string;
  requestTitle: string;
  businessId: string;
  businessName: string;
  groupId: string;
  groupName: string;
  groupSlug: string;
};

const scopeSelect = {
  group: { select: { id: true, name: true, slug: true } },
  request: {
    select: { id: true, number: true, title: true, business: { select: { id: true, name: true } } },
  },
} as const;

/**
 * The thread's parties when `party` may see it, else null (the caller answers 404, as for a
 * number that does not exist). A group sees only requests it was sent to; a business only its own
 * requests, and only with groups they were sent to.
 */
export async function threadScope(
  party: ThreadParty,
  number: string,
  groupSlug?: string,
): Promise<ThreadScope | null> {
  const recipient = await db.requestRecipient.findFirst({
    where:
      party.side === "GROUP"
        ? { groupId: party.groupId, request: { number } }
        : { group: { slug: groupSlug ?? "" }, request: { number, businessId: party.businessId } },
    select: scopeSelect,
  });
  if (!recipient) return null;
  return {
    requestId: recipient.request.id,
    requestNumber: recipient.request.number,
    requestTitle: recipient.request.title,
    businessId: recipient.request.business.id,
    businessName: recipient.request.business.name,
    groupId: recipient.group.id,
    groupName: recipient.group.name,
    groupSlug: recipient.group.slug,
  };
}

/** The thread of a request and group, made when first needed. Call with the request row locked. */
async function ensureThread(tx: Tx, requestId: string, groupId: string, now: Date) {
  const select = { id: true, lastMessageAt: true, buyerReadAt: true, groupReadAt: true } as const;
  const found = await tx.requestThread.findUnique({
    where: { requestId_groupId: { requestId, groupId } },
    select,
  });
  if (found) return { ...found, isNew: false };
  const created = await tx.requestThread.create({
    data: { requestId, groupId, lastMessageAt: now },
    select,
  });
  return { ...created, isNew: true };
}

/**
 * A SYSTEM line saying what happened (a catalog key with its values). `by` is the side whose action
 * caused it: the line is not news to that side, so its read mark moves past the line when it had
 * read everything before. Runs in the caller's transaction, with the request row locked.
 */
export async function addSystemLine(
  tx: Tx,
  pair: { requestId: string; groupId: string },
  key: MessageKey,
  params: Record<string, unknown>,
  by: { side: ThreadSide; userId: string } | null,
  now: Date,
) {
  const thread = await ensureThread(tx, pair.requestId, pair.groupId, now);
  await tx.threadMessage.create({
    data: {
      threadId: thread.id,
      side: "SYSTEM",
      authorId: by?.userId ?? null,
      body: key,
      params: JSON.stringify(params),
      createdAt: now,
    },
    select: { id: true },
  });
  const readAt = by?.side === "GROUP" ? thread.groupReadAt : by?.side === "BUYER" ? thread.buyerReadAt : null;
  const caughtUp = thread.isNew || (readAt !== null && readAt >= thread.lastMessageAt);
  await tx.requestThread.update({
    where: { id: thread.id },
    data: {
      lastMessageAt: now,
      ...(by && caughtUp ? { [by.side === "GROUP" ? "groupReadAt" : "buyerReadAt"]: now } : {}),
    },
    select: { id: true },
  });
}

export type PostMessageResult = { ok: true } | { ok: false; key: MessageKey; field: "body" | "photo" };

/** A party's line in the thread (text, and a processed photo if one was sent); the other side is told. */
export async function postMessage(
  party: ThreadParty,
  scope: ThreadScope,
  userId: string,
  input: { body: string; photo?: Uint8Array },
  now = new Date(),
): Promise<PostMessageResult> {
  const body = input.body.trim();
  if (body.length === 0) return { ok: false, key: "thread.message_required", field: "body" };
  if (body.length > MESSAGE_MAX_CHARS) return { ok: false, key: "form.too_long", field: "body" };
  let photo: ProcessedImage | null = null;
  try {
    // Outside the transaction: a second of work that holds no lock.
    if (input.photo) photo = await processImage(input.photo);
  } catch (error) {
    if (!(error instanceof ImageRejected)) throw error;
    return { ok: false, key: error.problem, field: "photo" };
  }
  await db.$transaction(async (tx) => {
    // One writer per request at a time: the thread is made once, lines keep their order.
    await lockRow(tx, "QuoteRequest", { id: scope.requestId });
    const thread = await ensureThread(tx, scope.requestId, scope.groupId, now);
    // Like a transfer proof: stored apart, served to the two parties only.
    const photoId = photo ? await storeImage(tx, photo, { shared: false }) : null;
    await tx.threadMessage.create({
      data: { threadId: thread.id, side: party.side, authorId: userId, body, photoId, createdAt: now },
      select: { id: true },
    });
    // She wrote it on the thread's page: she has seen everything in it.
    await tx.requestThread.update({
      where: { id: thread.id },
      data: { lastMessageAt: now, ...(party.side === "GROUP" ? { groupReadAt: now } : { buyerReadAt: now }) },
      select: { id: true },
    });
    if (party.side === "GROUP") {
      await notifyBusinessUsers(
        tx,
        scope.businessId,
        "thread.notify.from_group",
        { group: scope.groupName, number: scope.requestNumber },
        `/permintaan/${scope.requestNumber}/kelompok/${scope.groupSlug}`,
      );
    } else {
      await notifyGroupManagers(
        tx,
        scope.groupId,
        "thread.notify.from_buyer",
        { business: scope.businessName, number: scope.requestNumber },
        `/kelola/permintaan/${scope.requestNumber}`,
      );
    }
  });
  return { ok: true };
}

export type ThreadLine = {
  id: string;
  side: "BUYER" | "GROUP" | "SYSTEM";
  authorName: string | null;
  body: string;
  /** SYSTEM lines: the catalog key's values. */
  params: Record<string, unknown> | null;
  photo: ReturnType<typeof imageRef>;
  createdAt: Date;
};

/**
 * The lines of a thread, oldest first; reading them moves the reader's side's read mark. An empty
 * list when nobody has written yet (the thread is made with its first line).
 */
export async function readThread(
  party: ThreadParty,
  scope: ThreadScope,
  now = new Date(),
): Promise<ThreadLine[]> {
  const thread = await db.requestThread.findUnique({
    where: { requestId_groupId: { requestId: scope.requestId, groupId: scope.groupId } },
    select: {
      id: true,
      messages: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: 500,
        select: {
          id: true,
          side: true,
          body: true,
          params: true,
          createdAt: true,
          author: { select: { name: true } },
          photo: {
            select: { variants: { select: { hash: true, width: true, height: true, format: true } } },
          },
        },
      },
    },
  });
  if (!thread) return [];
  await db.requestThread.update({
    where: { id: thread.id },
    data: party.side === "GROUP" ? { groupReadAt: now } : { buyerReadAt: now },
    select: { id: true },
  });
  return thread.messages.map((message) => ({
    id: message.id,
    side: message.side,
    authorName: message.author?.name ?? null,
    body: message.body,
    params: message.side === "SYSTEM" && message.params ? parseParams(message.params) : null,
    photo: message.photo ? imageRef(message.photo.variants) : null,
    createdAt: message.createdAt,
  }));
}

function parseParams(json: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === "object" && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

// ------------------------------------------------------------------ unread counts

/** What the other side or the system wrote after `side`'s read mark. */
function unreadFor(side: ThreadSide) {
  return side === "GROUP"
    ? Prisma.sql`m."side" <> 'GROUP' AND (t."groupReadAt" IS NULL OR m."createdAt" > t."groupReadAt")`
    : Prisma.sql`m."side" <> 'BUYER' AND (t."buyerReadAt" IS NULL OR m."createdAt" > t."buyerReadAt")`;
}

/**
 * Unread lines for the site header, as a group manager and as a buyer: one query, only over the
 * viewer's own threads (indexed by group and by business).
 */
export async function unreadThreadCounts(tenants: {
  groupId: string | null;
  businessId: string | null;
}): Promise<{ group: number; buyer: number }> {
  if (!tenants.groupId && !tenants.businessId) return { group: 0, buyer: 0 };
  const groupId = tenants.groupId ?? "";
  const businessId = tenants.businessId ?? "";
  const rows = await db.$queryRaw<{ group: unknown; buyer: unknown }[]>`
    SELECT
      SUM(CASE WHEN t."groupId" = ${groupId} AND ${unreadFor("GROUP")} THEN 1 ELSE 0 END) AS "group",
      SUM(CASE WHEN r."businessId" = ${businessId} AND ${unreadFor("BUYER")} THEN 1 ELSE 0 END) AS "buyer"
    FROM "ThreadMessage" m
    JOIN "RequestThread" t ON t."id" = m."threadId"
    JOIN "QuoteRequest" r ON r."id" = t."requestId"
    WHERE t."groupId" = ${groupId} OR r."businessId" = ${businessId}`;
  return { group: Number(rows[0]?.group ?? 0), buyer: Number(rows[0]?.buyer ?? 0) };
}

/** A group's unread lines per request id. */
export async function unreadByRequestForGroup(groupId: string): Promise<Map<string, number>> {
  const rows = await db.$queryRaw<{ requestId: string; count: unknown }[]>`
    SELECT t."requestId" AS "requestId", COUNT(*) AS "count"
    FROM "ThreadMessage" m
    JOIN "RequestThread" t ON t."id" = m."threadId"
    WHERE t."groupId" = ${groupId} AND ${unreadFor("GROUP")}
    GROUP BY t."requestId"`;
  return new Map(rows.map((row) => [row.requestId, Number(row.count)]));
}

/**
 * A business's unread lines per request and group ("requestId groupId"), for its list of requests
 * (sum per request) and a request's page (per group). `requestId` narrows it to one request.
 */
export async function unreadForBusiness(
  businessId: string,
  requestId?: string,
): Promise<Map<string, number>> {
  const oneRequest = requestId ? Prisma.sql`AND r."id" = ${requestId}` : Prisma.empty;
  const rows = await db.$queryRaw<{ requestId: string; groupId: string; count: unknown }[]>`
    SELECT t."requestId" AS "requestId", t."groupId" AS "groupId", COUNT(*) AS "count"
    FROM "ThreadMessage" m
    JOIN "RequestThread" t ON t."id" = m."threadId"
    JOIN "QuoteRequest" r ON r."id" = t."requestId"
    WHERE r."businessId" = ${businessId} ${oneRequest} AND ${unreadFor("BUYER")}
    GROUP BY t."requestId", t."groupId"`;
  return new Map(rows.map((row) => [`${row.requestId} ${row.groupId}`, Number(row.count)]));
}

/** Sums `unreadForBusiness` per request id. */
export function unreadPerRequest(unread: Map<string, number>): Map<string, number> {
  const sums = new Map<string, number>();
  for (const [key, count] of unread) {
    const requestId = key.split(" ")[0] ?? "";
    sums.set(requestId, (sums.get(requestId) ?? 0) + count);
  }
  return sums;
}

/** A thread's photo is for the two parties only (the image route answers 404 to anyone else). */
export async function mayViewMessagePhoto(viewer: Viewer, assetId: string): Promise<boolean> {
  const parties = [
    ...(viewer.managedGroup ? [{ groupId: viewer.managedGroup.id }] : []),
    ...(viewer.business ? [{ request: { businessId: viewer.business.id } }] : []),
  ];
  if (parties.length === 0) return false;
  const message = await db.threadMessage.findFirst({
    where: { photoId: assetId, thread: { OR: parties } },
    select: { id: true },
  });
  return message !== null;
}
