export type PriceTier = { minQuantity: number; unitPrice: number };

export type OrderRules = {
  price: number;
  tiers: PriceTier[];
  minOrderQuantity: number;
  orderMultiple: number;
};

/** The unit price for a quantity: the tier with the largest start at or below it, else the base price. */
export function priceForQuantity(rules: Pick<OrderRules, "price" | "tiers">, quantity: number): number {
  let unitPrice = rules.price;
  let best = 0;
  for (const tier of rules.tiers) {
    if (tier.minQuantity <= quantity && tier.minQuantity > best) {
      best = tier.minQuantity;
      unitPrice = tier.unitPrice;
    }
  }
  return unitPrice;
}

export type QuantityProblem = "not_whole" | "below_minimum" | "not_multiple";

/** Why a quantity cannot be ordered under the product's rules, or null when it can. */
export function quantityProblem(
  rules: Pick<OrderRules, "minOrderQuantity" | "orderMultiple">,
  quantity: number,
): QuantityProblem | null {
  if (!Number.isInteger(quantity) || quantity <= 0) return "not_whole";
  if (quantity < rules.minOrderQuantity) return "below_minimum";
  if (quantity % rules.orderMultiple !== 0) return "not_multiple";
  return null;
}
