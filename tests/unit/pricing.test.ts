import { describe, expect, it } from "vitest";
import { priceForQuantity, quantityProblem } from "~/utils/pricing";

const besek = {
  price: 25_000,
  tiers: [
    { minQuantity: 200, unitPrice: 20_000 },
    { minQuantity: 50, unitPrice: 22_000 },
  ],
  minOrderQuantity: 10,
  orderMultiple: 5,
};

describe("priceForQuantity", () => {
  it.each([
    [10, 25_000],
    [49, 25_000],
    [50, 22_000],
    [199, 22_000],
    [200, 20_000],
    [5000, 20_000],
  ])("charges %i units at Rp%i each", (quantity, expected) => {
    expect(priceForQuantity(besek, quantity)).toBe(expected);
  });

  it("uses the base price when there are no tiers", () => {
    expect(priceForQuantity({ price: 18_000, tiers: [] }, 1000)).toBe(18_000);
  });
});

describe("quantityProblem", () => {
  it.each([
    [10, null],
    [15, null],
    [9, "below_minimum"],
    [12, "not_multiple"],
    [0, "not_whole"],
    [-10, "not_whole"],
    [10.5, "not_whole"],
    [Number.NaN, "not_whole"],
  ])("judges %d as %s", (quantity, expected) => {
    expect(quantityProblem(besek, quantity)).toBe(expected);
  });
});
