import { audit } from "../audit/audit";
import { isUniqueViolation } from "../db/errors";
import { db } from "../db/client";
import { notifyGroupManagers } from "../notifications/notifications";
import { withOrderLocked } from "./lock";

export type RateResult =
  { ok: true } | { ok: false; key: "order.not_found" | "rating.not_completed" | "rating.already_rated" };

/** The buyer's 1–5 rating and comment on a completed order, once. */
export async function rateOrder(
  businessId: string,
  userId: string,
  number: string,
  input: { score: number; comment?: string },
): Promise<RateResult> {
  try {
    return await withOrderLocked<RateResult>(
      { number, businessId },
      { ok: false, key: "order.not_found" },
      async (tx, orderId) => {
        const order = await tx.order.findUniqueOrThrow({
          where: { id: orderId },
          select: { id: true, status: true, groupId: true, number: true, rating: { select: { id: true } } },
        });
        if (order.status !== "COMPLETED") return { ok: false, key: "rating.not_completed" };
        if (order.rating) return { ok: false, key: "rating.already_rated" };
        const rating = await tx.rating.create({
          data: { orderId: order.id, score: input.score, comment: input.comment ?? "" },
          select: { id: true },
        });
        await audit(tx, {
          actorId: userId,
          action: "order.rate",
          entityType: "Rating",
          entityId: rating.id,
          groupId: order.groupId,
          businessId,
          data: { score: input.score },
        });
        await notifyGroupManagers(
          tx,
          order.groupId,
          "notify.order_rated",
          { number: order.number, score: input.score },
          `/kelola/pesanan/${order.number}`,
        );
        return { ok: true };
      },
    );
  } catch (error) {
    // The rating's unique order id stays the last word, whatever reaches it.
    if (isUniqueViolation(error)) return { ok: false, key: "rating.already_rated" };
    throw error;
  }
}

/** A group's ratings: the average, how many, and the latest comments (business names, no people). */
export async function groupRatings(groupId: string, latest = 5) {
  const [summary, recent] = await Promise.all([
    db.rating.aggregate({ where: { order: { groupId } }, _avg: { score: true }, _count: true }),
    db.rating.findMany({
      where: { order: { groupId }, comment: { not: "" } },
      orderBy: { createdAt: "desc" },
      take: latest,
      select: {
        id: true,
        score: true,
        comment: true,
        createdAt: true,
        order: { select: { business: { select: { name: true } } } },
      },
    }),
  ]);
  return {
    average: summary._avg.score,
    count: summary._count,
    recent: recent.map((r) => ({
      id: r.id,
      score: r.score,
      comment: r.comment,
      createdAt: r.createdAt,
      business: r.order.business.name,
    })),
  };
}
