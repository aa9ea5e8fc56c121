import { wibWeekKey } from "~/utils/delivery";
import { trackRecords } from "../catalog/groups";
import { fts5Query, normalizeForSearch, queryTerms, tsQuery } from "../catalog/search-text";
import { db, dbKind, Prisma } from "../db/client";
import {
  distanceKm,
  informativeWords,
  MAX_DISTANCE_KM,
  rankGroupsForRequest,
  type GroupExclusion,
  type GroupFacts,
  type GroupMatch,
  type ProductFacts,
  type RequestFacts,
} from "./score";

// The database half of the matcher: it gathers the facts score.ts decides on, and nothing else.
// Only products the catalog's search index matches by a word of the request, or that sit in the
// request's category (or below it), can fit at all (productFits drops any other), so only those
// and their groups are read.

const DAY = 24 * 60 * 60 * 1000;
/** Days back over which a group's chances (requests it was matched to) are counted. */
const RECENT_DAYS = 30;

export type RequestToMatch = {
  title: string;
  categoryId: string | null;
  quantity: number;
  neededBy: Date;
  villageId: string;
  radiusKm: number;
  /** Only groups in this area (a district, say), besides the distance; null for anywhere. */
  areaId?: string | null;
};

export type Ranking = {
  facts: RequestFacts;
  matches: GroupMatch[];
  excluded: GroupExclusion[];
};

/**
 * The request's words as the matcher compares them: the title's, normalised, each once, without
 * the names of places ("batik motif Lembang" asks for batik, not for whatever is made in Lembang;
 * product names and search text carry village names too).
 */
export function requestWords(title: string, placeNames: ReadonlySet<string> = new Set()): string[] {
  return [
    ...new Set(
      normalizeForSearch(title)
        .split(" ")
        .filter((word) => word && !placeNames.has(word)),
    ),
  ];
}

/** Every word of every area's name, normalised ("kecamatan", "lembang", "jayagiri", …). */
async function placeWords(): Promise<Set<string>> {
  const areas = await db.area.findMany({ select: { name: true } });
  return new Set(areas.flatMap((area) => normalizeForSearch(area.name).split(" ").filter(Boolean)));
}

/** Ranks the verified groups for a request (posted or only drafted), with reasons and exclusions. */
export async function rankForRequest(request: RequestToMatch, now = new Date()): Promise<Ranking> {
  const [village, places] = await Promise.all([
    db.area.findUnique({ where: { id: request.villageId }, select: { latitude: true, longitude: true } }),
    placeWords(),
  ]);
  const facts: RequestFacts = {
    words: requestWords(request.title, places),
    categoryId: request.categoryId,
    quantity: request.quantity,
    neededBy: request.neededBy,
    latitude: village?.latitude ?? null,
    longitude: village?.longitude ?? null,
    maxKm: Math.min(request.radiusKm, MAX_DISTANCE_KM),
  };
  const area = request.areaId
    ? await db.area.findUnique({ where: { id: request.areaId }, select: { name: true, path: true } })
    : null;
  const candidates = await candidateGroups(facts, now);
  const inArea = area ? candidates.filter((group) => group.areaPath.startsWith(area.path)) : candidates;
  const ranking = rankGroupsForRequest(facts, inArea, now);
  const outside: GroupExclusion[] = area
    ? candidates
        .filter((group) => !group.areaPath.startsWith(area.path))
        .map((group) => ({
          groupId: group.id,
          name: group.name,
          reason: { key: "match.excluded.outside_area", params: { area: area.name } },
        }))
    : [];
  return { facts, matches: ranking.matches, excluded: [...ranking.excluded, ...outside] };
}

/**
 * At most this many ids in one `IN (…)`: the SQLite driver takes 999 values a statement, and a
 * request by a parent category over a large catalog reaches more groups and products than that.
 */
const IDS_PER_QUERY = 500;

function inChunks<T>(ids: string[], read: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += IDS_PER_QUERY) chunks.push(ids.slice(i, i + IDS_PER_QUERY));
  return Promise.all(chunks.map(read)).then((parts) => parts.flat());
}

type CandidateRow = {
  id: string;
  groupId: string;
  name: string;
  categoryId: string;
  categoryName: string;
  searchText: string;
  supplyMode: "READY_STOCK" | "MADE_TO_ORDER";
  stock: number | bigint;
  leadTimeDays: number | bigint;
  capacityPerWeek: number | bigint | null;
  groupName: string;
  verifiedAt: Date | string | number;
  latitude: number | null;
  longitude: number | null;
  areaPath: string;
};

/** The groups that have at least one product that could fit, with everything the matcher weighs. */
export async function candidateGroups(
  facts: RequestFacts,
  now: Date,
): Promise<(GroupFacts & { areaPath: string })[]> {
  const tree = await categoryTree();
  const categoryIds = facts.categoryId ? [...tree.descendants(facts.categoryId)] : [];
  const matching = productsMatching(informativeWords(facts.words), categoryIds);
  if (!matching) return [];

  // One query for the products that may fit, their group and its village: no list of ids travels.
  const rows = await db.$queryRaw<CandidateRow[]>(
    Prisma.sql`SELECT p."id", p."groupId", p."name", p."categoryId", c."nameId" AS "categoryName",
        p."searchText", p."supplyMode", p."stock", p."leadTimeDays", p."capacityPerWeek",
        g."name" AS "groupName", g."verifiedAt", a."latitude", a."longitude", a."path" AS "areaPath"
      FROM "Product" p
      JOIN "Group" g ON g."id" = p."groupId"
      JOIN "Area" a ON a."id" = g."villageId"
      JOIN "Category" c ON c."id" = p."categoryId"
      WHERE p."status" = 'ACTIVE' AND g."verifiedAt" IS NOT NULL AND p."id" IN (${matching})`,
  );
  const groups = new Map<
    string,
    {
      id: string;
      name: string;
      verifiedAt: Date;
      latitude: number | null;
      longitude: number | null;
      areaPath: string;
    }
  >();
  for (const row of rows) {
    if (groups.has(row.groupId)) continue;
    groups.set(row.groupId, {
      id: row.groupId,
      name: row.groupName,
      verifiedAt: new Date(row.verifiedAt),
      latitude: row.latitude === null ? null : Number(row.latitude),
      longitude: row.longitude === null ? null : Number(row.longitude),
      areaPath: row.areaPath,
    });
  }
  // Facts beyond the place are only read for groups within reach; the rest are left out as too far.
  const maxKm = facts.maxKm ?? MAX_DISTANCE_KM;
  const reach = new Set(
    [...groups.values()]
      .filter((group) => {
        const km = distanceKm(facts, group);
        return km === null || km <= maxKm;
      })
      .map((group) => group.id),
  );
  const reachIds = [...reach];
  const since = new Date(now.getTime() - RECENT_DAYS * DAY);
  const [records, ratings, invites, booked] = await Promise.all([
    inChunks(reachIds, async (chunk) => [...(await trackRecords(chunk))]),
    inChunks(reachIds, (chunk) =>
      db.$queryRaw<{ groupId: string; average: number | null; count: number | bigint }[]>(
        Prisma.sql`SELECT o."groupId" AS "groupId", AVG(r."score") AS "average", COUNT(*) AS "count"
          FROM "Rating" r JOIN "Order" o ON o."id" = r."orderId"
          WHERE o."groupId" IN (${Prisma.join(chunk)}) GROUP BY o."groupId"`,
      ),
    ),
    inChunks(reachIds, (chunk) =>
      db.requestRecipient.groupBy({
        by: ["groupId"],
        where: { groupId: { in: chunk }, source: "MATCHED", createdAt: { gte: since } },
        _count: { _all: true },
      }),
    ),
    bookedByProduct(
      rows.filter((row) => row.capacityPerWeek !== null && reach.has(row.groupId)).map((row) => row.id),
      now,
    ),
  ]);
  const recordOf = new Map(records);
  const ratingOf = new Map(ratings.map((row) => [row.groupId, row]));
  const invitesOf = new Map(invites.map((row) => [row.groupId, row._count._all]));
  const productsOf = new Map<string, ProductFacts[]>();
  for (const row of rows) {
    const list = productsOf.get(row.groupId) ?? [];
    list.push({
      id: row.id,
      name: row.name,
      categoryPath: tree.path(row.categoryId),
      nameText: normalizeForSearch(`${row.name} ${row.categoryName}`),
      searchText: row.searchText,
      supplyMode: row.supplyMode,
      stock: Number(row.stock),
      leadTimeDays: Number(row.leadTimeDays),
      capacityPerWeek: row.capacityPerWeek === null ? null : Number(row.capacityPerWeek),
      bookedByWeek: booked.get(row.id) ?? new Map(),
    });
    productsOf.set(row.groupId, list);
  }
  return [...groups.values()].map((group) => {
    const record = recordOf.get(group.id);
    const rating = ratingOf.get(group.id);
    return {
      id: group.id,
      name: group.name,
      areaPath: group.areaPath,
      latitude: group.latitude,
      longitude: group.longitude,
      verifiedAt: group.verifiedAt,
      products: productsOf.get(group.id) ?? [],
      completedOrders: record?.completed ?? 0,
      onTimeOrders: record?.onTime ?? 0,
      ratingAverage:
        rating?.average === null || rating?.average === undefined ? null : Number(rating.average),
      ratingCount: Number(rating?.count ?? 0),
      recentInvites: invitesOf.get(group.id) ?? 0,
    };
  });
}

/**
 * The ids of active products the search index matches by any of the words, or in the categories,
 * as a subquery; null when there is nothing to match by.
 */
function productsMatching(words: string[], categoryIds: string[]): Prisma.Sql | null {
  const terms = queryTerms(words.join(" "));
  const parts: Prisma.Sql[] = [];
  if (terms.length > 0) {
    parts.push(
      dbKind === "postgres"
        ? Prisma.sql`SELECT p."id" FROM "Product" p WHERE p."status" = 'ACTIVE'
            AND to_tsvector('simple', p."searchText") @@ to_tsquery('simple', ${tsQuery(terms, "OR")})`
        : Prisma.sql`SELECT p."id" FROM "ProductSearch" JOIN "Product" p ON p."rowid" = "ProductSearch"."rowid"
            WHERE "ProductSearch" MATCH ${fts5Query(terms, "OR")} AND p."status" = 'ACTIVE'`,
    );
  }
  if (categoryIds.length > 0) {
    parts.push(
      Prisma.sql`SELECT p."id" FROM "Product" p WHERE p."status" = 'ACTIVE'
        AND p."categoryId" IN (${Prisma.join(categoryIds)})`,
    );
  }
  return parts.length === 0 ? null : Prisma.join(parts, " UNION ");
}

/** Capacity already booked per product and week, from this week on. */
async function bookedByProduct(productIds: string[], now: Date): Promise<Map<string, Map<string, number>>> {
  const byProduct = new Map<string, Map<string, number>>();
  if (productIds.length === 0) return byProduct;
  const rows = await inChunks(productIds, (chunk) =>
    db.capacityBooking.findMany({
      where: { productId: { in: chunk }, week: { gte: wibWeekKey(now) } },
      select: { productId: true, week: true, booked: true },
    }),
  );
  for (const row of rows) {
    const weeks = byProduct.get(row.productId) ?? new Map<string, number>();
    weeks.set(row.week, row.booked);
    byProduct.set(row.productId, weeks);
  }
  return byProduct;
}

type CategoryTree = {
  /** The category and its parents up to the root. */
  path(id: string): string[];
  /** The category and every category below it. */
  descendants(id: string): Set<string>;
};

async function categoryTree(): Promise<CategoryTree> {
  const rows = await db.category.findMany({ select: { id: true, parentId: true } });
  const parentOf = new Map(rows.map((row) => [row.id, row.parentId]));
  return {
    path(id) {
      const path: string[] = [];
      for (let at: string | null | undefined = id; at && !path.includes(at); at = parentOf.get(at))
        path.push(at);
      return path;
    },
    descendants(id) {
      const found = new Set([id]);
      let grew = true;
      while (grew) {
        grew = false;
        for (const row of rows) {
          if (row.parentId && found.has(row.parentId) && !found.has(row.id)) {
            found.add(row.id);
            grew = true;
          }
        }
      }
      return found;
    },
  };
}
