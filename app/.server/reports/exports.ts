import type { MessageKey, Translate } from "~/locales";
import { BUSINESS_KIND_KEYS, ORDER_STATUS_KEYS, PAYMENT_METHOD_KEYS } from "~/utils/labels";
import { wibMonthStart } from "~/utils/time";
import { db, type Prisma } from "../db/client";
import type { BusinessKind } from "../db/client";
import { csvCell } from "../ledger/book";
import { linkMonthFacts } from "../monitoring/facts";
import { addMonths } from "../monitoring/months";

// CSV exports for TKM and the village government: the orders of the area's groups and the links
// (group × business × month) for a period of WIB months. Written with the cash book's CSV cell
// (formula-injection safe), UTF-8 with a byte-order mark and CRLF rows like the book's CSV, so a
// spreadsheet opens them alike. Only TKM sees buyers' names; the village government sees the kind
// of business and a number that tells one business from another within the file.

/** Who reads the export and over which area: a MonitorScope carries both. */
export type ExportScope = { areaPath: string; namesPartners: boolean };
/** WIB month keys, both included. */
export type MonthRange = { from: string; to: string };

const ORDER_PAGE = 2_000;
const BOM = "\uFEFF";

const csvRow = (cells: (string | number | null)[]) => `${cells.map(csvCell).join(",")}\r\n`;

function inArea(areaPath: string) {
  return { village: { path: { startsWith: areaPath } } };
}

/** "2026-11-03 21:05": the WIB date and time of an instant, as a spreadsheet sorts it. */
export function wibDateTimeText(instant: Date): string {
  return new Date(instant.getTime() + 7 * 60 * 60 * 1000).toISOString().slice(0, 16).replace("T", " ");
}

/**
 * How a business is named in an export: its name for TKM; for the village government the kind of
 * business (its own column) and a number, the same for the same business throughout one file.
 */
function partnerNamer(scope: ExportScope, t: Translate) {
  const numbers = new Map<string, number>();
  return (business: { id: string; name: string; kind: BusinessKind }) => {
    if (scope.namesPartners) return business.name;
    let number = numbers.get(business.id);
    if (number === undefined) {
      number = numbers.size + 1;
      numbers.set(business.id, number);
    }
    return t("rep.csv.partner_alias", { number });
  };
}

export const ORDER_CSV_COLUMNS: MessageKey[] = [
  "rep.csv.order_number",
  "rep.csv.group",
  "rep.csv.village",
  "rep.csv.buyer",
  "rep.csv.buyer_kind",
  "rep.csv.placed_at",
  "rep.csv.status",
  "rep.csv.method",
  "rep.csv.total",
  "rep.csv.paid",
];

/**
 * Every order of the area's groups placed in the period (all statuses: the status column says
 * which were refused or called off), oldest first. Read a page at a time and sent as it is read,
 * so a district's year of orders never sits in memory at once.
 */
export async function* orderCsvChunks(
  scope: ExportScope,
  range: MonthRange,
  t: Translate,
): AsyncGenerator<string> {
  const partner = partnerNamer(scope, t);
  yield BOM + csvRow(ORDER_CSV_COLUMNS.map((key) => t(key)));
  const where: Prisma.OrderWhereInput = {
    group: inArea(scope.areaPath),
    placedAt: { gte: wibMonthStart(range.from), lt: wibMonthStart(addMonths(range.to, 1)) },
  };
  let cursor: string | null = null;
  for (;;) {
    const orders = await orderPage(where, cursor);
    if (orders.length === 0) return;
    yield orders
      .map((order) =>
        csvRow([
          order.number,
          order.group.name,
          order.group.village.name,
          partner(order.business),
          t(BUSINESS_KIND_KEYS[order.business.kind]),
          wibDateTimeText(order.placedAt),
          t(ORDER_STATUS_KEYS[order.status]),
          t(PAYMENT_METHOD_KEYS[order.paymentMethod]),
          order.total,
          order.amountPaid,
        ]),
      )
      .join("");
    if (orders.length < ORDER_PAGE) return;
    cursor = orders[orders.length - 1]?.id ?? null;
  }
}

export const LINK_CSV_COLUMNS: MessageKey[] = [
  "rep.csv.group",
  "rep.csv.village",
  "rep.csv.buyer",
  "rep.csv.buyer_kind",
  "rep.csv.month",
  "rep.csv.orders",
  "rep.csv.value",
];

/**
 * The links of the period: each group of the area and business that traded in a WIB month (sales
 * orders placed, not refused or cancelled — monitoring/facts linkMonthFacts, the definition every
 * links figure uses), with the orders and their value. Sorted by group name, month, business.
 */
export async function linkCsv(scope: ExportScope, range: MonthRange, t: Translate): Promise<string> {
  const facts = await linkMonthFacts(scope.areaPath, range.from, range.to);
  const groupIds = [...new Set(facts.map((fact) => fact.groupId))];
  const businessIds = [...new Set(facts.map((fact) => fact.businessId))];
  const [groups, businesses] = await Promise.all([
    db.group.findMany({
      where: { id: { in: groupIds } },
      select: { id: true, name: true, village: { select: { name: true } } },
    }),
    db.business.findMany({
      where: { id: { in: businessIds } },
      select: { id: true, name: true, kind: true },
    }),
  ]);
  const groupOf = new Map(groups.map((group) => [group.id, group]));
  const businessOf = new Map(businesses.map((business) => [business.id, business]));
  const rows = facts.flatMap((fact) => {
    const group = groupOf.get(fact.groupId);
    const business = businessOf.get(fact.businessId);
    return group && business ? [{ fact, group, business }] : [];
  });
  rows.sort(
    (a, b) =>
      a.group.name.localeCompare(b.group.name, "id") ||
      a.fact.month.localeCompare(b.fact.month) ||
      // The village government's file must not betray the names, not even by their order.
      (scope.namesPartners ? a.business.name.localeCompare(b.business.name, "id") : 0) ||
      a.business.id.localeCompare(b.business.id),
  );
  const partner = partnerNamer(scope, t);
  return (
    BOM +
    csvRow(LINK_CSV_COLUMNS.map((key) => t(key))) +
    rows
      .map(({ fact, group, business }) =>
        csvRow([
          group.name,
          group.village.name,
          partner(business),
          t(BUSINESS_KIND_KEYS[business.kind]),
          fact.month,
          fact.orders,
          fact.value,
        ]),
      )
      .join("")
  );
}

function orderPage(where: Prisma.OrderWhereInput, cursor: string | null) {
  return db.order.findMany({
    where,
    orderBy: [{ placedAt: "asc" }, { id: "asc" }],
    take: ORDER_PAGE,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    select: {
      id: true,
      number: true,
      placedAt: true,
      status: true,
      paymentMethod: true,
      total: true,
      amountPaid: true,
      group: { select: { name: true, village: { select: { name: true } } } },
      business: { select: { id: true, name: true, kind: true } },
    },
  });
}

/** A generator of text as a streamed response body. */
export function textStream(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}
