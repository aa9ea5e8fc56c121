import { describe, expect, it } from "vitest";
import {
  buyerInterests,
  categoriesToSearch,
  nextIntroductionAt,
  networkFairness,
  purchaseWeight,
  rankBusinessSuggestions,
  rankGroupSuggestions,
  shortlistGroups,
  SUGGEST_WEIGHTS,
  suggestionContenders,
  unmetReason,
  type BuyerFacts,
  type CandidateBusiness,
  type CandidateGroup,
  type CategoryNode,
  type GroupRecord,
} from "~/.server/matching/suggest";

const NOW = new Date("2026-12-03T02:00:00Z");
const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);
const JAYAGIRI = { latitude: -6.8, longitude: 107.62 };
const CIKOLE = { latitude: -6.78, longitude: 107.65 }; // ~4 km
const PARONGPONG = { latitude: -6.82, longitude: 107.55 }; // ~8 km
const GARUT = { latitude: -7.2, longitude: 107.9 }; // ~54 km

const CATEGORIES: CategoryNode[] = [
  { id: "food", slug: "makanan-minuman", parentId: null },
  { id: "chips", slug: "keripik", parentId: "food" },
  { id: "cake", slug: "kue", parentId: "food" },
  { id: "dairy", slug: "olahan-susu", parentId: "food" },
  { id: "crafts", slug: "kerajinan", parentId: null },
  { id: "bamboo", slug: "anyaman-bambu", parentId: "crafts" },
  { id: "mats", slug: "tekstil", parentId: "crafts" },
];
const BY_ID = new Map(CATEGORIES.map((c) => [c.id, c]));
const pathOf = (id: string) => {
  const path = [id];
  let parent = BY_ID.get(id)?.parentId;
  while (parent) {
    path.push(parent);
    parent = BY_ID.get(parent)?.parentId;
  }
  return path;
};

function group(id: string, categories: string[], overrides: Partial<CandidateGroup> = {}): CandidateGroup {
  return {
    id,
    ...JAYAGIRI,
    verifiedAt: daysAgo(400),
    categories: categories.map((categoryId) => ({ categoryId, path: pathOf(categoryId), products: 2 })),
    ...overrides,
  };
}

function buyer(interests: BuyerFacts["interests"], boughtFrom: string[] = []): BuyerFacts {
  return { ...JAYAGIRI, interests, boughtFrom: new Set(boughtFrom) };
}

const record = (overrides: Partial<GroupRecord> = {}): GroupRecord => ({
  completedOrders: 0,
  onTimeOrders: 0,
  ratingAverage: null,
  ratingCount: 0,
  buyers: 0,
  ...overrides,
});

function rank(
  facts: BuyerFacts,
  groups: CandidateGroup[],
  records: Record<string, GroupRecord> = {},
  limit = 5,
) {
  const details = new Map(
    groups.map((g) => [
      g.id,
      { name: `KUBE ${g.id}`, slug: `kube-${g.id}`, phone: "+628123", villageName: "Jayagiri" },
    ]),
  );
  return rankGroupSuggestions(
    shortlistGroups(facts, groups),
    details,
    new Map(Object.entries(records)),
    NOW,
    limit,
  );
}

describe("what a buyer is interested in", () => {
  it("has weights that add up to one", () => {
    expect(Object.values(SUGGEST_WEIGHTS).reduce((a, b) => a + b, 0)).toBeCloseTo(1);
  });

  it("counts recent and larger purchases more", () => {
    const base = { categoryId: "chips", amount: 1_000_000 };
    expect(purchaseWeight({ ...base, placedAt: daysAgo(0) }, NOW)).toBeGreaterThan(
      purchaseWeight({ ...base, placedAt: daysAgo(120) }, NOW),
    );
    expect(purchaseWeight({ ...base, placedAt: daysAgo(120) }, NOW)).toBeCloseTo(
      purchaseWeight({ ...base, placedAt: daysAgo(0) }, NOW) / 2,
    );
    expect(purchaseWeight({ ...base, amount: 10_000_000, placedAt: NOW }, NOW)).toBeGreaterThan(
      purchaseWeight({ ...base, placedAt: NOW }, NOW),
    );
  });

  it("gives the strongest category 1, others their share, and parents a part of their children's", () => {
    const interests = buyerInterests(
      [
        { categoryId: "chips", amount: 2_000_000, placedAt: daysAgo(10) },
        { categoryId: "chips", amount: 2_000_000, placedAt: daysAgo(40) },
        { categoryId: "bamboo", amount: 500_000, placedAt: daysAgo(300) },
      ],
      "KAFE",
      CATEGORIES,
      NOW,
    );
    expect(interests.get("chips")).toEqual({ weight: 1, source: "bought" });
    expect(interests.get("food")).toEqual({ weight: expect.closeTo(0.4), source: "related" });
    expect(interests.get("bamboo")?.weight).toBeLessThan(0.2);
    // A café's prior is not mixed in once it has orders.
    expect(interests.has("cake")).toBe(false);
  });

  it("uses the business kind's prior when there are no orders, ignoring slugs that do not exist", () => {
    const hotel = buyerInterests([], "HOTEL", CATEGORIES, NOW);
    expect(hotel.get("mats")).toEqual({ weight: 1, source: "kind" });
    expect(hotel.get("bamboo")?.weight).toBe(0.9);
    expect([...hotel.keys()].every((id) => BY_ID.has(id))).toBe(true);
    const shop = buyerInterests([], "TOKO_OLEH_OLEH", CATEGORIES, NOW);
    // The parent "kerajinan" names every craft.
    expect(categoriesToSearch(shop, CATEGORIES)).toEqual(
      expect.arrayContaining(["chips", "cake", "dairy", "crafts", "bamboo", "mats"]),
    );
    expect(buyerInterests([], "LAINNYA", [], NOW).size).toBe(0);
  });
});

describe("groups suggested to a buyer", () => {
  const chipsBuyer = buyerInterests(
    [{ categoryId: "chips", amount: 1_000_000, placedAt: daysAgo(5) }],
    "KAFE",
    CATEGORIES,
    NOW,
  );

  it("says what fits: the same category, a sibling under the same parent, or the kind's prior", () => {
    const [same, sibling] = rank(buyer(chipsBuyer), [group("a", ["chips"]), group("b", ["cake"])]);
    expect(same?.fit).toEqual({ categoryId: "chips", source: "bought" });
    expect(sibling?.fit).toEqual({ categoryId: "cake", source: "related" });
    const [prior] = rank(buyer(buyerInterests([], "HOTEL", CATEGORIES, NOW)), [group("c", ["mats"])]);
    expect(prior?.fit).toEqual({ categoryId: "mats", source: "kind" });
  });

  it("leaves out groups that make nothing that fits, unverified groups and groups too far away", () => {
    const result = rank(buyer(chipsBuyer), [
      group("crafts", ["bamboo"]),
      group("unverified", ["chips"], { verifiedAt: null }),
      group("far", ["chips"], GARUT),
      group("near", ["chips"], CIKOLE),
    ]);
    expect(result.map((s) => s.groupId)).toEqual(["near"]);
    expect(result[0]?.reasons).toContainEqual({
      key: "suggest.reason.distance",
      params: { km: expect.any(Number) },
    });
  });

  it("puts groups the buyer already buys from after every new one, and says so", () => {
    const result = rank(buyer(chipsBuyer, ["known"]), [
      group("known", ["chips"]),
      group("new", ["cake"], PARONGPONG),
    ]);
    expect(result.map((s) => [s.groupId, s.known])).toEqual([
      ["new", false],
      ["known", true],
    ]);
    expect(result[1]?.reasons).toContainEqual({ key: "suggest.reason.bought_before" });
  });

  it("does not bury a new or small group under a big one with a long record", () => {
    const result = rank(
      buyer(chipsBuyer),
      [
        group("big", ["chips"]),
        group("small", ["chips"]),
        group("fresh", ["chips"], { verifiedAt: daysAgo(10) }),
      ],
      {
        big: record({
          completedOrders: 40,
          onTimeOrders: 38,
          ratingAverage: 4.8,
          ratingCount: 30,
          buyers: 25,
        }),
        small: record({ completedOrders: 2, onTimeOrders: 2, buyers: 1 }),
        fresh: record(),
      },
    );
    expect(result.map((s) => s.groupId)).toEqual(["fresh", "small", "big"]);
    expect(result[0]?.reasons).toContainEqual({ key: "suggest.reason.new_group" });
    expect(result[1]?.reasons).toContainEqual({ key: "suggest.reason.few_buyers" });
    expect(result[2]?.reasons).toContainEqual({ key: "suggest.reason.on_time", params: { count: 38 } });
    expect(result[2]?.reasons).toContainEqual({
      key: "suggest.reason.rating",
      params: { rating: 4.8, count: 30 },
    });
  });

  it("prefers the closer group when all else is equal, and keeps to the limit in a stable order", () => {
    const groups = [
      group("far", ["chips"], PARONGPONG),
      group("near", ["chips"], CIKOLE),
      group("here", ["chips"]),
    ];
    expect(rank(buyer(chipsBuyer), groups, {}, 2).map((s) => s.groupId)).toEqual(["here", "near"]);
    const twins = [group("b", ["chips"]), group("a", ["chips"])];
    expect(rank(buyer(chipsBuyer), twins).map((s) => s.groupId)).toEqual(["a", "b"]);
  });

  it("suggests nothing to a buyer with no interests", () => {
    expect(rank(buyer(new Map()), [group("a", ["chips"])])).toEqual([]);
  });
});

describe("businesses suggested to a group", () => {
  const business = (
    id: string,
    place: { latitude: number | null; longitude: number | null },
    groups: number[],
  ): CandidateBusiness => ({
    businessId: id,
    ...place,
    categories: groups.map((count, i) => ({ categoryId: `c${i}`, groups: count })),
  });

  it("lists the nearest first, unknown places last, leaves out the far ones, and names the widest category", () => {
    const result = rankBusinessSuggestions(
      JAYAGIRI,
      [
        business("unknown", { latitude: null, longitude: null }, [1]),
        business("parongpong", PARONGPONG, [1]),
        business("cikole", CIKOLE, [1, 3]),
        business("garut", GARUT, [5]),
      ],
      5,
    );
    expect(result.map((r) => r.businessId)).toEqual(["cikole", "parongpong", "unknown"]);
    expect(result[0]).toMatchObject({ categoryId: "c1", groups: 3 });
  });

  it("ranks on place and counts alone: what is shown of a business is added after", () => {
    const [only] = rankBusinessSuggestions(JAYAGIRI, [business("x", CIKOLE, [2])], 5);
    expect(Object.keys(only ?? {}).sort()).toEqual(["businessId", "categoryId", "distanceKm", "groups"]);
    const twins = [business("b", CIKOLE, [1]), business("a", CIKOLE, [1]), business("c", CIKOLE, [2])];
    expect(rankBusinessSuggestions(JAYAGIRI, twins, 5).map((r) => r.businessId)).toEqual(["c", "a", "b"]);
  });

  it("allows one introduction per pair in thirty days", () => {
    expect(nextIntroductionAt(null, NOW)).toBeNull();
    expect(nextIntroductionAt(daysAgo(29), NOW)).toEqual(new Date(daysAgo(29).getTime() + 30 * DAY));
    expect(nextIntroductionAt(daysAgo(30), NOW)).toBeNull();
  });

  it("gives a group with many buyers no fairness share unless it is new", () => {
    expect(networkFairness({ verifiedAt: daysAgo(400), buyers: 0 }, NOW)).toBe(1);
    expect(networkFairness({ verifiedAt: daysAgo(400), buyers: 4 }, NOW)).toBe(0.5);
    expect(networkFairness({ verifiedAt: daysAgo(400), buyers: 20 }, NOW)).toBe(0);
    expect(networkFairness({ verifiedAt: daysAgo(5), buyers: 20 }, NOW)).toBe(1);
  });
});

describe("why a request went unmet", () => {
  const open = { status: "OPEN" as const, closesAt: new Date(NOW.getTime() + DAY), quotes: 0 };
  const asked = (declined: boolean[]) =>
    declined.map((d) => ({ source: "MATCHED" as const, declinedAt: d ? daysAgo(1) : null }));

  it.each([
    ["no group matched or invited", { ...open, recipients: [] }, "no_match"],
    ["every group declined", { ...open, recipients: asked([true, true]) }, "all_declined"],
    ["expired without a quote", { ...open, closesAt: daysAgo(1), recipients: asked([false]) }, "no_quote"],
    [
      "expired status written",
      { ...open, status: "EXPIRED" as const, recipients: asked([false]) },
      "no_quote",
    ],
    [
      "cancelled without a quote",
      { ...open, status: "CANCELLED" as const, recipients: asked([false]) },
      "no_quote",
    ],
    ["still open, not all declined", { ...open, recipients: asked([true, false]) }, null],
    [
      "quoted and then expired",
      { ...open, closesAt: daysAgo(1), quotes: 1, recipients: asked([false]) },
      null,
    ],
    ["awarded", { ...open, status: "AWARDED" as const, quotes: 2, recipients: asked([false, true]) }, null],
  ])("%s", (_, request, expected) => {
    expect(unmetReason(request, NOW)).toBe(expected);
  });
});

describe("reading orders only for the groups that can still be shown", () => {
  it("keeps the same suggestions as ranking every shortlisted group, and drops the hopeless", () => {
    // Groups spread from next door to ~35 km, some known, records from none to the best.
    const places = [0, 0.03, 0.08, 0.15, 0.22, 0.3].map((d) => ({ latitude: -6.8 - d, longitude: 107.62 }));
    const interests = new Map([
      ["chips", { weight: 1, source: "bought" as const }],
      ["cake", { weight: 0.5, source: "bought" as const }],
      ["food", { weight: 0.4, source: "related" as const }],
    ]);
    let seed = 11;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let round = 0; round < 30; round++) {
      const groups = Array.from({ length: 20 }, (_, g) =>
        group(
          `g${round}-${g}`,
          [["chips", "cake", "dairy"][g % 3] as string],
          places[Math.floor(rand() * 6)],
        ),
      );
      const records = Object.fromEntries(
        groups.map((g) => [
          g.id,
          record({
            completedOrders: Math.floor(rand() * 30),
            onTimeOrders: Math.floor(rand() * 20),
            ratingAverage: rand() < 0.5 ? null : 1 + rand() * 4,
            ratingCount: 3,
            buyers: Math.floor(rand() * 12),
          }),
        ]),
      );
      const facts = buyer(
        interests,
        groups.filter(() => rand() < 0.2).map((g) => g.id),
      );
      const shortlisted = shortlistGroups(facts, groups);
      const details = new Map(
        groups.map((g) => [g.id, { name: `KUBE ${g.id}`, slug: g.id, phone: null, villageName: "Jayagiri" }]),
      );
      const all = rankGroupSuggestions(shortlisted, details, new Map(Object.entries(records)), NOW, 4);
      const contenders = suggestionContenders(shortlisted, 4);
      const gated = rankGroupSuggestions(contenders, details, new Map(Object.entries(records)), NOW, 4);
      expect(gated).toEqual(all);
      if (round === 0) expect(contenders.length).toBeLessThan(shortlisted.length);
    }
  });
});
