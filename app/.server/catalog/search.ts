import { earliestArrival, wibDateKey, wibWeekKey } from "~/utils/delivery";
import { db, dbKind, Prisma } from "../db/client";
import { fts5Query, queryTerms, tsQuery } from "./search-text";
import { CATALOG_PAGE_SIZE, productCards } from "./products";

export const CATALOG_SORTS = ["relevance", "newest", "price_asc", "price_desc", "nearest"] as const;
export type CatalogSort = (typeof CATALOG_SORTS)[number];

export type CatalogQuery = {
  text?: string;
  categorySlug?: string;
  /** Path of a district or village ("32/32.17/32.17.06/"): groups inside it. */
  areaPath?: string;
  priceMin?: number;
  priceMax?: number;
  /** Only products whose minimum order is at most this. */
  maxMinOrder?: number;
  readyStockOnly?: boolean;
  /** Only products the group can make and send by this date (lead time, stock, weekly capacity). */
  deliverBy?: Date;
  sort?: CatalogSort;
  /** Where the buyer is, for "nearest" (their business's village). */
  near?: { latitude: number; longitude: number };
  page: number;
};

/** Longer than any lead time a listing may have: a date further away only needs the longest. */
const MAX_LEAD_DAYS = 400;
/** Matches counted at most; a buyer refines a search long before page 42. */
export const COUNT_CAP = 1000;

/**
 * Products that can arrive by `date` for their minimum order: ready stock with enough on hand and
 * a short enough lead time; made to order with a week, from the first the lead time allows up to
 * the week of `date`, that still has room for the minimum (weekly capacity, see orders/capacity).
 */
function canDeliverBy(date: Date, now: Date): Prisma.Sql {
  const lastDay = wibDateKey(date);
  // The weeks in reach, each with the longest lead time that still arrives inside it by `date`.
  const weeks: { week: string; maxLead: number }[] = [];
  for (let lead = 0; lead <= MAX_LEAD_DAYS && wibDateKey(earliestArrival(now, lead)) <= lastDay; lead++) {
    const week = wibWeekKey(earliestArrival(now, lead));
    const last = weeks.at(-1);
    if (last?.week === week) last.maxLead = lead;
    else weeks.push({ week, maxLead: lead });
  }
  if (weeks.length === 0) return Prisma.sql`1 = 0`;
  const maxLead = weeks.at(-1)?.maxLead ?? 0;
  const inReach = Prisma.join(
    weeks.map(
      ({ week, maxLead: lead }) =>
        Prisma.sql`SELECT CAST(${week} AS TEXT) AS "week", CAST(${lead} AS INTEGER) AS "maxLead"`,
    ),
    " UNION ALL ",
  );
  return Prisma.sql`p."leadTimeDays" <= ${maxLead} AND (
    (p."supplyMode" = 'READY_STOCK' AND p."stock" >= p."minOrderQuantity")
    OR (p."supplyMode" = 'MADE_TO_ORDER' AND (p."capacityPerWeek" IS NULL OR EXISTS (
      SELECT 1 FROM (${inReach}) w
      WHERE p."leadTimeDays" <= w."maxLead"
        AND p."capacityPerWeek" - COALESCE((SELECT b."booked" FROM "CapacityBooking" b
          WHERE b."productId" = p."id" AND b."week" = w."week"), 0) >= p."minOrderQuantity"))))`;
}

/** Below this many matches, reading them all costs less than counting what a walk would need. */
const WALK_FROM_MATCHES = 5000;

/**
 * SQLite's two ways to the products matching an FTS5 query, newest first (PostgreSQL plans for
 * itself; the results are the same either way, only the cost differs):
 * - matches first: read every product the index matches, then sort them. The cost grows with the
 *   matches; a broad word like "keripik" matches a fifth of the catalog.
 * - walk: go through the products newest first, keep those in the index's match set, stop when
 *   the page is full. The cost grows with how far the walk goes, about (end of the page) ×
 *   products ÷ matches, so it suits broad words and is slow for rare ones.
 * Relevance is taken as one branch per name score (an FTS5 query over the name column each; the
 * branches split the matches), each branch its cheaper way, merged. Beyond two words the branches
 * multiply, so those, prices and distance are sorted matches first in one query. Returns null for
 * that one query. `plan` forces a way, for tests.
 */
async function sqliteBranches(
  terms: string[][],
  sort: CatalogSort,
  pageEnd: number,
  hasFilters: boolean,
  plan: SearchPlan,
): Promise<{ match: string; score: number; walk: boolean }[] | null> {
  if (plan === "matches-first" || (sort !== "newest" && sort !== "relevance")) return null;
  if (sort === "relevance" && terms.length > 2) return null;
  // Other filters thin the matches out by an amount only the query would tell: matches first.
  if (plan === "auto" && hasFilters) return null;
  const all = fts5Query(terms);
  const nameAll = `name : (${all})`;
  const nameAny = `name : (${fts5Query(terms, "OR")})`;
  const none = { match: `(${all}) NOT (${nameAny})`, score: 0 };
  const branches =
    sort === "newest"
      ? [{ match: all, score: 0 }]
      : terms.length === 1
        ? [{ match: nameAll, score: 1 }, none]
        : [
            { match: nameAll, score: 2 },
            { match: `(${all}) AND ((${nameAny}) NOT (${nameAll}))`, score: 1 },
            none,
          ];
  if (plan === "order-first") return branches.map((branch) => ({ ...branch, walk: true }));

  const count = (match: string) =>
    Prisma.sql`(SELECT COUNT(*) FROM "ProductSearch" WHERE "ProductSearch" MATCH ${match})`;
  const [totals] = await db.$queryRaw<{ matches: number | bigint; products: number | bigint }[]>(
    Prisma.sql`SELECT ${count(all)} AS "matches", (SELECT COUNT(*) FROM "Product") AS "products"`,
  );
  const matches = Number(totals?.matches ?? 0);
  const products = Number(totals?.products ?? 0);
  const walkPays = (size: number) => size * size > pageEnd * products;
  if (matches < WALK_FROM_MATCHES || !walkPays(matches)) return null;
  // The last branch's size is what the others leave of the matches.
  const sizes: number[] = [];
  if (branches.length > 1) {
    const [counted] = await db.$queryRaw<Record<string, number | bigint>[]>(
      Prisma.sql`SELECT ${Prisma.join(
        branches.slice(0, -1).map(({ match }, i) => Prisma.sql`${count(match)} AS ${Prisma.raw(`"b${i}"`)}`),
      )}`,
    );
    branches.slice(0, -1).forEach((_, i) => sizes.push(Number(counted?.[`b${i}`] ?? 0)));
  }
  sizes.push(matches - sizes.reduce((sum, size) => sum + size, 0));
  return branches.map((branch, i) => ({ ...branch, walk: walkPays(sizes[i] ?? 0) }));
}

export type SearchPlan = "auto" | "matches-first" | "order-first";

/**
 * The catalog search, the same on SQLite (FTS5) and PostgreSQL (full-text, 'simple'): every word
 * must start a word of the product's text (see search-text.ts), filters narrow it, and results
 * whose name matches more of the words come first, then the newest. `plan` is for tests.
 */
export async function searchCatalog(query: CatalogQuery, now = new Date(), plan: SearchPlan = "auto") {
  const terms = queryTerms(query.text ?? "");
  // Groups TKM suspended are hidden from buyers (one look-up of the product's group by its key).
  const filters: Prisma.Sql[] = [
    Prisma.sql`p."status" = 'ACTIVE'`,
    Prisma.sql`NOT EXISTS (SELECT 1 FROM "Group" s WHERE s."id" = p."groupId" AND s."suspendedAt" IS NOT NULL)`,
  ];
  if (query.categorySlug) {
    filters.push(Prisma.sql`p."categoryId" IN (
      SELECT c."id" FROM "Category" c LEFT JOIN "Category" parent ON parent."id" = c."parentId"
      WHERE c."slug" = ${query.categorySlug} OR parent."slug" = ${query.categorySlug})`);
  }
  if (query.areaPath) {
    filters.push(Prisma.sql`p."groupId" IN (
      SELECT g."id" FROM "Group" g JOIN "Area" a ON a."id" = g."villageId" WHERE a."path" LIKE ${`${query.areaPath}%`})`);
  }
  if (query.priceMin !== undefined) filters.push(Prisma.sql`p."price" >= ${query.priceMin}`);
  if (query.priceMax !== undefined) filters.push(Prisma.sql`p."price" <= ${query.priceMax}`);
  if (query.maxMinOrder !== undefined) filters.push(Prisma.sql`p."minOrderQuantity" <= ${query.maxMinOrder}`);
  if (query.readyStockOnly) {
    filters.push(Prisma.sql`p."supplyMode" = 'READY_STOCK' AND p."stock" >= p."minOrderQuantity"`);
  }
  if (query.deliverBy) filters.push(canDeliverBy(query.deliverBy, now));

  // SQLite starts from the FTS5 index and joins products by rowid; PostgreSQL uses its GIN index.
  let from = Prisma.sql`"Product" p`;
  let textMatch: Prisma.Sql[] = [];
  if (terms.length > 0 && dbKind === "postgres") {
    textMatch = [
      Prisma.sql`to_tsvector('simple', p."searchText") @@ to_tsquery('simple', ${tsQuery(terms)})`,
    ];
  } else if (terms.length > 0) {
    from = Prisma.sql`"ProductSearch" JOIN "Product" p ON p."rowid" = "ProductSearch"."rowid"`;
    textMatch = [Prisma.sql`"ProductSearch" MATCH ${fts5Query(terms)}`];
  }
  const where = Prisma.join([...textMatch, ...filters], " AND ");

  // How many of the words start a word of the name: the relevance, computed the same on both.
  const nameScore =
    terms.length > 0
      ? Prisma.join(
          terms.map(
            (alternatives) =>
              Prisma.sql`(CASE WHEN ${Prisma.join(
                alternatives.map((prefix) => Prisma.sql`(' ' || p."searchName") LIKE ${`% ${prefix}%`}`),
                " OR ",
              )} THEN 1 ELSE 0 END)`,
          ),
          " + ",
        )
      : Prisma.sql`0`;
  const requested = query.sort ?? (terms.length > 0 ? "relevance" : "newest");
  // "Nearest" needs a place to measure from and "relevance" words to weigh; without them the newest
  // come first (a relevance of constant 0 would also read as ORDER BY column 0, which both refuse).
  const sort =
    (requested === "nearest" && !query.near) || (requested === "relevance" && terms.length === 0)
      ? "newest"
      : requested;
  const near = query.near;
  // Squared distance in degrees: at the scale of a regency it orders villages as kilometres would.
  const distance = near
    ? Prisma.sql`(SELECT (a."latitude" - ${near.latitude}) * (a."latitude" - ${near.latitude}) + (a."longitude" - ${near.longitude}) * (a."longitude" - ${near.longitude})
        FROM "Group" g JOIN "Area" a ON a."id" = g."villageId" WHERE g."id" = p."groupId")`
    : Prisma.sql`0`;
  const order =
    sort === "nearest"
      ? Prisma.sql`${distance} ASC NULLS LAST, p."createdAt" DESC, p."id" ASC`
      : sort === "price_asc"
        ? Prisma.sql`p."price" ASC, p."id" ASC`
        : sort === "price_desc"
          ? Prisma.sql`p."price" DESC, p."id" ASC`
          : sort === "relevance"
            ? Prisma.sql`(${nameScore}) DESC, p."createdAt" DESC, p."id" ASC`
            : Prisma.sql`p."createdAt" DESC, p."id" ASC`;

  const offset = (query.page - 1) * CATALOG_PAGE_SIZE;
  const pageEnd = offset + CATALOG_PAGE_SIZE;
  const branches =
    dbKind === "sqlite" && terms.length > 0
      ? await sqliteBranches(terms, sort, pageEnd, filters.length > 1, plan)
      : null;
  const filtered = Prisma.join(filters, " AND ");
  const page = branches
    ? Prisma.sql`SELECT "id" FROM (${Prisma.join(
        branches.map(({ match, score, walk }) =>
          walk
            ? Prisma.sql`SELECT * FROM (SELECT p."id", p."createdAt", ${score} AS "score" FROM "Product" p
                WHERE p."rowid" IN (SELECT "rowid" FROM "ProductSearch" WHERE "ProductSearch" MATCH ${match})
                  AND ${filtered}
                ORDER BY p."createdAt" DESC, p."id" ASC LIMIT ${pageEnd})`
            : Prisma.sql`SELECT * FROM (SELECT p."id", p."createdAt", ${score} AS "score"
                FROM "ProductSearch" JOIN "Product" p ON p."rowid" = "ProductSearch"."rowid"
                WHERE "ProductSearch" MATCH ${match} AND ${filtered}
                ORDER BY p."createdAt" DESC, p."id" ASC LIMIT ${pageEnd})`,
        ),
        " UNION ALL ",
      )}) branches ORDER BY "score" DESC, "createdAt" DESC, "id" ASC LIMIT ${CATALOG_PAGE_SIZE} OFFSET ${offset}`
    : Prisma.sql`SELECT p."id" FROM ${from} WHERE ${where} ORDER BY ${order} LIMIT ${CATALOG_PAGE_SIZE} OFFSET ${offset}`;
  // Counting every match costs as much as finding them; past COUNT_CAP the page says "1.000+".
  const [countRows, idRows] = await Promise.all([
    db.$queryRaw<{ total: number | bigint }[]>(
      Prisma.sql`SELECT COUNT(*) AS "total" FROM (SELECT 1 FROM ${from} WHERE ${where} LIMIT ${COUNT_CAP + 1}) counted`,
    ),
    db.$queryRaw<{ id: string }[]>(page),
  ]);
  const counted = Number(countRows[0]?.total ?? 0);
  const total = Math.min(counted, COUNT_CAP);
  return {
    total,
    moreThanTotal: counted > COUNT_CAP,
    sort,
    pageCount: Math.max(1, Math.ceil(total / CATALOG_PAGE_SIZE)),
    products: await productCards(idRows.map((row) => row.id)),
  };
}
