import { wibWeekKey } from "~/utils/delivery";
import { trackRecordCounts, trackRecordOf } from "../catalog/groups";
import { fts5Query, normalizeForSearch, queryTerms, tsQuery } from "../catalog/search-text";
import { db, dbKind, Prisma } from "../db/client";
import {
  distanceKm,
  gateGroups,
  informativeWords,
  MAX_DISTANCE_KM,
  MAX_FOUND_WORDS,
  MIN_FIT_OF_BEST,
  scoreBest,
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
  // Raw: the model API costs more than the read itself here, on every request matched.
  const areas = await db.$queryRaw<{ name: string }[]>(Prisma.sql`SELECT "name" FROM "Area"`);
  return new Set(areas.flatMap((area) => normalizeForSearch(area.name).split(" ").filter(Boolean)));
}

/** Ranks the verified groups for a request (posted or only drafted), with reasons and exclusions. */
export async function rankForRequest(
  request: RequestToMatch,
  now = new Date(),
  always: ReadonlySet<string> = new Set(),
): Promise<Ranking> {
  const [areas, places, tree] = await Promise.all([
    db.$queryRaw<
      { id: string; name: string; path: string; latitude: number | null; longitude: number | null }[]
    >(
      Prisma.sql`SELECT "id", "name", "path", "latitude", "longitude" FROM "Area"
        WHERE "id" IN (${request.villageId}, ${request.areaId ?? request.villageId})`,
    ),
    placeWords(),
    categoryTree(),
  ]);
  const village = areas.find((row) => row.id === request.villageId);
  const area = request.areaId ? (areas.find((row) => row.id === request.areaId) ?? null) : null;
  const facts: RequestFacts = {
    words: requestWords(request.title, places),
    categoryId: request.categoryId,
    quantity: request.quantity,
    neededBy: request.neededBy,
    latitude: village?.latitude == null ? null : Number(village.latitude),
    longitude: village?.longitude == null ? null : Number(village.longitude),
    maxKm: Math.min(request.radiusKm, MAX_DISTANCE_KM),
  };
  const candidates = await candidateGroups(facts, now, tree);
  const inArea = (group: { areaPath: string }) => !area || group.areaPath.startsWith(area.path);
  const ranking = await rankCandidates(
    facts,
    { full: candidates.full.filter(inArea), outlines: candidates.outlines.filter(inArea) },
    now,
    always,
    tree,
  );
  const outside: GroupExclusion[] = area
    ? [...candidates.full, ...candidates.outlines]
        .filter((group) => !inArea(group))
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
  /** Null on an outline row: a group seen only as a whole (see Outline). */
  id: string | null;
  groupId: string;
  name: string | null;
  /** The name as search sees it (normalizeForSearch), stored with the product. */
  searchName: string | null;
  categoryId: string | null;
  /** The texts, when the words were not matched in the database (productColumns). */
  searchText: string | null;
  nameFound: number | bigint | null;
  allFound: number | bigint | null;
  supplyMode: "READY_STOCK" | "MADE_TO_ORDER" | null;
  stock: number | bigint | null;
  leadTimeDays: number | bigint | null;
  capacityPerWeek: number | bigint | null;
  /** "2026-11-23:40,2026-11-30:12": capacity booked per week from this week on. */
  booked: string | null;
  /** The rest is null on a product's row, set on its group's own row. */
  groupName: string | null;
  verifiedAt: Date | string | number | null;
  latitude: number | null;
  longitude: number | null;
  areaPath: string | null;
  /** 1 when one of the group's products is in the request's own category. */
  exact: number | bigint | null;
  /** 1 when the group is read in full (its products' rows follow), 0 for an outline. */
  inFull: number | bigint | null;
};

type Candidate = GroupFacts & { areaPath: string };

/**
 * A group with products that could fit, seen only as a whole — where it is, and how its products
 * fit by category — because it cannot be among the matches whatever its products say: it is
 * beyond the request's distance (outside the box around it), or none of its products has a word
 * of the request, so it fits by category alone. Such a group is read in full only if its category
 * fit could still pass the weaker-fit gate (see rankCandidates).
 */
type Outline = {
  id: string;
  name: string;
  areaPath: string;
  latitude: number | null;
  longitude: number | null;
  /** The best category fit its products can have: 1 in the request's category, 0.5 below it. */
  categoryFit: number;
};

type Candidates = { full: Candidate[]; outlines: Outline[] };

/** Groups listed in a ranking, at most: more than a buyer reads, more than a request is sent to. */
export const MAX_LISTED = 20;

/**
 * Ranks the candidates: the gates first, on the groups read in full; a group seen only in outline
 * is read only when its category fit could pass the weaker-fit gate against the best group so far
 * (otherwise it is left out as too far or as a weaker fit, which it is). Then records are read only
 * for the groups that can still be among the best MAX_LISTED (and for the groups in `always`, the
 * buyer's invitations), and those are scored. The list holds the best MAX_LISTED and the groups in
 * `always` that passed the gates.
 */
async function rankCandidates(
  facts: RequestFacts,
  candidates: Candidates,
  now: Date,
  always: ReadonlySet<string>,
  tree: CategoryTree,
) {
  let gated = gateGroups(facts, candidates.full, now);
  const maxKm = Math.min(facts.maxKm ?? MAX_DISTANCE_KM, MAX_DISTANCE_KM);
  const bestFit = Math.max(0, ...gated.passed.map((entry) => entry.fit));
  const outlined: GroupExclusion[] = [];
  const toRead: string[] = [];
  for (const outline of candidates.outlines) {
    const km = distanceKm(facts, outline);
    if (km !== null && km > maxKm) {
      outlined.push({
        groupId: outline.id,
        name: outline.name,
        reason: { key: "match.excluded.too_far", params: { km } },
      });
    } else if (outline.categoryFit >= MIN_FIT_OF_BEST * bestFit) {
      toRead.push(outline.id);
    } else {
      outlined.push({
        groupId: outline.id,
        name: outline.name,
        reason: { key: "match.excluded.weaker_fit" },
      });
    }
  }
  if (toRead.length > 0) {
    const more = await readGroups(facts, toRead, now, tree);
    gated = gateGroups(facts, [...candidates.full, ...more], now);
  }
  const scored = await scoreBest(gated.passed, MAX_LISTED, (groups) => addRecords(groups, now), now, always);
  const matches = scored.filter((match, index) => index < MAX_LISTED || always.has(match.groupId));
  return { matches, excluded: [...gated.excluded, ...outlined] };
}

/**
 * A box of latitudes and longitudes that holds every point within `km` of the village: a group
 * outside it is too far, so its products need not be read. A little wider than the circle, for
 * the earth not being a sphere and the distance being rounded to whole kilometres.
 */
function boxAround(latitude: number, longitude: number, km: number) {
  const reach = km + 1;
  const dLat = reach / 110.5;
  const widest = Math.min(89, Math.abs(latitude) + dLat);
  const dLon = reach / (111.3 * Math.cos((widest * Math.PI) / 180));
  return { south: latitude - dLat, north: latitude + dLat, west: longitude - dLon, east: longitude + dLon };
}

/**
 * A product's row. `found` gives its nameFound and allFound (bit i set when the i-th of the
 * request's words starts a word of its name or of its search text, matched in the database rather
 * than sending each product's texts, most of a row, to be matched in score.ts); without it the
 * row carries the texts.
 */
function productColumns(found: { name: Prisma.Sql; all: Prisma.Sql } | null, now: Date) {
  const bookedList =
    dbKind === "postgres"
      ? Prisma.sql`string_agg(b."week" || ':' || b."booked", ',')`
      : Prisma.sql`group_concat(b."week" || ':' || b."booked", ',')`;
  const texts = found
    ? Prisma.sql`'' AS "searchName", '' AS "searchText", ${found.name} AS "nameFound", ${found.all} AS "allFound"`
    : Prisma.sql`p."searchName", p."searchText", NULL AS "nameFound", NULL AS "allFound"`;
  return Prisma.sql`p."id", p."groupId", p."name", p."categoryId", p."supplyMode",
    p."stock", p."leadTimeDays", p."capacityPerWeek", ${texts},
    CASE WHEN p."capacityPerWeek" IS NULL THEN NULL ELSE (SELECT ${bookedList} FROM "CapacityBooking" b
      WHERE b."productId" = p."id" AND b."week" >= ${wibWeekKey(now)}) END AS "booked",
    NULL AS "groupName", NULL AS "verifiedAt", NULL AS "latitude", NULL AS "longitude", NULL AS "areaPath",
    NULL AS "exact", NULL AS "inFull"`;
}

/** A group's own row: where it is, beside its products' rows (productColumns). */
function groupColumns(exact: Prisma.Sql, inFull: Prisma.Sql) {
  return Prisma.sql`NULL AS "id", g."id" AS "groupId", NULL AS "name", NULL AS "categoryId",
    NULL AS "supplyMode", NULL AS "stock", NULL AS "leadTimeDays", NULL AS "capacityPerWeek",
    NULL AS "searchName", NULL AS "searchText", NULL AS "nameFound", NULL AS "allFound", NULL AS "booked",
    g."name" AS "groupName", g."verifiedAt", a."latitude", a."longitude", a."path" AS "areaPath",
    ${exact} AS "exact", ${inFull} AS "inFull"`;
}

/**
 * 1 when the word starts a word of the text, else 0: textFit's test, in SQL. Texts are normalised,
 * one space apart, so the text starts with the word or holds " word" — plain substring tests,
 * several times cheaper than LIKE '% word%' on a copy of the text with a space before it.
 */
function startsAWord(column: Prisma.Sql, word: string) {
  const inside =
    dbKind === "postgres"
      ? Prisma.sql`strpos(${column}, ${` ${word}`})`
      : Prisma.sql`instr(${column}, ${` ${word}`})`;
  return Prisma.sql`CASE WHEN ${inside} > 0 OR substr(${column}, 1, ${word.length}) = ${word} THEN 1 ELSE 0 END`;
}

/**
 * The groups that have at least one product that could fit, in one statement (the search index is
 * asked once): in full — with their products and what is booked of them — those within reach with
 * a product that has a word of the request (or, when the request has no word search takes, or
 * more words than it takes, every group within reach); the others as outlines. Records (orders,
 * ratings, recent chances) are not read here: see addRecords.
 */
async function candidateGroups(facts: RequestFacts, now: Date, tree: CategoryTree): Promise<Candidates> {
  const categoryIds = facts.categoryId ? [...tree.descendants(facts.categoryId)] : [];
  const words = informativeWords(facts.words);
  const terms = queryTerms(words.join(" "));
  if (terms.length === 0 && categoryIds.length === 0) return { full: [], outlines: [] };
  // When search takes every word (at most 8 of them, within what a `found` mask holds), a product
  // it does not find has none of the words, so a group whose products fit by category alone fits
  // by its category: it is an outline. Otherwise every group within reach is read in full.
  const byWords = terms.length > 0 && words.length <= terms.length && words.length <= MAX_FOUND_WORDS;
  const inCategory =
    categoryIds.length > 0 ? Prisma.sql`p."categoryId" IN (${Prisma.join(categoryIds)})` : Prisma.sql`1 = 0`;
  const searched =
    terms.length === 0
      ? null
      : dbKind === "postgres"
        ? Prisma.sql`FROM "Product" p WHERE p."status" = 'ACTIVE'
            AND to_tsvector('simple', p."searchText") @@ to_tsquery('simple', ${tsQuery(terms, "OR")})`
        : Prisma.sql`FROM "ProductSearch" s JOIN "Product" p ON p."rowid" = s."rowid"
            WHERE "ProductSearch" MATCH ${fts5Query(terms, "OR")} AND p."status" = 'ACTIVE'`;
  // `h`: what search finds, with each word's test on the name (n0, n1, …) and on all the text (a0,
  // a1, …); `t`: those that could fit (productFits's test: a word in the name or the category's
  // name, two thirds of the words in the text, or in the request's category), with their masks.
  const ctes: Prisma.Sql[] = [];
  if (searched && byWords) {
    const test = (column: Prisma.Sql, weight: (i: number) => number) =>
      Prisma.join(
        words.map((word, i) => Prisma.sql`${weight(i)} * ${startsAWord(column, word)}`),
        " + ",
      );
    const name = Prisma.sql`p."searchName"`;
    const all = Prisma.sql`p."searchText"`;
    const fitsByCategory = [...new Set([...tree.named(words), ...categoryIds])];
    ctes.push(
      Prisma.sql`"t" AS MATERIALIZED (SELECT p."id" AS "hit", p."groupId", ${test(name, (i) => 2 ** i)} AS "nameFound",
        ${test(all, (i) => 2 ** i)} AS "allFound" ${searched}
        AND (${test(name, () => 1)} > 0
          ${fitsByCategory.length > 0 ? Prisma.sql`OR p."categoryId" IN (${Prisma.join(fitsByCategory)})` : Prisma.empty}
          OR 3 * (${test(all, () => 1)}) >= ${2 * words.length}))`,
    );
  } else if (searched) {
    ctes.push(Prisma.sql`"t" AS MATERIALIZED (SELECT p."id" AS "hit", p."groupId" ${searched})`);
  }
  const groupsWith: Prisma.Sql[] = [];
  if (searched) groupsWith.push(Prisma.sql`SELECT "groupId", 0 AS "exact" FROM "t"`);
  if (categoryIds.length > 0) {
    groupsWith.push(Prisma.sql`SELECT p."groupId", CASE WHEN p."categoryId" = ${facts.categoryId} THEN 1 ELSE 0 END
      FROM "Product" p WHERE ${inCategory} AND p."status" = 'ACTIVE'`);
  }
  ctes.push(Prisma.sql`"x" AS MATERIALIZED (SELECT "groupId", MAX("exact") AS "exact"
    FROM (${Prisma.join(groupsWith, " UNION ALL ")}) "w" GROUP BY "groupId")`);
  const box =
    facts.latitude === null || facts.longitude === null
      ? null
      : boxAround(facts.latitude, facts.longitude, Math.min(facts.maxKm ?? MAX_DISTANCE_KM, MAX_DISTANCE_KM));
  const near = box
    ? Prisma.sql`(a."latitude" IS NULL OR a."longitude" IS NULL OR (a."latitude" BETWEEN ${box.south} AND ${box.north}
        AND a."longitude" BETWEEN ${box.west} AND ${box.east}))`
    : Prisma.sql`1 = 1`;
  ctes.push(Prisma.sql`"f" AS MATERIALIZED (SELECT g."id" FROM "Group" g JOIN "Area" a ON a."id" = g."villageId"
    WHERE g."verifiedAt" IS NOT NULL AND g."suspendedAt" IS NULL AND ${near}
      AND g."id" IN (SELECT "groupId" FROM ${Prisma.raw(byWords ? `"t"` : `"x"`)}))`);
  const products = byWords
    ? Prisma.sql`SELECT ${productColumns(
        { name: Prisma.sql`COALESCE(t."nameFound", 0)`, all: Prisma.sql`COALESCE(t."allFound", 0)` },
        now,
      )}
      FROM "Product" p LEFT JOIN "t" ON t."hit" = p."id"
      WHERE p."groupId" IN (SELECT "id" FROM "f") AND p."status" = 'ACTIVE' AND (t."hit" IS NOT NULL OR ${inCategory})`
    : Prisma.sql`SELECT ${productColumns(null, now)}
      FROM "Product" p
      WHERE p."groupId" IN (SELECT "id" FROM "f") AND p."status" = 'ACTIVE'
        AND (${searched ? Prisma.sql`p."id" IN (SELECT "hit" FROM "t") OR ` : Prisma.empty}${inCategory})`;
  const rows = await db.$queryRaw<CandidateRow[]>(
    Prisma.sql`WITH ${Prisma.join(ctes, ", ")}
      ${products}
      UNION ALL
      SELECT ${groupColumns(
        Prisma.sql`x."exact"`,
        Prisma.sql`CASE WHEN x."groupId" IN (SELECT "id" FROM "f") THEN 1 ELSE 0 END`,
      )}
      FROM "x" JOIN "Group" g ON g."id" = x."groupId" JOIN "Area" a ON a."id" = g."villageId"
      WHERE g."verifiedAt" IS NOT NULL AND g."suspendedAt" IS NULL`,
  );
  const full = toCandidates(rows, tree, words);
  const outlines = rows
    .filter((row) => row.id === null && Number(row.inFull) === 0)
    .map((row) => ({
      id: row.groupId,
      name: row.groupName as string,
      areaPath: row.areaPath as string,
      latitude: row.latitude === null ? null : Number(row.latitude),
      longitude: row.longitude === null ? null : Number(row.longitude),
      categoryFit: Number(row.exact) === 1 ? 1 : 0.5,
    }));
  return { full, outlines };
}

/**
 * The products of these outlined groups in the request's category (or below), in full: see
 * rankCandidates. Search found none of them, so none has a word of the request.
 */
async function readGroups(
  facts: RequestFacts,
  groupIds: string[],
  now: Date,
  tree: CategoryTree,
): Promise<Candidate[]> {
  if (!facts.categoryId) return [];
  const categoryIds = [...tree.descendants(facts.categoryId)];
  const none = Prisma.sql`0`;
  const rows = await inChunks(groupIds, (chunk) =>
    db.$queryRaw<CandidateRow[]>(
      Prisma.sql`SELECT ${productColumns({ name: none, all: none }, now)}
        FROM "Product" p WHERE p."status" = 'ACTIVE' AND p."groupId" IN (${Prisma.join(chunk)})
          AND p."categoryId" IN (${Prisma.join(categoryIds)})
        UNION ALL
        SELECT ${groupColumns(Prisma.sql`NULL`, Prisma.sql`1`)}
        FROM "Group" g JOIN "Area" a ON a."id" = g."villageId" WHERE g."id" IN (${Prisma.join(chunk)})`,
    ),
  );
  return toCandidates(rows, tree, informativeWords(facts.words));
}

/** The groups read in full (their own rows marked inFull) with their products' rows. */
function toCandidates(rows: CandidateRow[], tree: CategoryTree, words: string[]): Candidate[] {
  // The name the words are matched against (nameText) holds the category's name too.
  const foundInCategory = new Map<string, number>();
  const categoryFound = (categoryId: string) => {
    let mask = foundInCategory.get(categoryId);
    if (mask === undefined) {
      const nameWords = tree.searchName(categoryId).split(" ");
      mask = words.reduce(
        (found, word, i) =>
          nameWords.some((nameWord) => nameWord.startsWith(word)) ? found | (2 ** i) : found,
        0,
      );
      foundInCategory.set(categoryId, mask);
    }
    return mask;
  };
  const groups = new Map<string, Candidate>();
  for (const row of rows) {
    if (row.id !== null || Number(row.inFull) !== 1) continue;
    groups.set(row.groupId, {
      id: row.groupId,
      name: row.groupName as string,
      areaPath: row.areaPath as string,
      latitude: row.latitude === null ? null : Number(row.latitude),
      longitude: row.longitude === null ? null : Number(row.longitude),
      verifiedAt: new Date(row.verifiedAt as Date | string | number),
      products: [],
      completedOrders: 0,
      onTimeOrders: 0,
      ratingAverage: null,
      ratingCount: 0,
      recentInvites: 0,
    });
  }
  for (const row of rows) {
    if (row.id === null) continue;
    const group = groups.get(row.groupId);
    if (!group) continue;
    const categoryId = row.categoryId as string;
    group.products.push({
      id: row.id,
      name: row.name as string,
      categoryPath: tree.path(categoryId),
      nameText: `${row.searchName} ${tree.searchName(categoryId)}`,
      searchText: row.searchText ?? "",
      found:
        row.nameFound === null || row.allFound === null
          ? undefined
          : { name: Number(row.nameFound) | categoryFound(categoryId), all: Number(row.allFound) },
      supplyMode: row.supplyMode as "READY_STOCK" | "MADE_TO_ORDER",
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
 * ratings, requests matched in the last 30 days — for these groups, in one statement a chunk.
 */
async function addRecords(groups: GroupFacts[], now: Date) {
  const ids = groups.map((group) => group.id);
  if (ids.length === 0) return;
  const since = new Date(now.getTime() - RECENT_DAYS * DAY);
  const real = Prisma.raw(dbKind === "postgres" ? "DOUBLE PRECISION" : "REAL");
  const rows = await inChunks(ids, (chunk) =>
    db.$queryRaw<{ groupId: string; kind: string; a: number | null; b: number | null; c: number | null }[]>(
      Prisma.sql`SELECT r."groupId", 'record' AS "kind", CAST(r."completed" AS ${real}) AS "a",
          CAST(r."delivered" AS ${real}) AS "b", CAST(r."onTime" AS ${real}) AS "c"
        FROM (${trackRecordCounts(chunk)}) r
        UNION ALL
        SELECT o."groupId", 'rating', CAST(AVG(r."score") AS ${real}), CAST(COUNT(*) AS ${real}), NULL
        FROM "Rating" r JOIN "Order" o ON o."id" = r."orderId"
        WHERE o."groupId" IN (${Prisma.join(chunk)}) GROUP BY o."groupId"
        UNION ALL
        SELECT "groupId", 'invites', CAST(COUNT(*) AS ${real}), NULL, NULL FROM "RequestRecipient"
        WHERE "groupId" IN (${Prisma.join(chunk)}) AND "source" = 'MATCHED' AND "createdAt" >= ${since}
        GROUP BY "groupId"`,
    ),
  );
  const rowOf = (kind: string) =>
    new Map(rows.filter((row) => row.kind === kind).map((row) => [row.groupId, row]));
  const [records, ratings, invites] = [rowOf("record"), rowOf("rating"), rowOf("invites")];
  for (const group of groups) {
    const record = records.get(group.id);
    const rating = ratings.get(group.id);
    const { completed, onTime } = record
      ? trackRecordOf({ completed: record.a ?? 0, delivered: record.b ?? 0, onTime: record.c ?? 0 })
      : { completed: 0, onTime: 0 };
    group.completedOrders = completed;
    group.onTimeOrders = onTime;
    group.ratingAverage = rating?.a === null || rating?.a === undefined ? null : Number(rating.a);
    group.ratingCount = Number(rating?.b ?? 0);
    group.recentInvites = Number(invites.get(group.id)?.a ?? 0);
  }
}

export type CategoryTree = {
  /** The category and its parents up to the root. */
  path(id: string): string[];
  /** The category's Indonesian name as search sees it. */
  searchName(id: string): string;
  /** The category and every category below it. */
  descendants(id: string): Set<string>;
  /** The categories with a word in their name that one of these words starts. */
  named(words: string[]): string[];
};

async function categoryTree(): Promise<CategoryTree> {
  const rows = await db.$queryRaw<{ id: string; parentId: string | null; nameId: string }[]>(
    Prisma.sql`SELECT "id", "parentId", "nameId" FROM "Category"`,
  );
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
    named(words) {
      return rows
        .filter((row) => {
          const nameWords = (names.get(row.id) ?? "").split(" ");
          return words.some((word) => nameWords.some((nameWord) => nameWord.startsWith(word)));
        })
        .map((row) => row.id);
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
