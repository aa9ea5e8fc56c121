// Bagi hasil: an amount split among members in proportion to what each contributed (units made or
// hours worked), exact to the rupiah. Each member first gets the whole rupiah below her exact
// quota; the rupiah left over (fewer than the number of members) go one each to the largest
// fractional remainders. Ties go to the larger contribution, then to the earlier key, so the same
// input always gives the same split. Pure: no database, so it is tested with properties.

export type Contribution = { key: string; weight: number };
export type Share = { key: string; weight: number; amount: number };

/**
 * Splits `amount` (whole rupiah, ≥ 0) by the weights (whole, ≥ 0, not all zero). The shares sum to
 * `amount` exactly and none is negative; a zero weight gets nothing. Returns null when there is
 * nothing to split by (no positive weight) or the input is not whole and non-negative.
 */
export function splitByLargestRemainder(
  amount: number,
  contributions: readonly Contribution[],
): Share[] | null {
  if (!Number.isSafeInteger(amount) || amount < 0) return null;
  if (contributions.some((c) => !Number.isSafeInteger(c.weight) || c.weight < 0)) return null;
  // BigInt: amount × weight can pass 2^53 for a large amount and many hours.
  const total = contributions.reduce((sum, c) => sum + BigInt(c.weight), 0n);
  if (total === 0n) return null;
  const whole = BigInt(amount);
  const parts = contributions.map((c, index) => {
    const exact = whole * BigInt(c.weight);
    return { index, key: c.key, weight: c.weight, floor: exact / total, remainder: exact % total };
  });
  let left = whole - parts.reduce((sum, p) => sum + p.floor, 0n);
  const order = [...parts].sort((a, b) => {
    if (a.remainder !== b.remainder) return a.remainder > b.remainder ? -1 : 1;
    if (a.weight !== b.weight) return b.weight - a.weight;
    if (a.key !== b.key) return a.key < b.key ? -1 : 1;
    return a.index - b.index;
  });
  const extra = new Set<number>();
  for (const part of order) {
    if (left === 0n) break;
    extra.add(part.index);
    left -= 1n;
  }
  return parts.map((p) => ({
    key: p.key,
    weight: p.weight,
    amount: Number(p.floor) + (extra.has(p.index) ? 1 : 0),
  }));
}

/** The group fund's part of what is left after costs: whole percent, rounded down to the rupiah. */
export function fundShare(base: number, percent: number): number {
  if (base <= 0) return 0;
  return Number((BigInt(base) * BigInt(percent)) / 100n);
}
