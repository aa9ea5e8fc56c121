import { db } from "~/.server/db/client";
import {
  action as groupRequestAction,
  loader as groupRequestLoader,
} from "~/routes/kelola.permintaan.$number";
import {
  action as buyerRequestAction,
  loader as buyerRequestLoader,
} from "~/routes/permintaan.$number._index";
import { addWibDays, wibDateKey } from "~/utils/delivery";
import { createWorld } from "./factories";
import { addRecipient, createRequest } from "./matching";
import { callAction, callLoader, request } from "./requests";

// Requests with quotes, answered and accepted the way people do it: through the pages' actions.

export type QuoteWorld = Awaited<ReturnType<typeof quoteWorld>>;

/** createWorld, plus a request of the buyer for 50 pieces sent to both groups. */
export async function quoteWorld(options: { quantity?: number } = {}) {
  const world = await createWorld();
  const req = await createRequest(world.buyer.business.id, world.buyer.buyer.id, world.areas.villageA2.id, {
    quantity: options.quantity ?? 50,
    categoryId: world.category.id,
  });
  await addRecipient(req.id, world.home.group.id, "MATCHED", 1);
  await addRecipient(req.id, world.other.group.id, "MATCHED", 2);
  return { ...world, req };
}

/** A WIB calendar day `days` from today, as a date input sends it. */
export function dayFromToday(days: number): string {
  return wibDateKey(addWibDays(new Date(), days));
}

export function quoteForm(productId: string, override: Record<string, string> = {}): Record<string, string> {
  return {
    intent: "quote",
    productId,
    unitPrice: "25.000",
    quantity: "50",
    earliestDelivery: dayFromToday(7),
    note: "Bisa warna alami",
    ...override,
  };
}

export async function asGroup(userId: string, number: string, form: Record<string, string> | FormData) {
  return callAction(groupRequestAction, await request(`/kelola/permintaan/${number}`, { userId, form }), {
    number,
  });
}

export async function asBuyer(userId: string, number: string, form: Record<string, string>) {
  return callAction(buyerRequestAction, await request(`/permintaan/${number}`, { userId, form }), { number });
}

export async function groupPage(userId: string, number: string) {
  return callLoader(groupRequestLoader, await request(`/kelola/permintaan/${number}`, { userId }), {
    number,
  });
}

export async function buyerPage(userId: string, number: string) {
  return callLoader(buyerRequestLoader, await request(`/permintaan/${number}`, { userId }), { number });
}

export async function quoteOf(requestId: string, groupId: string) {
  return db.quote.findUniqueOrThrow({
    where: { requestId_groupId: { requestId, groupId } },
    include: { tiers: { orderBy: { minQuantity: "asc" } } },
  });
}

export function acceptForm(
  quote: { id: string; revision: number },
  override: Record<string, string> = {},
): Record<string, string> {
  return {
    intent: "accept",
    quoteId: quote.id,
    revision: String(quote.revision),
    paymentMethod: "BANK_TRANSFER",
    quantity: "50",
    confirm: "on",
    ...override,
  };
}

/** Everything a refused action must leave as it was, read from the raw rows. */
export async function requestSnapshot(requestId: string) {
  const [request, quotes, tiers, recipients, messages, orders, products, audits, notifications] =
    await Promise.all([
      db.quoteRequest.findUniqueOrThrow({
        where: { id: requestId },
        select: { status: true, awardedAt: true },
      }),
      db.quote.findMany({ where: { requestId }, orderBy: { id: "asc" } }),
      db.quoteTier.findMany({ where: { quote: { requestId } }, orderBy: { id: "asc" } }),
      db.requestRecipient.findMany({ where: { requestId }, orderBy: { id: "asc" } }),
      db.threadMessage.count({ where: { thread: { requestId } } }),
      db.order.count(),
      db.product.findMany({ select: { id: true, stock: true }, orderBy: { id: "asc" } }),
      db.auditEvent.count(),
      db.notification.count(),
    ]);
  const bookings = await db.capacityBooking.findMany({ orderBy: [{ productId: "asc" }, { week: "asc" }] });
  return { request, quotes, tiers, recipients, messages, orders, products, audits, notifications, bookings };
}
