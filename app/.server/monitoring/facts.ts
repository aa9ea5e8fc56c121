import { db, Prisma } from "../db/client";

// The monitoring facts every TKM figure is built from, per group (and buyer) and WIB month: what
// the cash book earned and spent, the orders placed and their value, the deliveries and how many
// came on time. Read from the (group, month) summaries GroupMonth and GroupBuyerMonth, which every
// write keeps in its own transaction (app/.server/summaries) and `npm run reconcile` checks against
// the raw rows; a district's year is a few thousand summary rows instead of a million orders.
// Months are WIB month keys ("2026-11"); `to` is included. Only groups whose village path starts
// with `areaPath`; their buyers may be anywhere. A (group, month) whose figures are all zero (an
// order placed and cancelled) has nothing in it and is left out, as the raw rows would leave it.
// Every GroupBuyerMonth row is a link that traded (its writer deletes a row whose orders were all
// refused or cancelled), so the link figures count rows straight off its primary key.

export type GroupMonthFact = {
  groupId: string;
  month: string;
  /** Earned income from the cash book: ORDER, CONSIGNMENT, OTHER_SALES, less REFUND. */
  earned: number;
  /** Recorded costs: materials, transport, equipment and other expenses, net of corrections. */
  costs: number;
  /** Orders placed in the month that were not rejected or cancelled, and their total value. */
  orders: number;
  salesValue: number;
  /** Orders delivered in the month, and those delivered on time (catalog/groups deliveredOnTime). */
  delivered: number;
  onTime: number;
  /** Businesses it sold to in the month (orders placed, not refused or cancelled): its links. */
  buyers: number;
};

export type LinkMonthFact = {
  groupId: string;
  businessId: string;
  month: string;
  orders: number;
  value: number;
};

function groupsInArea(areaPath: string): Prisma.Sql {
  return Prisma.sql`(SELECT g."id" FROM "Group" g JOIN "Area" a ON a."id" = g."villageId"
    WHERE a."path" LIKE ${`${areaPath}%`})`;
}

const count = (value: number | bigint | null | undefined) => Number(value ?? 0);

function byGroupThenMonth(a: { groupId: string; month: string }, b: { groupId: string; month: string }) {
  if (a.groupId !== b.groupId) return a.groupId < b.groupId ? -1 : 1;
  return a.month < b.month ? -1 : a.month > b.month ? 1 : 0;
}

function byGroupMonthBuyer(
  a: { groupId: string; businessId: string; month: string },
  b: { groupId: string; businessId: string; month: string },
) {
  return byGroupThenMonth(a, b) || (a.businessId < b.businessId ? -1 : a.businessId > b.businessId ? 1 : 0);
}

/**
 * Per group of the area and WIB month in [from, to]: the facts above. Only (group, month) pairs
 * with something in them are returned, sorted by group then month.
 */
export async function groupMonthFacts(areaPath: string, from: string, to: string): Promise<GroupMonthFact[]> {
  type Row = { [K in keyof GroupMonthFact]: K extends "groupId" | "month" ? string : number | bigint };
  const rows = await db.$queryRaw<Row[]>(Prisma.sql`
    SELECT m."groupId" AS "groupId", m."month" AS "month", m."earned" AS "earned", m."costs" AS "costs",
      m."orders" AS "orders", m."salesValue" AS "salesValue", m."delivered" AS "delivered", m."onTime" AS "onTime",
      m."buyers" AS "buyers"
    FROM "GroupMonth" m
    WHERE m."groupId" IN ${groupsInArea(areaPath)} AND m."month" >= ${from} AND m."month" <= ${to}
      AND (m."earned" <> 0 OR m."costs" <> 0 OR m."orders" <> 0 OR m."salesValue" <> 0
        OR m."delivered" <> 0 OR m."onTime" <> 0 OR m."buyers" <> 0)`);
  return rows
    .map((row) => ({
      groupId: row.groupId,
      month: row.month,
      earned: count(row.earned),
      costs: count(row.costs),
      orders: count(row.orders),
      salesValue: count(row.salesValue),
      delivered: count(row.delivered),
      onTime: count(row.onTime),
      buyers: count(row.buyers),
    }))
    .sort(byGroupThenMonth);
}

/**
 * Per group of the area, buyer (anywhere) and WIB month placed in [from, to]: the orders that were
 * not rejected or cancelled, and their total value. Sorted by group, month, then buyer.
 */
export async function linkMonthFacts(areaPath: string, from: string, to: string): Promise<LinkMonthFact[]> {
  const rows = await db.$queryRaw<
    { groupId: string; businessId: string; month: string; orders: number | bigint; value: number | bigint }[]
  >(Prisma.sql`
    SELECT l."groupId" AS "groupId", l."businessId" AS "businessId", l."month" AS "month",
      l."orders" AS "orders", l."value" AS "value"
    FROM "GroupBuyerMonth" l
    WHERE l."groupId" IN ${groupsInArea(areaPath)} AND l."month" >= ${from} AND l."month" <= ${to}`);
  return rows
    .map((row) => ({
      groupId: row.groupId,
      businessId: row.businessId,
      month: row.month,
      orders: count(row.orders),
      value: count(row.value),
    }))
    .sort(byGroupMonthBuyer);
}

// The network's figures totalled by the database: at a district's scale a year holds tens of
// thousands of (group, business, month) rows, and the pages need a few figures per month or per
// link, not the rows. A link is new in a run of months when it has no month of trade before its
// first month in the run: one probe of the primary key (groupId, businessId, month) per link.

/** Each link of the area that traded in [from, to], with its first month of trade in that run. */
function linksIn(areaPath: string, from: string, to: string): Prisma.Sql {
  return Prisma.sql`SELECT l."groupId" AS "groupId", l."businessId" AS "businessId", MIN(l."month") AS "first"
    FROM "GroupBuyerMonth" l
    WHERE l."groupId" IN ${groupsInArea(areaPath)} AND l."month" >= ${from} AND l."month" <= ${to}
    GROUP BY l."groupId", l."businessId"`;
}

/**
 * True for a link (alias p of linksIn) that never traded before its first month in the run: its
 * first month ever is that month. A correlated MIN, read off the primary key's first entry for the
 * pair (PostgreSQL would turn NOT EXISTS into a hash anti-join over the whole table).
 */
const NEVER_BEFORE = Prisma.sql`(SELECT MIN(e."month") FROM "GroupBuyerMonth" e
  WHERE e."groupId" = p."groupId" AND e."businessId" = p."businessId") = p."first"`;

export type LinkMonthCount = {
  month: string;
  /** Group–business pairs that traded in the month. */
  links: number;
  /** Of them, pairs trading for the first time ever. */
  newLinks: number;
};

/**
 * Per WIB month in [from, to] with any trade in the area: the counts above, sorted by month. The
 * links of a month are its groups' buyers added up (GroupMonth.buyers: a link is one group's).
 */
export async function linkMonthCounts(areaPath: string, from: string, to: string): Promise<LinkMonthCount[]> {
  type N = number | bigint | null;
  const [perMonth, firsts] = await Promise.all([
    db.$queryRaw<{ month: string; links: N }[]>(Prisma.sql`
      SELECT m."month" AS "month", SUM(m."buyers") AS "links"
      FROM "GroupMonth" m
      WHERE m."groupId" IN ${groupsInArea(areaPath)} AND m."month" >= ${from} AND m."month" <= ${to}
        AND m."buyers" > 0
      GROUP BY m."month"`),
    db.$queryRaw<{ month: string; newLinks: N }[]>(Prisma.sql`
      SELECT p."first" AS "month", COUNT(*) AS "newLinks" FROM (${linksIn(areaPath, from, to)}) p
      WHERE ${NEVER_BEFORE}
      GROUP BY p."first"`),
  ]);
  const newIn = new Map(firsts.map((row) => [row.month, count(row.newLinks)]));
  return perMonth
    .map((row) => ({ month: row.month, links: count(row.links), newLinks: newIn.get(row.month) ?? 0 }))
    .sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
}

/** Per WIB month in [from, to] with any trade in the area: the distinct businesses and groups trading. */
export async function tradersPerMonth(
  areaPath: string,
  from: string,
  to: string,
): Promise<{ month: string; buyers: number; groups: number }[]> {
  type N = number | bigint | null;
  const rows = await db.$queryRaw<{ month: string; buyers: N; groups: N }[]>(Prisma.sql`
    SELECT l."month" AS "month", COUNT(DISTINCT l."businessId") AS "buyers",
      COUNT(DISTINCT l."groupId") AS "groups"
    FROM "GroupBuyerMonth" l
    WHERE l."groupId" IN ${groupsInArea(areaPath)} AND l."month" >= ${from} AND l."month" <= ${to}
    GROUP BY l."month"`);
  return rows
    .map((row) => ({ month: row.month, buyers: count(row.buyers), groups: count(row.groups) }))
    .sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
}

export type LinkPeriodTotals = {
  /** Distinct group–business pairs that traded in the period, and the distinct businesses. */
  links: number;
  buyers: number;
};

/**
 * The period's links for the area, counted once however many months a pair traded. (The new ones
 * are linkMonthCounts' newLinks added up: a link is new in one month only.)
 */
export async function linkPeriodTotals(
  areaPath: string,
  from: string,
  to: string,
): Promise<LinkPeriodTotals> {
  type N = number | bigint | null;
  const rows = await db.$queryRaw<{ links: N; buyers: N }[]>(Prisma.sql`
    SELECT COUNT(*) AS "links", COUNT(DISTINCT p."businessId") AS "buyers"
    FROM (${linksIn(areaPath, from, to)}) p`);
  return { links: count(rows[0]?.links), buyers: count(rows[0]?.buyers) };
}

export type LinkFact = { groupId: string; businessId: string; orders: number; value: number };

/** Per group–business pair of the area that traded in [from, to]: its orders and value summed. */
export async function linkPeriodFacts(areaPath: string, from: string, to: string): Promise<LinkFact[]> {
  const rows = await db.$queryRaw<
    { groupId: string; businessId: string; orders: number | bigint; value: number | bigint }[]
  >(Prisma.sql`
    SELECT l."groupId" AS "groupId", l."businessId" AS "businessId",
      SUM(l."orders") AS "orders", SUM(l."value") AS "value"
    FROM "GroupBuyerMonth" l
    WHERE l."groupId" IN ${groupsInArea(areaPath)} AND l."month" >= ${from} AND l."month" <= ${to}
    GROUP BY l."groupId", l."businessId"`);
  return rows.map((row) => ({
    groupId: row.groupId,
    businessId: row.businessId,
    orders: count(row.orders),
    value: count(row.value),
  }));
}

/** Of the given groups, the WIB months in [from, to] in which each traded with any business. */
export async function tradeMonthsOf(
  groupIds: string[],
  from: string,
  to: string,
): Promise<{ groupId: string; month: string }[]> {
  if (groupIds.length === 0) return [];
  return db.$queryRaw<{ groupId: string; month: string }[]>(Prisma.sql`
    SELECT DISTINCT l."groupId" AS "groupId", l."month" AS "month" FROM "GroupBuyerMonth" l
    WHERE l."groupId" IN (${Prisma.join(groupIds)}) AND l."month" >= ${from} AND l."month" <= ${to}`);
}

/** A group's own run of WIB months (both ends included), such as its "before" in the report. */
export type GroupMonths = { groupId: string; from: string; to: string };

/** The windows as a table (column1 group, column2 from, column3 to), the same on both databases. */
function windowTable(windows: GroupMonths[]): Prisma.Sql {
  return Prisma.sql`(VALUES ${Prisma.join(windows.map((w) => Prisma.sql`(${w.groupId}, ${w.from}, ${w.to})`))})`;
}

/**
 * The links that traded inside each group's own window: how many group–business pairs, how many
 * distinct businesses, and (asked for, to name them) the businesses' names.
 */
export async function linksInWindows(
  windows: GroupMonths[],
  options: { names: boolean },
): Promise<{ links: number; buyers: number; names: string[] }> {
  if (windows.length === 0) return { links: 0, buyers: 0, names: [] };
  type N = number | bigint | null;
  const pairs = Prisma.sql`SELECT DISTINCT l."groupId", l."businessId" FROM "GroupBuyerMonth" l
    JOIN ${windowTable(windows)} w ON w.column1 = l."groupId"
    WHERE l."month" >= w.column2 AND l."month" <= w.column3`;
  if (!options.names) {
    const totals = await db.$queryRaw<{ links: N; buyers: N }[]>(Prisma.sql`
      SELECT COUNT(*) AS "links", COUNT(DISTINCT p."businessId") AS "buyers" FROM (${pairs}) p`);
    return { links: count(totals[0]?.links), buyers: count(totals[0]?.buyers), names: [] };
  }
  // One row per business with its links, so the count and the names come from one reading.
  const rows = await db.$queryRaw<{ name: string; links: N }[]>(Prisma.sql`
    SELECT b."name" AS "name", COUNT(*) AS "links" FROM (${pairs}) p
    JOIN "Business" b ON b."id" = p."businessId"
    GROUP BY p."businessId", b."name"`);
  return {
    links: rows.reduce((total, row) => total + count(row.links), 0),
    buyers: rows.length,
    names: rows.map((row) => row.name),
  };
}

/** The earned income of each group inside its own window, added up. */
export async function earnedInWindows(windows: GroupMonths[]): Promise<number> {
  if (windows.length === 0) return 0;
  const rows = await db.$queryRaw<{ earned: number | bigint | null }[]>(Prisma.sql`
    SELECT SUM(m."earned") AS "earned" FROM "GroupMonth" m
    JOIN ${windowTable(windows)} w ON w.column1 = m."groupId"
    WHERE m."month" >= w.column2 AND m."month" <= w.column3`);
  return count(rows[0]?.earned);
}

/** The names of the businesses that traded with a group of the area in [from, to]. */
export async function buyerNamesIn(areaPath: string, from: string, to: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ name: string }[]>(Prisma.sql`
    SELECT b."name" AS "name" FROM "Business" b
    WHERE b."id" IN (SELECT l."businessId" FROM "GroupBuyerMonth" l
      WHERE l."groupId" IN ${groupsInArea(areaPath)} AND l."month" >= ${from} AND l."month" <= ${to})`);
  return rows.map((row) => row.name);
}

/**
 * One page's reads of an area's per-month facts. A page asks for overlapping runs of months (the
 * period, the previous one, the charts' twelve months, the flags' last four): `preload` reads the
 * widest run once, and every run inside it is cut from what was read instead of read again.
 * Per-month figures only: a run's distinct links (linkPeriodTotals) cannot be cut from months.
 */
/** What the monitoring pages show of each group of the area. */
export type AreaGroup = {
  id: string;
  name: string;
  village: { name: string };
  joinedAt: Date;
  verifiedAt: Date | null;
  suspendedAt: Date | null;
  baselineMonthlyIncome: number | null;
};

export class AreaFacts {
  private groupList: Promise<AreaGroup[]> | null = null;

  /** The area's groups sorted by name (then id), read once per page. */
  groups(): Promise<AreaGroup[]> {
    this.groupList ??= db.group.findMany({
      where: { village: { path: { startsWith: this.areaPath } } },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      select: {
        id: true,
        name: true,
        village: { select: { name: true } },
        joinedAt: true,
        verifiedAt: true,
        suspendedAt: true,
        baselineMonthlyIncome: true,
      },
    });
    return this.groupList;
  }

  private loaded: {
    from: string;
    to: string;
    months: Promise<GroupMonthFact[]>;
    links: Promise<LinkMonthCount[]>;
  } | null = null;

  constructor(readonly areaPath: string) {}

  preload(from: string, to: string) {
    this.loaded = {
      from,
      to,
      months: groupMonthFacts(this.areaPath, from, to),
      links: linkMonthCounts(this.areaPath, from, to),
    };
    return this;
  }

  private covers(from: string, to: string) {
    return this.loaded && this.loaded.from <= from && to <= this.loaded.to ? this.loaded : null;
  }

  async groupMonths(from: string, to: string): Promise<GroupMonthFact[]> {
    const loaded = this.covers(from, to);
    if (!loaded) return groupMonthFacts(this.areaPath, from, to);
    return (await loaded.months).filter((fact) => fact.month >= from && fact.month <= to);
  }

  async linkMonths(from: string, to: string): Promise<LinkMonthCount[]> {
    const loaded = this.covers(from, to);
    if (!loaded) return linkMonthCounts(this.areaPath, from, to);
    return (await loaded.links).filter((row) => row.month >= from && row.month <= to);
  }
}
