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

/**
 * The catalog search, the same on SQLite (FTS5) and PostgreSQL (full-text, 'simple'): every word
 * must start a word of the product's text (see search-text.ts), filters narrow it, and results
 * whose name matches more of the words come first, then the newest.
 */
export async function searchCatalog(query: CatalogQuery, now = new Date()) {
  const terms = queryTerms(query.text ?? "");
  const conditions: Prisma.Sql[] = [Prisma.sql`p."status" = 'ACTIVE'`];
  // SQLite starts from the FTS5 index and joins products by rowid; PostgreSQL uses its GIN index.
  let from = Prisma.sql`"Product" p`;
  if (terms.length > 0 && dbKind === "postgres") {
    conditions.push(
      Prisma.sql`to_tsvector('simple', p."searchText") @@ to_tsquery('simple', ${tsQuery(terms)})`,
    );
  } else if (terms.length > 0) {
    from = Prisma.sql`"ProductSearch" JOIN "Product" p ON p."rowid" = "ProductSearch"."rowid"`;
    conditions.push(Prisma.sql`"ProductSearch" MATCH ${fts5Query(terms)}`);
  }
  if (query.categorySlug) {
    conditions.push(Prisma.sql`p."categoryId" IN (
      SELECT c."id" FROM "Category" c LEFT JOIN "Category" parent ON parent."id" = c."parentId"
      WHERE c."slug" = ${query.categorySlug} OR parent."slug" = ${query.categorySlug})`);
  }
  if (query.areaPath) {
    conditions.push(Prisma.sql`p."groupId" IN (
      SELECT g."id" FROM "Group" g JOIN "Area" a ON a."id" = g."villageId" WHERE a."path" LIKE ${`${query.areaPath}%`})`);
  }
  if (query.priceMin !== undefined) conditions.push(Prisma.sql`p."price" >= ${query.priceMin}`);
  if (query.priceMax !== undefined) conditions.push(Prisma.sql`p."price" <= ${query.priceMax}`);
  if (query.maxMinOrder !== undefined)
    conditions.push(Prisma.sql`p."minOrderQuantity" <= ${query.maxMinOrder}`);
  if (query.readyStockOnly) {
    conditions.push(Prisma.sql`p."supplyMode" = 'READY_STOCK' AND p."stock" >= p."minOrderQuantity"`);
  }
  if (query.deliverBy) conditions.push(canDeliverBy(query.deliverBy, now));
  const where = Prisma.join(conditions, " AND ");

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
  // "Nearest" needs a place to measure from; without one the newest come first.
  const sort = requested === "nearest" && !query.near ? "newest" : requested;
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
  // Counting every match costs as much as finding them; past COUNT_CAP the page says "1.000+".
  const [countRows, idRows] = await Promise.all([
    db.$queryRaw<{ total: number | bigint }[]>(
      Prisma.sql`SELECT COUNT(*) AS "total" FROM (SELECT 1 FROM ${from} WHERE ${where} LIMIT ${COUNT_CAP + 1}) counted`,
    ),
    db.$queryRaw<{ id: string }[]>(
      Prisma.sql`SELECT p."id" FROM ${from} WHERE ${where} ORDER BY ${order} LIMIT ${CATALOG_PAGE_SIZE} OFFSET ${offset}`,
    ),
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
