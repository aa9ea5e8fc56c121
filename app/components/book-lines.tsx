import type { ReactNode } from "react";
import { Form, Link } from "@remix-run/react";
import { Field, FormErrors } from "~/components/forms";
import { ALL_CATEGORIES, CASH_CATEGORY_KEYS, type BookLine } from "~/utils/book";
import { useLang, useT } from "~/utils/i18n";
import { formatRupiah } from "~/utils/money";
import { formatDate, formatMonth } from "~/utils/time";

type Reply = { initialValue?: Record<string, unknown> | null; error?: Record<string, string[] | null> };

/** Month and category choice; a plain GET form, so it works without JavaScript. */
export function BookFilterForm({
  months,
  filter,
}: {
  months: string[];
  filter: { month: string | null; category: string | null };
}) {
  const t = useT();
  const lang = useLang();
  return (
    <Form method="get" className="card grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end print:hidden">
      <Field label={t("book.filter_month")} htmlFor="book-month" errorId="book-month-error">
        <select id="book-month" name="bulan" className="field-input" defaultValue={filter.month ?? ""}>
          <option value="">{t("book.all_months")}</option>
          {months.map((month) => (
            <option key={month} value={month}>
              {formatMonth(month, lang)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t("book.filter_category")} htmlFor="book-category" errorId="book-category-error">
        <select
          id="book-category"
          name="kategori"
          className="field-input"
          defaultValue={filter.category ?? ""}
        >
          <option value="">{t("book.all_categories")}</option>
          {ALL_CATEGORIES.map((category) => (
            <option key={category} value={category}>
              {t(CASH_CATEGORY_KEYS[category])}
            </option>
          ))}
        </select>
      </Field>
      <button type="submit" className="btn-secondary">
        {t("book.show")}
      </button>
    </Form>
  );
}

/**
 * Where a line came from. `linked` for the group's officers: links to the order, and how such a
 * line is taken back; a reader outside the group (TKM) sees only where it came from.
 */
function LineSourceText({ line, linked }: { line: BookLine; linked: boolean }) {
  const t = useT();
  const lang = useLang();
  const source = line.source;
  if (!source) return null;
  switch (source.type) {
    case "order":
      return (
        <p className="text-sm">
          {linked ? (
            <Link to={`/kelola/pesanan/${source.orderNumber}`} className="link">
              {t("book.source.order", { number: source.orderNumber })}
            </Link>
          ) : (
            t("book.source.order", { number: source.orderNumber })
          )}
          {linked ? <span className="block text-xs text-stone-600">{t("book.locked.order")}</span> : null}
        </p>
      );
    case "consignment":
      return (
        <p className="text-sm">
          {linked ? (
            <Link to="/kelola/konsinyasi" className="link">
              {t("book.source.consignment")}
            </Link>
          ) : (
            t("book.source.consignment")
          )}
          {linked ? (
            <span className="block text-xs text-stone-600">{t("book.locked.consignment")}</span>
          ) : null}
        </p>
      );
    case "refund":
      return source.orderNumber ? (
        <p className="text-sm">
          {linked ? (
            <Link to={`/kelola/pesanan/${source.orderNumber}`} className="link">
              {t("book.source.refund", { number: source.orderNumber })}
            </Link>
          ) : (
            t("book.source.refund", { number: source.orderNumber })
          )}
        </p>
      ) : null;
    case "payout":
      return (
        <p className="text-sm text-stone-600">
          {t("book.source.payout", { number: source.distributionNumber })}
        </p>
      );
    case "reversal":
      return (
        <p className="text-sm text-stone-600">
          {t("book.source.reversal", { date: formatDate(source.occurredAt, lang) })}
          {source.description ? `: ${source.description}` : ""}
        </p>
      );
  }
}

/** Order and refund lines are described by their order's number, which their link already shows. */
function namesItsOrder(line: BookLine): boolean {
  const source = line.source;
  return (source?.type === "order" || source?.type === "refund") && source.orderNumber === line.description;
}

/** One line of the book, as a card a phone can show: what, when, how much, the balance after it. */
export function BookLineItem({
  line,
  formKey,
  busy,
  categoryFiltered,
  lastResult,
  readOnly = false,
}: {
  line: BookLine;
  formKey: string;
  busy: boolean;
  categoryFiltered: boolean;
  lastResult?: Reply;
  /** A reader outside the group (TKM): no corrections, no links into the group's own pages. */
  readOnly?: boolean;
}) {
  const t = useT();
  const lang = useLang();
  const income = line.kind === "INCOME";
  const reasonId = `reason-${line.id}`;
  return (
    <li className="card space-y-2">
      <div className="flex justify-between gap-3">
        <div className="min-w-0 space-y-1">
          <p className="text-sm text-stone-600">
            {formatDate(line.occurredAt, lang)} · {t(CASH_CATEGORY_KEYS[line.category])}
          </p>
          {line.description && !namesItsOrder(line) ? (
            <p className="font-semibold break-words">{line.description}</p>
          ) : null}
          {line.giver ? <p className="text-sm">{t("book.giver_is", { giver: line.giver })}</p> : null}
          {line.memberName ? (
            <p className="text-sm">{t("book.member_is", { name: line.memberName })}</p>
          ) : null}
          {line.reason ? <p className="text-sm">{t("book.reason_is", { reason: line.reason })}</p> : null}
          <LineSourceText line={line} linked={!readOnly} />
          <p className="text-xs text-stone-600">
            {t("book.recorded_by", { name: line.recordedByName ?? t("book.recorded_by_system") })}
          </p>
        </div>
        <div className="shrink-0 text-right">
          <p className={`font-bold ${income ? "text-brand-800" : "text-red-800"}`}>
            <span className="sr-only">{t(income ? "book.income" : "book.expense")} </span>
            {income ? "+" : "−"}
            {formatRupiah(line.amount)}
          </p>
          <p className="text-sm text-stone-600">
            {t(categoryFiltered ? "book.running_total" : "book.balance")}
            <br />
            {formatRupiah(line.balance)}
          </p>
        </div>
      </div>
      {line.reversed > 0 ? (
        <p className="text-sm text-stone-600">
          {t(line.reversed >= line.amount ? "book.fully_corrected" : "book.partly_corrected", {
            amount: formatRupiah(line.reversed),
          })}
        </p>
      ) : null}
      {line.correctable && !readOnly ? (
        <details open={lastResult !== undefined} className="print:hidden">
          <summary className="inline-flex min-h-11 cursor-pointer items-center font-semibold text-brand-800">
            {t("book.correct")}
          </summary>
          <Form method="post" className="mt-2 space-y-2">
            <p className="text-sm text-stone-600">
              {t("book.correct_explain", { amount: formatRupiah(line.amount - line.reversed) })}
            </p>
            <FormErrors errors={lastResult?.error?.[""] ?? null} />
            <input type="hidden" name="intent" value="reverse" />
            <input type="hidden" name="formKey" value={formKey} />
            <input type="hidden" name="entryId" value={line.id} />
            <Field
              label={t("book.reason")}
              htmlFor={reasonId}
              errorId={`${reasonId}-error`}
              errors={lastResult?.error?.reason}
            >
              <input
                id={reasonId}
                name="reason"
                className="field-input"
                required
                minLength={3}
                maxLength={300}
                aria-describedby={`${reasonId}-error`}
              />
            </Field>
            <button type="submit" className="btn-secondary" disabled={busy}>
              {t("book.correct_submit")}
            </button>
          </Form>
        </details>
      ) : null}
    </li>
  );
}

/** The period's money in and out, above the lines; `children` for the export links. */
export function BookTotals({
  month,
  totals,
  children,
}: {
  month: string | null;
  totals: { income: number; expense: number };
  children?: ReactNode;
}) {
  const t = useT();
  const lang = useLang();
  return (
    <section aria-labelledby="book-totals" className="card grid grid-cols-2 gap-2 text-sm sm:grid-cols-3">
      <h2 id="book-totals" className="col-span-full font-bold">
        {month ? formatMonth(month, lang) : t("book.all_months")}
      </h2>
      <p>
        {t("book.income")}
        <br />
        <span className="font-semibold text-brand-800">{formatRupiah(totals.income)}</span>
      </p>
      <p>
        {t("book.expense")}
        <br />
        <span className="font-semibold text-red-800">{formatRupiah(totals.expense)}</span>
      </p>
      {children}
    </section>
  );
}

/** Newer and older pages of the book, when it has more than one. */
export function BookPages({
  page,
  pageCount,
  href,
}: {
  page: number;
  pageCount: number;
  href: (page: number) => string;
}) {
  const t = useT();
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={t("book.pages")} className="flex items-center justify-between gap-2">
      {page > 1 ? (
        <Link to={href(page - 1)} className="btn-secondary">
          {t("book.newer")}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-sm text-stone-600">{t("book.page_of", { page, pages: pageCount })}</span>
      {page < pageCount ? (
        <Link to={href(page + 1)} className="btn-secondary">
          {t("book.older")}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
