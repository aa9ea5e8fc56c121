import { db, dbKind, Prisma } from "../db/client";
import { imageRef } from "../images/pipeline";

/** Days of slack after the promised lead time before a delivery counts as late. */
const ON_TIME_GRACE_DAYS = 2;

export type TrackRecord = {
  completed: number;
  delivered: number;
  onTime: number;
  onTimeShare: number | null;
};

/**
 * What buyers can trust about a group: orders completed, and the share of deliveries that
 * arrived by the wanted-by date (or, without one, within the longest lead time plus two days).
 */
export async function groupTrackRecord(groupId: string): Promise<TrackRecord> {
  return (await trackRecords([groupId])).get(groupId) ?? EMPTY_RECORD;
}

const EMPTY_RECORD: TrackRecord = { completed: 0, delivered: 0, onTime: 0, onTimeShare: null };

/**
 * The track record of several groups at once (the matcher's candidates), by the same rule, counted
 * by the database: the matcher asks it for hundreds of groups with thousands of orders per request,
 * and reading every delivered order to count them took half a second (bench: matching).
 */
export async function trackRecords(groupIds: string[]): Promise<Map<string, TrackRecord>> {
  const records = new Map<string, TrackRecord>();
  if (groupIds.length === 0) return records;
  const rows = await db.$queryRaw<
    { groupId: string; completed: number | bigint; delivered: number | bigint; onTime: number | bigint }[]
  >(trackRecordCounts(groupIds));
  for (const row of rows) records.set(row.groupId, trackRecordOf(row));
  return records;
}

/**
 * The statement behind trackRecords, for a caller that reads it with others in one statement:
 * per group, "groupId", "completed", "delivered" and "onTime".
 */
export function trackRecordCounts(groupIds: string[]): Prisma.Sql {
  const onTime = deliveredOnTime();
  return Prisma.sql`SELECT o."groupId" AS "groupId",
      SUM(CASE WHEN o."status" = 'COMPLETED' THEN 1 ELSE 0 END) AS "completed",
      SUM(CASE WHEN o."deliveredAt" IS NOT NULL THEN 1 ELSE 0 END) AS "delivered",
      SUM(CASE WHEN o."deliveredAt" IS NOT NULL AND ${onTime} THEN 1 ELSE 0 END) AS "onTime"
    FROM "Order" o WHERE o."groupId" IN (${Prisma.join(groupIds)}) GROUP BY o."groupId"`;
}

/**
 * The on-time rule as SQL over an order aliased `o` that has been delivered: delivered by the
 * wanted-by date, or by the placing day plus the longest lead time of its items and the grace.
 * Shared by the track record and the group's dashboard so both count alike.
 */
export function deliveredOnTime(): Prisma.Sql {
  const lead = Prisma.sql`(COALESCE((SELECT MAX(pr."leadTimeDays") FROM "OrderItem" i
    JOIN "Product" pr ON pr."id" = i."productId" WHERE i."orderId" = o."id"), 0) + ${ON_TIME_GRACE_DAYS})`;
  return dbKind === "postgres"
    ? Prisma.sql`o."deliveredAt" <= COALESCE(o."wantedBy", o."placedAt" + ${lead} * INTERVAL '1 day')`
    : Prisma.sql`julianday(o."deliveredAt") <= COALESCE(julianday(o."wantedBy"), julianday(o."placedAt") + ${lead})`;
}

/** A row of trackRecordCounts as a TrackRecord. */
export function trackRecordOf(row: {
  completed: number | bigint;
  delivered: number | bigint;
  onTime: number | bigint;
}): TrackRecord {
  const delivered = Number(row.delivered);
  const onTime = Number(row.onTime);
  return {
    completed: Number(row.completed),
    delivered,
    onTime,
    onTimeShare: delivered ? onTime / delivered : null,
  };
}

/** A group's public page: no personal data of members, only how many there are. A group TKM
 * suspended has none: buyers get "not found". */
export async function getGroupPage(slug: string) {
  const group = await db.group.findFirst({
    where: { slug, suspendedAt: null },
    select: {
      id: true,
      slug: true,
      name: true,
      story: true,
      rw: true,
      stage: true,
      verifiedAt: true,
      joinedAt: true,
      village: {
        select: { name: true, latitude: true, longitude: true, parent: { select: { name: true } } },
      },
      photo: { select: { variants: { select: { hash: true, width: true, height: true, format: true } } } },
      _count: { select: { members: { where: { leftAt: null } } } },
    },
  });
  if (!group) return null;
  const { photo, ...rest } = group;
  return {
    ...rest,
    photo: photo ? imageRef(photo.variants) : null,
    trackRecord: await groupTrackRecord(group.id),
  };
}

/** Every group, by district and village, for the directory (not those TKM suspended). */
export async function listGroupDirectory() {
  const groups = await db.group.findMany({
    where: { suspendedAt: null },
    orderBy: [{ village: { parent: { name: "asc" } } }, { village: { name: "asc" } }, { name: "asc" }],
    select: {
      slug: true,
      name: true,
      rw: true,
      verifiedAt: true,
      village: { select: { name: true, parent: { select: { name: true } } } },
      _count: { select: { products: { where: { status: "ACTIVE" } }, members: { where: { leftAt: null } } } },
    },
  });
  const districts = new Map<string, { district: string; villages: Map<string, typeof groups> }>();
  for (const group of groups) {
    const districtName = group.village.parent?.name ?? "";
    const district = districts.get(districtName) ?? { district: districtName, villages: new Map() };
    district.villages.set(group.village.name, [...(district.villages.get(group.village.name) ?? []), group]);
    districts.set(districtName, district);
  }
  return [...districts.values()].map((d) => ({
    district: d.district,
    villages: [...d.villages.entries()].map(([village, list]) => ({ village, groups: list })),
  }));
}
