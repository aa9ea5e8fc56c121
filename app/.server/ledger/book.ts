import { audit } from "../audit/audit";
import { db, type CashCategory, type CashKind, type Prisma, type Tx } from "../db/client";
import { lockRow } from "../db/locks";
import type { DomainRefusal } from "../http/refusal";
import type { Lang, Translate } from "~/locales";
import {
  CASH_CATEGORY_KEYS,
  isManualCategory,
  kindAllowed,
  MEMBER_CATEGORIES,
  type BookLine,
  type LineSource,
  type ManualCategory,
} from "~/utils/book";
import { wibDateKey, wibNoon } from "~/utils/delivery";
import { lastWibMonths, wibMonthKey, wibMonthStart } from "~/utils/time";
import { signedAmount } from "./cash-book";
import { addCashLine } from "./cash-line";

// The group's cash book (buku kas) as its officers read and keep it: the page with its running
// balance, manual lines, corrections (reversing lines, never an edit), and the exports. Lines the
// system writes (orders, konsinyasi, refunds, payouts) are only read here; cash-book.ts writes them.

/** The group whose book it is: every function takes it, so no caller can read another group's. */
export type BookTenant = { groupId: string };

/** What the reader chose to see: one WIB month ("2026-11") and/or one category. */
export type BookFilter = { month: string | null; category: CashCategory | null };

export const BOOK_PAGE_SIZE = 50;

const EARLIEST_DAY = "2000-01-01";

type Refusal = { ok: false } & DomainRefusal;

function filterWhere(tenant: BookTenant, filter: BookFilter, withMonth = true): Prisma.CashEntryWhereInput {
  const where: Prisma.CashEntryWhereInput = { groupId: tenant.groupId };
  if (filter.category) where.category = filter.category;
  if (withMonth && filter.month) {
    where.occurredAt = { gte: wibMonthStart(filter.month), lt: wibMonthStart(nextMonth(filter.month)) };
  }
  return where;
}

function nextMonth(key: string): string {
  const [year = 1970, month = 1] = key.split("-").map(Number);
  return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, "0")}`;
}

/** The book's order: by when it happened, then by when it was written, then by id (a total order). */
const BOOK_ORDER_DESC = [
  { occurredAt: "desc" },
  { createdAt: "desc" },
  { id: "desc" },
] as const satisfies Prisma.CashEntryOrderByWithRelationInput[];

const BOOK_ORDER_ASC = [
  { occurredAt: "asc" },
  { createdAt: "asc" },
  { id: "asc" },
] as const satisfies Prisma.CashEntryOrderByWithRelationInput[];

type OrderKey = { occurredAt: Date; createdAt: Date; id: string };

/** Lines that come before `line` in the book's order. */
function before(line: OrderKey): Prisma.CashEntryWhereInput {
  return {
    OR: [
      { occurredAt: { lt: line.occurredAt } },
      { occurredAt: line.occurredAt, createdAt: { lt: line.createdAt } },
      { occurredAt: line.occurredAt, createdAt: line.createdAt, id: { lt: line.id } },
    ],
  };
}

/** Income minus expense of the lines matching `where`: one aggregate query in the database. */
async function balanceOf(client: Tx, where: Prisma.CashEntryWhereInput) {
  const sums = await client.cashEntry.groupBy({ by: ["kind"], where, _sum: { amount: true }, _count: true });
  let income = 0;
  let expense = 0;
  let count = 0;
  for (const row of sums) {
    if (row.kind === "INCOME") income += row._sum.amount ?? 0;
    else expense += row._sum.amount ?? 0;
    count += row._count;
  }
  return { income, expense, balance: income - expense, count };
}

const LINE_SELECT = {
  id: true,
  kind: true,
  category: true,
  amount: true,
  occurredAt: true,
  createdAt: true,
  description: true,
  giver: true,
  reason: true,
  reversesId: true,
  memberId: true,
  recordedById: true,
  paymentId: true,
} as const satisfies Prisma.CashEntrySelect;

type LineRow = Prisma.CashEntryGetPayload<{ select: typeof LINE_SELECT }>;

const unique = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => v !== null))];

/**
 * What a page's lines need beyond their own columns (names, the order or report they came from,
 * how much was taken back), each kind read once for the whole page and only when some line needs
 * it: a handful of queries at once instead of one per relation in a row.
 */
async function lineDetails(client: Tx, rows: LineRow[]) {
  const ids = (category: CashCategory) =>
    rows.filter((row) => row.category === category).map((row) => row.id);
  const userIds = unique(rows.map((row) => row.recordedById));
  const memberIds = unique(rows.map((row) => row.memberId));
  const paymentIds = unique(rows.map((row) => row.paymentId));
  const reversesIds = unique(rows.map((row) => row.reversesId));
  const correctable = rows
    .filter((row) => isManualCategory(row.category) && !row.reversesId)
    .map((row) => row.id);
  const consignmentIds = ids("CONSIGNMENT");
  const payoutIds = ids("PAYOUT");
  const none = Promise.resolve([]);
  const [users, members, payments, reversed, reports, payouts, taken] = await Promise.all([
    userIds.length
      ? client.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } })
      : none,
    memberIds.length
      ? client.groupMember.findMany({ where: { id: { in: memberIds } }, select: { id: true, name: true } })
      : none,
    paymentIds.length
      ? client.payment.findMany({
          where: { id: { in: paymentIds } },
          select: { id: true, order: { select: { number: true } } },
        })
      : none,
    reversesIds.length
      ? client.cashEntry.findMany({
          where: { id: { in: reversesIds } },
          select: {
            id: true,
            occurredAt: true,
            description: true,
            payment: { select: { order: { select: { number: true } } } },
          },
        })
      : none,
    consignmentIds.length
      ? client.consignmentReport.findMany({
          where: { cashEntryId: { in: consignmentIds } },
          select: { cashEntryId: true },
        })
      : none,
    payoutIds.length
      ? client.distributionPayout.findMany({
          where: { cashEntryId: { in: payoutIds } },
          select: { cashEntryId: true, share: { select: { distribution: { select: { number: true } } } } },
        })
      : none,
    correctable.length
      ? client.cashEntry.groupBy({
          by: ["reversesId"],
          where: { reversesId: { in: correctable } },
          _sum: { amount: true },
        })
      : none,
  ]);
  return {
    userName: new Map(users.map((user) => [user.id, user.name])),
    memberName: new Map(members.map((member) => [member.id, member.name])),
    orderOfPayment: new Map(payments.map((payment) => [payment.id, payment.order.number])),
    reverses: new Map(reversed.map((line) => [line.id, line])),
    consignment: new Set(reports.map((report) => report.cashEntryId)),
    payout: new Map(payouts.map((payout) => [payout.cashEntryId, payout.share.distribution.number])),
    taken: new Map(taken.map((row) => [row.reversesId ?? "", row._sum.amount ?? 0])),
  };
}

type LineDetails = Awaited<ReturnType<typeof lineDetails>>;

function sourceOf(row: LineRow, details: LineDetails): LineSource | null {
  const reverses = row.reversesId ? details.reverses.get(row.reversesId) : undefined;
  if (row.category === "REFUND") {
    return { type: "refund", orderNumber: reverses?.payment?.order.number ?? null };
  }
  if (reverses) {
    return {
      type: "reversal",
      occurredAt: reverses.occurredAt.toISOString(),
      description: reverses.description,
    };
  }
  const orderNumber = row.paymentId ? details.orderOfPayment.get(row.paymentId) : undefined;
  if (orderNumber) return { type: "order", orderNumber };
  if (details.consignment.has(row.id)) return { type: "consignment" };
  const distributionNumber = details.payout.get(row.id);
  if (distributionNumber) return { type: "payout", distributionNumber };
  return null;
}

/** Rows in book order (oldest first) with the balance after each, starting from `opening`. */
function withBalances(rowsOldestFirst: LineRow[], opening: number, details: LineDetails): BookLine[] {
  let balance = opening;
  return rowsOldestFirst.map((row) => {
    balance += signedAmount(row);
    const taken = details.taken.get(row.id) ?? 0;
    return {
      id: row.id,
      occurredAt: row.occurredAt.toISOString(),
      kind: row.kind,
      category: row.category,
      description: row.description,
      giver: row.giver,
      reason: row.reason,
      memberName: row.memberId ? (details.memberName.get(row.memberId) ?? null) : null,
      recordedByName: row.recordedById ? (details.userName.get(row.recordedById) ?? null) : null,
      amount: row.amount,
      balance,
      source: sourceOf(row, details),
      correctable: isManualCategory(row.category) && !row.reversesId && taken < row.amount,
      reversed: taken,
    };
  });
}

/** The WIB months from the book's first line to now, newest first (the month filter's choices), and whether it has any line. */
async function bookMonths(tenant: BookTenant, now: Date) {
  const first = await db.cashEntry.aggregate({
    where: { groupId: tenant.groupId },
    _min: { occurredAt: true },
  });
  const firstMonth = first._min.occurredAt ? wibMonthKey(first._min.occurredAt) : wibMonthKey(now);
  const [fy = 0, fm = 0] = firstMonth.split("-").map(Number);
  const [ny = 0, nm = 0] = wibMonthKey(now).split("-").map(Number);
  const count = Math.max(1, (ny - fy) * 12 + (nm - fm) + 1);
  return { months: lastWibMonths(now, count).reverse(), empty: first._min.occurredAt === null };
}

/**
 * One page of the book, newest first, with the balance after every line. The balance before the
 * page is one aggregate over the lines before its oldest line, so page 70 of ten years costs what
 * page 1 does. With a category chosen, the balance column runs over that category's lines.
 */
export async function bookPage(tenant: BookTenant, filter: BookFilter, page: number, now = new Date()) {
  const where = filterWhere(tenant, filter);
  const [rowsNewestFirst, totals, months] = await Promise.all([
    db.cashEntry.findMany({
      where,
      select: LINE_SELECT,
      orderBy: [...BOOK_ORDER_DESC],
      skip: (page - 1) * BOOK_PAGE_SIZE,
      take: BOOK_PAGE_SIZE,
    }),
    balanceOf(db, where),
    bookMonths(tenant, now),
  ]);
  const rows = rowsNewestFirst.reverse();
  const oldest = rows[0];
  const [opening, details] = await Promise.all([
    oldest ? balanceOf(db, { AND: [filterWhere(tenant, filter, false), before(oldest)] }) : { balance: 0 },
    lineDetails(db, rows),
  ]);
  return {
    lines: withBalances(rows, opening.balance, details).reverse(),
    page,
    pageCount: Math.max(1, Math.ceil(totals.count / BOOK_PAGE_SIZE)),
    count: totals.count,
    totals: { income: totals.income, expense: totals.expense },
    months: months.months,
    /** An opening balance may still be entered: the book has no line yet. */
    openingAllowed: months.empty,
  };
}

/** The group's current members, for the "whose savings" choice. */
export function bookMembers(tenant: BookTenant) {
  return db.groupMember.findMany({
    where: { groupId: tenant.groupId, leftAt: null },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}

/**
 * Every line the filter shows, oldest first, with the balance after each and the period's
 * totals: what the print view, CSV and PDF show. The opening balance is the book's (or the
 * category's) balance before the month.
 */
export async function bookStatement(tenant: BookTenant, filter: BookFilter) {
  const where = filterWhere(tenant, filter);
  const [rows, opening] = await Promise.all([
    db.cashEntry.findMany({ where, select: LINE_SELECT, orderBy: [...BOOK_ORDER_ASC] }),
    filter.month
      ? balanceOf(db, {
          AND: [filterWhere(tenant, filter, false), { occurredAt: { lt: wibMonthStart(filter.month) } }],
        })
      : Promise.resolve({ balance: 0 }),
  ]);
  const lines = withBalances(rows, opening.balance, await lineDetails(db, rows));
  const income = lines.filter((line) => line.kind === "INCOME").reduce((sum, line) => sum + line.amount, 0);
  const expense = lines.filter((line) => line.kind === "EXPENSE").reduce((sum, line) => sum + line.amount, 0);
  return { lines, opening: opening.balance, income, expense, closing: opening.balance + income - expense };
}

export type BookStatement = Awaited<ReturnType<typeof bookStatement>>;

// ------------------------------------------------------------------ writing

export type BookWriteResult = { ok: true; duplicate: boolean } | Refusal;

/** Was this form (its key) already recorded for the group? Its audit event carries the key. */
async function formAlreadyRecorded(tx: Tx, tenant: BookTenant, formKey: string, now: Date) {
  const found = await tx.auditEvent.findFirst({
    where: {
      groupId: tenant.groupId,
      entityType: "CashEntry",
      createdAt: { gte: new Date(now.getTime() - 7 * 24 * 60 * 60 * 1000) },
      // The key is letters, digits and dashes only (the form schema), so it cannot act as a pattern.
      data: { contains: `"formKey":"${formKey}"` },
    },
    select: { id: true },
  });
  return found !== null;
}

/**
 * One transaction with the group's row locked first: two officers writing at once take turns,
 * so "the first line" (opening balance), "already reversed" and a replayed form key are decided
 * on what the other one committed. Lines themselves never collide: both are kept.
 */
function withGroupLocked(
  tenant: BookTenant,
  work: (tx: Tx) => Promise<BookWriteResult>,
): Promise<BookWriteResult> {
  return db.$transaction(async (tx) => {
    const locked = await lockRow(tx, "Group", { id: tenant.groupId });
    if (!locked) return { ok: false, key: "book.not_found", notFound: true };
    return work(tx);
  });
}

export type ManualLineInput = {
  formKey: string;
  kind: CashKind;
  category: string;
  amount: number;
  date: string;
  description: string;
  giver?: string;
  memberId?: string;
};

/** Checks on a manual line that need no database; the first problem, on its field. */
function manualLineProblem(input: ManualLineInput, now: Date): Refusal | null {
  if (!isManualCategory(input.category)) return { ok: false, key: "form.choose_one", field: "category" };
  if (!kindAllowed(input.category, input.kind)) {
    return { ok: false, key: `book.kind_not_allowed.${input.kind}`, field: "kind" };
  }
  if (!Number.isInteger(input.amount) || input.amount < 1)
    return { ok: false, key: "form.positive", field: "amount" };
  const day = wibNoon(input.date);
  if (!day || input.date < EARLIEST_DAY) return { ok: false, key: "form.date_invalid", field: "date" };
  if (input.date > wibDateKey(now)) return { ok: false, key: "book.date_future", field: "date" };
  if (input.category === "AID" && !input.giver?.trim()) {
    return { ok: false, key: "book.giver_required", field: "giver" };
  }
  return null;
}

/**
 * An officer's manual line: income or expense by category, dated (no later than today, WIB),
 * with the giver for aid and optionally the member for savings or dues. An opening balance only
 * as the book's first line. One transaction with its audit event; a form sent twice is one line.
 */
export async function addManualLine(
  tenant: BookTenant,
  actorId: string,
  input: ManualLineInput,
  now = new Date(),
): Promise<BookWriteResult> {
  const problem = manualLineProblem(input, now);
  if (problem) return problem;
  const category = input.category as ManualCategory;
  const memberId = MEMBER_CATEGORIES.includes(category) && input.memberId ? input.memberId : null;
  return withGroupLocked(tenant, async (tx) => {
    if (await formAlreadyRecorded(tx, tenant, input.formKey, now)) return { ok: true, duplicate: true };
    if (memberId) {
      const member = await tx.groupMember.findFirst({
        where: { id: memberId, groupId: tenant.groupId },
        select: { id: true },
      });
      if (!member) return { ok: false, key: "book.member_unknown", field: "memberId" };
    }
    if (category === "OPENING") {
      const any = await tx.cashEntry.findFirst({ where: { groupId: tenant.groupId }, select: { id: true } });
      if (any) return { ok: false, key: "book.opening_not_first", field: "category" };
    }
    const entry = await addCashLine(tx, {
      groupId: tenant.groupId,
      kind: input.kind,
      category,
      amount: input.amount,
      occurredAt: wibNoon(input.date) as Date,
      description: input.description.trim(),
      giver: category === "AID" ? (input.giver?.trim() ?? null) : input.giver?.trim() || null,
      memberId,
      recordedById: actorId,
      createdAt: now,
    });
    await audit(tx, {
      actorId,
      action: "book.add",
      entityType: "CashEntry",
      entityId: entry.id,
      groupId: tenant.groupId,
      data: { formKey: input.formKey, kind: input.kind, category, amount: input.amount, date: input.date },
    });
    return { ok: true, duplicate: false };
  });
}

/**
 * "Koreksi": a line of the opposite kind and the same category that takes back what is left of a
 * manual line, with the reason. Nothing is edited or deleted. Refused for a correction itself, for
 * lines the system wrote (orders and konsinyasi are taken back through refunds), and for a line
 * already taken back in full; another group's line is "not found".
 */
export async function reverseLine(
  tenant: BookTenant,
  actorId: string,
  input: { formKey: string; entryId: string; reason: string },
  now = new Date(),
): Promise<BookWriteResult> {
  const reason = input.reason.trim();
  if (reason.length < 3) return { ok: false, key: "book.reason_required", field: "reason" };
  // One page's forms share a key; a correction's key also names its line, so a stale page's key
  // sent again for another line is not taken for the first one.
  const formKey = `${input.formKey}.${input.entryId}`;
  return withGroupLocked(tenant, async (tx) => {
    if (await formAlreadyRecorded(tx, tenant, formKey, now)) return { ok: true, duplicate: true };
    const line = await tx.cashEntry.findFirst({
      where: { id: input.entryId, groupId: tenant.groupId },
      select: {
        id: true,
        kind: true,
        category: true,
        amount: true,
        description: true,
        giver: true,
        memberId: true,
        reversesId: true,
      },
    });
    if (!line) return { ok: false, key: "book.not_found", notFound: true };
    if (line.reversesId) return { ok: false, key: "book.reverse_of_reversal" };
    if (!isManualCategory(line.category)) return { ok: false, key: "book.reverse_automatic" };
    const taken = await tx.cashEntry.aggregate({ where: { reversesId: line.id }, _sum: { amount: true } });
    const left = line.amount - (taken._sum.amount ?? 0);
    if (left <= 0) return { ok: false, key: "book.already_reversed" };
    const entry = await addCashLine(tx, {
      groupId: tenant.groupId,
      kind: line.kind === "INCOME" ? "EXPENSE" : "INCOME",
      category: line.category,
      amount: left,
      occurredAt: now,
      description: line.description,
      giver: line.giver,
      memberId: line.memberId,
      reason,
      reversesId: line.id,
      recordedById: actorId,
      createdAt: now,
    });
    await audit(tx, {
      actorId,
      action: "book.reverse",
      entityType: "CashEntry",
      entityId: entry.id,
      groupId: tenant.groupId,
      data: { formKey, reverses: line.id, amount: left, reason },
    });
    return { ok: true, duplicate: false };
  });
}

// ------------------------------------------------------------------ CSV

/** The header a spreadsheet user expects (always Indonesian: the group's own book). */
/** The CSV's columns, in the reader's language: Tanggal, Kategori, … Saldo. */
export const BOOK_CSV_COLUMNS = [
  "book.csv.date",
  "book.csv.category",
  "book.csv.description",
  "book.csv.giver",
  "book.csv.recorded_by",
  "book.csv.in",
  "book.csv.out",
  "book.csv.balance",
] as const;

/**
 * One CSV cell. Numbers stay plain numbers. Text that a spreadsheet would run as a formula
 * (starting with = + - @, a tab or a carriage return) gets a leading apostrophe; text with a
 * comma, quote or line break is quoted.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** What the Keterangan column says of a line: its description, what it came from, a correction's reason. */
export function lineText(line: BookLine, t: Translate, lang: Lang): string {
  const parts = [line.description];
  if (line.source?.type === "order") parts.push(t("book.source.order", { number: line.source.orderNumber }));
  if (line.source?.type === "refund" && line.source.orderNumber) {
    parts.push(t("book.source.refund", { number: line.source.orderNumber }));
  }
  if (line.source?.type === "payout") {
    parts.push(t("book.source.payout", { number: line.source.distributionNumber }));
  }
  if (line.source?.type === "reversal") {
    parts.push(t("book.source.reversal", { date: wibDateKey(new Date(line.source.occurredAt)) }));
  }
  if (line.memberName) parts.push(t("book.member_is", { name: line.memberName }));
  if (line.reason) parts.push(t("book.reason_is", { reason: line.reason }));
  void lang;
  return parts.filter((part) => part.trim() !== "").join(" · ");
}

/** The statement as CSV: UTF-8 with a byte-order mark (so Excel reads Indonesian text), CRLF rows. */
export function bookCsv(statement: BookStatement, t: Translate, lang: Lang): string {
  const rows = statement.lines.map((line) => [
    wibDateKey(new Date(line.occurredAt)),
    t(CASH_CATEGORY_KEYS[line.category]),
    lineText(line, t, lang),
    line.giver,
    line.recordedByName,
    line.kind === "INCOME" ? line.amount : null,
    line.kind === "EXPENSE" ? line.amount : null,
    line.balance,
  ]);
  const body = [BOOK_CSV_COLUMNS.map((key) => t(key)), ...rows]
    .map((row) => row.map(csvCell).join(","))
    .join("\r\n");
  return `\uFEFF${body}\r\n`;
}
