import { lastWibMonths, wibMonthKey, wibMonthStart } from "~/utils/time";
import { db, dbKind, Prisma } from "../db/client";
import { nextMonthKey } from "~/utils/month-period";
import { EARNED_INCOME_CATEGORIES } from "./cash-book";
import { earnedIncomeByMonth } from "./summary";

// Reconciling the books (issue 11, item 7): for a period of WIB months and a group, an area or
// every group, the money the other records say came in must equal what the cash book says, group by
// group and month. Every sum is taken by the database (GROUP BY), so a million lines take seconds.
//
//   order      payments received − their refunds = cash-book order income − its refund lines, each
//              refund counted in the month of the payment (and income line) it takes back;
//   refund     every refund line takes back an order income line of the same group;
//   konsinyasi konsinyasi reports paid = konsinyasi income lines, by the month they were paid;
//   reports    the monthly earned income the reports show = the book's earned income;
//   dashboard  the same for each group's own dashboard (ledger/summary.ts);
//   shares     a distribution's shares sum to its distributable amount;
//   payouts    what was paid out of a share is at most the share, and each payout's cash line
//              is an expense of the same amount;
//   correction an officer's correction (Koreksi) takes back a line of the same group and category
//              with the opposite kind, and a line's corrections together take back at most its amount.

export const CHECKS = [
  "order",
  "refund",
  "consignment",
  "reports",
  "dashboard",
  "shares",
  "payouts",
  "correction",
] as const;
export type Check = (typeof CHECKS)[number];

export type Difference = {
  check: Check;
  /** The group's slug. */
  group: string;
  /** The WIB month ("2026-03"). */
  month: string;
  what: string;
  left: { label: string; amount: number };
  right: { label: string; amount: number };
};

export type ReconcileScope = {
  /** One group, by slug. */
  group?: string;
  /** Every group whose village lies inside this area (by code). */
  area?: string;
  /** First and last WIB month, inclusive ("2026-01"); by default every month with money in it. */
  from?: string;
  to?: string;
};

export type ReconcileResult = {
  groups: number;
  months: string[];
  differences: Difference[];
};

/**
 * How the reports read earned income per group and month (reports/income.ts, incomeByMonthForArea):
 * passed in by the caller, since reports depend on the ledger and not the other way round.
 */
export type ReportedIncome = (
  areaPath: string,
  monthCount: number,
  now: Date,
) => Promise<{ groups: { id: string; months: Record<string, number> }[] }>;

export class UnknownScope extends Error {}

/** The months the reports show at once (app/routes/tkm._index.tsx, tkm.kelompok.$groupId.tsx). */
export const REPORT_MONTHS = 12;

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The WIB month of a timestamp column, in the database's own dialect. */
function month(column: string) {
  return dbKind === "postgres"
    ? Prisma.raw(`to_char(${column} + interval '7 hours', 'YYYY-MM')`)
    : Prisma.raw(`strftime('%Y-%m', ${column}, '+7 hours')`);
}

type Bucket = Map<string, number>; // "groupId|month" → amount
const keyOf = (groupId: string, m: string) => `${groupId}|${m}`;

function toBucket(rows: { groupId: string; month: string; amount: unknown }[]): Bucket {
  const bucket: Bucket = new Map();
  for (const row of rows) bucket.set(keyOf(row.groupId, row.month), Number(row.amount ?? 0));
  return bucket;
}

/** What the scope covers: the groups (by id, with slugs) and the area path the reports read. */
async function resolveScope(scope: ReconcileScope) {
  if (scope.group && scope.area) throw new UnknownScope("give --group or --area, not both");
  for (const key of ["from", "to"] as const) {
    const value = scope[key];
    if (value !== undefined && !MONTH.test(value))
      throw new UnknownScope(`--${key} must be a month like 2026-03`);
  }
  if (scope.from && scope.to && scope.from > scope.to) throw new UnknownScope("--from is after --to");
  if (scope.group) {
    const group = await db.group.findUnique({
      where: { slug: scope.group },
      select: { id: true, slug: true, village: { select: { path: true } } },
    });
    if (!group) throw new UnknownScope(`no group with slug "${scope.group}"`);
    return { groups: [group], areaPath: group.village.path, filtered: true };
  }
  let areaPath = "";
  if (scope.area) {
    const area = await db.area.findUnique({ where: { code: scope.area }, select: { path: true } });
    if (!area) throw new UnknownScope(`no area with code "${scope.area}"`);
    areaPath = area.path;
  }
  const groups = await db.group.findMany({
    where: scope.area ? { village: { path: { startsWith: areaPath } } } : {},
    select: { id: true, slug: true },
  });
  return { groups, areaPath, filtered: Boolean(scope.area) };
}

export async function reconcile(
  scope: ReconcileScope,
  reportedIncome: ReportedIncome,
  now = new Date(),
): Promise<ReconcileResult> {
  const { groups, areaPath, filtered } = await resolveScope(scope);
  const slugs = new Map(groups.map((g) => [g.id, g.slug]));
  if (groups.length === 0) return { groups: 0, months: [], differences: [] };

  const ids = groups.map((g) => g.id);
  const inGroups = (column: string) =>
    filtered ? Prisma.sql`AND ${Prisma.raw(column)} IN (${Prisma.join(ids)})` : Prisma.empty;
  const inPeriod = (column: string) =>
    Prisma.sql`${scope.from ? Prisma.sql`AND ${month(column)} >= ${scope.from}` : Prisma.empty}
      ${scope.to ? Prisma.sql`AND ${month(column)} <= ${scope.to}` : Prisma.empty}`;
  type Row = { groupId: string; month: string; amount: unknown };
  const earned = Prisma.join(EARNED_INCOME_CATEGORIES.map((c) => Prisma.sql`${c}`));

  // One pass over the cash book, one over payments, one over refund lines, one over konsinyasi.
  type Sums = { groupId: string; month: string; [column: string]: unknown };
  const [bookRows, paymentRows, refundRows, reports] = await Promise.all([
    db.$queryRaw<Sums[]>(Prisma.sql`
      SELECT "groupId", ${month(`"occurredAt"`)} AS "month",
        SUM(CASE WHEN "kind" = 'INCOME' AND "category" = 'ORDER' THEN "amount" ELSE 0 END) AS "order",
        SUM(CASE WHEN "kind" = 'INCOME' AND "category" = 'CONSIGNMENT' THEN "amount" ELSE 0 END) AS "consignment",
        SUM(CASE WHEN "category" IN (${earned}) AND "kind" = 'INCOME' THEN "amount"
                 WHEN "category" IN (${earned}) AND "kind" = 'EXPENSE' THEN -"amount"
                 WHEN "kind" = 'EXPENSE' AND "category" = 'REFUND' THEN -"amount" ELSE 0 END) AS "earned"
      FROM "CashEntry"
      WHERE 1 = 1 ${inGroups(`"groupId"`)} ${inPeriod(`"occurredAt"`)}
      GROUP BY 1, 2`),
    db.$queryRaw<Sums[]>(Prisma.sql`
      SELECT "groupId", ${month(`"receivedAt"`)} AS "month", SUM("amount") AS "received",
        SUM("refundedAmount") AS "refunded"
      FROM "Payment"
      WHERE "state" IN ('SUCCEEDED', 'REFUNDED') AND "receivedAt" IS NOT NULL
        ${inGroups(`"groupId"`)} ${inPeriod(`"receivedAt"`)}
      GROUP BY 1, 2`),
    // A refund line counts in the month of the order line it takes back; one that takes back none
    // (or is not an expense) is counted apart, in its own month.
    db.$queryRaw<Sums[]>(Prisma.sql`
      SELECT "groupId", "month", "orphan", SUM("amount") AS "amount" FROM (
        SELECT r."groupId",
          CASE WHEN o."id" IS NULL OR r."kind" <> 'EXPENSE' THEN ${month(`r."occurredAt"`)}
               ELSE ${month(`o."occurredAt"`)} END AS "month",
          CASE WHEN o."id" IS NULL OR r."kind" <> 'EXPENSE' THEN 1 ELSE 0 END AS "orphan",
          r."amount"
        FROM "CashEntry" r
        LEFT JOIN "CashEntry" o ON o."id" = r."reversesId" AND o."groupId" = r."groupId"
          AND o."kind" = 'INCOME' AND o."category" = 'ORDER'
        WHERE r."category" = 'REFUND' ${inGroups(`r."groupId"`)}
      ) x
      WHERE 1 = 1 ${scope.from ? Prisma.sql`AND "month" >= ${scope.from}` : Prisma.empty}
        ${scope.to ? Prisma.sql`AND "month" <= ${scope.to}` : Prisma.empty}
      GROUP BY 1, 2, 3`),
    db.$queryRaw<Row[]>(Prisma.sql`
      SELECT p."groupId", ${month(`r."paidAt"`)} AS "month", SUM(r."amountDue") AS "amount"
      FROM "ConsignmentReport" r JOIN "ConsignmentPlacement" p ON p."id" = r."placementId"
      WHERE r."paidAt" IS NOT NULL AND r."amountDue" > 0 ${inGroups(`p."groupId"`)} ${inPeriod(`r."paidAt"`)}
      GROUP BY 1, 2`),
  ]);
  const column = (rows: Sums[], name: string) =>
    toBucket(rows.map((r) => ({ groupId: r.groupId, month: r.month, amount: r[name] })));
  const received = column(paymentRows, "received");
  const refunded = column(paymentRows, "refunded");
  const income = column(bookRows, "order");
  const consignmentIncome = column(bookRows, "consignment");
  const earnedBook = column(bookRows, "earned");
  const refundsBack = toBucket(refundRows.filter((r) => Number(r.orphan) === 0) as Row[]);
  const orphans = refundRows.filter((r) => Number(r.orphan) === 1) as Row[];

  const differences: Difference[] = [];
  const seen = (...buckets: Bucket[]) => new Set(buckets.flatMap((b) => [...b.keys()]));
  const add = (
    check: Check,
    key: string,
    what: string,
    left: Difference["left"],
    right: Difference["right"],
  ) => {
    const [groupId = "", m = ""] = key.split("|");
    differences.push({ check, group: slugs.get(groupId) ?? groupId, month: m, what, left, right });
  };

  for (const key of seen(received, refunded, income, refundsBack)) {
    const paid = (received.get(key) ?? 0) - (refunded.get(key) ?? 0);
    const booked = (income.get(key) ?? 0) - (refundsBack.get(key) ?? 0);
    if (paid !== booked) {
      add(
        "order",
        key,
        "payments received − refunds ≠ cash-book order income",
        { label: "payments", amount: paid },
        { label: "cash book", amount: booked },
      );
    }
  }
  for (const [key, amount] of toBucket(orphans)) {
    add(
      "refund",
      key,
      "refund lines that take back no order income line of the group",
      { label: "unmatched refunds", amount },
      { label: "expected", amount: 0 },
    );
  }

  const paidReports = toBucket(reports);
  for (const key of seen(paidReports, consignmentIncome)) {
    const left = paidReports.get(key) ?? 0;
    const right = consignmentIncome.get(key) ?? 0;
    if (left !== right) {
      add(
        "consignment",
        key,
        "konsinyasi reports paid ≠ cash-book konsinyasi income",
        { label: "reports paid", amount: left },
        { label: "cash book", amount: right },
      );
    }
  }

  // The months the period covers: as given, or every month with money in it.
  const present = [...seen(received, income, refundsBack, paidReports, consignmentIncome, earnedBook)]
    .map((key) => key.split("|")[1] as string)
    .sort();
  const first = scope.from ?? present[0];
  const last = scope.to ?? present[present.length - 1] ?? wibMonthKey(now);
  const months = first ? monthsBetween(first, last) : [];

  // What the reports show, read the way the TKM pages read it.
  // The reports show the last REPORT_MONTHS months (the TKM pages): those of the period are checked.
  const shownMonths = months.slice(-REPORT_MONTHS);
  if (shownMonths.length > 0) {
    const end = new Date(
      wibMonthStart(shownMonths[shownMonths.length - 1] as string).getTime() + 24 * 3600 * 1000,
    );
    const shown = await reportedIncome(areaPath, shownMonths.length, end);
    for (const row of shown.groups) {
      if (!slugs.has(row.id)) continue;
      for (const m of shownMonths) {
        const left = row.months[m] ?? 0;
        const right = earnedBook.get(keyOf(row.id, m)) ?? 0;
        if (left !== right) {
          add(
            "reports",
            keyOf(row.id, m),
            "earned income the reports show ≠ the cash book's",
            { label: "reports", amount: left },
            { label: "cash book", amount: right },
          );
        }
      }
    }
  }

  // What each group's own dashboard shows (ledger/summary.ts), over the same months.
  if (shownMonths.length > 0) {
    const from = wibMonthStart(shownMonths[0] as string);
    const to = wibMonthStart(nextMonthKey(shownMonths[shownMonths.length - 1] as string));
    for (const group of groups) {
      const shown = await earnedIncomeByMonth({ groupId: group.id }, { from, to });
      for (const m of shownMonths) {
        const left = shown.get(m) ?? 0;
        const right = earnedBook.get(keyOf(group.id, m)) ?? 0;
        if (left !== right) {
          add(
            "dashboard",
            keyOf(group.id, m),
            "earned income the group's dashboard shows ≠ the cash book's",
            { label: "dashboard", amount: left },
            { label: "cash book", amount: right },
          );
        }
      }
    }
  }

  await checkDistributions(scope, ids, filtered, add);
  await checkCorrections(scope, ids, filtered, add);

  const order = new Map(CHECKS.map((c, i) => [c, i]));
  differences.sort(
    (a, b) =>
      a.group.localeCompare(b.group) ||
      a.month.localeCompare(b.month) ||
      (order.get(a.check) ?? 0) - (order.get(b.check) ?? 0),
  );
  return { groups: groups.length, months, differences };
}

async function checkDistributions(
  scope: ReconcileScope,
  ids: string[],
  filtered: boolean,
  add: (
    check: Check,
    key: string,
    what: string,
    left: Difference["left"],
    right: Difference["right"],
  ) => void,
) {
  const inGroups = filtered ? Prisma.sql`AND d."groupId" IN (${Prisma.join(ids)})` : Prisma.empty;
  const inPeriod = Prisma.sql`${scope.from ? Prisma.sql`AND ${month(`d."periodFrom"`)} >= ${scope.from}` : Prisma.empty}
    ${scope.to ? Prisma.sql`AND ${month(`d."periodFrom"`)} <= ${scope.to}` : Prisma.empty}`;
  const [shares, payouts, payoutLines] = await Promise.all([
    db.$queryRaw<
      { groupId: string; month: string; number: string; distributable: unknown; shares: unknown }[]
    >(
      Prisma.sql`
        SELECT d."groupId", ${month(`d."periodFrom"`)} AS "month", d."number", d."distributable",
          COALESCE((SELECT SUM(s."amount") FROM "DistributionShare" s WHERE s."distributionId" = d."id"), 0) AS "shares"
        FROM "Distribution" d
        WHERE d."status" <> 'CANCELLED' ${inGroups} ${inPeriod}`,
    ),
    db.$queryRaw<
      { groupId: string; month: string; number: string; share: unknown; paid: unknown }[]
    >(Prisma.sql`
      SELECT d."groupId", ${month(`d."periodFrom"`)} AS "month", d."number", s."amount" AS "share",
        SUM(p."amount") AS "paid"
      FROM "DistributionPayout" p
      JOIN "DistributionShare" s ON s."id" = p."shareId"
      JOIN "Distribution" d ON d."id" = s."distributionId"
      WHERE 1 = 1 ${inGroups} ${inPeriod}
      GROUP BY d."groupId", d."periodFrom", d."number", s."id", s."amount"
      HAVING SUM(p."amount") > s."amount"`),
    db.$queryRaw<
      { groupId: string; month: string; number: string; paid: unknown; line: unknown }[]
    >(Prisma.sql`
      SELECT d."groupId", ${month(`d."periodFrom"`)} AS "month", d."number", p."amount" AS "paid",
        CASE WHEN c."kind" = 'EXPENSE' AND c."category" = 'PAYOUT' AND c."groupId" = d."groupId"
          THEN c."amount" ELSE 0 END AS "line"
      FROM "DistributionPayout" p
      JOIN "DistributionShare" s ON s."id" = p."shareId"
      JOIN "Distribution" d ON d."id" = s."distributionId"
      JOIN "CashEntry" c ON c."id" = p."cashEntryId"
      WHERE (c."amount" <> p."amount" OR c."kind" <> 'EXPENSE' OR c."category" <> 'PAYOUT'
        OR c."groupId" <> d."groupId") ${inGroups} ${inPeriod}`),
  ]);
  for (const row of shares) {
    if (Number(row.shares) !== Number(row.distributable)) {
      add(
        "shares",
        keyOf(row.groupId, row.month),
        `distribution ${row.number}: shares ≠ distributable amount`,
        { label: "shares", amount: Number(row.shares) },
        { label: "distributable", amount: Number(row.distributable) },
      );
    }
  }
  for (const row of payouts) {
    add(
      "payouts",
      keyOf(row.groupId, row.month),
      `distribution ${row.number}: paid out more than a share`,
      { label: "paid out", amount: Number(row.paid) },
      { label: "share", amount: Number(row.share) },
    );
  }
  for (const row of payoutLines) {
    add(
      "payouts",
      keyOf(row.groupId, row.month),
      `distribution ${row.number}: a payout's cash line is not a payout expense of its amount`,
      { label: "payout", amount: Number(row.paid) },
      { label: "cash line", amount: Number(row.line) },
    );
  }
}

/** Every month key from `first` to `last`, inclusive. */
export function monthsBetween(first: string, last: string): string[] {
  const [y1 = 1970, m1 = 1] = first.split("-").map(Number);
  const [y2 = 1970, m2 = 1] = last.split("-").map(Number);
  const count = (y2 - y1) * 12 + (m2 - m1) + 1;
  if (count <= 0) return [];
  const end = new Date(Date.UTC(y2, m2 - 1, 15));
  return lastWibMonths(new Date(end.getTime()), count);
}

/** One line naming a difference: which check, group, month and both numbers. */
export function describeDifference(d: Difference): string {
  return `${d.check}: group ${d.group}, month ${d.month}: ${d.what}: ${d.left.label} ${d.left.amount}, ${d.right.label} ${d.right.amount}`;
}

/**
 * Corrections (lines with `reversesId`, other than refunds, which the order check covers): each
 * takes back a line of its own group and category with the opposite kind, counted in the
 * correction's month; and no line is taken back for more than its amount, counted in its month.
 */
async function checkCorrections(
  scope: ReconcileScope,
  ids: string[],
  filtered: boolean,
  add: (
    check: Check,
    key: string,
    what: string,
    left: Difference["left"],
    right: Difference["right"],
  ) => void,
) {
  const inGroups = (column: string) =>
    filtered ? Prisma.sql`AND ${Prisma.raw(column)} IN (${Prisma.join(ids)})` : Prisma.empty;
  const inPeriod = (column: string) =>
    Prisma.sql`${scope.from ? Prisma.sql`AND ${month(column)} >= ${scope.from}` : Prisma.empty}
      ${scope.to ? Prisma.sql`AND ${month(column)} <= ${scope.to}` : Prisma.empty}`;
  type Row = { groupId: string; month: string; amount: unknown; taken?: unknown };
  const [unmatched, over] = await Promise.all([
    db.$queryRaw<Row[]>(Prisma.sql`
      SELECT r."groupId", ${month(`r."occurredAt"`)} AS "month", SUM(r."amount") AS "amount"
      FROM "CashEntry" r
      LEFT JOIN "CashEntry" o ON o."id" = r."reversesId" AND o."groupId" = r."groupId"
        AND o."category" = r."category" AND o."kind" <> r."kind"
      WHERE r."reversesId" IS NOT NULL AND r."category" <> 'REFUND' AND o."id" IS NULL
        ${inGroups(`r."groupId"`)} ${inPeriod(`r."occurredAt"`)}
      GROUP BY 1, 2`),
    db.$queryRaw<Row[]>(Prisma.sql`
      SELECT o."groupId", ${month(`o."occurredAt"`)} AS "month", o."amount" AS "amount",
        SUM(r."amount") AS "taken"
      FROM "CashEntry" o
      JOIN "CashEntry" r ON r."reversesId" = o."id" AND r."groupId" = o."groupId"
        AND r."category" = o."category" AND r."kind" <> o."kind"
      WHERE o."category" <> 'REFUND' ${inGroups(`o."groupId"`)} ${inPeriod(`o."occurredAt"`)}
      GROUP BY o."id", o."groupId", 2, o."amount"
      HAVING SUM(r."amount") > o."amount"`),
  ]);
  for (const row of unmatched) {
    add(
      "correction",
      keyOf(row.groupId, row.month),
      "corrections that take back no line of the group with the same category and the opposite kind",
      { label: "unmatched corrections", amount: Number(row.amount ?? 0) },
      { label: "expected", amount: 0 },
    );
  }
  for (const row of over) {
    add(
      "correction",
      keyOf(row.groupId, row.month),
      "corrections take back more than the line",
      { label: "corrections", amount: Number(row.taken ?? 0) },
      { label: "line", amount: Number(row.amount ?? 0) },
    );
  }
}
