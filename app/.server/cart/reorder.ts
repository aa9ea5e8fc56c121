import { priceForQuantity } from "~/utils/pricing";
import { db } from "../db/client";
import { addToCart, type Problem } from "./cart";

export type ReorderLine =
  | { name: string; outcome: "added"; quantity: number; oldPrice: number; newPrice: number }
  | { name: string; outcome: "not_added"; problem: Problem };

/**
 * "Pesan lagi": puts a past order's items into the cart at today's prices, and says line by line
 * what changed (a new price, a product no longer sold, not enough stock). Only the business's own
 * orders; null otherwise.
 */
export async function reorder(
  businessId: string,
  number: string,
  now = new Date(),
): Promise<ReorderLine[] | null> {
  const order = await db.order.findFirst({
    where: { number, businessId },
    select: {
      items: {
        orderBy: { id: "asc" },
        select: {
          productId: true,
          productName: true,
          quantity: true,
          unitPrice: true,
          product: {
            select: { name: true, price: true, tiers: { select: { minQuantity: true, unitPrice: true } } },
          },
        },
      },
    },
  });
  if (!order) return null;
  const lines: ReorderLine[] = [];
  for (const item of order.items) {
    const added = await addToCart(businessId, item.productId, item.quantity, now);
    if (!added.ok) {
      lines.push({
        name: item.productName,
        outcome: "not_added",
        problem: { key: added.key, params: added.params },
      });
      continue;
    }
    lines.push({
      name: item.product.name,
      outcome: "added",
      quantity: item.quantity,
      oldPrice: item.unitPrice,
      newPrice: priceForQuantity(item.product, item.quantity),
    });
  }
  return lines;
}
