import { wibMonthKey } from "~/utils/time";
import { deliveredOnTime } from "../catalog/groups";
import { db, Prisma } from "../db/client";
import { groupMonthFacts } from "./facts";
import { ANSWER_DAYS, areaFlags, LATE_WINDOW_DAYS, REQUEST_WINDOW_DAYS, unansweredRequests } from "./flags";
import { addMonths, monthsBetween } from "./months";

// The evidence behind one group's flags, for its flag page: the months, orders, invoices,
// requests and officers the reasons count. Buyers are named only when the viewer may see names.

const DAY = 86_400_000;
const NOT_SALES = Prisma.raw(`'REJECTED', 'CANCELLED'`);
/** Months of income shown beside the flags: the six complete months and this one. */
const EVIDENCE_MONTHS = 7;

/** The group's flags and their evidence, or null when the group is not inside the area (a 404). */
export async function groupFlagEvidence(
  tenant: { areaPath: string; groupId: string; namesPartners: boolean },
  now = new Date(),
) {
  const group = await db.group.findFirst({
    where: { id: tenant.groupId, village: { path: { startsWith: tenant.areaPath } } },
    select: {
      id: true,
      name: true,
      verifiedAt: true,
      suspendedAt: true,
      suspendReason: true,
      joinedAt: true,
      village: { select: { name: true } },
      members: {
        where: { leftAt: null, role: { in: ["KETUA", "SEKRETARIS", "BENDAHARA"] } },
        orderBy: { role: "asc" },
        select: { id: true, name: true, role: true, userId: true, user: { select: { suspendedAt: true } } },
      },
    },
  });
  if (!group) return null;
  const thisMonth = wibMonthKey(now);
  const months = monthsBetween(addMonths(thisMonth, 1 - EVIDENCE_MONTHS), thisMonth);
  const lateSince = new Date(now.getTime() - LATE_WINDOW_DAYS * DAY);
  const onTime = deliveredOnTime();
  const [flags, facts, deliveries, overdue, unanswered, lastOrder] = await Promise.all([
    areaFlags({ areaPath: tenant.areaPath, only: group.id }, now),
    groupMonthFacts(tenant.areaPath, months[0] ?? thisMonth, thisMonth),
    db.$queryRaw<
      {
        number: string;
        businessName: string;
        placedAt: Date;
        wantedBy: Date | null;
        deliveredAt: Date;
        onTime: number | bigint;
      }[]
    >(Prisma.sql`
      SELECT o."number" AS "number", b."name" AS "businessName", o."placedAt" AS "placedAt",
        o."wantedBy" AS "wantedBy", o."deliveredAt" AS "deliveredAt",
        CASE WHEN ${onTime} THEN 1 ELSE 0 END AS "onTime"
      FROM "Order" o JOIN "Business" b ON b."id" = o."businessId"
      WHERE o."groupId" = ${group.id} AND o."deliveredAt" >= ${lateSince} AND o."deliveredAt" <= ${now}
      ORDER BY o."deliveredAt" DESC`),
    db.$queryRaw<{ number: string; businessName: string; dueAt: Date; owed: number | bigint }[]>(Prisma.sql`
      SELECT o."number" AS "number", b."name" AS "businessName", o."dueAt" AS "dueAt",
        o."total" - o."amountPaid" AS "owed"
      FROM "Order" o JOIN "Business" b ON b."id" = o."businessId"
      WHERE o."groupId" = ${group.id} AND o."paymentMethod" = 'TEMPO' AND o."status" NOT IN (${NOT_SALES})
        AND o."amountPaid" < o."total" AND o."dueAt" < ${now}
      ORDER BY o."dueAt" ASC`),
    unansweredRequests(
      { areaPath: tenant.areaPath, only: group.id },
      new Date(now.getTime() - REQUEST_WINDOW_DAYS * DAY),
      new Date(now.getTime() - ANSWER_DAYS * DAY),
    ),
    db.order.findFirst({
      where: { groupId: group.id, status: { notIn: ["REJECTED", "CANCELLED"] }, placedAt: { lte: now } },
      orderBy: { placedAt: "desc" },
      select: { placedAt: true },
    }),
  ]);
  const buyer = (name: string) => (tenant.namesPartners ? name : null);
  return {
    group: {
      id: group.id,
      name: group.name,
      villageName: group.village.name,
      verifiedAt: group.verifiedAt,
      suspendedAt: group.suspendedAt,
      suspendReason: group.suspendReason,
    },
    flags: flags.get(group.id) ?? [],
    months: months.map((month) => {
      const fact = facts.find((f) => f.month === month);
      return { month, earned: fact?.earned ?? 0, orders: fact?.orders ?? 0, complete: month !== thisMonth };
    }),
    lastOrderAt: lastOrder?.placedAt ?? null,
    deliveries: deliveries.map((d) => ({
      number: d.number,
      buyer: buyer(d.businessName),
      placedAt: new Date(d.placedAt),
      wantedBy: d.wantedBy ? new Date(d.wantedBy) : null,
      deliveredAt: new Date(d.deliveredAt),
      onTime: Number(d.onTime) === 1,
    })),
    overdue: overdue.map((o) => ({
      number: o.number,
      buyer: buyer(o.businessName),
      dueAt: new Date(o.dueAt),
      owed: Number(o.owed),
    })),
    unanswered: unanswered.map((r) => ({ number: r.number, title: r.title, matchedAt: r.matchedAt })),
    officers: group.members.map((m) => ({
      id: m.id,
      name: m.name,
      role: m.role,
      hasAccount: m.userId !== null,
      suspended: Boolean(m.user?.suspendedAt),
    })),
  };
}
