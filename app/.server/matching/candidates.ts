import { wibWeekKey } from "~/utils/delivery";
import { trackRecords } from "../catalog/groups";
import { fts5Query, normalizeForSearch, queryTerms, tsQuery } from "../catalog/search-text";
import { db, dbKind, Prisma } from "../db/client";
import {
  contenders,
  gateGroups,
  informativeWords,
  MAX_DISTANCE_KM,
  scoreGated,
  type GroupExclusion,
  type GroupFacts,
  type GroupMatch,
  type RequestFacts,
} from "./score";

// The database half of the matcher: it gathers the facts score.ts decides on, and nothing else.
// Only products the catalog's search index matches by a word of the request, or that sit in the
// request's category (or below it), can fit at all (productFits drops any other), so only those
// and their groups are read; and a group's record (orders, ratings, chances) only once it has
// passed the gates, which do not depend on it.

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
export async function rankForRequest(
  request: RequestToMatch,
  now = new Date(),
  always: ReadonlySet<string> = new Set(),
): Promise<Ranking> {
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
  const ranking = await rankCandidates(facts, inArea, now, always);
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
  /** The name as search sees it (normalizeForSearch), stored with the product. */
  searchName: string;
  categoryId: string;
  /** The search text when a word matched it; empty for a product found by its category alone. */
  searchText: string;
  supplyMode: "READY_STOCK" | "MADE_TO_ORDER";
  stock: number | bigint;
  leadTimeDays: number | bigint;
  capacityPerWeek: number | bigint | null;
  /** "2026-11-23:40,2026-11-30:12": capacity booked per week from this week on. */
  booked: string | null;
  groupName: string;
  verifiedAt: Date | string | number;
  latitude: number | null;
  longitude: number | null;
  areaPath: string;
};

type Candidate = GroupFacts & { areaPath: string };

/** Groups listed in a ranking, at most: more than a buyer reads, more than a request is sent to. */
export const MAX_LISTED = 20;

/**
 * Ranks the candidates: the gates first; then records are read only for the groups that can still
 * be among the best MAX_LISTED (and for the groups in `always`, the buyer's invitations), and those
 * are scored. The list holds the best MAX_LISTED and the groups in `always` that passed the gates.
 */
async function rankCandidates(
  facts: RequestFacts,
  candidates: Candidate[],
  now: Date,
  always: ReadonlySet<string>,
) {
  const gated = gateGroups(facts, candidates, now);
  const chosen = new Set(contenders(gated.passed, MAX_LISTED));
  for (const entry of gated.passed) if (always.has(entry.group.id)) chosen.add(entry);
  await addRecords(
    [...chosen].map((entry) => entry.group),
    now,
  );
  const scored = scoreGated([...chosen], now);
  const matches = scored.filter((match, index) => index < MAX_LISTED || always.has(match.groupId));
  return { matches, excluded: gated.excluded };
}

/**
 * The groups that have at least one product that could fit, with their products (and what is
 * booked of them), in one statement: the search index is asked once. Their records (orders,
 * ratings, recent chances) are not read here: see addRecords.
 */
export async function candidateGroups(facts: RequestFacts, now: Date): Promise<Candidate[]> {
  const tree = await categoryTree();
  const categoryIds = facts.categoryId ? [...tree.descendants(facts.categoryId)] : [];
  const terms = queryTerms(informativeWords(facts.words).join(" "));
  if (terms.length === 0 && categoryIds.length === 0) return [];
  // The products the index matches by any word (asked once, kept as `t`), and those of the
  // categories that it did not match; only the first carry their search text into the matcher.
  const textHits =
    terms.length === 0
      ? null
      : dbKind === "postgres"
        ? Prisma.sql`SELECT p."id" AS "hit" FROM "Product" p WHERE p."status" = 'ACTIVE'
            AND to_tsvector('simple', p."searchText") @@ to_tsquery('simple', ${tsQuery(terms, "OR")})`
        : Prisma.sql`SELECT p."id" AS "hit" FROM "ProductSearch" s JOIN "Product" p ON p."rowid" = s."rowid"
            WHERE "ProductSearch" MATCH ${fts5Query(terms, "OR")}`;
  const columns = Prisma.sql`p."id", p."groupId", p."name", p."searchName", p."categoryId", p."supplyMode",
    p."stock", p."leadTimeDays", p."capacityPerWeek"`;
  const branches: Prisma.Sql[] = [];
  if (textHits) {
    branches.push(Prisma.sql`SELECT ${columns}, p."searchText"
      FROM "t" JOIN "Product" p ON p."id" = "t"."hit" WHERE p."status" = 'ACTIVE'`);
  }
  if (categoryIds.length > 0) {
    branches.push(Prisma.sql`SELECT ${columns}, '' AS "searchText"
      FROM "Product" p WHERE p."status" = 'ACTIVE' AND p."categoryId" IN (${Prisma.join(categoryIds)})
      ${textHits ? Prisma.sql`AND p."id" NOT IN (SELECT "hit" FROM "t")` : Prisma.empty}`);
  }
  const bookedList =
    dbKind === "postgres"
      ? Prisma.sql`string_agg(b."week" || ':' || b."booked", ',')`
      : Prisma.sql`group_concat(b."week" || ':' || b."booked", ',')`;
  const rows = await db.$queryRaw<CandidateRow[]>(
    Prisma.sql`${textHits ? Prisma.sql`WITH "t" AS MATERIALIZED (${textHits}) ` : Prisma.empty}
      SELECT m.*,
        CASE WHEN m."capacityPerWeek" IS NULL THEN NULL ELSE (SELECT ${bookedList} FROM "CapacityBooking" b
          WHERE b."productId" = m."id" AND b."week" >= ${wibWeekKey(now)}) END AS "booked",
        g."name" AS "groupName", g."verifiedAt", a."latitude", a."longitude", a."path" AS "areaPath"
      FROM (${Prisma.join(branches, " UNION ALL ")}) m
      JOIN "Group" g ON g."id" = m."groupId"
      JOIN "Area" a ON a."id" = g."villageId"
      WHERE g."verifiedAt" IS NOT NULL`,
  );
  const groups = new Map<string, Candidate>();
  for (const row of rows) {
    let group = groups.get(row.groupId);
    if (!group) {
      group = {
        id: row.groupId,
        name: row.groupName,
        areaPath: row.areaPath,
        latitude: row.latitude === null ? null : Number(row.latitude),
        longitude: row.longitude === null ? null : Number(row.longitude),
        verifiedAt: new Date(row.verifiedAt),
        products: [],
        completedOrders: 0,
        onTimeOrders: 0,
        ratingAverage: null,
        ratingCount: 0,
        recentInvites: 0,
      };
      groups.set(row.groupId, group);
    }
    group.products.push({
      id: row.id,
      name: row.name,
      categoryPath: tree.path(row.categoryId),
      nameText: `${row.searchName} ${tree.searchName(row.categoryId)}`,
      searchText: row.searchText,
      supplyMode: row.supplyMode,
      stock: Number(row.stock),
      leadTimeDays: Number(row.leadTimeDays),
      capacityPerWeek: row.capacityPerWeek === null ? null : Number(row.capacityPerWeek),
      bookedByWeek: bookedWeeks(row.booked),
    });
  }
  return [...groups.values()];
}

function bookedWeeks(list: string | null): Map<string, number> {
  const weeks = new Map<string, number>();
  if (!list) return weeks;
  for (const entry of list.split(",")) {
    const [week, booked] = entry.split(":");
    if (week && booked) weeks.set(week, Number(booked));
  }
  return weeks;
}

/**
 * Fills in the records the score weighs — finished and on-time orders (the group page's rule),
 * ratings, requests matched in the last 30 days — for the groups that passed the gates.
 */
async function addRecords(groups: GroupFacts[], now: Date) {
  const ids = groups.map((group) => group.id);
  if (ids.length === 0) return;
  const since = new Date(now.getTime() - RECENT_DAYS * DAY);
  const [records, ratings, invites] = await Promise.all([
    inChunks(ids, async (chunk) => [...(await trackRecords(chunk))]),
    inChunks(ids, (chunk) =>
      db.$queryRaw<{ groupId: string; average: number | null; count: number | bigint }[]>(
        Prisma.sql`SELECT o."groupId" AS "groupId", AVG(r."score") AS "average", COUNT(*) AS "count"
          FROM "Rating" r JOIN "Order" o ON o."id" = r."orderId"
          WHERE o."groupId" IN (${Prisma.join(chunk)}) GROUP BY o."groupId"`,
      ),
    ),
    inChunks(ids, (chunk) =>
      db.requestRecipient.groupBy({
        by: ["groupId"],
        where: { groupId: { in: chunk }, source: "MATCHED", createdAt: { gte: since } },
        _count: { _all: true },
      }),
    ),
  ]);
  const recordOf = new Map(records);
  const ratingOf = new Map(ratings.map((row) => [row.groupId, row]));
  const invitesOf = new Map(invites.map((row) => [row.groupId, row._count._all]));
  for (const group of groups) {
    const record = recordOf.get(group.id);
    const rating = ratingOf.get(group.id);
    group.completedOrders = record?.completed ?? 0;
    group.onTimeOrders = record?.onTime ?? 0;
    group.ratingAverage =
      rating?.average === null || rating?.average === undefined ? null : Number(rating.average);
    group.ratingCount = Number(rating?.count ?? 0);
    group.recentInvites = invitesOf.get(group.id) ?? 0;
  }
}

type CategoryTree = {
  /** The category and its parents up to the root. */
  path(id: string): string[];
  /** The category's Indonesian name as search sees it. */
  searchName(id: string): string;
  /** The category and every category below it. */
  descendants(id: string): Set<string>;
};

async function categoryTree(): Promise<CategoryTree> {
  const rows = await db.category.findMany({ select: { id: true, parentId: true, nameId: true } });
  const parentOf = new Map(rows.map((row) => [row.id, row.parentId]));
  const names = new Map(rows.map((row) => [row.id, normalizeForSearch(row.nameId)]));
  return {
    searchName: (id) => names.get(id) ?? "",
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
