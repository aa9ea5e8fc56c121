import { describe, expect, it } from "vitest";
import { fundShare, splitByLargestRemainder } from "~/.server/members/share-split";
import { seededRandom } from "../support/fuzz";

const amounts = (shares: { amount: number }[] | null) => shares?.map((s) => s.amount);

describe("splitByLargestRemainder", () => {
  it.each([
    { amount: 100, weights: [1, 1, 1], expected: [34, 33, 33] },
    { amount: 10, weights: [1, 2, 3], expected: [2, 3, 5] },
    { amount: 1_000_000, weights: [30, 20, 50], expected: [300_000, 200_000, 500_000] },
    { amount: 7, weights: [5, 0, 5], expected: [4, 0, 3] },
    { amount: 0, weights: [3, 4], expected: [0, 0] },
    { amount: 2, weights: [1, 1, 1], expected: [1, 1, 0] },
    { amount: 1, weights: [1, 2], expected: [0, 1] },
  ])("splits $amount by $weights into $expected", ({ amount, weights, expected }) => {
    const shares = splitByLargestRemainder(
      amount,
      weights.map((weight, i) => ({ key: `m${i}`, weight })),
    );
    expect(amounts(shares)).toEqual(expected);
  });

  it("breaks a tie between equal remainders by the larger contribution, then by key, whatever the order", () => {
    const forward = splitByLargestRemainder(1, [
      { key: "b", weight: 1 },
      { key: "a", weight: 1 },
    ]);
    const backward = splitByLargestRemainder(1, [
      { key: "a", weight: 1 },
      { key: "b", weight: 1 },
    ]);
    expect(forward?.find((s) => s.key === "a")?.amount).toBe(1);
    expect(backward?.find((s) => s.key === "a")?.amount).toBe(1);
  });

  it("refuses when there is nothing to split by, or the input is not whole and non-negative", () => {
    expect(splitByLargestRemainder(100, [])).toBeNull();
    expect(splitByLargestRemainder(100, [{ key: "a", weight: 0 }])).toBeNull();
    expect(splitByLargestRemainder(-1, [{ key: "a", weight: 1 }])).toBeNull();
    expect(splitByLargestRemainder(1.5, [{ key: "a", weight: 1 }])).toBeNull();
    expect(
      splitByLargestRemainder(10, [
        { key: "a", weight: -1 },
        { key: "b", weight: 2 },
      ]),
    ).toBeNull();
  });

  it("keeps its properties over 2,000 random splits: exact sum, none negative, within a rupiah of the quota, deterministic", () => {
    const random = seededRandom(20261129);
    for (let run = 0; run < 2000; run++) {
      const count = 1 + Math.floor(random.next() * 15);
      const amount = Math.floor(random.next() * (random.chance(0.2) ? 10 : 50_000_000));
      const contributions = Array.from({ length: count }, (_, i) => ({
        key: `m${String(i).padStart(2, "0")}`,
        weight: random.chance(0.15) ? 0 : Math.floor(random.next() * (random.chance(0.5) ? 5 : 5000)),
      }));
      const total = contributions.reduce((sum, c) => sum + c.weight, 0);
      const shares = splitByLargestRemainder(amount, contributions);
      const seen = `run ${run}: ${amount} by ${JSON.stringify(contributions.map((c) => c.weight))}`;
      if (total === 0) {
        expect(shares, seen).toBeNull();
        continue;
      }
      expect(shares, seen).not.toBeNull();
      expect(
        shares!.reduce((sum, s) => sum + s.amount, 0),
        seen,
      ).toBe(amount);
      for (const [i, share] of shares!.entries()) {
        const quota = (amount * contributions[i]!.weight) / total;
        expect(share.amount, seen).toBeGreaterThanOrEqual(0);
        expect(share.amount, seen).toBeGreaterThanOrEqual(Math.floor(quota));
        expect(share.amount, seen).toBeLessThanOrEqual(Math.floor(quota) + 1);
        if (contributions[i]!.weight === 0) expect(share.amount, seen).toBe(0);
      }
      const shuffled = [...contributions].reverse();
      const again = splitByLargestRemainder(amount, shuffled)!;
      for (const share of shares!)
        expect(again.find((s) => s.key === share.key)?.amount, seen).toBe(share.amount);
    }
  });

  it("stays exact where amount × contribution passes 2^53", () => {
    const shares = splitByLargestRemainder(9_000_000_000_000, [
      { key: "a", weight: 3_000_001 },
      { key: "b", weight: 2_999_999 },
      { key: "c", weight: 1 },
    ]);
    expect(shares!.reduce((sum, s) => sum + s.amount, 0)).toBe(9_000_000_000_000);
  });
});

describe("fundShare", () => {
  it.each([
    { base: 1_000_000, percent: 20, expected: 200_000 },
    { base: 999_999, percent: 25, expected: 249_999 },
    { base: 101, percent: 33, expected: 33 },
    { base: 500_000, percent: 0, expected: 0 },
    { base: 500_000, percent: 100, expected: 500_000 },
    { base: -10, percent: 20, expected: 0 },
  ])("keeps $percent% of $base, rounded down: $expected", ({ base, percent, expected }) => {
    expect(fundShare(base, percent)).toBe(expected);
  });
});
