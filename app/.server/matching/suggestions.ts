import type { MessageKey, MessageParams } from "~/locales";
import { audit } from "../audit/audit";
import { db, dbKind, Prisma, type ProductUnit, type Tx } from "../db/client";
import { notifyBusinessUsers } from "../notifications/notifications";
import { wibDateKey } from "~/utils/delivery";
import { distanceKm, MAX_DISTANCE_KM } from "./score";
import {
  buyerInterests,
  categoriesToSearch,
  categoryPath,
  INTRODUCTION_INTERVAL_DAYS,
  nextIntroductionAt,
  rankBusinessSuggestions,
  rankGroupSuggestions,
  shortlistGroups,
  suggestionContenders,
  unmetReason,
  type CandidateBusiness,
  type CandidateGroup,
  type CategoryNode,
  type GroupDetails,
  type GroupRecord,
  type UnmetReason,
} from "./suggest";

// Gathers the facts for suggestions (matching/suggest.ts decides) and records introductions.
// Decision 015 says what may be shown to whom: a group sees of a business only its public name,
// kind and village — never its phone, address, amounts or the groups it bought from.

const DAY = 24 * 60 * 60 * 1000;
/** The buyer's latest orders read for its interests: enough for a year of a busy shop. */
const RECENT_ORDERS = 200;
/** The introduction's audit action; also what the once-per-30-days rule counts. */
export const INTRODUCE_ACTION = "suggest.introduce";

type Place = { latitude: number | null; longitude: number | null; path: string };

/**
 * Villages within reach of a place, as an SQL condition on the Area alias `v`: a box of
 * MAX_DISTANCE_KM around it (the exact distance is checked after), and villages without
 * coordinates in the same regency. A place without coordinates: its regency.
 */
function withinReach(place: Place): Prisma.Sql {
  const regency = `${place.path.split("/").slice(0, 2).join("/")}/`;
  if (place.latitude === null || place.longitude === null) return Prisma.sql`v."path" LIKE ${`${regency}%`}`;
  const dLat = (MAX_DISTANCE_KM + 1) / 111;
  const dLon = (MAX_DISTANCE_KM + 1) / (111 * Math.max(0.2, Math.cos((place.latitude * Math.PI) / 180)));
  return Prisma.sql`((v."latitude" BETWEEN ${place.latitude - dLat} AND ${place.latitude + dLat}
    AND v."longitude" BETWEEN ${place.longitude - dLon} AND ${place.longitude + dLon})
    OR (v."latitude" IS NULL AND v."path" LIKE ${`${regency}%`}))`;
}

async function categoryTree() {
  return db.category.findMany({
    select: { id: true, slug: true, parentId: true, nameId: true, nameEn: true },
  });
}

export type CategoryName = { id: string; nameId: string; nameEn: string };

// ---------------------------------------------------------------- for buyers

/**
 * "Kelompok yang cocok untuk usaha Anda": verified groups near the business that make what it
 * buys (or, with no orders yet, what its kind of business usually buys), best first.
 */
export async function suggestGroupsForBuyer(
  tenant: { businessId: string },
  options: { limit?: number; now?: Date } = {},
) {
  const now = options.now ?? new Date();
  const limit = options.limit ?? 4;
  // Everything about the buyer at once; two plain queries for its orders (nested reads of orders
  // with their lines cost several times more here).
  const [business, purchaseRows, suppliers, categories] = await Promise.all([
    db.business.findUnique({
      where: { id: tenant.businessId },
      select: { kind: true, village: { select: { latitude: true, longitude: true, path: true } } },
    }),
    db.$queryRaw<{ categoryId: string; lineTotal: unknown; placedAt: Date | string }[]>(Prisma.sql`
      SELECT p."categoryId", i."lineTotal", o."placedAt"
      FROM (SELECT "id", "placedAt" FROM "Order"
        WHERE "businessId" = ${tenant.businessId} AND "status" NOT IN ('REJECTED', 'CANCELLED')
        ORDER BY "placedAt" DESC LIMIT ${RECENT_ORDERS}) o
      JOIN "OrderItem" i ON i."orderId" = o."id"
      JOIN "Product" p ON p."id" = i."productId"`),
    db.$queryRaw<{ groupId: string }[]>(Prisma.sql`
      SELECT DISTINCT "groupId" FROM "Order"
      WHERE "businessId" = ${tenant.businessId} AND "status" NOT IN ('REJECTED', 'CANCELLED')`),
    categoryTree(),
  ]);
  if (!business) return { suggestions: [], categories: [] as CategoryName[], fromOrders: false };
  const purchases = purchaseRows.map((row) => ({
    categoryId: row.categoryId,
    amount: Number(row.lineTotal),
    placedAt: new Date(row.placedAt),
  }));
  const interests = buyerInterests(purchases, business.kind, categories, now);
  const wanted = categoriesToSearch(interests, categories);
  const candidates = await candidateGroups(business.village, wanted, categories);
  const shortlisted = shortlistGroups(
    {
      latitude: business.village.latitude,
      longitude: business.village.longitude,
      interests,
      boughtFrom: new Set(suppliers.map((supplier) => supplier.groupId)),
    },
    candidates,
  );
  // Orders are read only for the groups that can still be shown (their records can reorder them).
  const contenders = suggestionContenders(shortlisted, limit);
  const ids = contenders.map((group) => group.id);
  const [details, records] = await Promise.all([groupDetails(ids), groupRecords(ids)]);
  const suggestions = rankGroupSuggestions(contenders, details, records, now, limit);
  const shown = new Set(suggestions.map((suggestion) => suggestion.fit.categoryId));
  return {
    suggestions,
    categories: categories
      .filter((category) => shown.has(category.id))
      .map(({ id, nameId, nameEn }) => ({ id, nameId, nameEn })),
    fromOrders: purchases.length > 0,
  };
}

/**
 * Verified groups within reach with an active product in one of the categories: where each is and
 * what it makes, in one aggregate query.
 */
async function candidateGroups(place: Place, categoryIds: string[], categories: CategoryNode[]) {
  if (categoryIds.length === 0) return [];
  // One row per group, its categories joined as "id:count,…": a row per group and category costs
  // several times more to read through the driver when a thousand groups are in reach.
  const joined =
    dbKind === "postgres"
      ? Prisma.sql`STRING_AGG(x."categoryId" || ':' || CAST(x."products" AS TEXT), ',')`
      : Prisma.sql`GROUP_CONCAT(x."categoryId" || ':' || CAST(x."products" AS TEXT), ',')`;
  const rows = await db.$queryRaw<
    {
      groupId: string;
      made: string;
      latitude: number | null;
      longitude: number | null;
      verifiedAt: Date | string;
    }[]
  >(Prisma.sql`
    SELECT x."groupId", ${joined} AS "made", v."latitude", v."longitude", g."verifiedAt"
    FROM (
      SELECT p."groupId", p."categoryId", COUNT(*) AS "products"
      FROM "Product" p
      WHERE p."status" = 'ACTIVE' AND p."categoryId" IN (${Prisma.join(categoryIds)})
      GROUP BY p."groupId", p."categoryId"
    ) x
    JOIN "Group" g ON g."id" = x."groupId"
    JOIN "Area" v ON v."id" = g."villageId"
    WHERE g."verifiedAt" IS NOT NULL AND g."suspendedAt" IS NULL AND ${withinReach(place)}
    GROUP BY x."groupId", v."latitude", v."longitude", g."verifiedAt"`);
  const byId = new Map(categories.map((category) => [category.id, category]));
  return rows.map((row): CandidateGroup => ({
    id: row.groupId,
    latitude: row.latitude === null ? null : Number(row.latitude),
    longitude: row.longitude === null ? null : Number(row.longitude),
    verifiedAt: new Date(row.verifiedAt),
    categories: row.made
      .split(",")
      .map((entry) => {
        const [categoryId = "", products = "0"] = entry.split(":");
        return { categoryId, path: categoryPath(categoryId, byId), products: Number(products) };
      })
      .sort((a, b) => b.products - a.products || a.categoryId.localeCompare(b.categoryId)),
  }));
}

/** Name, page, WhatsApp number and village of the shortlisted groups: what the buyer sees. */
async function groupDetails(groupIds: string[]): Promise<Map<string, GroupDetails>> {
  if (groupIds.length === 0) return new Map();
  const groups = await db.group.findMany({
    where: { id: { in: groupIds } },
    select: { id: true, name: true, slug: true, phone: true, village: { select: { name: true } } },
  });
  return new Map(
    groups.map((group) => [
      group.id,
      { name: group.name, slug: group.slug, phone: group.phone, villageName: group.village.name },
    ]),
  );
}

/**
 * Finished and on-time orders, ratings and distinct buyers of a few groups, in one aggregate
 * statement. On time: delivered by the wanted-by date (orders without one do not count either
 * way). Ratings count on every order of the group, as the matcher counts them.
 */
async function groupRecords(groupIds: string[]): Promise<Map<string, GroupRecord>> {
  const records = new Map<string, GroupRecord>();
  if (groupIds.length === 0) return records;
  const rows = await db.$queryRaw<
    {
      groupId: string;
      completed: unknown;
      onTime: unknown;
      buyers: unknown;
      average: unknown;
      rated: unknown;
    }[]
  >(Prisma.sql`
    SELECT o."groupId",
      SUM(CASE WHEN o."status" = 'COMPLETED' THEN 1 ELSE 0 END) AS "completed",
      SUM(CASE WHEN o."status" = 'COMPLETED' AND o."deliveredAt" IS NOT NULL AND o."wantedBy" IS NOT NULL
        AND o."deliveredAt" <= o."wantedBy" THEN 1 ELSE 0 END) AS "onTime",
      COUNT(DISTINCT CASE WHEN o."status" NOT IN ('REJECTED', 'CANCELLED') THEN o."businessId" END) AS "buyers",
      AVG(r."score") AS "average",
      COUNT(r."score") AS "rated"
    FROM "Order" o LEFT JOIN "Rating" r ON r."orderId" = o."id"
    WHERE o."groupId" IN (${Prisma.join(groupIds)})
    GROUP BY o."groupId"`);
  const byGroup = new Map(rows.map((row) => [row.groupId, row]));
  for (const id of groupIds) {
    const row = byGroup.get(id);
    const ratingCount = Number(row?.rated ?? 0);
    records.set(id, {
      completedOrders: Number(row?.completed ?? 0),
      onTimeOrders: Number(row?.onTime ?? 0),
      buyers: Number(row?.buyers ?? 0),
      ratingAverage: ratingCount > 0 ? Number(row?.average) : null,
      ratingCount,
    });
  }
  return records;
}

// ---------------------------------------------------------------- for groups

/**
 * Businesses that bought (not rejected, not cancelled) in one of the group's active categories
 * from another group and never ordered from this one, among `businesses` (an SQL condition on the
 * Business alias `b`). Per business and category: from how many other groups. One statement;
 * only counts leave the database.
 */
async function buyersOfOthers(
  group: { id: string },
  businesses: Prisma.Sql,
  placeOf: (villageId: string) => { latitude: number | null; longitude: number | null } | undefined,
): Promise<CandidateBusiness[]> {
  // CROSS JOIN keeps SQLite's join order: from the few businesses' orders (their index) to the
  // lines and products, not from every product of the categories. PostgreSQL plans it freely.
  const rows = await db.$queryRaw<
    { businessId: string; villageId: string; categoryId: string; groups: unknown }[]
  >(Prisma.sql`
    SELECT o."businessId", b."villageId", p."categoryId", COUNT(DISTINCT o."groupId") AS "groups"
    FROM "Business" b
    CROSS JOIN "Order" o
    CROSS JOIN "OrderItem" i
    CROSS JOIN "Product" p
    WHERE ${businesses} AND o."businessId" = b."id" AND i."orderId" = o."id" AND p."id" = i."productId"
      AND p."categoryId" IN (SELECT mine."categoryId" FROM "Product" mine
        WHERE mine."groupId" = ${group.id} AND mine."status" = 'ACTIVE')
      AND o."groupId" <> ${group.id}
      AND o."status" NOT IN ('REJECTED', 'CANCELLED')
      AND o."businessId" NOT IN (SELECT mine."businessId" FROM "Order" mine WHERE mine."groupId" = ${group.id})
    GROUP BY o."businessId", b."villageId", p."categoryId"`);
  const byBusiness = new Map<string, CandidateBusiness>();
  for (const row of rows) {
    const category = { categoryId: row.categoryId, groups: Number(row.groups) };
    const known = byBusiness.get(row.businessId);
    if (known) known.categories.push(category);
    else
      byBusiness.set(row.businessId, {
        businessId: row.businessId,
        latitude: placeOf(row.villageId)?.latitude ?? null,
        longitude: placeOf(row.villageId)?.longitude ?? null,
        categories: [category],
      });
  }
  return [...byBusiness.values()];
}

/** Businesses are read for a group's suggestions at most this many (nearest first). */
const MAX_BUSINESSES_READ = 2_000;
/** Villages per statement: well under the SQLite driver's 999 values. */
const VILLAGE_CHUNK = 200;

type Village = { id: string; latitude: number | null; longitude: number | null; businesses: number };

/**
 * Villages with businesses within MAX_DISTANCE_KM of the group's village, in rings of equal
 * distance, nearest first (unknown distance last). A business is as far as its village.
 */
async function villageRings(group: { village: Place }) {
  const rows = await db.$queryRaw<
    { id: string; latitude: number | null; longitude: number | null; businesses: unknown }[]
  >(Prisma.sql`
    SELECT v."id", v."latitude", v."longitude", COUNT(*) AS "businesses"
    FROM "Area" v JOIN "Business" b ON b."villageId" = v."id"
    WHERE ${withinReach(group.village)}
    GROUP BY v."id", v."latitude", v."longitude"`);
  const villages = rows
    .map((row): Village & { distanceKm: number | null } => {
      const place = {
        latitude: row.latitude === null ? null : Number(row.latitude),
        longitude: row.longitude === null ? null : Number(row.longitude),
      };
      return {
        id: row.id,
        ...place,
        businesses: Number(row.businesses),
        distanceKm: distanceKm(group.village, place),
      };
    })
    .filter((village) => village.distanceKm === null || village.distanceKm <= MAX_DISTANCE_KM)
    .sort((a, b) => (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity));
  const rings: (typeof villages)[] = [];
  for (const village of villages) {
    const last = rings[rings.length - 1];
    if (last && last[0]?.distanceKm === village.distanceKm) last.push(village);
    else rings.push([village]);
  }
  return rings;
}

async function groupForSuggestions(groupId: string) {
  const [group, made] = await Promise.all([
    db.group.findUnique({
      where: { id: groupId },
      select: {
        id: true,
        name: true,
        slug: true,
        phone: true,
        village: { select: { latitude: true, longitude: true, path: true } },
      },
    }),
    db.product.groupBy({ by: ["categoryId"], where: { groupId, status: "ACTIVE" } }),
  ]);
  return group ? { ...group, categoryIds: made.map((row) => row.categoryId) } : null;
}

/**
 * "Usaha yang mungkin membeli": businesses that buy what the group makes from other groups and
 * never bought from it, nearest first, with what may be shown of them and nothing more.
 */
export async function suggestBusinessesForGroup(
  tenant: { groupId: string },
  options: { limit?: number; now?: Date } = {},
) {
  const now = options.now ?? new Date();
  const group = await groupForSuggestions(tenant.groupId);
  if (!group) return { suggestions: [], categories: [] as CategoryName[], hasPhone: false };
  const hasPhone = Boolean(group.phone);
  const limit = options.limit ?? 5;
  // Ring by ring, nearest first, until enough buy what the group makes: a busy area's 100,000
  // orders are never read at once, and businesses at the same distance are weighed together.
  const found: CandidateBusiness[] = [];
  if (group.categoryIds.length > 0) {
    let read = 0;
    for (const ring of await villageRings(group)) {
      if (read >= MAX_BUSINESSES_READ) break;
      const placeOf = new Map(ring.map((village) => [village.id, village]));
      for (let start = 0; start < ring.length; start += VILLAGE_CHUNK) {
        const ids = ring.slice(start, start + VILLAGE_CHUNK).map((village) => village.id);
        found.push(
          ...(await buyersOfOthers(group, Prisma.sql`b."villageId" IN (${Prisma.join(ids)})`, (id) =>
            placeOf.get(id),
          )),
        );
      }
      read += ring.reduce((sum, village) => sum + village.businesses, 0);
      if (found.length >= limit) break;
    }
  }
  const ranked = rankBusinessSuggestions(group.village, found, limit);
  if (ranked.length === 0) return { suggestions: [], categories: [] as CategoryName[], hasPhone };
  const businessIds = ranked.map((business) => business.businessId);
  const [businesses, introductions, categories] = await Promise.all([
    db.business.findMany({
      where: { id: { in: businessIds } },
      // Public fields only: this list is shown to another tenant.
      select: { id: true, name: true, kind: true, village: { select: { name: true } } },
    }),
    recentIntroductions(tenant.groupId, businessIds, now),
    categoryTree(),
  ]);
  const byId = new Map(businesses.map((business) => [business.id, business]));
  const suggestions = ranked.flatMap((business) => {
    const shown = byId.get(business.businessId);
    if (!shown) return [];
    return [
      {
        ...business,
        name: shown.name,
        kind: shown.kind,
        villageName: shown.village.name,
        introducedAt: introductions.get(business.businessId) ?? null,
      },
    ];
  });
  const shown = new Set(suggestions.map((suggestion) => suggestion.categoryId));
  return {
    suggestions,
    categories: categories
      .filter((category) => shown.has(category.id))
      .map(({ id, nameId, nameEn }) => ({ id, nameId, nameEn })),
    hasPhone,
  };
}

/** The latest introduction of the group to each business within the rate-limit window. */
async function recentIntroductions(groupId: string, businessIds: string[], now: Date, tx: Tx = db) {
  const events = await tx.auditEvent.findMany({
    where: {
      action: INTRODUCE_ACTION,
      groupId,
      entityType: "Business",
      entityId: { in: businessIds },
      createdAt: { gt: new Date(now.getTime() - INTRODUCTION_INTERVAL_DAYS * DAY) },
    },
    select: { entityId: true, createdAt: true },
  });
  const latest = new Map<string, Date>();
  for (const event of events) {
    const known = latest.get(event.entityId);
    if (!known || event.createdAt > known) latest.set(event.entityId, event.createdAt);
  }
  return latest;
}

/**
 * One introduction per group–business pair at a time: two submits at once wait for each other, so
 * the second sees the first's audit event. PostgreSQL: a transaction-scoped advisory lock on the
 * pair. SQLite: a write that changes nothing takes the database's write lock (as lockRow does).
 */
async function lockPair(tx: Tx, groupId: string, businessId: string) {
  if (dbKind === "postgres") {
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`introduce:${groupId}:${businessId}`}, 0))::text AS "locked"`;
  } else {
    await tx.$executeRaw`UPDATE "Group" SET "id" = "id" WHERE "id" = ${groupId}`;
  }
}

export type IntroduceResult =
  | { ok: true; businessName: string }
  | { ok: false; notFound: true }
  | { ok: false; notFound?: false; key: MessageKey; params?: MessageParams };

/**
 * "Kenalkan kelompok kami": tells the business's people about the group in the app (a link to the
 * group's page, its WhatsApp number) without showing the group anything of the business. Only to a
 * business the group is shown as a suggestion (else: not found); once per pair in 30 days; audited.
 */
export async function introduceGroup(
  tenant: { groupId: string },
  actorId: string,
  businessId: string,
  now = new Date(),
): Promise<IntroduceResult> {
  const group = await groupForSuggestions(tenant.groupId);
  if (!group) return { ok: false, notFound: true };
  const business = await db.business.findUnique({
    where: { id: businessId },
    select: { id: true, name: true, village: { select: { latitude: true, longitude: true } } },
  });
  if (!business) return { ok: false, notFound: true };
  const eligible = rankBusinessSuggestions(
    group.village,
    await buyersOfOthers(group, Prisma.sql`b."id" = ${business.id}`, () => business.village),
    1,
  );
  if (eligible.length === 0) return { ok: false, notFound: true };
  return db.$transaction(async (tx): Promise<IntroduceResult> => {
    await lockPair(tx, group.id, business.id);
    const last = (await recentIntroductions(group.id, [business.id], now, tx)).get(business.id) ?? null;
    const next = nextIntroductionAt(last, now);
    if (next) {
      return { ok: false, key: "suggest.introduce.too_soon", params: { date: wibDateKey(next) } };
    }
    await notifyBusinessUsers(
      tx,
      business.id,
      "suggest.notify.introduced",
      { group: group.name, phone: group.phone ?? "" },
      `/kelompok/${group.slug}`,
    );
    // The audit event is also the record the once-in-30-days rule reads.
    await audit(tx, {
      actorId,
      action: INTRODUCE_ACTION,
      entityType: "Business",
      entityId: business.id,
      groupId: group.id,
      businessId: business.id,
    });
    return { ok: true, businessName: business.name };
  });
}

// ---------------------------------------------------------------- for TKM

export type UnmetPeriod = { key: string; from: Date; to: Date };

export type UnmetRequest = {
  id: string;
  number: string;
  title: string;
  quantity: number;
  unit: ProductUnit;
  neededBy: Date;
  createdAt: Date;
  reason: UnmetReason;
  category: CategoryName | null;
  village: { id: string; name: string };
  district: { id: string; name: string } | null;
};

/**
 * Requests from businesses inside the team's area, posted in the period, that no group could
 * meet (suggest.ts `unmetReason`), with counts by category and by village (with its district).
 * Nothing outside the area: the filter is the team's area path, whatever else is asked.
 */
export async function unmetRequestsForArea(
  tenant: { areaPath: string },
  period: UnmetPeriod,
  now = new Date(),
) {
  const requests = await db.quoteRequest.findMany({
    where: {
      business: { village: { path: { startsWith: tenant.areaPath } } },
      createdAt: { gte: period.from, lt: period.to },
    },
    orderBy: { createdAt: "desc" },
    take: 5000,
    select: {
      id: true,
      number: true,
      title: true,
      quantity: true,
      unit: true,
      neededBy: true,
      closesAt: true,
      status: true,
      createdAt: true,
      category: { select: { id: true, nameId: true, nameEn: true } },
      business: {
        select: {
          village: { select: { id: true, name: true, parent: { select: { id: true, name: true } } } },
        },
      },
      recipients: { select: { source: true, declinedAt: true } },
      _count: { select: { quotes: true } },
    },
  });
  const unmet: UnmetRequest[] = [];
  for (const request of requests) {
    const reason = unmetReason({ ...request, quotes: request._count.quotes }, now);
    if (!reason) continue;
    const village = request.business.village;
    unmet.push({
      id: request.id,
      number: request.number,
      title: request.title,
      quantity: request.quantity,
      unit: request.unit,
      neededBy: request.neededBy,
      createdAt: request.createdAt,
      reason,
      category: request.category,
      village: { id: village.id, name: village.name },
      district: village.parent,
    });
  }
  const byCategory = countBy(
    unmet,
    (request) => request.category?.id ?? "",
    (request) => ({
      category: request.category,
    }),
  );
  const byVillage = countBy(
    unmet,
    (request) => request.village.id,
    (request) => ({
      village: request.village,
      district: request.district,
    }),
  );
  return { unmet, byCategory, byVillage };
}

function countBy<T, E>(items: T[], keyOf: (item: T) => string, describe: (item: T) => E) {
  const counts = new Map<string, E & { key: string; count: number }>();
  for (const item of items) {
    const key = keyOf(item);
    const known = counts.get(key);
    if (known) known.count += 1;
    else counts.set(key, { ...describe(item), key, count: 1 });
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}
