import { wibMonthKey } from "~/utils/time";
import { deliveredOnTime } from "../catalog/groups";
import { Prisma, type Tx } from "../db/client";
import { COST_CATEGORIES, EARNED_CATEGORIES, UNCOUNTED_STATUSES, wibMonthSql } from "./sql";

// The (group, WIB month) summaries GroupMonth and GroupBuyerMonth, kept in the same transaction as
// every write they summarise: the cash book's lines (ledger/) and orders placed, refused, cancelled,
// repriced and delivered (orders/). Each write adds its difference with one UPSERT that increments
// (INSERT … ON CONFLICT DO UPDATE SET x = x + excluded.x): two transactions adding to the same row
// at once both count on PostgreSQL (the second waits on the row) and SQLite (one writer at a time).
// Callers add last in their transaction, after their other row locks, so a lock on a summary row
// is never held while waiting for a product's or an order's (no deadlock with checkout).

export type GroupMonthDelta = {
  earned?: number;
  costs?: number;
  orders?: number;
  salesValue?: number;
  delivered?: number;
  onTime?: number;
  /** Businesses sold to (links): kept by bumpGroupBuyerMonth as a link row appears or goes. */
  buyers?: number;
};

const FIELDS = ["earned", "costs", "orders", "salesValue", "delivered", "onTime", "buyers"] as const;

/** Adds `delta` to the group's month (creating the row at zero first). Nothing when it is all zero. */
export async function bumpGroupMonth(tx: Tx, groupId: string, month: string, delta: GroupMonthDelta) {
  const values = FIELDS.map((field) => delta[field] ?? 0);
  if (values.every((value) => value === 0)) return;
  const [earned, costs, orders, salesValue, delivered, onTime, buyers] = values;
  await tx.$executeRaw`INSERT INTO "GroupMonth"
      ("groupId", "month", "earned", "costs", "orders", "salesValue", "delivered", "onTime", "buyers")
    VALUES (${groupId}, ${month}, ${earned}, ${costs}, ${orders}, ${salesValue}, ${delivered}, ${onTime}, ${buyers})
    ON CONFLICT ("groupId", "month") DO UPDATE SET
      "buyers" = "GroupMonth"."buyers" + excluded."buyers",
      "earned" = "GroupMonth"."earned" + excluded."earned",
      "costs" = "GroupMonth"."costs" + excluded."costs",
      "orders" = "GroupMonth"."orders" + excluded."orders",
      "salesValue" = "GroupMonth"."salesValue" + excluded."salesValue",
      "delivered" = "GroupMonth"."delivered" + excluded."delivered",
      "onTime" = "GroupMonth"."onTime" + excluded."onTime"`;
}

/**
 * Adds orders and value to a group's trade with one business in a month (a link). A row left with
 * no orders is deleted: every row is a link that traded, so the pages count rows from the primary
 * key alone (monitoring/facts). When the link appears or goes, the group's month counts it in
 * `buyers`. The row's orders before are its orders after less this change, read from the UPSERT
 * itself, which holds the row: two writers of one link take turns and each sees the other's count.
 */
export async function bumpGroupBuyerMonth(
  tx: Tx,
  link: { groupId: string; businessId: string; month: string },
  delta: { orders: number; value: number },
) {
  if (delta.orders === 0 && delta.value === 0) return;
  const [row] = await tx.$queryRaw<{ orders: number | bigint }[]>`INSERT INTO "GroupBuyerMonth"
      ("groupId", "businessId", "month", "orders", "value")
    VALUES (${link.groupId}, ${link.businessId}, ${link.month}, ${delta.orders}, ${delta.value})
    ON CONFLICT ("groupId", "businessId", "month") DO UPDATE SET
      "orders" = "GroupBuyerMonth"."orders" + excluded."orders",
      "value" = "GroupBuyerMonth"."value" + excluded."value"
    RETURNING "orders"`;
  const after = Number(row?.orders ?? 0);
  const before = after - delta.orders;
  if (delta.orders < 0) {
    await tx.$executeRaw`DELETE FROM "GroupBuyerMonth" WHERE "groupId" = ${link.groupId}
      AND "businessId" = ${link.businessId} AND "month" = ${link.month} AND "orders" = 0 AND "value" = 0`;
  }
  const buyers = (after > 0 ? 1 : 0) - (before > 0 ? 1 : 0);
  if (buyers !== 0) await bumpGroupMonth(tx, link.groupId, link.month, { buyers });
}

// ------------------------------------------------------------------ the cash book

export type CashLineFacts = {
  groupId: string;
  kind: "INCOME" | "EXPENSE";
  category: string;
  amount: number;
  occurredAt: Date;
  reversesId?: string | null;
};

/** What one cash line adds to earned income and costs (the same rule as sql.ts EARNED_OF_LINE, COSTS_OF_LINE). */
export function cashLineDelta(line: CashLineFacts): { earned: number; costs: number } {
  const signed = line.kind === "EXPENSE" ? -line.amount : line.amount;
  let earned = 0;
  if ((EARNED_CATEGORIES as readonly string[]).includes(line.category)) earned = signed;
  else if (line.category === "REFUND" && line.kind === "EXPENSE") earned = -line.amount;
  let costs = 0;
  if ((COST_CATEGORIES as readonly string[]).includes(line.category)) {
    if (line.kind === "EXPENSE" && !line.reversesId) costs = line.amount;
    else if (line.kind === "INCOME" && line.reversesId) costs = -line.amount;
  }
  return { earned, costs };
}

/** A new cash-book line, counted in its group's WIB month of occurredAt. */
export async function summariseCashLine(tx: Tx, line: CashLineFacts) {
  await bumpGroupMonth(tx, line.groupId, wibMonthKey(line.occurredAt), cashLineDelta(line));
}

// ------------------------------------------------------------------ orders

/** What one order adds to the summaries, as stored now. */
export type OrderFacts = {
  groupId: string;
  businessId: string;
  placedMonth: string;
  /** Not refused or cancelled: an order and its value in the month placed. */
  counted: boolean;
  total: number;
  deliveredMonth: string | null;
  onTime: boolean;
};

/** The order's facts as stored (inside the caller's transaction), or null for no such order. */
export async function orderFacts(tx: Tx, orderId: string): Promise<OrderFacts | null> {
  const rows = await tx.$queryRaw<
    {
      groupId: string;
      businessId: string;
      status: string;
      total: number | bigint;
      placedMonth: string;
      deliveredMonth: string | null;
      onTime: number | bigint | boolean;
    }[]
  >(Prisma.sql`SELECT o."groupId" AS "groupId", o."businessId" AS "businessId", o."status" AS "status",
      o."total" AS "total", ${wibMonthSql(Prisma.sql`o."placedAt"`)} AS "placedMonth",
      CASE WHEN o."deliveredAt" IS NULL THEN NULL ELSE ${wibMonthSql(Prisma.sql`o."deliveredAt"`)} END
        AS "deliveredMonth",
      CASE WHEN o."deliveredAt" IS NOT NULL AND ${deliveredOnTime()} THEN 1 ELSE 0 END AS "onTime"
    FROM "Order" o WHERE o."id" = ${orderId}`);
  const row = rows[0];
  if (!row) return null;
  return {
    groupId: row.groupId,
    businessId: row.businessId,
    placedMonth: row.placedMonth,
    counted: !(UNCOUNTED_STATUSES as readonly string[]).includes(row.status),
    total: Number(row.total),
    deliveredMonth: row.deliveredMonth,
    onTime: Number(row.onTime) === 1,
  };
}

type Contribution = {
  group: Map<string, Required<GroupMonthDelta>>;
  links: Map<string, { orders: number; value: number }>;
};

function emptyDelta(): Required<GroupMonthDelta> {
  return { earned: 0, costs: 0, orders: 0, salesValue: 0, delivered: 0, onTime: 0, buyers: 0 };
}

/** Adds (sign 1) or takes away (sign -1) one order's facts to a running difference. */
function addFacts(into: Contribution, facts: OrderFacts, sign: 1 | -1) {
  const groupRow = (month: string) => {
    const key = `${facts.groupId}|${month}`;
    const row = into.group.get(key) ?? emptyDelta();
    into.group.set(key, row);
    return row;
  };
  if (facts.counted) {
    const placed = groupRow(facts.placedMonth);
    placed.orders += sign;
    placed.salesValue += sign * facts.total;
    const key = `${facts.groupId}|${facts.businessId}|${facts.placedMonth}`;
    const link = into.links.get(key) ?? { orders: 0, value: 0 };
    link.orders += sign;
    link.value += sign * facts.total;
    into.links.set(key, link);
  }
  if (facts.deliveredMonth) {
    const delivered = groupRow(facts.deliveredMonth);
    delivered.delivered += sign;
    if (facts.onTime) delivered.onTime += sign;
  }
}

/**
 * Collects order changes of one transaction and adds their difference to the summaries at the end,
 * rows in key order (two checkouts of the same groups at once take the rows in the same order).
 */
export class OrderSummaryChanges {
  private readonly difference: Contribution = { group: new Map(), links: new Map() };

  /** An order's facts before and after a change (null before: it was just created). */
  record(before: OrderFacts | null, after: OrderFacts | null) {
    if (before) addFacts(this.difference, before, -1);
    if (after) addFacts(this.difference, after, 1);
  }

  async apply(tx: Tx) {
    const byKey = <T>(map: Map<string, T>) =>
      [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [key, delta] of byKey(this.difference.group)) {
      const [groupId, month] = key.split("|") as [string, string];
      await bumpGroupMonth(tx, groupId, month, delta);
    }
    for (const [key, delta] of byKey(this.difference.links)) {
      const [groupId, businessId, month] = key.split("|") as [string, string, string];
      await bumpGroupBuyerMonth(tx, { groupId, businessId, month }, delta);
    }
  }
}

/**
 * Runs `change` on an order inside `tx` and adds what it changed in the summaries (placed, refused
 * or cancelled, repriced, delivered), read from the stored order before and after.
 */
export async function withOrderSummaries<T>(tx: Tx, orderId: string, change: () => Promise<T>): Promise<T> {
  const before = await orderFacts(tx, orderId);
  const result = await change();
  const changes = new OrderSummaryChanges();
  changes.record(before, await orderFacts(tx, orderId));
  await changes.apply(tx);
  return result;
}
