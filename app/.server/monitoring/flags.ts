import type { MessageKey } from "~/locales";
import type { FlagKind } from "~/utils/flags";
import { wibMonthKey, wibMonthStart } from "~/utils/time";
import { deliveredOnTime } from "../catalog/groups";
import { db, Prisma } from "../db/client";
import { lastEarnedAtSql } from "../ledger/last-earned";
import { AreaFacts } from "./facts";
import { addMonths } from "./months";

// Flags: what a TKM meeting should look at, per group, each with the reason in numbers and a link
// to the evidence (the group's flag page lists the orders, months and requests behind it).
//
// The rules and their constants:
// - no_sales: no sales order placed (not rejected or cancelled) and no earned-income line in the
//   last NO_SALES_DAYS days. A group that joined less than NO_SALES_DAYS days ago is not flagged.
// - falling_income: earned income fell three months running: each of the last three complete WIB
//   months earned less than the month before it (four months, three drops).
// - late_deliveries: of the orders delivered in the last LATE_WINDOW_DAYS days, at least
//   LATE_MIN_DELIVERIES, more than LATE_SHARE of them late (catalog/groups deliveredOnTime).
// - overdue_tempo: tempo orders not paid in full whose due date has passed (not rejected or cancelled).
// - unanswered_requests: in the last REQUEST_WINDOW_DAYS days, requests the group was matched to or
//   invited to (not cancelled by the buyer within ANSWER_DAYS) that it neither quoted for nor
//   declined within ANSWER_DAYS days; counted once ANSWER_DAYS have passed.
// - no_manager: the group is not verified by TKM, or is suspended, or has no officer (ketua,
//   sekretaris or bendahara, not left) with an account that is not suspended — nobody can then
//   answer orders for it.

export const NO_SALES_DAYS = 60;
export const LATE_WINDOW_DAYS = 90;
export const LATE_MIN_DELIVERIES = 5;
export const LATE_SHARE = 0.2;
export const ANSWER_DAYS = 3;
export const REQUEST_WINDOW_DAYS = 90;
const DAY = 86_400_000;

/**
 * A flag: its kind (chip text mon.flag.<kind>, the evidence page's anchor) and its reason, a
 * catalog key with its values by type, so each reader's language formats them (utils/flags.ts).
 */
export type Flag = {
  kind: FlagKind;
  reason: MessageKey;
  counts: Record<string, number>;
  money?: Record<string, number>;
  /** Instants (ISO) shown as WIB dates, and WIB month keys. */
  dates?: Record<string, string>;
  months?: Record<string, string>;
};

const NOT_SALES = Prisma.raw(`'REJECTED', 'CANCELLED'`);

function insideArea(areaPath: string) {
  return { village: { path: { startsWith: areaPath } } };
}

function groupsInAreaSql(areaPath: string): Prisma.Sql {
  return Prisma.sql`(SELECT g."id" FROM "Group" g JOIN "Area" a ON a."id" = g."villageId"
    WHERE a."path" LIKE ${`${areaPath}%`})`;
}

const count = (value: number | bigint | null | undefined) => Number(value ?? 0);
const OFFICER_ROLES = ["KETUA", "SEKRETARIS", "BENDAHARA"] as const;

/**
 * The flags of every group of the area (or of one group, `only`), at `now`. Groups without a flag
 * map to an empty list.
 */
export async function areaFlags(
  tenant: { areaPath: string; only?: string },
  now = new Date(),
  reader = new AreaFacts(tenant.areaPath),
): Promise<Map<string, Flag[]>> {
  const { areaPath } = tenant;
  const groupWhere = { ...insideArea(areaPath), ...(tenant.only ? { id: tenant.only } : {}) };
  const thisMonth = wibMonthKey(now);
  const lastComplete = addMonths(thisMonth, -1);
  const salesSince = new Date(now.getTime() - NO_SALES_DAYS * DAY);
  const lateSince = new Date(now.getTime() - LATE_WINDOW_DAYS * DAY);
  const requestsSince = new Date(now.getTime() - REQUEST_WINDOW_DAYS * DAY);
  const answerBy = new Date(now.getTime() - ANSWER_DAYS * DAY);

  const [areaGroups, officers, lastSales, months, deliveries, overdue, recipients] = await Promise.all([
    reader.groups(),
    db.groupMember.findMany({
      where: { group: groupWhere, leftAt: null, role: { in: [...OFFICER_ROLES] }, userId: { not: null } },
      select: { groupId: true, user: { select: { suspendedAt: true } } },
    }),
    lastSalesOf(areaPath, tenant.only, now),
    reader.groupMonths(addMonths(lastComplete, -3), lastComplete),
    deliveriesSince(areaPath, lateSince, now, reader),
    db.$queryRaw<{ groupId: string; invoices: number | bigint; amount: number | bigint | null }[]>(Prisma.sql`
      SELECT o."groupId" AS "groupId", COUNT(*) AS "invoices", SUM(o."total" - o."amountPaid") AS "amount"
      FROM "Order" o
      WHERE o."groupId" IN ${groupsInAreaSql(areaPath)} AND o."paymentMethod" = 'TEMPO'
        AND o."status" NOT IN (${NOT_SALES}) AND o."amountPaid" < o."total" AND o."dueAt" < ${now}
      GROUP BY o."groupId"`),
    unansweredRequests({ areaPath, only: tenant.only }, requestsSince, answerBy),
  ]);

  const groups = tenant.only ? areaGroups.filter((group) => group.id === tenant.only) : areaGroups;
  const activeOfficersOf = new Map<string, number>();
  for (const officer of officers) {
    if (officer.user && !officer.user.suspendedAt) {
      activeOfficersOf.set(officer.groupId, (activeOfficersOf.get(officer.groupId) ?? 0) + 1);
    }
  }
  const lastSaleOf = new Map(lastSales.map((row) => [row.groupId, row.lastSale]));
  const earnedIn = new Map(months.map((fact) => [`${fact.groupId} ${fact.month}`, fact.earned]));
  const deliveriesOf = new Map(deliveries.map((row) => [row.groupId, row]));
  const overdueOf = new Map(overdue.map((row) => [row.groupId, row]));
  const unansweredOf = new Map<string, number>();
  for (const recipient of recipients) {
    unansweredOf.set(recipient.groupId, (unansweredOf.get(recipient.groupId) ?? 0) + 1);
  }
  const flags = new Map<string, Flag[]>();
  for (const group of groups) {
    const list: Flag[] = [];
    // No sales for 60 days.
    const lastSale = lastSaleOf.get(group.id) ?? null;
    if (group.joinedAt < salesSince && (!lastSale || lastSale < salesSince)) {
      list.push(
        lastSale
          ? {
              kind: "no_sales",
              reason: "mon.flag_reason.no_sales",
              counts: { days: Math.floor((now.getTime() - lastSale.getTime()) / DAY), limit: NO_SALES_DAYS },
              dates: { date: lastSale.toISOString() },
            }
          : { kind: "no_sales", reason: "mon.flag_reason.no_sales_ever", counts: { limit: NO_SALES_DAYS } },
      );
    }
    // Falling income three months running.
    const series = [3, 2, 1, 0].map((back) => {
      const month = addMonths(lastComplete, -back);
      return { month, earned: earnedIn.get(`${group.id} ${month}`) ?? 0 };
    });
    if (series.every((point, i) => i === 0 || point.earned < (series[i - 1]?.earned ?? 0))) {
      const first = series[0] as { month: string; earned: number };
      const last = series[3] as { month: string; earned: number };
      list.push({
        kind: "falling_income",
        reason: "mon.flag_reason.falling_income",
        counts: {},
        money: { from: first.earned, to: last.earned },
        months: { fromMonth: first.month, toMonth: last.month },
      });
    }
    // Late deliveries above a share.
    const delivery = deliveriesOf.get(group.id);
    const delivered = count(delivery?.delivered);
    const late = delivered - count(delivery?.onTime);
    if (delivered >= LATE_MIN_DELIVERIES && late / delivered > LATE_SHARE) {
      list.push({
        kind: "late_deliveries",
        reason: "mon.flag_reason.late_deliveries",
        counts: { late, delivered, days: LATE_WINDOW_DAYS, percent: Math.round((late / delivered) * 100) },
      });
    }
    // Overdue tempo invoices.
    const owed = overdueOf.get(group.id);
    if (owed && count(owed.invoices) > 0) {
      list.push({
        kind: "overdue_tempo",
        reason: "mon.flag_reason.overdue_tempo",
        counts: { count: count(owed.invoices) },
        money: { amount: count(owed.amount) },
      });
    }
    // Unanswered requests.
    const unanswered = unansweredOf.get(group.id) ?? 0;
    if (unanswered > 0) {
      list.push({
        kind: "unanswered_requests",
        reason: "mon.flag_reason.unanswered_requests",
        counts: { count: unanswered, days: ANSWER_DAYS, window: REQUEST_WINDOW_DAYS },
      });
    }
    // A group without a verified manager.
    const activeOfficers = activeOfficersOf.get(group.id) ?? 0;
    if (!group.verifiedAt || group.suspendedAt || activeOfficers === 0) {
      list.push({
        kind: "no_manager",
        reason: group.suspendedAt
          ? "mon.flag_reason.suspended"
          : !group.verifiedAt
            ? "mon.flag_reason.not_verified"
            : "mon.flag_reason.no_officer",
        counts: {},
      });
    }
    flags.set(group.id, list);
  }
  return flags;
}

type Deliveries = { groupId: string; delivered: number; onTime: number };
type DeliveryRow = { groupId: string; delivered: number | bigint; onTime: number | bigint | null };

/**
 * Per group of the area, its orders delivered in [since, now] and how many of them on time. The
 * (group, month) summaries hold whole WIB months; the two months at the ends are partly inside.
 * For each of them the shorter of two readings of the orders themselves is taken: the part inside
 * the window, or the month's summary less the part outside it. So at most half a month of orders is
 * read at each end, and usually a few days, instead of three months.
 */
async function deliveriesSince(
  areaPath: string,
  since: Date,
  now: Date,
  reader: AreaFacts,
): Promise<Deliveries[]> {
  const end = new Date(now.getTime() + 1); // `now` included
  const raw = async (from: Date, to: Date): Promise<DeliveryRow[]> =>
    from >= to
      ? []
      : db.$queryRaw<DeliveryRow[]>(Prisma.sql`
          SELECT o."groupId" AS "groupId", COUNT(*) AS "delivered",
            SUM(CASE WHEN ${deliveredOnTime()} THEN 1 ELSE 0 END) AS "onTime"
          FROM "Order" o
          WHERE o."groupId" IN ${groupsInAreaSql(areaPath)}
            AND o."deliveredAt" >= ${from} AND o."deliveredAt" < ${to}
          GROUP BY o."groupId"`);
  const firstMonth = wibMonthKey(since);
  const lastMonth = wibMonthKey(now);
  const summaries = await reader.groupMonths(firstMonth, lastMonth);
  // Inside the window: [since, end). Each month of it is whole, or cut at `since` or `end`.
  const parts: Promise<{ sign: 1 | -1; rows: DeliveryRow[] }>[] = [];
  const part = async (sign: 1 | -1, rows: DeliveryRow[] | Promise<DeliveryRow[]>) => ({
    sign,
    rows: await rows,
  });
  for (let month = firstMonth; month <= lastMonth; month = addMonths(month, 1)) {
    const start = wibMonthStart(month);
    const next = wibMonthStart(addMonths(month, 1));
    const from = since > start ? since : start;
    const to = end < next ? end : next;
    const whole = summaries.filter((fact) => fact.month === month);
    if (from.getTime() === start.getTime() && to.getTime() === next.getTime()) {
      parts.push(part(1, whole));
    } else if (to.getTime() - from.getTime() <= (next.getTime() - start.getTime()) / 2) {
      parts.push(part(1, raw(from, to)));
    } else {
      parts.push(part(1, whole), part(-1, raw(start, from)), part(-1, raw(to, next)));
    }
  }
  const totals = new Map<string, Deliveries>();
  for (const { sign, rows } of await Promise.all(parts)) {
    for (const row of rows) {
      const total = totals.get(row.groupId) ?? { groupId: row.groupId, delivered: 0, onTime: 0 };
      total.delivered += sign * count(row.delivered);
      total.onTime += sign * count(row.onTime);
      totals.set(row.groupId, total);
    }
  }
  return [...totals.values()];
}

/**
 * Per group of the area (or the one group), its last sale before `now`: the later of its latest
 * sales order placed (not refused or cancelled) and its latest earned-income line in the book (an
 * ORDER, CONSIGNMENT or OTHER_SALES income line, not a correction); null for never. Each is the
 * first row of a backward walk on the (groupId, placedAt) and (groupId, occurredAt) indexes, so a
 * group with a million orders costs what a group with ten does.
 */
async function lastSalesOf(
  areaPath: string,
  only: string | undefined,
  now: Date,
): Promise<{ groupId: string; lastSale: Date | null }[]> {
  const rows = await db.$queryRaw<
    { groupId: string; lastOrder: Date | string | null; lastEarned: Date | string | null }[]
  >(Prisma.sql`
    SELECT g."id" AS "groupId",
      (SELECT o."placedAt" FROM "Order" o
        WHERE o."groupId" = g."id" AND o."placedAt" <= ${now} AND o."status" NOT IN (${NOT_SALES})
        ORDER BY o."placedAt" DESC LIMIT 1) AS "lastOrder",
      ${lastEarnedAtSql(Prisma.sql`g."id"`, now)} AS "lastEarned"
    FROM "Group" g
    WHERE g."id" IN ${groupsInAreaSql(areaPath)}${only ? Prisma.sql` AND g."id" = ${only}` : Prisma.empty}`);
  const instant = (value: Date | string | null) => (value === null ? null : new Date(value));
  return rows.map((row) => {
    const candidates = [instant(row.lastOrder), instant(row.lastEarned)].filter((d): d is Date => d !== null);
    const lastSale = candidates.sort((a, b) => b.getTime() - a.getTime())[0] ?? null;
    return { groupId: row.groupId, lastSale };
  });
}

export type UnansweredRequest = {
  groupId: string;
  requestId: string;
  number: string;
  title: string;
  matchedAt: Date;
};

/**
 * Requests a group of the area was sent (matched or invited) between `since` and `answerBy` that
 * it neither quoted for nor declined within ANSWER_DAYS of being sent, and that the buyer did not
 * cancel within that time.
 */
export async function unansweredRequests(
  tenant: { areaPath: string; only?: string },
  since: Date,
  answerBy: Date,
): Promise<UnansweredRequest[]> {
  const recipients = await db.requestRecipient.findMany({
    where: {
      group: { ...insideArea(tenant.areaPath), ...(tenant.only ? { id: tenant.only } : {}) },
      createdAt: { gte: since, lte: answerBy },
    },
    select: {
      groupId: true,
      createdAt: true,
      declinedAt: true,
      request: { select: { id: true, number: true, title: true, cancelledAt: true } },
    },
    orderBy: { createdAt: "desc" },
  });
  if (recipients.length === 0) return [];
  const quotes = await db.quote.findMany({
    where: {
      requestId: { in: recipients.map((r) => r.request.id) },
      groupId: { in: recipients.map((r) => r.groupId) },
    },
    select: { requestId: true, groupId: true, createdAt: true },
  });
  const quotedAt = new Map(quotes.map((q) => [`${q.requestId} ${q.groupId}`, q.createdAt]));
  return recipients
    .filter((r) => {
      const deadline = r.createdAt.getTime() + ANSWER_DAYS * DAY;
      const answered = [quotedAt.get(`${r.request.id} ${r.groupId}`), r.declinedAt].some(
        (at) => at && at.getTime() <= deadline,
      );
      const cancelledEarly = r.request.cancelledAt && r.request.cancelledAt.getTime() <= deadline;
      return !answered && !cancelledEarly;
    })
    .map((r) => ({
      groupId: r.groupId,
      requestId: r.request.id,
      number: r.request.number,
      title: r.request.title,
      matchedAt: r.createdAt,
    }));
}
