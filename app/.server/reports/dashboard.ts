import { lastWibMonths, wibMonthStart } from "~/utils/time";
import { deliveredOnTime } from "../catalog/groups";
import { db, Prisma } from "../db/client";
import { earnedIncomeByMonth, wibMonthOf } from "../ledger/summary";

// The group's sales dashboard (/kelola): this month against last month and the same month last
// year, income by month for a year, top products and what buyers still owe. Every figure is
// counted by the database per WIB month (bench: dashboard), then arranged here.

/** Orders that were refused or called off are not sales. */
const NOT_SALES = Prisma.raw(`'REJECTED', 'CANCELLED'`);
const CHART_MONTHS = 12;
const TOP_PRODUCTS = 5;

export type MonthFigures = {
  month: string;
  income: number;
  orders: number;
  buyers: number;
  newBuyers: number;
  returningBuyers: number;
  delivered: number;
  onTime: number;
  /** On-time deliveries over deliveries in the month; null when nothing was delivered. */
  onTimeShare: number | null;
};

export type GroupDashboard = {
  months: string[];
  incomeByMonth: Record<string, number>;
  current: MonthFigures;
  previous: MonthFigures;
  lastYear: MonthFigures;
  topProducts: { productId: string; name: string; quantity: number; value: number }[];
  owed: {
    tempo: { invoices: number; amount: number; overdue: number; overdueAmount: number };
    consignment: { reports: number; amount: number };
  };
};

function monthAfter(key: string): string {
  const [year = 1970, month = 1] = key.split("-").map(Number);
  const d = new Date(Date.UTC(year, month, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}

const count = (value: number | bigint | null | undefined) => Number(value ?? 0);

export async function groupDashboard(tenant: { groupId: string }, now = new Date()): Promise<GroupDashboard> {
  const { groupId } = tenant;
  // Thirteen months: the chart's twelve and, before them, the same month last year.
  const span = lastWibMonths(now, CHART_MONTHS + 1);
  const first = span[0] ?? "1970-01";
  const last = span[span.length - 1] ?? first;
  const from = wibMonthStart(first);
  const to = wibMonthStart(monthAfter(last));
  const placedMonth = wibMonthOf(Prisma.sql`o."placedAt"`);
  const deliveredMonth = wibMonthOf(Prisma.sql`o."deliveredAt"`);

  const [income, buyerMonths, firstOrders, deliveries, topProducts, tempo, consignment] = await Promise.all([
    earnedIncomeByMonth(tenant, { from, to }),
    // Orders per month and buyer: the month's orders, its distinct buyers, and who was new.
    db.$queryRaw<{ month: string; businessId: string; orders: number | bigint }[]>(Prisma.sql`
      SELECT ${placedMonth} AS "month", o."businessId" AS "businessId", COUNT(*) AS "orders"
      FROM "Order" o
      WHERE o."groupId" = ${groupId} AND o."placedAt" >= ${from} AND o."placedAt" < ${to}
        AND o."status" NOT IN (${NOT_SALES})
      GROUP BY ${placedMonth}, o."businessId"`),
    // Each of those buyers' first order with the group, ever: new in the month it falls in.
    db.$queryRaw<{ businessId: string; month: string }[]>(Prisma.sql`
      SELECT f."businessId" AS "businessId", ${wibMonthOf(Prisma.sql`f."firstAt"`)} AS "month"
      FROM (SELECT o."businessId" AS "businessId", MIN(o."placedAt") AS "firstAt"
        FROM "Order" o
        WHERE o."groupId" = ${groupId} AND o."status" NOT IN (${NOT_SALES})
          AND o."businessId" IN (SELECT b."businessId" FROM "Order" b
            WHERE b."groupId" = ${groupId} AND b."placedAt" >= ${from} AND b."placedAt" < ${to})
        GROUP BY o."businessId") f`),
    db.$queryRaw<{ month: string; delivered: number | bigint; onTime: number | bigint }[]>(Prisma.sql`
      SELECT ${deliveredMonth} AS "month", COUNT(*) AS "delivered",
        SUM(CASE WHEN ${deliveredOnTime()} THEN 1 ELSE 0 END) AS "onTime"
      FROM "Order" o
      WHERE o."groupId" = ${groupId} AND o."deliveredAt" >= ${from} AND o."deliveredAt" < ${to}
      GROUP BY ${deliveredMonth}`),
    // Top products of the chart's twelve months, by the value ordered.
    db.$queryRaw<{ productId: string; name: string; quantity: number | bigint; value: number | bigint }[]>(
      Prisma.sql`
      SELECT i."productId" AS "productId", p."name" AS "name",
        SUM(i."quantity") AS "quantity", SUM(i."lineTotal") AS "value"
      FROM "OrderItem" i
        JOIN "Order" o ON o."id" = i."orderId"
        JOIN "Product" p ON p."id" = i."productId"
      WHERE o."groupId" = ${groupId} AND o."placedAt" >= ${wibMonthStart(span[1] ?? first)}
        AND o."placedAt" < ${to} AND o."status" NOT IN (${NOT_SALES})
      GROUP BY i."productId", p."name"
      ORDER BY SUM(i."lineTotal") DESC, p."name" ASC
      LIMIT ${TOP_PRODUCTS}`,
    ),
    // Tempo invoices (issued on confirmation) still not paid in full, and those past their due date.
    db.$queryRaw<
      {
        invoices: number | bigint;
        amount: number | bigint | null;
        overdue: number | bigint | null;
        overdueAmount: number | bigint | null;
      }[]
    >(Prisma.sql`
      SELECT COUNT(*) AS "invoices", SUM(o."total" - o."amountPaid") AS "amount",
        SUM(CASE WHEN o."dueAt" < ${now} THEN 1 ELSE 0 END) AS "overdue",
        SUM(CASE WHEN o."dueAt" < ${now} THEN o."total" - o."amountPaid" ELSE 0 END) AS "overdueAmount"
      FROM "Order" o JOIN "Invoice" v ON v."orderId" = o."id"
      WHERE o."groupId" = ${groupId} AND o."paymentMethod" = 'TEMPO'
        AND o."status" NOT IN (${NOT_SALES}) AND o."amountPaid" < o."total"`),
    db.consignmentReport.aggregate({
      where: { paidAt: null, placement: { groupId } },
      _count: { _all: true },
      _sum: { amountDue: true },
    }),
  ]);

  const firstMonthOf = new Map(firstOrders.map((row) => [row.businessId, row.month]));
  const figures = (month: string): MonthFigures => {
    const rows = buyerMonths.filter((row) => row.month === month);
    const newBuyers = rows.filter((row) => firstMonthOf.get(row.businessId) === month).length;
    const delivery = deliveries.find((row) => row.month === month);
    const delivered = count(delivery?.delivered);
    const onTime = count(delivery?.onTime);
    return {
      month,
      income: income.get(month) ?? 0,
      orders: rows.reduce((sum, row) => sum + count(row.orders), 0),
      buyers: rows.length,
      newBuyers,
      returningBuyers: rows.length - newBuyers,
      delivered,
      onTime,
      onTimeShare: delivered ? onTime / delivered : null,
    };
  };
  const months = span.slice(1);
  const owedTempo = tempo[0];
  return {
    months,
    incomeByMonth: Object.fromEntries(months.map((m) => [m, income.get(m) ?? 0])),
    current: figures(last),
    previous: figures(span[span.length - 2] ?? last),
    lastYear: figures(first),
    topProducts: topProducts.map((row) => ({
      productId: row.productId,
      name: row.name,
      quantity: count(row.quantity),
      value: count(row.value),
    })),
    owed: {
      tempo: {
        invoices: count(owedTempo?.invoices),
        amount: count(owedTempo?.amount),
        overdue: count(owedTempo?.overdue),
        overdueAmount: count(owedTempo?.overdueAmount),
      },
      consignment: {
        reports: consignment._count._all,
        amount: consignment._sum.amountDue ?? 0,
      },
    },
  };
}
