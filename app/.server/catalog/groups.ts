import { db } from "../db/client";
import { imageRef } from "../images/pipeline";

const DAY = 24 * 60 * 60 * 1000;
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

/** The track record of several groups at once (the matcher's candidates), by the same rule. */
export async function trackRecords(groupIds: string[]): Promise<Map<string, TrackRecord>> {
  const records = new Map<string, TrackRecord>();
  if (groupIds.length === 0) return records;
  const [completed, delivered] = await Promise.all([
    db.order.groupBy({
      by: ["groupId"],
      where: { groupId: { in: groupIds }, status: "COMPLETED" },
      _count: { _all: true },
    }),
    db.order.findMany({
      where: { groupId: { in: groupIds }, deliveredAt: { not: null } },
      select: {
        groupId: true,
        placedAt: true,
        wantedBy: true,
        deliveredAt: true,
        items: {
          where: { order: { wantedBy: null } },
          select: { product: { select: { leadTimeDays: true } } },
        },
      },
    }),
  ]);
  const record = (groupId: string) => {
    let found = records.get(groupId);
    if (!found) records.set(groupId, (found = { ...EMPTY_RECORD }));
    return found;
  };
  for (const row of completed) record(row.groupId).completed = row._count._all;
  for (const order of delivered) {
    const entry = record(order.groupId);
    entry.delivered += 1;
    const leadTime = Math.max(0, ...order.items.map((item) => item.product.leadTimeDays));
    const due = order.wantedBy ?? new Date(order.placedAt.getTime() + (leadTime + ON_TIME_GRACE_DAYS) * DAY);
    if (order.deliveredAt && order.deliveredAt <= due) entry.onTime += 1;
  }
  for (const entry of records.values())
    entry.onTimeShare = entry.delivered ? entry.onTime / entry.delivered : null;
  return records;
}

/** A group's public page: no personal data of members, only how many there are. */
export async function getGroupPage(slug: string) {
  const group = await db.group.findUnique({
    where: { slug },
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

/** Every group, by district and village, for the directory. */
export async function listGroupDirectory() {
  const groups = await db.group.findMany({
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
