import { isMessageKey, type MessageKey, type MessageParams } from "~/locales";
import { filledTiers, type AcceptInput, type DeclineReason, type QuoteInput } from "~/forms/quote";
import { endOfWibDay, wibDateKey, wibNoon } from "~/utils/delivery";
import { priceForQuantity } from "~/utils/pricing";
import { audit } from "../audit/audit";
import { groupTrackRecord } from "../catalog/groups";
import { db, type PaymentMethod, type QuoteStatus, type RequestStatus, type Tx } from "../db/client";
import { lockRow } from "../db/locks";
import { imageRef } from "../images/pipeline";
import { notifyBusinessUsers, notifyGroupManagers } from "../notifications/notifications";
import { PlacementConflict, placeOrders, tempoCreditHolds } from "../orders/place";
import { paymentOptions } from "../payments/methods";
import { requestState, takesQuotes, takesQuotesWhere } from "./request-state";
import { distanceKm, type MatchReason } from "./score";
import { addSystemLine, unreadByRequestForGroup, unreadForBusiness } from "./threads";

// Quotes: a group that a request was sent to (a RequestRecipient row) answers it with one quote
// for one of its products, revises or withdraws it, or declines; the buyer counters or accepts.
// Accepting places the order through the same code as checkout (orders/place.ts), in the same
// transaction that awards the request (decision 014). Every change to a request's quotes takes the
// request's row first (lockRow, or the conditional update that awards it), so two of them on one
// request happen one after the other on PostgreSQL as on SQLite.

export type GroupTenant = { groupId: string };
export type BusinessTenant = { businessId: string };

/** One way to say no: a catalog key (and the field it belongs to), or "not found" (404). */
export type Refusal = {
  ok: false;
  key: MessageKey;
  params?: MessageParams;
  field?: string;
  notFound?: true;
};

const NOT_FOUND: Refusal = { ok: false, key: "quote.not_found", notFound: true };
const refuse = (key: MessageKey, params?: MessageParams, field?: string): Refusal => ({
  ok: false,
  key,
  ...(params ? { params } : {}),
  ...(field ? { field } : {}),
});

/** Thrown inside a transaction to leave it with nothing changed. */
class Refused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.key);
  }
}

async function refusedOr<T>(work: () => Promise<T>): Promise<T | Refusal> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Refused) return error.refusal;
    throw error;
  }
}

/** The matcher's reasons as stored (JSON), keeping only what the catalogs can say. */
export function parseReasons(json: string): MatchReason[] {
  try {
    const value: unknown = JSON.parse(json);
    if (!Array.isArray(value)) return [];
    return value.flatMap((entry: unknown) => {
      if (!entry || typeof entry !== "object") return [];
      const { key, params } = entry as { key?: unknown; params?: unknown };
      if (typeof key !== "string" || !key.startsWith("match.") || !isMessageKey(key)) return [];
      const clean: Record<string, string | number> = {};
      if (params && typeof params === "object") {
        for (const [name, v] of Object.entries(params)) {
          if (typeof v === "string" || typeof v === "number") clean[name] = v;
        }
      }
      return [{ key: key as MatchReason["key"], params: clean }];
    });
  } catch {
    return [];
  }
}

/** A decline as stored: the reason chosen and what she wrote. */
export function parseDecline(json: string | null): { reason: DeclineReason; note: string } | null {
  if (!json) return null;
  try {
    const value = JSON.parse(json) as { reason?: unknown; note?: unknown };
    const reasons: readonly string[] = ["capacity", "date", "materials", "price", "not_our_product", "other"];
    const reason =
      typeof value.reason === "string" && reasons.includes(value.reason) ? value.reason : "other";
    return { reason: reason as DeclineReason, note: typeof value.note === "string" ? value.note : "" };
  } catch {
    return { reason: "other", note: json };
  }
}

/** A quote's unit price for a quantity: its tiers, else its base price. */
export function quoteUnitPrice(
  quote: { unitPrice: number; tiers: { minQuantity: number; unitPrice: number }[] },
  quantity: number,
): number {
  return priceForQuantity({ price: quote.unitPrice, tiers: quote.tiers }, quantity);
}

const quoteSelect = {
  id: true,
  groupId: true,
  productId: true,
  unitPrice: true,
  quantity: true,
  earliestDelivery: true,
  validUntil: true,
  note: true,
  revision: true,
  status: true,
  counterUnitPrice: true,
  counterNote: true,
  counteredAt: true,
  createdAt: true,
  updatedAt: true,
  product: { select: { id: true, name: true, unit: true, slug: true } },
  tiers: { orderBy: { minQuantity: "asc" as const }, select: { minQuantity: true, unitPrice: true } },
  order: { select: { number: true } },
} as const;

const photoSelect = {
  select: { variants: { select: { hash: true, width: true, height: true, format: true } } },
};

// ------------------------------------------------------------------ the group's side

/** What a group may do on a request's page now; the actions enforce the same. */
export function groupActions(
  request: { status: RequestStatus; closesAt: Date },
  recipient: { declinedAt: Date | null },
  quote: { status: QuoteStatus; counterUnitPrice: number | null } | null,
  now: Date,
) {
  const open = takesQuotes(request, now);
  const standing = quote?.status === "SUBMITTED";
  return {
    quote: open && (!quote || standing || quote.status === "WITHDRAWN"),
    withdraw: open && standing,
    acceptCounter: open && standing && quote.counterUnitPrice !== null,
    decline: open && !recipient.declinedAt && !standing,
  };
}

/** A request as a group it was sent to sees it, or null (404) for any other group. */
export async function requestForGroup(tenant: GroupTenant, number: string, now = new Date()) {
  const recipient = await db.requestRecipient.findFirst({
    where: { groupId: tenant.groupId, request: { number } },
    select: {
      id: true,
      source: true,
      rank: true,
      reasons: true,
      seenAt: true,
      declinedAt: true,
      declineReason: true,
      group: { select: { village: { select: { latitude: true, longitude: true } } } },
      request: {
        select: {
          id: true,
          number: true,
          title: true,
          description: true,
          quantity: true,
          unit: true,
          budgetPerUnit: true,
          neededBy: true,
          closesAt: true,
          status: true,
          categoryId: true,
          createdAt: true,
          category: { select: { nameId: true, nameEn: true } },
          village: { select: { name: true, latitude: true, longitude: true } },
          photo: photoSelect,
          business: { select: { name: true, kind: true, phone: true, village: { select: { name: true } } } },
        },
      },
    },
  });
  if (!recipient) return null;
  const { request } = recipient;
  const [quote, products] = await Promise.all([
    db.quote.findUnique({
      where: { requestId_groupId: { requestId: request.id, groupId: tenant.groupId } },
      select: quoteSelect,
    }),
    db.product.findMany({
      where: { groupId: tenant.groupId, status: "ACTIVE" },
      select: { id: true, name: true, unit: true, price: true, categoryId: true },
      orderBy: { name: "asc" },
      take: 200,
    }),
  ]);
  // Products of the request's category first: most likely the one to quote.
  products.sort(
    (a, b) => Number(b.categoryId === request.categoryId) - Number(a.categoryId === request.categoryId),
  );
  return {
    request: {
      ...request,
      photo: request.photo ? imageRef(request.photo.variants) : null,
      state: requestState(request, now),
      distanceKm: distanceKm(request.village, recipient.group.village),
    },
    recipient: {
      id: recipient.id,
      source: recipient.source,
      rank: recipient.rank,
      reasons: parseReasons(recipient.reasons),
      seenAt: recipient.seenAt,
      declinedAt: recipient.declinedAt,
      decline: parseDecline(recipient.declineReason),
    },
    quote,
    products,
    actions: groupActions(request, recipient, quote, now),
  };
}

/** The group has opened the request: it is no longer new in the inbox. */
export async function markRequestSeen(recipientId: string, now = new Date()) {
  await db.requestRecipient.updateMany({ where: { id: recipientId, seenAt: null }, data: { seenAt: now } });
}

export type InboxSection = "new" | "quoted" | "closed";

/** The group's "Permintaan" inbox: requests sent to it, newest first, in three sections. */
export async function groupInbox(tenant: GroupTenant, now = new Date()) {
  const [recipients, unread] = await Promise.all([
    db.requestRecipient.findMany({
      where: { groupId: tenant.groupId },
      orderBy: { createdAt: "desc" },
      take: 200,
      select: {
        id: true,
        reasons: true,
        seenAt: true,
        declinedAt: true,
        request: {
          select: {
            id: true,
            number: true,
            title: true,
            quantity: true,
            unit: true,
            neededBy: true,
            closesAt: true,
            status: true,
            business: { select: { name: true, kind: true, village: { select: { name: true } } } },
            quotes: { where: { groupId: tenant.groupId }, select: { status: true, validUntil: true } },
          },
        },
      },
    }),
    unreadByRequestForGroup(tenant.groupId),
  ]);
  const rows = recipients.map((recipient) => {
    const { request } = recipient;
    const state = requestState(request, now);
    const quote = request.quotes[0] ?? null;
    const open = takesQuotes(request, now);
    const section: InboxSection =
      !open || recipient.declinedAt ? "closed" : quote && quote.status !== "WITHDRAWN" ? "quoted" : "new";
    return {
      number: request.number,
      title: request.title,
      quantity: request.quantity,
      unit: request.unit,
      neededBy: request.neededBy,
      business: request.business,
      reasons: parseReasons(recipient.reasons),
      state,
      quoteStatus: quote?.status ?? null,
      declined: recipient.declinedAt !== null,
      unseen: recipient.seenAt === null,
      unread: unread.get(request.id) ?? 0,
      section,
    };
  });
  return {
    new: rows.filter((row) => row.section === "new"),
    quoted: rows.filter((row) => row.section === "quoted"),
    closed: rows.filter((row) => row.section === "closed"),
  };
}

/** The recipient row that lets this group act on the request, with what the checks need. */
async function recipientFor(tenant: GroupTenant, number: string) {
  return db.requestRecipient.findFirst({
    where: { groupId: tenant.groupId, request: { number } },
    select: {
      id: true,
      declinedAt: true,
      group: { select: { name: true } },
      request: {
        select: { id: true, number: true, title: true, businessId: true, closesAt: true, status: true },
      },
    },
  });
}

/** Locks the request row and reads its state again: refused when it no longer takes quotes. */
async function lockOpenRequest(tx: Tx, requestId: string, now: Date) {
  await lockRow(tx, "QuoteRequest", { id: requestId });
  const request = await tx.quoteRequest.findUniqueOrThrow({
    where: { id: requestId },
    select: { status: true, closesAt: true },
  });
  if (!takesQuotes(request, now)) throw new Refused(refuse("quote.request_closed"));
  return request;
}

export type QuoteChange = { field: string; from: string | number; to: string | number };

/** What a revision changed, for the thread's SYSTEM line. */
function changesBetween(
  before: {
    productId: string;
    productName: string;
    unitPrice: number;
    quantity: number;
    earliestDelivery: Date;
    validUntil: Date;
    note: string;
    tiers: { minQuantity: number; unitPrice: number }[];
  },
  after: typeof before,
): QuoteChange[] {
  const changes: QuoteChange[] = [];
  if (before.productId !== after.productId)
    changes.push({ field: "product", from: before.productName, to: after.productName });
  if (before.unitPrice !== after.unitPrice)
    changes.push({ field: "price", from: before.unitPrice, to: after.unitPrice });
  if (before.quantity !== after.quantity)
    changes.push({ field: "quantity", from: before.quantity, to: after.quantity });
  if (wibDateKey(before.earliestDelivery) !== wibDateKey(after.earliestDelivery))
    changes.push({
      field: "date",
      from: wibDateKey(before.earliestDelivery),
      to: wibDateKey(after.earliestDelivery),
    });
  if (wibDateKey(before.validUntil) !== wibDateKey(after.validUntil))
    changes.push({ field: "valid", from: wibDateKey(before.validUntil), to: wibDateKey(after.validUntil) });
  if (JSON.stringify(before.tiers) !== JSON.stringify(after.tiers))
    changes.push({ field: "tiers", from: before.tiers.length, to: after.tiers.length });
  if (before.note !== after.note) changes.push({ field: "note", from: "", to: "" });
  return changes;
}

export type QuoteResult = { ok: true; revised: boolean } | Refusal;

/**
 * The group's quote on a request: the first one, or a revision of its standing (or withdrawn)
 * quote. A revision adds one to `revision`, clears the buyer's counter and says in the thread
 * what changed; sending the same quote again changes nothing.
 */
export async function submitQuote(
  tenant: GroupTenant,
  userId: string,
  number: string,
  input: QuoteInput,
  now = new Date(),
): Promise<QuoteResult> {
  const recipient = await recipientFor(tenant, number);
  if (!recipient) return NOT_FOUND;
  const { request } = recipient;
  if (!takesQuotes(request, now)) return refuse("quote.request_closed");
  const product = await db.product.findUnique({
    where: { id: input.productId },
    select: { id: true, groupId: true, status: true, name: true, unit: true },
  });
  // Another group's product (or none) in the form: as if the page did not exist.
  if (!product || product.groupId !== tenant.groupId) return NOT_FOUND;
  if (product.status !== "ACTIVE") return refuse("quote.product_not_active", undefined, "productId");
  const group = await db.group.findUnique({ where: { id: tenant.groupId }, select: { suspendedAt: true } });
  if (group?.suspendedAt) return refuse("stew.group_suspended_quote");

  const today = wibDateKey(now);
  if (input.earliestDelivery < today) return refuse("quote.date_past", undefined, "earliestDelivery");
  const lastDay = wibDateKey(request.closesAt);
  const validKey = input.validUntil ?? lastDay;
  if (validKey < today) return refuse("quote.date_past", undefined, "validUntil");
  if (validKey > lastDay) return refuse("quote.valid_after_close", { date: lastDay }, "validUntil");
  const validEnd = endOfWibDay(validKey);
  const validUntil = validEnd < request.closesAt ? validEnd : request.closesAt;
  const earliestDelivery = wibNoon(input.earliestDelivery) as Date;
  const tiers = filledTiers(input);
  const tierOver = tiers.findIndex((tier) => tier.minQuantity > input.quantity);
  if (tierOver !== -1) {
    return refuse("quote.tier_over_quantity", { quantity: input.quantity }, `tiers[${tierOver}].minQuantity`);
  }
  const fields = {
    productId: product.id,
    unitPrice: input.unitPrice,
    quantity: input.quantity,
    earliestDelivery,
    validUntil,
    note: input.note ?? "",
  };

  return refusedOr(() =>
    db.$transaction(async (tx) => {
      await lockOpenRequest(tx, request.id, now);
      const existing = await tx.quote.findUnique({
        where: { requestId_groupId: { requestId: request.id, groupId: tenant.groupId } },
        select: quoteSelect,
      });
      if (existing && existing.status !== "SUBMITTED" && existing.status !== "WITHDRAWN") {
        throw new Refused(refuse("quote.request_closed"));
      }
      const by = { side: "GROUP" as const, userId };
      let revised = false;
      let quoteId: string;
      if (!existing) {
        const created = await tx.quote.create({
          data: {
            ...fields,
            requestId: request.id,
            groupId: tenant.groupId,
            createdById: userId,
            tiers: { create: tiers },
          },
          select: { id: true },
        });
        quoteId = created.id;
        await addSystemLine(
          tx,
          { requestId: request.id, groupId: tenant.groupId },
          "thread.system.quoted",
          { price: input.unitPrice, quantity: input.quantity, date: input.earliestDelivery },
          by,
          now,
        );
      } else {
        quoteId = existing.id;
        const changes = changesBetween(
          {
            productId: existing.productId,
            productName: existing.product.name,
            unitPrice: existing.unitPrice,
            quantity: existing.quantity,
            earliestDelivery: existing.earliestDelivery,
            validUntil: existing.validUntil,
            note: existing.note,
            tiers: existing.tiers,
          },
          { ...fields, productName: product.name, tiers },
        );
        // The same form sent twice (or nothing changed): nothing to say, nothing to revise.
        if (changes.length === 0 && existing.status === "SUBMITTED" && existing.counterUnitPrice === null) {
          return { ok: true as const, revised: false };
        }
        revised = true;
        await tx.quoteTier.deleteMany({ where: { quoteId } });
        await tx.quote.update({
          where: { id: quoteId },
          data: {
            ...fields,
            status: "SUBMITTED",
            revision: { increment: 1 },
            counterUnitPrice: null,
            counterNote: null,
            counteredAt: null,
            tiers: { create: tiers },
          },
          select: { id: true },
        });
        await addSystemLine(
          tx,
          { requestId: request.id, groupId: tenant.groupId },
          existing.status === "WITHDRAWN" ? "thread.system.resubmitted" : "thread.system.revised",
          { revision: existing.revision + 1, changes },
          by,
          now,
        );
      }
      // The first standing quote: OPEN → QUOTED (a conditional update; QUOTED stays as it is).
      await tx.quoteRequest.updateMany({
        where: { id: request.id, status: "OPEN" },
        data: { status: "QUOTED" },
      });
      // Quoting after declining takes the decline back; quoting at all means she has seen it.
      await tx.requestRecipient.update({
        where: { id: recipient.id },
        data: { declinedAt: null, declineReason: null },
        select: { id: true },
      });
      await tx.requestRecipient.updateMany({
        where: { id: recipient.id, seenAt: null },
        data: { seenAt: now },
      });
      await audit(tx, {
        actorId: userId,
        action: revised ? "quote.revise" : "quote.submit",
        entityType: "Quote",
        entityId: quoteId,
        groupId: tenant.groupId,
        businessId: request.businessId,
        data: { requestId: request.id, ...fields, tiers },
      });
      await notifyBusinessUsers(
        tx,
        request.businessId,
        revised ? "quote.notify.revised" : "quote.notify.received",
        { group: recipient.group.name, number: request.number },
        `/permintaan/${request.number}`,
      );
      return { ok: true as const, revised };
    }),
  );
}

export type SimpleResult = { ok: true } | Refusal;

/** The group takes its standing quote back; the request is open again when no quote stands. */
export async function withdrawQuote(
  tenant: GroupTenant,
  userId: string,
  number: string,
  now = new Date(),
): Promise<SimpleResult> {
  const recipient = await recipientFor(tenant, number);
  if (!recipient) return NOT_FOUND;
  const { request } = recipient;
  return refusedOr(() =>
    db.$transaction(async (tx) => {
      await lockOpenRequest(tx, request.id, now);
      const withdrawn = await tx.quote.updateMany({
        where: { requestId: request.id, groupId: tenant.groupId, status: "SUBMITTED" },
        data: { status: "WITHDRAWN", counterUnitPrice: null, counterNote: null, counteredAt: null },
      });
      if (withdrawn.count === 0) throw new Refused(refuse("quote.nothing_to_withdraw"));
      const standing = await tx.quote.count({ where: { requestId: request.id, status: "SUBMITTED" } });
      if (standing === 0) {
        await tx.quoteRequest.updateMany({
          where: { id: request.id, status: "QUOTED" },
          data: { status: "OPEN" },
        });
      }
      await addSystemLine(
        tx,
        { requestId: request.id, groupId: tenant.groupId },
        "thread.system.withdrawn",
        {},
        { side: "GROUP", userId },
        now,
      );
      await audit(tx, {
        actorId: userId,
        action: "quote.withdraw",
        entityType: "QuoteRequest",
        entityId: request.id,
        groupId: tenant.groupId,
        businessId: request.businessId,
      });
      await notifyBusinessUsers(
        tx,
        request.businessId,
        "quote.notify.withdrawn",
        { group: recipient.group.name, number: request.number },
        `/permintaan/${request.number}`,
      );
      return { ok: true as const };
    }),
  );
}

/** The group says it will not quote, with a reason the buyer reads in the thread. */
export async function declineRequest(
  tenant: GroupTenant,
  userId: string,
  number: string,
  input: { reason: DeclineReason; note?: string },
  now = new Date(),
): Promise<SimpleResult> {
  const recipient = await recipientFor(tenant, number);
  if (!recipient) return NOT_FOUND;
  if (recipient.declinedAt) return { ok: true };
  const { request } = recipient;
  const note = input.note?.trim() ?? "";
  if (input.reason === "other" && !note) return refuse("quote.decline_note_required", undefined, "note");
  return refusedOr(() =>
    db.$transaction(async (tx) => {
      await lockOpenRequest(tx, request.id, now);
      const standing = await tx.quote.count({
        where: { requestId: request.id, groupId: tenant.groupId, status: "SUBMITTED" },
      });
      if (standing > 0) throw new Refused(refuse("quote.withdraw_first"));
      const declined = await tx.requestRecipient.updateMany({
        where: { id: recipient.id, declinedAt: null },
        data: { declinedAt: now, declineReason: JSON.stringify({ reason: input.reason, note }), seenAt: now },
      });
      if (declined.count === 0) return { ok: true as const };
      await addSystemLine(
        tx,
        { requestId: request.id, groupId: tenant.groupId },
        "thread.system.declined",
        { reason: input.reason, note },
        { side: "GROUP", userId },
        now,
      );
      await audit(tx, {
        actorId: userId,
        action: "quote.decline",
        entityType: "QuoteRequest",
        entityId: request.id,
        groupId: tenant.groupId,
        businessId: request.businessId,
        data: { reason: input.reason, note },
      });
      await notifyBusinessUsers(
        tx,
        request.businessId,
        "quote.notify.declined",
        { group: recipient.group.name, number: request.number },
        `/permintaan/${request.number}`,
      );
      return { ok: true as const };
    }),
  );
}

/** The group takes the buyer's counter-offer: a revision at that price (tiers above it dropped). */
export async function acceptCounter(
  tenant: GroupTenant,
  userId: string,
  number: string,
  revision: number,
  now = new Date(),
): Promise<SimpleResult> {
  const recipient = await recipientFor(tenant, number);
  if (!recipient) return NOT_FOUND;
  const { request } = recipient;
  return refusedOr(() =>
    db.$transaction(async (tx) => {
      await lockOpenRequest(tx, request.id, now);
      const quote = await tx.quote.findUnique({
        where: { requestId_groupId: { requestId: request.id, groupId: tenant.groupId } },
        select: quoteSelect,
      });
      if (
        !quote ||
        quote.status !== "SUBMITTED" ||
        quote.counterUnitPrice === null ||
        quote.revision !== revision
      ) {
        throw new Refused(refuse("quote.counter_gone"));
      }
      const price = quote.counterUnitPrice;
      await tx.quoteTier.deleteMany({ where: { quoteId: quote.id, unitPrice: { gt: price } } });
      await tx.quote.update({
        where: { id: quote.id },
        data: {
          unitPrice: price,
          revision: { increment: 1 },
          counterUnitPrice: null,
          counterNote: null,
          counteredAt: null,
        },
        select: { id: true },
      });
      await addSystemLine(
        tx,
        { requestId: request.id, groupId: tenant.groupId },
        "thread.system.counter_accepted",
        { price, revision: quote.revision + 1 },
        { side: "GROUP", userId },
        now,
      );
      await audit(tx, {
        actorId: userId,
        action: "quote.revise",
        entityType: "Quote",
        entityId: quote.id,
        groupId: tenant.groupId,
        businessId: request.businessId,
        data: { counterAccepted: true, from: quote.unitPrice, unitPrice: price },
      });
      await notifyBusinessUsers(
        tx,
        request.businessId,
        "quote.notify.counter_accepted",
        { group: recipient.group.name, number: request.number },
        `/permintaan/${request.number}`,
      );
      return { ok: true as const };
    }),
  );
}

// ------------------------------------------------------------------ the buyer's side

/** A request as its business sees it, with the groups asked and the quotes side by side; null for any other business. */
export async function requestForBuyer(tenant: BusinessTenant, number: string, now = new Date()) {
  const request = await db.quoteRequest.findFirst({
    where: { number, businessId: tenant.businessId },
    select: {
      id: true,
      number: true,
      title: true,
      description: true,
      quantity: true,
      unit: true,
      budgetPerUnit: true,
      neededBy: true,
      closesAt: true,
      status: true,
      visibility: true,
      deliveryAddress: true,
      cancelReason: true,
      awardedAt: true,
      createdAt: true,
      category: { select: { nameId: true, nameEn: true } },
      village: { select: { name: true, latitude: true, longitude: true } },
      photo: photoSelect,
      recipients: {
        orderBy: [{ rank: "asc" }, { createdAt: "asc" }],
        select: {
          source: true,
          rank: true,
          reasons: true,
          declinedAt: true,
          declineReason: true,
          group: {
            select: {
              id: true,
              name: true,
              slug: true,
              phone: true,
              village: { select: { name: true, latitude: true, longitude: true } },
            },
          },
        },
      },
      quotes: { orderBy: { createdAt: "asc" }, select: quoteSelect },
    },
  });
  if (!request) return null;
  const open = takesQuotes(request, now);
  const quotedGroups = [...new Set(request.quotes.map((quote) => quote.groupId))];
  const [unread, trackRecords, payment] = await Promise.all([
    unreadForBusiness(tenant.businessId, request.id),
    Promise.all(quotedGroups.map(async (groupId) => [groupId, await groupTrackRecord(groupId)] as const)),
    open && request.quotes.some((quote) => quote.status === "SUBMITTED")
      ? paymentOptions(tenant.businessId)
      : null,
  ]);
  const track = new Map(trackRecords);
  const groups = request.recipients.map((recipient) => ({
    ...recipient.group,
    source: recipient.source,
    rank: recipient.rank,
    reasons: parseReasons(recipient.reasons),
    declinedAt: recipient.declinedAt,
    decline: parseDecline(recipient.declineReason),
    distanceKm: distanceKm(request.village, recipient.group.village),
    unread: unread.get(`${request.id} ${recipient.group.id}`) ?? 0,
  }));
  const groupById = new Map(groups.map((group) => [group.id, group]));
  const quotes = request.quotes.flatMap((quote) => {
    const group = groupById.get(quote.groupId);
    if (!group) return [];
    const forQuantity = Math.min(request.quantity, quote.quantity);
    const unitPriceAtQuantity = quoteUnitPrice(quote, forQuantity);
    const expired = quote.validUntil <= now;
    const standing = quote.status === "SUBMITTED" && !expired;
    return [
      {
        ...quote,
        group,
        forQuantity,
        unitPriceAtQuantity,
        total: unitPriceAtQuantity * forQuantity,
        expired,
        late: wibDateKey(quote.earliestDelivery) > wibDateKey(request.neededBy),
        trackRecord: track.get(quote.groupId) ?? null,
        canAccept: open && standing,
        canCounter: open && standing,
      },
    ];
  });
  const state = requestState(request, now);
  const accepted = quotes.find((quote) => quote.status === "ACCEPTED");
  return {
    request: { ...request, photo: request.photo ? imageRef(request.photo.variants) : null, state },
    groups,
    quotes,
    payment,
    orderNumber: accepted?.order?.number ?? null,
    actions: {
      edit: open && request.quotes.length === 0,
      cancel: state === "OPEN" || state === "QUOTED",
    },
  };
}

async function quoteOfBusiness(tenant: BusinessTenant, number: string, quoteId: string) {
  const request = await db.quoteRequest.findFirst({
    where: { number, businessId: tenant.businessId },
    select: {
      id: true,
      number: true,
      title: true,
      status: true,
      closesAt: true,
      neededBy: true,
      deliveryAddress: true,
      business: { select: { name: true } },
    },
  });
  if (!request) return null;
  // A quote of another request (the id changed in the form) is not found either.
  const quote = await db.quote.findFirst({
    where: { id: quoteId, requestId: request.id },
    select: {
      ...quoteSelect,
      product: {
        select: {
          id: true,
          name: true,
          unit: true,
          slug: true,
          status: true,
          stock: true,
          supplyMode: true,
          capacityPerWeek: true,
        },
      },
    },
  });
  return quote ? { request, quote } : null;
}

/** The buyer offers a lower unit price; the group accepts it (a revision) or revises otherwise. */
export async function counterQuote(
  tenant: BusinessTenant,
  userId: string,
  number: string,
  input: { quoteId: string; counterUnitPrice: number; note?: string },
  now = new Date(),
): Promise<SimpleResult> {
  const found = await quoteOfBusiness(tenant, number, input.quoteId);
  if (!found) return NOT_FOUND;
  const { request } = found;
  return refusedOr(() =>
    db.$transaction(async (tx) => {
      await lockOpenRequest(tx, request.id, now);
      const quote = await tx.quote.findUniqueOrThrow({
        where: { id: input.quoteId },
        select: { id: true, groupId: true, status: true, unitPrice: true, validUntil: true },
      });
      if (quote.status !== "SUBMITTED") throw new Refused(refuse("quote.not_standing"));
      if (quote.validUntil <= now) throw new Refused(refuse("quote.expired"));
      if (input.counterUnitPrice >= quote.unitPrice) {
        throw new Refused(refuse("quote.counter_not_lower", undefined, "counterUnitPrice"));
      }
      const note = input.note?.trim() ?? "";
      await tx.quote.update({
        where: { id: quote.id },
        data: { counterUnitPrice: input.counterUnitPrice, counterNote: note, counteredAt: now },
        select: { id: true },
      });
      await addSystemLine(
        tx,
        { requestId: request.id, groupId: quote.groupId },
        "thread.system.countered",
        { price: input.counterUnitPrice, note },
        { side: "BUYER", userId },
        now,
      );
      await audit(tx, {
        actorId: userId,
        action: "quote.counter",
        entityType: "Quote",
        entityId: quote.id,
        groupId: quote.groupId,
        businessId: tenant.businessId,
        data: { counterUnitPrice: input.counterUnitPrice, unitPrice: quote.unitPrice },
      });
      await notifyGroupManagers(
        tx,
        quote.groupId,
        "quote.notify.countered",
        { business: request.business.name, number: request.number },
        `/kelola/permintaan/${request.number}`,
      );
      return { ok: true as const };
    }),
  );
}

export type AcceptResult = { ok: true; orderNumber: string; repeated: boolean } | Refusal;

/**
 * The buyer accepts a quote: in one transaction the request is awarded (a conditional update:
 * of two accepts at once exactly one finds it still open), the quote accepted, the order placed
 * as checkout places it, and the other standing quotes not chosen, their groups told. The same
 * accept sent twice returns the order the first one placed.
 */
export async function acceptQuote(
  tenant: BusinessTenant,
  userId: string,
  number: string,
  input: Pick<AcceptInput, "quoteId" | "revision" | "paymentMethod" | "quantity">,
  now = new Date(),
): Promise<AcceptResult> {
  const found = await quoteOfBusiness(tenant, number, input.quoteId);
  if (!found) return NOT_FOUND;
  const { request, quote } = found;
  const earlier = acceptedBefore(quote);
  if (earlier) return earlier;
  const state = requestState(request, now);
  if (state === "AWARDED") return refuse("quote.request_awarded");
  if (state !== "OPEN" && state !== "QUOTED") return refuse("quote.request_closed");
  if (quote.status !== "SUBMITTED") return refuse("quote.not_standing");
  if (quote.revision !== input.revision) return refuse("quote.revised_meanwhile");
  if (quote.validUntil <= now) return refuse("quote.expired");
  if (input.quantity > quote.quantity) {
    return refuse("quote.quantity_over", { quantity: quote.quantity }, "quantity");
  }
  // Suspended by TKM: the business orders nothing, the group takes no orders (placeOrders checks
  // again inside the transaction; this says so in words).
  const [buyer, seller] = await Promise.all([
    db.business.findUnique({ where: { id: tenant.businessId }, select: { suspendedAt: true } }),
    db.group.findUnique({ where: { id: quote.groupId }, select: { name: true, suspendedAt: true } }),
  ]);
  if (buyer?.suspendedAt) return refuse("stew.business_suspended");
  if (seller?.suspendedAt) return refuse("stew.group_suspended", { name: seller.name });
  const { product } = quote;
  const cannotMake = refuse("quote.cannot_make", { name: product.name });
  if (product.status !== "ACTIVE") return cannotMake;
  if (product.supplyMode === "READY_STOCK" && product.stock < input.quantity) return cannotMake;

  const unitPrice = quoteUnitPrice(quote, input.quantity);
  const total = unitPrice * input.quantity;
  const options = await paymentOptions(tenant.businessId);
  if (!options.methods.includes(input.paymentMethod as PaymentMethod)) {
    return refuse("checkout.method_not_offered", undefined, "paymentMethod");
  }
  const overCredit = refuse(
    "checkout.over_credit",
    { available: options.tempo?.available ?? 0 },
    "paymentMethod",
  );
  if (input.paymentMethod === "TEMPO" && options.tempo && total > options.tempo.available) return overCredit;
  const wantedBy = quote.earliestDelivery > request.neededBy ? quote.earliestDelivery : request.neededBy;

  try {
    const orderNumber = await db.$transaction(async (tx) => {
      // The guard: only one accept finds the request still taking quotes.
      const awarded = await tx.quoteRequest.updateMany({
        where: { id: request.id, businessId: tenant.businessId, ...takesQuotesWhere(now) },
        data: { status: "AWARDED", awardedAt: now },
      });
      if (awarded.count === 0) throw new Refused(refuse("quote.request_closed"));
      const accepted = await tx.quote.updateMany({
        where: {
          id: quote.id,
          requestId: request.id,
          status: "SUBMITTED",
          revision: input.revision,
          validUntil: { gt: now },
        },
        data: { status: "ACCEPTED" },
      });
      if (accepted.count === 0) throw new Refused(refuse("quote.not_standing"));
      if (input.paymentMethod === "TEMPO" && !(await tempoCreditHolds(tx, tenant.businessId, total))) {
        throw new Refused(overCredit);
      }
      const [order] = await placeOrders(
        tx,
        {
          businessId: tenant.businessId,
          userId,
          paymentMethod: input.paymentMethod as PaymentMethod,
          deliveryAddress: request.deliveryAddress,
          checkoutId: null,
          now,
          auditData: { quoteId: quote.id, requestNumber: request.number },
        },
        [
          {
            groupId: quote.groupId,
            wantedBy,
            note: "",
            // The group quoted it by its date: its capacity may be taken over the weeks until then.
            lines: [{ product, quantity: input.quantity, unitPrice, spreadFrom: now }],
          },
        ],
      );
      if (!order) throw new Error("placeOrders placed no order");
      await tx.quote.update({ where: { id: quote.id }, data: { orderId: order.id }, select: { id: true } });
      const others = await tx.quote.findMany({
        where: { requestId: request.id, status: "SUBMITTED", id: { not: quote.id } },
        select: { id: true, groupId: true },
      });
      await tx.quote.updateMany({
        where: { id: { in: others.map((other) => other.id) }, status: "SUBMITTED" },
        data: { status: "NOT_CHOSEN" },
      });
      const by = { side: "BUYER" as const, userId };
      for (const other of others) {
        await addSystemLine(
          tx,
          { requestId: request.id, groupId: other.groupId },
          "thread.system.not_chosen",
          {},
          by,
          now,
        );
        await notifyGroupManagers(
          tx,
          other.groupId,
          "quote.notify.not_chosen",
          { number: request.number, title: request.title },
          `/kelola/permintaan/${request.number}`,
        );
      }
      await addSystemLine(
        tx,
        { requestId: request.id, groupId: quote.groupId },
        "thread.system.accepted",
        { order: order.number, quantity: input.quantity, price: unitPrice },
        by,
        now,
      );
      await audit(tx, {
        actorId: userId,
        action: "quote.accept",
        entityType: "Quote",
        entityId: quote.id,
        groupId: quote.groupId,
        businessId: tenant.businessId,
        data: {
          requestId: request.id,
          orderId: order.id,
          quantity: input.quantity,
          unitPrice,
          total,
          paymentMethod: input.paymentMethod,
          notChosen: others.map((other) => other.id),
        },
      });
      return order.number;
    });
    return { ok: true, orderNumber, repeated: false };
  } catch (error) {
    const refusal =
      error instanceof Refused ? error.refusal : error instanceof PlacementConflict ? cannotMake : null;
    if (!refusal) throw error;
    // The same accept sent twice at once: the other one placed the order.
    const again = await quoteOfBusiness(tenant, number, input.quoteId);
    return (again && acceptedBefore(again.quote)) || refusal;
  }
}

function acceptedBefore(quote: {
  status: QuoteStatus;
  order: { number: string } | null;
}): AcceptResult | null {
  return quote.status === "ACCEPTED" && quote.order
    ? { ok: true, orderNumber: quote.order.number, repeated: true }
    : null;
}
