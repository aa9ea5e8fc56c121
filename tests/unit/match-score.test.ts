import { describe, expect, it } from "vitest";
import {
  categoryFit,
  distanceKm,
  earliestFor,
  fairnessScore,
  MATCH_WEIGHTS,
  rankGroupsForRequest,
  textFit,
  trackRecordScore,
  type GroupFacts,
  type ProductFacts,
  type RequestFacts,
} from "~/.server/matching/score";
import { wibDateKey } from "~/utils/delivery";

// Thursday 3 December 2026, 09:00 WIB.
const NOW = new Date("2026-12-03T02:00:00Z");
const JAYAGIRI = { latitude: -6.8, longitude: 107.62 };
const CIKOLE = { latitude: -6.78, longitude: 107.65 }; // ~4 km away
const GARUT = { latitude: -7.2, longitude: 107.9 }; // far beyond a day's delivery

function product(overrides: Partial<ProductFacts> = {}): ProductFacts {
  return {
    id: "p1",
    name: "Dodol stroberi",
    categoryPath: ["makanan-olahan", "makanan"],
    nameText: "dodol stroberi olahan stroberi",
    searchText: "dodol stroberi olahan stroberi kube mandiri jayagiri manis legit",
    supplyMode: "MADE_TO_ORDER",
    stock: 0,
    leadTimeDays: 3,
    capacityPerWeek: 200,
    bookedByWeek: new Map(),
    ...overrides,
  };
}

function group(overrides: Partial<GroupFacts> = {}): GroupFacts {
  return {
    id: "g1",
    name: "KUBE Mandiri",
    ...JAYAGIRI,
    verifiedAt: new Date("2025-01-01T00:00:00Z"),
    products: [product()],
    completedOrders: 12,
    onTimeOrders: 11,
    ratingAverage: 4.6,
    ratingCount: 8,
    recentInvites: 2,
    ...overrides,
  };
}

const REQUEST: RequestFacts = {
  words: ["dodol", "stroberi"],
  categoryId: "makanan-olahan",
  quantity: 300,
  neededBy: new Date("2026-12-20T05:00:00Z"),
  ...CIKOLE,
};

describe("the matcher's pieces", () => {
  it("weights add up to one", () => {
    expect(Object.values(MATCH_WEIGHTS).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
  });

  it.each([
    [["dodol", "stroberi"], "dodol stroberi manis", 1],
    [["dodol", "nanas"], "dodol stroberi manis", 0.5],
    [["strob"], "dodol stroberi", 1], // a word's start is enough
    [["beri"], "dodol stroberi", 0], // not the middle of a word
    [[], "dodol", 0],
  ])("text fit of %j in %j is %d", (words, text, expected) => {
    expect(textFit(words, text)).toBe(expected);
  });

  it.each([
    ["makanan-olahan", ["makanan-olahan", "makanan"], 1],
    ["makanan", ["makanan-olahan", "makanan"], 0.5],
    ["kerajinan", ["makanan-olahan", "makanan"], 0],
    [null, ["makanan-olahan", "makanan"], 0],
  ])("category fit of %s for %j is %d", (asked, path, expected) => {
    expect(categoryFit(asked, path)).toBe(expected);
  });

  it("measures distance between villages in kilometres, and says nothing without coordinates", () => {
    expect(distanceKm(JAYAGIRI, CIKOLE)).toBeGreaterThan(3);
    expect(distanceKm(JAYAGIRI, CIKOLE)).toBeLessThan(5);
    expect(distanceKm(JAYAGIRI, JAYAGIRI)).toBe(0);
    expect(distanceKm(JAYAGIRI, { latitude: null, longitude: 107 })).toBeNull();
  });

  it("finds when a made-to-order quantity is done, week by week, counting what is already booked", () => {
    // 200 a week from today (Thursday: 4 days, ~114 pieces), the rest next week; arrives Monday 14 Dec.
    expect(wibDateKey(earliestFor(product(), 300, NOW)!)).toBe("2026-12-14");
    // This week already full: 200 next week, the last 100 take four days of the week after.
    const busy = product({ bookedByWeek: new Map([["2026-11-30", 200]]) });
    expect(wibDateKey(earliestFor(busy, 300, NOW)!)).toBe("2026-12-18");
    // A small quantity this week: after the lead time, as checkout would promise.
    expect(wibDateKey(earliestFor(product({ leadTimeDays: 1 }), 10, NOW)!)).toBe("2026-12-05");
    // No weekly limit: only the lead time and a day on the road.
    expect(wibDateKey(earliestFor(product({ capacityPerWeek: null }), 300, NOW)!)).toBe("2026-12-07");
    // Ready stock: enough or nothing.
    const stocked = product({ supplyMode: "READY_STOCK", stock: 300, leadTimeDays: 1 });
    expect(wibDateKey(earliestFor(stocked, 300, NOW)!)).toBe("2026-12-05");
    expect(earliestFor({ ...stocked, stock: 299 }, 300, NOW)).toBeNull();
    // Beyond the horizon: cannot.
    expect(earliestFor(product({ capacityPerWeek: 1 }), 300, NOW)).toBeNull();
  });

  it("weighs a short track record towards neutral, so a new group is not ranked below a late one", () => {
    const newcomer = group({ completedOrders: 0, onTimeOrders: 0, ratingAverage: null, ratingCount: 0 });
    const oneLate = group({ completedOrders: 1, onTimeOrders: 0, ratingAverage: 2, ratingCount: 1 });
    const reliable = group();
    expect(trackRecordScore(newcomer)).toBe(0.5);
    expect(trackRecordScore(oneLate)).toBeLessThan(0.5);
    expect(trackRecordScore(oneLate)).toBeGreaterThan(0.4);
    expect(trackRecordScore(reliable)).toBeGreaterThan(0.85);
  });

  it("gives the full fairness share to a new group and to one with no chances lately", () => {
    expect(
      fairnessScore(group({ verifiedAt: new Date("2026-11-20T00:00:00Z"), recentInvites: 9 }), NOW),
    ).toBe(1);
    expect(fairnessScore(group({ recentInvites: 0 }), NOW)).toBe(1);
    expect(fairnessScore(group({ recentInvites: 3 }), NOW)).toBe(0.5);
    expect(fairnessScore(group({ recentInvites: 12 }), NOW)).toBe(0);
  });
});

describe("ranking groups for a request", () => {
  it("ranks the group that fits best first and says why, in reasons a person can check", () => {
    const near = group({ id: "near", name: "KUBE Mandiri" });
    const otherFood = group({
      id: "keripik",
      name: "KUBE Keripik",
      products: [
        product({
          id: "p2",
          name: "Keripik singkong",
          nameText: "keripik singkong makanan olahan",
          searchText: "keripik singkong makanan olahan",
        }),
      ],
    });
    const { matches } = rankGroupsForRequest(REQUEST, [otherFood, near], NOW);
    expect(matches.map((m) => m.groupId)).toEqual(["near", "keripik"]);
    expect(matches[0]?.reasons).toEqual([
      { key: "match.reason.text", params: { product: "Dodol stroberi" } },
      { key: "match.reason.can_make", params: { days: 6 } },
      { key: "match.reason.distance", params: { km: matches[0]?.distanceKm } },
      { key: "match.reason.on_time", params: { count: 11 } },
      { key: "match.reason.rating", params: { rating: 4.6, count: 8 } },
    ]);
    // The other food group fits by category only.
    expect(matches[1]?.reasons[0]).toEqual({
      key: "match.reason.category",
      params: { product: "Keripik singkong" },
    });
  });

  it("explains each group left out: nothing that fits, cannot make it in time, too far", () => {
    const crafts = group({
      id: "crafts",
      name: "KUBE Anyaman",
      products: [
        product({
          id: "p3",
          name: "Tas anyaman",
          categoryPath: ["anyaman", "kerajinan"],
          nameText: "tas anyaman",
          searchText: "tas anyaman pandan",
        }),
      ],
    });
    const small = group({ id: "small", name: "KUBE Kecil", products: [product({ capacityPerWeek: 10 })] });
    const far = group({ id: "far", name: "KUBE Garut", ...GARUT });
    const { matches, excluded } = rankGroupsForRequest(REQUEST, [crafts, small, far], NOW);
    expect(matches).toEqual([]);
    expect(excluded).toEqual([
      { groupId: "crafts", name: "KUBE Anyaman", reason: { key: "match.excluded.no_product" } },
      {
        groupId: "small",
        name: "KUBE Kecil",
        reason: { key: "match.excluded.cannot_make", params: { quantity: 300 } },
      },
      {
        groupId: "far",
        name: "KUBE Garut",
        reason: { key: "match.excluded.too_far", params: { km: expect.any(Number) } },
      },
    ]);
  });

  it("does not ask a group whose fit is far weaker than the best one's, and says so", () => {
    const jam = group({ id: "jam", name: "KUBE Selai" });
    const farm = group({
      id: "farm",
      name: "KUBE Tani",
      products: [
        product({
          id: "p4",
          name: "Stroberi segar",
          categoryPath: ["stroberi", "pertanian"],
          nameText: "stroberi segar stroberi segar",
          searchText: "stroberi segar petik pagi",
          supplyMode: "READY_STOCK",
          stock: 500,
        }),
      ],
    });
    const { matches, excluded } = rankGroupsForRequest(REQUEST, [farm, jam], NOW);
    expect(matches.map((m) => m.groupId)).toEqual(["jam"]);
    expect(excluded).toEqual([
      { groupId: "farm", name: "KUBE Tani", reason: { key: "match.excluded.weaker_fit" } },
    ]);
    // Alone, the farm is asked: it is the best there is.
    expect(rankGroupsForRequest(REQUEST, [farm], NOW).matches.map((m) => m.groupId)).toEqual(["farm"]);
  });

  it("keeps a group whose ready stock is short of the quantity, and says the rest is to be confirmed", () => {
    const shop = group({
      products: [product({ supplyMode: "READY_STOCK", stock: 240, leadTimeDays: 1, capacityPerWeek: null })],
    });
    const [match] = rankGroupsForRequest(REQUEST, [shop], NOW).matches;
    expect(match?.reasons[1]).toEqual({ key: "match.reason.stock_short", params: { stock: 240 } });
  });

  it("prefers the product the group can make in time over a better-named one it cannot", () => {
    const both = group({
      products: [
        product({ id: "slow", name: "Dodol stroberi premium", capacityPerWeek: 10 }),
        product({
          id: "fast",
          name: "Dodol buah",
          searchText: "dodol buah makanan olahan",
          capacityPerWeek: 500,
        }),
      ],
    });
    const [match] = rankGroupsForRequest(REQUEST, [both], NOW).matches;
    expect(match?.products.map((p) => p.productId)).toEqual(["fast", "slow"]);
  });

  it("does not starve a new group: between two equal groups the one with fewer chances comes first", () => {
    const busy = group({ id: "busy", name: "A", recentInvites: 6 });
    const quiet = group({ id: "quiet", name: "B", recentInvites: 0 });
    const { matches } = rankGroupsForRequest(REQUEST, [busy, quiet], NOW);
    expect(matches.map((m) => m.groupId)).toEqual(["quiet", "busy"]);
    expect(matches[0]?.reasons).toContainEqual({ key: "match.reason.few_chances" });
  });
});
