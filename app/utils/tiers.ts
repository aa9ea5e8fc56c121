import type { PriceTier } from "./pricing";

export type TierProblem =
  | { index: number; field: "minQuantity"; message: "tiers.above_minimum" | "tiers.ascending" }
  | { index: number; field: "unitPrice"; message: "tiers.cheaper" };

/**
 * Tier prices for larger orders: each tier starts above the minimum order and above the tier
 * before it, and costs less per unit than the price before it. The ranges then follow by
 * construction (no gaps, no overlaps): the base price from the minimum up to the first tier,
 * each tier up to the next.
 */
export function tierProblems(minOrderQuantity: number, basePrice: number, tiers: PriceTier[]): TierProblem[] {
  const problems: TierProblem[] = [];
  let previousQuantity = minOrderQuantity;
  let previousPrice = basePrice;
  tiers.forEach((tier, index) => {
    if (tier.minQuantity <= minOrderQuantity) {
      problems.push({ index, field: "minQuantity", message: "tiers.above_minimum" });
    } else if (tier.minQuantity <= previousQuantity) {
      problems.push({ index, field: "minQuantity", message: "tiers.ascending" });
    }
    if (tier.unitPrice >= previousPrice)
      problems.push({ index, field: "unitPrice", message: "tiers.cheaper" });
    previousQuantity = Math.max(previousQuantity, tier.minQuantity);
    previousPrice = Math.min(previousPrice, tier.unitPrice);
  });
  return problems;
}

export type TierRange = { from: number; to: number | null; unitPrice: number };

/** "1–49 Rp25.000, 50–199 Rp22.000, 200+ Rp20.000" as data, for the table buyers read. */
export function tierRanges(minOrderQuantity: number, basePrice: number, tiers: PriceTier[]): TierRange[] {
  const sorted = [...tiers].sort((a, b) => a.minQuantity - b.minQuantity);
  const starts = [
    { minQuantity: minOrderQuantity, unitPrice: basePrice },
    ...sorted.filter((t) => t.minQuantity > minOrderQuantity),
  ];
  return starts.map((start, i) => {
    const next = starts[i + 1];
    return { from: start.minQuantity, to: next ? next.minQuantity - 1 : null, unitPrice: start.unitPrice };
  });
}
