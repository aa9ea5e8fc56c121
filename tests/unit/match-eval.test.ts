import { describe, expect, it } from "vitest";
import { normalizeForSearch, searchTextFor } from "~/.server/catalog/search-text";
import { rankGroupsForRequest, type GroupFacts, type RequestFacts } from "~/.server/matching/score";
import { addWibDays } from "~/utils/delivery";
import { CATEGORIES, GROUPS, VILLAGES } from "../../scripts/seed/data";
import { EVAL_NOW, LABELLED_REQUESTS, type LabelledRequest } from "../fixtures/match-requests";

// Precision@3 and recall@5 of the matcher over the labelled requests of the demo world
// (tests/fixtures/match-requests.ts). The facts are the demo catalog as the seed writes it: no
// capacity booked, no track record, every group verified long ago, so only the fit is measured.

const village = (name: string) => {
  const found = VILLAGES.find((v) => v.name === name);
  if (!found) throw new Error(`no demo village ${name}`);
  return { latitude: found.lat, longitude: found.lng };
};

const categoryPath = (slug: string): string[] => {
  for (const parent of CATEGORIES) {
    if (parent.slug === slug) return [slug];
    if (parent.children.some((child) => child.slug === slug)) return [slug, parent.slug];
  }
  throw new Error(`no demo category ${slug}`);
};

const categoryName = (slug: string) =>
  CATEGORIES.flatMap((parent) => [parent, ...parent.children]).find((c) => c.slug === slug)?.id ?? slug;

const DEMO_GROUPS: GroupFacts[] = GROUPS.map((group) => ({
  id: group.slug,
  name: group.name,
  ...village(group.village),
  verifiedAt: new Date("2025-06-01T00:00:00Z"),
  completedOrders: 0,
  onTimeOrders: 0,
  ratingAverage: null,
  ratingCount: 0,
  recentInvites: 0,
  products: group.products.map((product, i) => ({
    id: `${group.slug}-${i}`,
    name: product.name,
    categoryPath: categoryPath(product.category),
    nameText: normalizeForSearch(`${product.name} ${categoryName(product.category)}`),
    searchText: searchTextFor({
      name: product.name,
      description: product.description,
      category: categoryName(product.category),
      group: group.name,
      village: group.village,
    }).searchText,
    supplyMode: product.madeToOrder ? "MADE_TO_ORDER" : "READY_STOCK",
    stock: product.stock,
    leadTimeDays: product.madeToOrder?.leadTimeDays ?? 1,
    capacityPerWeek: product.madeToOrder?.capacityPerWeek ?? null,
    bookedByWeek: new Map(),
  })),
}));

function factsOf(request: LabelledRequest): RequestFacts {
  return {
    words: [...new Set(normalizeForSearch(request.title).split(" ").filter(Boolean))],
    categoryId: request.category,
    quantity: request.quantity,
    neededBy: addWibDays(EVAL_NOW, request.inDays),
    ...village(request.village),
  };
}

function evaluate(requests: LabelledRequest[]) {
  const rows = requests.map((request) => {
    const ranked = rankGroupsForRequest(factsOf(request), DEMO_GROUPS, EVAL_NOW).matches.map(
      (m) => m.groupId,
    );
    const top3 = ranked.slice(0, 3);
    const top5 = ranked.slice(0, 5);
    const precision = top3.length ? top3.filter((id) => request.invite.includes(id)).length / top3.length : 0;
    const recall = request.invite.filter((id) => top5.includes(id)).length / request.invite.length;
    return { title: request.title, ranked, invite: request.invite, precision, recall };
  });
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  return { rows, precision: mean(rows.map((r) => r.precision)), recall: mean(rows.map((r) => r.recall)) };
}

describe("the matcher against requests labelled by hand", () => {
  it("has at least 40 labelled requests over the demo world", () => {
    expect(LABELLED_REQUESTS.length).toBeGreaterThanOrEqual(40);
  });

  it("reaches precision@3 ≥ 0.8 and recall@5 ≥ 0.9", () => {
    const { rows, precision, recall } = evaluate(LABELLED_REQUESTS);
    const misses = rows.filter((r) => r.precision < 1 || r.recall < 1);
    console.log(
      `matcher on ${rows.length} labelled demo requests: precision@3 ${precision.toFixed(3)}, recall@5 ${recall.toFixed(3)}` +
        misses
          .map(
            (r) => `\n  ${r.title}: ranked ${r.ranked.join(", ") || "nobody"}; invite ${r.invite.join(", ")}`,
          )
          .join(""),
    );
    expect(precision).toBeGreaterThanOrEqual(0.8);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });
});
