import { describe, expect, it } from "vitest";
import { tierProblems, tierRanges } from "~/utils/tiers";

describe("tier prices", () => {
  it("accepts ascending starts with falling prices", () => {
    expect(
      tierProblems(1, 25_000, [
        { minQuantity: 50, unitPrice: 22_000 },
        { minQuantity: 200, unitPrice: 20_000 },
      ]),
    ).toEqual([]);
  });

  it.each([
    [
      "a tier at the minimum order",
      10,
      [{ minQuantity: 10, unitPrice: 20_000 }],
      [{ index: 0, field: "minQuantity", message: "tiers.above_minimum" }],
    ],
    [
      "tiers out of order",
      1,
      [
        { minQuantity: 200, unitPrice: 20_000 },
        { minQuantity: 50, unitPrice: 19_000 },
      ],
      [{ index: 1, field: "minQuantity", message: "tiers.ascending" }],
    ],
    [
      "two tiers starting at the same quantity",
      1,
      [
        { minQuantity: 50, unitPrice: 22_000 },
        { minQuantity: 50, unitPrice: 21_000 },
      ],
      [{ index: 1, field: "minQuantity", message: "tiers.ascending" }],
    ],
    [
      "a tier dearer than the base price",
      1,
      [{ minQuantity: 50, unitPrice: 26_000 }],
      [{ index: 0, field: "unitPrice", message: "tiers.cheaper" }],
    ],
    [
      "a tier dearer than the one before",
      1,
      [
        { minQuantity: 50, unitPrice: 22_000 },
        { minQuantity: 100, unitPrice: 23_000 },
      ],
      [{ index: 1, field: "unitPrice", message: "tiers.cheaper" }],
    ],
  ])("refuses %s", (_name, min, tiers, expected) => {
    expect(tierProblems(min, 25_000, tiers)).toEqual(expected);
  });

  it("turns tiers into ranges with no gaps or overlaps", () => {
    expect(
      tierRanges(1, 25_000, [
        { minQuantity: 200, unitPrice: 20_000 },
        { minQuantity: 50, unitPrice: 22_000 },
      ]),
    ).toEqual([
      { from: 1, to: 49, unitPrice: 25_000 },
      { from: 50, to: 199, unitPrice: 22_000 },
      { from: 200, to: null, unitPrice: 20_000 },
    ]);
  });
});
