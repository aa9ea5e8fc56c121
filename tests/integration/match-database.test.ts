import { beforeAll, describe, expect, it } from "vitest";
import { trackRecords } from "~/.server/catalog/groups";
import { normalizeForSearch } from "~/.server/catalog/search-text";
import { db } from "~/.server/db/client";
import { rankForRequest, type Ranking } from "~/.server/matching/candidates";
import {
  productFits,
  rankGroupsForRequest,
  type GroupExclusion,
  type GroupFacts,
  type ProductFacts,
} from "~/.server/matching/score";
import { wibWeekKey } from "~/utils/delivery";
import { createAreas, createBusinessWithBuyer } from "../helpers/factories";
import { generateWorld, type World } from "../support/match-world";
import { createDemoCategories, seedWorld } from "../support/match-world-db";

// The database side of the matcher (matching/candidates.ts) reads as little as it can: only groups
// within a box around the buyer, a group whose products fit by category alone only in outline,
// the request's words matched in SQL instead of the texts, records only for groups that can still
// be among the best. None of that may change the result. Here a generated world is written to the
// database, and every ranking is checked against the rules (score.ts) applied to every verified
// group and product, read plainly.

const DAY = 24 * 60 * 60 * 1000;
const world: World = generateWorld({ seed: 77, groups: 160, productsPerGroup: 8, requests: 48 });
let regencyCode = "";

beforeAll(async () => {
  const areas = await createAreas();
  regencyCode = areas.regency.code;
  await createDemoCategories(db);
  await createBusinessWithBuyer(areas.villageA1.id);
  await seedWorld(db, world, regencyCode);
});

/** Every verified group as the rules see it, read without any of the matcher's shortcuts. */
async function everyGroup(now: Date): Promise<GroupFacts[]> {
  const categories = await db.category.findMany({ select: { id: true, parentId: true, nameId: true } });
  const parentOf = new Map(categories.map((c) => [c.id, c.parentId]));
  const nameOf = new Map(categories.map((c) => [c.id, normalizeForSearch(c.nameId)]));
  const pathOf = (id: string) => {
    const path: string[] = [];
    for (let at: string | null | undefined = id; at; at = parentOf.get(at)) path.push(at);
    return path;
  };
  const groups = await db.group.findMany({
    where: { verifiedAt: { not: null } },
    select: {
      id: true,
      name: true,
      verifiedAt: true,
      village: { select: { latitude: true, longitude: true } },
      products: { where: { status: "ACTIVE" } },
    },
  });
  const bookings = await db.capacityBooking.findMany({ where: { week: { gte: wibWeekKey(now) } } });
  const records = await trackRecords(groups.map((g) => g.id));
  const ratings = await db.rating.findMany({ select: { score: true, order: { select: { groupId: true } } } });
  const invites = await db.requestRecipient.findMany({
    where: { source: "MATCHED", createdAt: { gte: new Date(now.getTime() - 30 * DAY) } },
    select: { groupId: true },
  });
  return groups.map((group) => {
    const scores = ratings.filter((r) => r.order.groupId === group.id).map((r) => r.score);
    return {
      id: group.id,
      name: group.name,
      latitude: group.village.latitude,
      longitude: group.village.longitude,
      verifiedAt: group.verifiedAt,
      completedOrders: records.get(group.id)?.completed ?? 0,
      onTimeOrders: records.get(group.id)?.onTime ?? 0,
      ratingAverage: scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null,
      ratingCount: scores.length,
      recentInvites: invites.filter((i) => i.groupId === group.id).length,
      products: group.products.map((product): ProductFacts => ({
        id: product.id,
        name: product.name,
        categoryPath: pathOf(product.categoryId),
        nameText: `${product.searchName} ${nameOf.get(product.categoryId)}`,
        searchText: product.searchText,
        supplyMode: product.supplyMode,
        stock: product.stock,
        leadTimeDays: product.leadTimeDays,
        capacityPerWeek: product.capacityPerWeek,
        bookedByWeek: new Map(
          bookings.filter((b) => b.productId === product.id).map((b) => [b.week, b.booked]),
        ),
      })),
    };
  });
}

async function rankings(): Promise<{ ranking: Ranking; title: string }[]> {
  const categories = new Map((await db.category.findMany()).map((c) => [c.slug, c.id]));
  const villages = new Map((await db.area.findMany()).map((a) => [a.code, a.id]));
  const out = [];
  for (const request of world.requests) {
    const ranking = await rankForRequest(
      {
        title: request.title,
        categoryId: request.category ? (categories.get(request.category) ?? null) : null,
        quantity: request.quantity,
        neededBy: request.neededBy,
        villageId: villages.get(request.village.code) as string,
        radiusKm: request.radiusKm,
      },
      world.now,
    );
    out.push({ ranking, title: `${request.title} ×${request.quantity} (${request.radiusKm} km)` });
  }
  return out;
}

describe("the matcher's database side", () => {
  it("ranks exactly as the rules do over every group, and leaves out the same groups for the same reasons", async () => {
    const groups = await everyGroup(world.now);
    const byId = new Map(groups.map((g) => [g.id, g]));
    let compared = 0;
    let leftOut = 0;
    for (const { ranking, title } of await rankings()) {
      const expected = rankGroupsForRequest(ranking.facts, groups, world.now);
      expect(ranking.matches, title).toEqual(expected.matches.slice(0, ranking.matches.length));
      expect(ranking.matches.length, title).toBe(Math.min(20, expected.matches.length));
      compared += ranking.matches.length;

      const expectedOf = new Map(expected.excluded.map((e) => [e.groupId, e]));
      for (const exclusion of ranking.excluded) {
        const rule = expectedOf.get(exclusion.groupId) as GroupExclusion;
        expect(rule, `${title}: ${exclusion.name} is left out by the rules too`).toBeDefined();
        // A group that fits by category alone, far below the best, is left out as a weaker fit
        // without reading whether it could make it in time.
        if (
          rule.reason.key === "match.excluded.cannot_make" &&
          exclusion.reason.key === "match.excluded.weaker_fit"
        )
          continue;
        expect(exclusion, title).toEqual(rule);
      }
      // Every group that makes something that fits and is left out is told why.
      const told = new Set(ranking.excluded.map((e) => e.groupId));
      for (const rule of expected.excluded) {
        const group = byId.get(rule.groupId) as GroupFacts;
        if (productFits(ranking.facts, group, world.now).length === 0) continue;
        expect(told.has(rule.groupId), `${title}: ${rule.name} (${rule.reason.key})`).toBe(true);
        leftOut++;
      }
    }
    // The world must exercise both halves.
    expect(compared).toBeGreaterThan(world.requests.length * 5);
    expect(leftOut).toBeGreaterThan(world.requests.length * 5);
  });
});
