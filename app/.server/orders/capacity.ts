import { addWibDays, earliestArrival, wibDateKey, wibNoon, wibWeekKey } from "~/utils/delivery";
import { db, type Tx } from "../db/client";

// Weekly capacity of made-to-order products. A week is Monday to Sunday in WIB, named by its
// Monday ("2026-11-23"); an order books the week its goods are wanted in.

/** How far ahead a buyer is offered a week with room, at most. */
export const CAPACITY_HORIZON_WEEKS = 26;

/**
 * Books `quantity` of a product's capacity in `week` by one conditional update that only succeeds
 * while enough remains (never read-then-write). False when it does not fit. No limit set: true.
 */
export async function bookCapacity(
  tx: Tx,
  product: { id: string; capacityPerWeek: number | null },
  week: string,
  quantity: number,
): Promise<boolean> {
  if (product.capacityPerWeek === null) return true;
  if (quantity > product.capacityPerWeek) return false;
  await tx.$executeRaw`INSERT INTO "CapacityBooking" ("productId", "week", "booked") VALUES (${product.id}, ${week}, 0) ON CONFLICT DO NOTHING`;
  const booked = await tx.capacityBooking.updateMany({
    where: { productId: product.id, week, booked: { lte: product.capacityPerWeek - quantity } },
    data: { booked: { increment: quantity } },
  });
  return booked.count === 1;
}

export async function releaseCapacity(tx: Tx, productId: string, week: string, quantity: number) {
  await tx.capacityBooking.updateMany({
    where: { productId, week },
    data: { booked: { decrement: quantity } },
  });
}

/** Booked quantities per "productId week" from `fromWeek` on. */
export async function bookedFrom(productIds: string[], fromWeek: string): Promise<Map<string, number>> {
  if (productIds.length === 0) return new Map();
  const rows = await db.capacityBooking.findMany({
    where: { productId: { in: productIds }, week: { gte: fromWeek } },
    select: { productId: true, week: true, booked: true },
  });
  return new Map(rows.map((row) => [`${row.productId} ${row.week}`, row.booked]));
}

export type CapacityNeed = {
  productId: string;
  quantity: number;
  leadTimeDays: number;
  /** Null when the product has no weekly limit (or is ready stock). */
  capacityPerWeek: number | null;
};

/** What stops a set of lines from arriving on `date`, or null when it can. */
export function deliveryProblem(
  needs: CapacityNeed[],
  date: Date,
  booked: Map<string, number>,
  now: Date,
):
  | { kind: "too_soon"; earliest: Date }
  | { kind: "over_week"; productId: string; left: number }
  | { kind: "over_capacity"; productId: string; capacity: number }
  | null {
  const earliest = earliestArrival(now, Math.max(0, ...needs.map((need) => need.leadTimeDays)));
  if (wibDateKey(date) < wibDateKey(earliest)) return { kind: "too_soon", earliest };
  const week = wibWeekKey(date);
  for (const need of needs) {
    if (need.capacityPerWeek === null) continue;
    if (need.quantity > need.capacityPerWeek) {
      return { kind: "over_capacity", productId: need.productId, capacity: need.capacityPerWeek };
    }
    const left = need.capacityPerWeek - (booked.get(`${need.productId} ${week}`) ?? 0);
    if (need.quantity > left)
      return { kind: "over_week", productId: need.productId, left: Math.max(0, left) };
  }
  return null;
}

/**
 * The earliest day these lines can arrive together: the lead time, then the first week with room
 * for every made-to-order line. Null when none within the horizon (a line exceeds a whole week).
 */
export function earliestFeasibleDate(
  needs: CapacityNeed[],
  booked: Map<string, number>,
  now: Date,
): Date | null {
  let candidate = earliestArrival(now, Math.max(0, ...needs.map((need) => need.leadTimeDays)));
  for (let week = 0; week < CAPACITY_HORIZON_WEEKS; week++) {
    const problem = deliveryProblem(needs, candidate, booked, now);
    if (!problem) return candidate;
    if (problem.kind === "over_capacity") return null;
    // The Monday after the candidate's week.
    const monday = wibNoon(wibWeekKey(candidate)) as Date;
    candidate = addWibDays(monday, 7);
  }
  return null;
}
