import type { MessageKey, MessageParams } from "~/locales";
import type { CANCEL_REASONS, RequestInput, RequestTab } from "~/forms/requests";
import { addWibDays, endOfWibDay, wibDateKey, wibNoon } from "~/utils/delivery";
import { addressText } from "../buyers/addresses";
import { audit } from "../audit/audit";
import { db, type Tx } from "../db/client";
import { lockRow } from "../db/locks";
import { imageRef, processImage, storeImage } from "../images/pipeline";
import { notifyBusinessUsers, notifyGroupManagers } from "../notifications/notifications";
import { rankForRequest, type Ranking } from "./candidates";
import { newRequestNumber, requestState, takesQuotes, takesQuotesWhere } from "./request-state";
import type { MatchReason } from "./score";

// A buyer's requests for quotes: posting one (and who gets it), editing it while no group has
// quoted, cancelling it with a reason, and its expiry. Quotes, threads and accepting one are in
// quotes.ts and threads.ts.

export type Problem = { key: MessageKey; params?: MessageParams };
type Refused = { ok: false; formErrors: Problem[]; fieldErrors: Record<string, Problem[]> };

/** The matcher's best groups that receive a request open to nearby groups. */
export const MAX_MATCHED = 6;
/** A request may be needed at most this far ahead. */
const MAX_DAYS_AHEAD = 365;
/** The same request posted again within this time is the same request (a double submit). */
const REPEAT_WINDOW_MS = 5 * 60 * 1000;

function refuse(fieldErrors: Record<string, Problem[]>, formErrors: Problem[] = []): Refused {
  return { ok: false, formErrors, fieldErrors };
}

type Resolved = {
  categoryId: string | null;
  areaId: string | null;
  neededBy: Date;
  closesAt: Date;
  address: { id: string; text: string; villageId: string };
  invites: { id: string; name: string }[];
};

/**
 * Checks what only the server can: dates against today, the category, the address (this
 * business's own), the invited groups (verified ones). Field problems, or the values to store.
 */
async function resolve(businessId: string, input: RequestInput, now: Date): Promise<Resolved | Refused> {
  // A business TKM suspended asks for no quotes (nor previews who would get one).
  const business = await db.business.findUnique({ where: { id: businessId }, select: { suspendedAt: true } });
  if (business?.suspendedAt) return refuse({}, [{ key: "stew.business_suspended" }]);
  const errors: Record<string, Problem[]> = {};
  const today = wibDateKey(now);
  const neededBy = wibNoon(input.neededBy) as Date;
  if (input.neededBy <= today) errors.neededBy = [{ key: "request.needed_by_future" }];
  else if (input.neededBy > wibDateKey(addWibDays(now, MAX_DAYS_AHEAD))) {
    errors.neededBy = [{ key: "request.needed_by_too_far" }];
  }
  let closesOn = input.closesOn;
  if (closesOn === undefined) {
    const dayBefore = wibDateKey(addWibDays(neededBy, -1));
    closesOn = dayBefore < today ? today : dayBefore;
  } else if (closesOn < today) errors.closesOn = [{ key: "request.closes_past" }];
  else if (closesOn > input.neededBy) errors.closesOn = [{ key: "request.closes_after_needed" }];

  const [category, area, address, invited] = await Promise.all([
    input.categoryId
      ? db.category.findUnique({ where: { id: input.categoryId }, select: { id: true } })
      : null,
    input.areaId ? db.area.findUnique({ where: { id: input.areaId }, select: { id: true } }) : null,
    db.address.findFirst({
      where: { id: input.addressId, businessId },
      select: {
        id: true,
        recipient: true,
        phone: true,
        line: true,
        villageId: true,
        village: { select: { name: true } },
      },
    }),
    input.invite.length
      ? db.group.findMany({
          where: { id: { in: [...new Set(input.invite)] }, verifiedAt: { not: null }, suspendedAt: null },
          select: { id: true, name: true },
        })
      : [],
  ]);
  if (input.categoryId && !category) errors.categoryId = [{ key: "form.choose_one" }];
  if (input.areaId && !area) errors.areaId = [{ key: "form.choose_one" }];
  if (!address) errors.addressId = [{ key: "form.choose_one" }];
  if (invited.length !== new Set(input.invite).size) errors.invite = [{ key: "request.invite_unknown" }];
  if (input.visibility === "INVITED" && input.invite.length === 0) {
    errors.invite = [{ key: "request.invite_required" }];
  }
  if (Object.keys(errors).length > 0 || !address) return refuse(errors);
  return {
    categoryId: category?.id ?? null,
    areaId: area?.id ?? null,
    neededBy,
    closesAt: endOfWibDay(closesOn),
    address: { id: address.id, text: addressText(address), villageId: address.villageId },
    invites: invited,
  };
}

export type MatchView = {
  groupId: string;
  name: string;
  score: number;
  distanceKm: number | null;
  reasons: MatchReason[];
  /** Whether the request would reach (or reached) this group. */
  receives: boolean;
};

export type Preview = {
  matches: MatchView[];
  excluded: { groupId: string; name: string; reason: MatchReason }[];
};

/** Who gets a request: the best matches when open to nearby groups, and every invited group. */
function recipientsOf(ranking: Ranking, visibility: "NEARBY" | "INVITED", invites: { id: string }[]) {
  const invited = new Set(invites.map((group) => group.id));
  const matched = visibility === "NEARBY" ? ranking.matches.slice(0, MAX_MATCHED) : [];
  const receives = new Set([...matched.map((match) => match.groupId), ...invited]);
  return { matched, invited, receives };
}

/** What the buyer sees before posting: the groups that would get the request, and why. */
export async function previewRequest(
  businessId: string,
  input: RequestInput,
  now = new Date(),
): Promise<({ ok: true } & Preview) | Refused> {
  const resolved = await resolve(businessId, input, now);
  if ("ok" in resolved) return resolved;
  const ranking = await rankForRequest(rankInput(input, resolved), now, invitedIds(resolved));
  const { receives } = recipientsOf(ranking, input.visibility, resolved.invites);
  return {
    ok: true,
    matches: ranking.matches.map((match) => ({
      groupId: match.groupId,
      name: match.name,
      score: match.score,
      distanceKm: match.distanceKm,
      reasons: match.reasons,
      receives: receives.has(match.groupId),
    })),
    excluded: ranking.excluded.filter((group) => group.reason.key !== "match.excluded.no_product"),
  };
}

function invitedIds(resolved: Resolved): Set<string> {
  return new Set(resolved.invites.map((group) => group.id));
}

function rankInput(input: RequestInput, resolved: Resolved) {
  return {
    title: input.title,
    categoryId: resolved.categoryId,
    quantity: input.quantity,
    neededBy: resolved.neededBy,
    villageId: resolved.address.villageId,
    radiusKm: input.radiusKm,
    areaId: resolved.areaId,
  };
}

/** Writes the groups that get the request, with the matcher's reasons, and tells their managers. */
export async function addRecipients(
  tx: Tx,
  request: { id: string; number: string; title: string; quantity: number; unit: string },
  ranking: Ranking,
  visibility: "NEARBY" | "INVITED",
  invites: { id: string }[],
  skip: Set<string> = new Set(),
): Promise<string[]> {
  const { matched, invited } = recipientsOf(ranking, visibility, invites);
  const rankOf = new Map(ranking.matches.map((match, index) => [match.groupId, { match, rank: index + 1 }]));
  const excludedOf = new Map(ranking.excluded.map((group) => [group.groupId, group.reason]));
  const rows = [
    ...matched.map((match) => ({ groupId: match.groupId, source: "MATCHED" as const })),
    ...[...invited]
      .filter((groupId) => !matched.some((match) => match.groupId === groupId))
      .map((groupId) => ({ groupId, source: "INVITED" as const })),
  ].filter((row) => !skip.has(row.groupId));
  for (const row of rows) {
    const ranked = rankOf.get(row.groupId);
    const excluded = excludedOf.get(row.groupId);
    await tx.requestRecipient.create({
      data: {
        requestId: request.id,
        groupId: row.groupId,
        source: row.source,
        rank: ranked?.rank ?? null,
        score: ranked?.match.score ?? null,
        // A group the matcher did not even consider has no product with the request's words or in
        // its category: the buyer invited it all the same.
        reasons: JSON.stringify(
          ranked ? ranked.match.reasons : [excluded ?? { key: "match.excluded.no_product" }],
        ),
      },
      select: { id: true },
    });
    await notifyGroupManagers(
      tx,
      row.groupId,
      row.source === "INVITED" ? "request.notify_invited" : "request.notify_matched",
      { title: request.title, quantity: request.quantity },
      `/kelola/permintaan/${request.number}`,
    );
  }
  return rows.map((row) => row.groupId);
}

export type PostResult = { ok: true; number: string; repeated: boolean } | Refused;

/**
 * Posts a request: checked, stored with its photo, sent to the matched (and invited) groups with
 * the reasons, all in one transaction. The same request sent twice in a row is posted once.
 */
export async function postRequest(
  businessId: string,
  userId: string,
  input: RequestInput,
  photo: Uint8Array | null,
  now = new Date(),
): Promise<PostResult> {
  const resolved = await resolve(businessId, input, now);
  if ("ok" in resolved) return resolved;
  // The same request sent again within minutes, not cancelled since, is the same request.
  const sameRequest = {
    businessId,
    title: input.title,
    quantity: input.quantity,
    neededBy: resolved.neededBy,
    status: { not: "CANCELLED" as const },
    createdAt: { gte: new Date(now.getTime() - REPEAT_WINDOW_MS) },
  };
  const repeat = await db.quoteRequest.findFirst({ where: sameRequest, select: { number: true } });
  if (repeat) return { ok: true, number: repeat.number, repeated: true };
  const processed = photo ? await processImage(photo) : null;
  const ranking = await rankForRequest(rankInput(input, resolved), now, invitedIds(resolved));
  return db.$transaction(async (tx): Promise<PostResult> => {
    // The business's row: two submits of the same form wait for each other, and the second finds
    // the first (a request, unlike an order, has no claimed cart lines to tell them apart).
    await tx.business.update({ where: { id: businessId }, data: { creditLimit: { increment: 0 } } });
    const again = await tx.quoteRequest.findFirst({ where: sameRequest, select: { number: true } });
    if (again) return { ok: true, number: again.number, repeated: true };
    const number = newRequestNumber(now);
    const photoId = processed ? await storeImage(tx, processed, { shared: false }) : null;
    const request = await tx.quoteRequest.create({
      data: {
        number,
        businessId,
        createdById: userId,
        categoryId: resolved.categoryId,
        villageId: resolved.address.villageId,
        addressId: resolved.address.id,
        deliveryAddress: resolved.address.text,
        title: input.title,
        description: input.description ?? "",
        quantity: input.quantity,
        unit: input.unit,
        budgetPerUnit: input.budgetPerUnit ?? null,
        neededBy: resolved.neededBy,
        closesAt: resolved.closesAt,
        visibility: input.visibility,
        radiusKm: input.radiusKm,
        areaId: resolved.areaId,
        photoId,
        createdAt: now,
      },
      select: { id: true, number: true, title: true, quantity: true, unit: true },
    });
    const groups = await addRecipients(tx, request, ranking, input.visibility, resolved.invites);
    await audit(tx, {
      actorId: userId,
      action: "request.post",
      entityType: "QuoteRequest",
      entityId: request.id,
      businessId,
      data: { number, quantity: input.quantity, visibility: input.visibility, groups },
    });
    return { ok: true, number, repeated: false };
  });
}

/** The request as its edit form needs it, or null (another business's, or no longer editable). */
export async function requestForEdit(number: string, businessId: string, now = new Date()) {
  const request = await db.quoteRequest.findFirst({
    where: { number, businessId },
    select: {
      id: true,
      number: true,
      title: true,
      description: true,
      categoryId: true,
      quantity: true,
      unit: true,
      budgetPerUnit: true,
      neededBy: true,
      closesAt: true,
      addressId: true,
      visibility: true,
      radiusKm: true,
      areaId: true,
      status: true,
      _count: { select: { quotes: true } },
      recipients: { where: { source: "INVITED" }, select: { groupId: true } },
    },
  });
  if (!request) return null;
  const editable = takesQuotes(request, now) && request._count.quotes === 0;
  return {
    ...request,
    editable,
    closesOn: wibDateKey(request.closesAt),
    neededOn: wibDateKey(request.neededBy),
    invited: request.recipients.map((recipient) => recipient.groupId),
  };
}

export type EditResult = { ok: true; number: string; added: number } | Refused;

/**
 * Changes a request no group has quoted on yet. Groups that already have it keep it and are told
 * it changed; groups the changed request now matches get it too.
 */
export async function editRequest(
  number: string,
  businessId: string,
  userId: string,
  input: RequestInput,
  now = new Date(),
): Promise<EditResult | null> {
  const existing = await db.quoteRequest.findFirst({ where: { number, businessId }, select: { id: true } });
  if (!existing) return null;
  const resolved = await resolve(businessId, input, now);
  if ("ok" in resolved) return resolved;
  const ranking = await rankForRequest(rankInput(input, resolved), now, invitedIds(resolved));
  return db.$transaction(async (tx): Promise<EditResult> => {
    await lockRow(tx, "QuoteRequest", { id: existing.id });
    const current = await tx.quoteRequest.findUniqueOrThrow({
      where: { id: existing.id },
      select: {
        status: true,
        closesAt: true,
        _count: { select: { quotes: true } },
        recipients: { select: { groupId: true } },
      },
    });
    if (!takesQuotes(current, now)) return refuse({}, [{ key: "request.not_open" }]);
    if (current._count.quotes > 0) return refuse({}, [{ key: "request.has_quotes" }]);
    const request = await tx.quoteRequest.update({
      where: { id: existing.id },
      data: {
        title: input.title,
        description: input.description ?? "",
        categoryId: resolved.categoryId,
        villageId: resolved.address.villageId,
        addressId: resolved.address.id,
        deliveryAddress: resolved.address.text,
        quantity: input.quantity,
        unit: input.unit,
        budgetPerUnit: input.budgetPerUnit ?? null,
        neededBy: resolved.neededBy,
        closesAt: resolved.closesAt,
        visibility: input.visibility,
        radiusKm: input.radiusKm,
        areaId: resolved.areaId,
      },
      select: { id: true, number: true, title: true, quantity: true, unit: true },
    });
    const had = new Set(current.recipients.map((recipient) => recipient.groupId));
    const added = await addRecipients(tx, request, ranking, input.visibility, resolved.invites, had);
    for (const groupId of had) {
      await notifyGroupManagers(
        tx,
        groupId,
        "request.notify_changed",
        { title: request.title },
        `/kelola/permintaan/${request.number}`,
      );
    }
    await audit(tx, {
      actorId: userId,
      action: "request.edit",
      entityType: "QuoteRequest",
      entityId: request.id,
      businessId,
      data: { quantity: input.quantity, neededBy: input.neededBy, added },
    });
    return { ok: true, number: request.number, added: added.length };
  });
}

export type CancelResult = { ok: true } | { ok: false; key: MessageKey };

/**
 * Cancels a request that is still open, with the buyer's reason: its standing quotes are not
 * chosen and every group that got it is told. One conditional update decides, so a cancel and an
 * accept at the same moment cannot both happen.
 */
export async function cancelRequest(
  number: string,
  businessId: string,
  userId: string,
  input: { reason: (typeof CANCEL_REASONS)[number]; note?: string },
  now = new Date(),
): Promise<CancelResult | null> {
  const existing = await db.quoteRequest.findFirst({ where: { number, businessId }, select: { id: true } });
  if (!existing) return null;
  const reason =
    input.reason === "other"
      ? (input.note ?? "")
      : input.note
        ? `${input.reason}: ${input.note}`
        : input.reason;
  return db.$transaction(async (tx): Promise<CancelResult> => {
    await lockRow(tx, "QuoteRequest", { id: existing.id });
    const cancelled = await tx.quoteRequest.updateMany({
      where: { id: existing.id, ...takesQuotesWhere(now) },
      data: { status: "CANCELLED", cancelledAt: now, cancelReason: reason },
    });
    if (cancelled.count === 0) {
      const current = await tx.quoteRequest.findUniqueOrThrow({
        where: { id: existing.id },
        select: { status: true, closesAt: true },
      });
      return {
        ok: false,
        key: requestState(current, now) === "CANCELLED" ? "request.already_cancelled" : "request.not_open",
      };
    }
    await tx.quote.updateMany({
      where: { requestId: existing.id, status: "SUBMITTED" },
      data: { status: "NOT_CHOSEN" },
    });
    const request = await tx.quoteRequest.findUniqueOrThrow({
      where: { id: existing.id },
      select: { title: true, recipients: { select: { groupId: true } } },
    });
    for (const recipient of request.recipients) {
      await notifyGroupManagers(
        tx,
        recipient.groupId,
        "request.notify_cancelled",
        { title: request.title },
        `/kelola/permintaan/${number}`,
      );
    }
    await audit(tx, {
      actorId: userId,
      action: "request.cancel",
      entityType: "QuoteRequest",
      entityId: existing.id,
      businessId,
      data: { reason: input.reason, note: input.note ?? "" },
    });
    return { ok: true };
  });
}

/**
 * Writes EXPIRED on requests whose close date passed without an award, and tells their buyers
 * (requestState already reads them as expired; this makes lists and reports agree). Safe to run
 * on several servers: each request changes by one conditional update, and only the one that
 * changed it tells the buyer.
 */
export async function expireRequests(now = new Date()): Promise<{ expired: number }> {
  const due = await db.quoteRequest.findMany({
    where: { status: { in: ["OPEN", "QUOTED"] }, closesAt: { lte: now } },
    select: { id: true, number: true, title: true, businessId: true, _count: { select: { quotes: true } } },
    take: 500,
  });
  let expired = 0;
  for (const request of due) {
    await db.$transaction(async (tx) => {
      const changed = await tx.quoteRequest.updateMany({
        where: { id: request.id, status: { in: ["OPEN", "QUOTED"] }, closesAt: { lte: now } },
        data: { status: "EXPIRED", expiredAt: now },
      });
      if (changed.count === 0) return;
      expired += 1;
      await notifyBusinessUsers(
        tx,
        request.businessId,
        request._count.quotes > 0 ? "request.notify_expired_quoted" : "request.notify_expired",
        { title: request.title, number: request.number },
        `/permintaan/${request.number}`,
      );
      await audit(tx, {
        actorId: null,
        action: "request.expire",
        entityType: "QuoteRequest",
        entityId: request.id,
        businessId: request.businessId,
      });
    });
  }
  return { expired };
}

/** The buyer's requests for one tab, newest first, with quote and unread counts. */
export async function listBuyerRequests(businessId: string, tab: RequestTab, now = new Date()) {
  const rows = await db.quoteRequest.findMany({
    where: { businessId },
    orderBy: { createdAt: "desc" },
    take: 200,
    select: {
      id: true,
      number: true,
      title: true,
      quantity: true,
      unit: true,
      neededBy: true,
      closesAt: true,
      status: true,
      createdAt: true,
      photo: { select: { variants: { select: { hash: true, width: true, height: true, format: true } } } },
      _count: { select: { recipients: true } },
      quotes: { where: { status: { in: ["SUBMITTED", "ACCEPTED"] } }, select: { id: true } },
      recipients: { where: { declinedAt: { not: null } }, select: { id: true } },
      threads: {
        select: {
          buyerReadAt: true,
          messages: { where: { side: { not: "BUYER" } }, select: { createdAt: true } },
        },
      },
    },
  });
  const counts = { aktif: 0, selesai: 0, berakhir: 0 } as Record<RequestTab, number>;
  const listed = rows.map((row) => {
    const state = requestState(row, now);
    const tabOf: RequestTab =
      state === "OPEN" || state === "QUOTED" ? "aktif" : state === "AWARDED" ? "selesai" : "berakhir";
    counts[tabOf] += 1;
    const unread = row.threads.reduce(
      (sum, thread) =>
        sum + thread.messages.filter((m) => !thread.buyerReadAt || m.createdAt > thread.buyerReadAt).length,
      0,
    );
    return {
      number: row.number,
      title: row.title,
      quantity: row.quantity,
      unit: row.unit,
      neededBy: row.neededBy,
      state,
      createdAt: row.createdAt,
      photo: row.photo ? imageRef(row.photo.variants) : null,
      groups: row._count.recipients,
      quotes: row.quotes.length,
      declined: row.recipients.length,
      unread,
      tab: tabOf,
    };
  });
  return { requests: listed.filter((row) => row.tab === tab), counts };
}

/** What the request form offers: categories, this business's addresses, groups to invite. */
export async function requestFormOptions(businessId: string) {
  const [categories, addresses, groups, districts] = await Promise.all([
    db.category.findMany({
      orderBy: [{ sortOrder: "asc" }, { nameId: "asc" }],
      select: { id: true, nameId: true, nameEn: true, parentId: true },
    }),
    db.address.findMany({
      where: { businessId },
      orderBy: [{ isDefault: "desc" }, { label: "asc" }],
      select: {
        id: true,
        label: true,
        recipient: true,
        phone: true,
        line: true,
        isDefault: true,
        village: { select: { name: true } },
      },
    }),
    db.group.findMany({
      where: { verifiedAt: { not: null }, suspendedAt: null },
      orderBy: { name: "asc" },
      select: { id: true, name: true, village: { select: { name: true } } },
    }),
    db.area.findMany({
      where: {
        level: "DISTRICT",
        children: { some: { groups: { some: { verifiedAt: { not: null }, suspendedAt: null } } } },
      },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
  ]);
  return {
    districts,
    categories,
    addresses: addresses.map((address) => ({
      id: address.id,
      label: address.label,
      isDefault: address.isDefault,
      text: addressText(address),
    })),
    groups: groups.map((group) => ({ id: group.id, name: group.name, village: group.village.name })),
  };
}
