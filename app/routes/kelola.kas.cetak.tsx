import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { bookStatement, lineText } from "~/.server/ledger/book";
import { requireBookKeeper } from "~/.server/ledger/book-access";
import { getLang } from "~/.server/http/lang";
import { translator } from "~/locales";
import printCss from "~/styles/book-print.css?url";
import { bookFilterFromUrl, bookQuery, CASH_CATEGORY_KEYS } from "~/utils/book";
import { useLang, useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { formatRupiah } from "~/utils/money";
import { formatDate, formatDateTime, formatMonth } from "~/utils/time";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "book.print_title");

export const links: LinksFunction = () => [{ rel: "stylesheet", href: printCss, media: "print" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { group } = await requireBookKeeper(request);
  const filter = bookFilterFromUrl(new URL(request.url));
  const [statement, lang] = await Promise.all([
    bookStatement({ groupId: group.id }, filter),
    getLang(request),
  ]);
  const t = translator(lang);
  return {
    group: { name: group.name },
    filter,
    printedAt: new Date().toISOString(),
    statement: {
      ...statement,
      lines: statement.lines.map((line) => ({ ...line, text: lineText(line, t, lang) })),
    },
  };
}

/** The book for a period on paper (A4) or as a page to keep: every line, the totals, the balance. */
export default function CashBookPrint() {
  const t = useT();
  const lang = useLang();
  const { group, filter, printedAt, statement } = useLoaderData<typeof loader>();
  const query = bookQuery(filter);
  const period = filter.month ? formatMonth(filter.month, lang) : t("book.all_months");
  return (
    <div className="book-print space-y-4">
      <nav className="flex flex-wrap gap-2 print:hidden" aria-label={t("book.print_title")}>
        <Link to={`/kelola/kas?${query}`} className="btn-secondary">
          {t("book.back_to_book")}
        </Link>
        <a href={`/kelola/kas/pdf?${query}`} className="btn-secondary">
          {t("document.download_pdf")}
        </a>
        <a href={`/kelola/kas/csv?${query}`} className="btn-secondary">
          {t("book.download_csv")}
        </a>
      </nav>
      <header>
        <h1 className="text-2xl font-bold">
          {t("book.title")} — {group.name}
        </h1>
        <p>
          {t("book.period", { period })}
          {filter.category ? ` · ${t(CASH_CATEGORY_KEYS[filter.category])}` : ""}
        </p>
        <p className="text-sm text-stone-600">
          {t("book.printed_at", { date: formatDateTime(printedAt, lang) })}
        </p>
      </header>
      <dl className="grid grid-cols-2 gap-x-4 gap-y-1 sm:grid-cols-4">
        <div>
          <dt className="text-sm text-stone-600">{t("book.opening_balance")}</dt>
          <dd className="font-semibold">{formatRupiah(statement.opening)}</dd>
        </div>
        <div>
          <dt className="text-sm text-stone-600">{t("book.income")}</dt>
          <dd className="font-semibold">{formatRupiah(statement.income)}</dd>
        </div>
        <div>
          <dt className="text-sm text-stone-600">{t("book.expense")}</dt>
          <dd className="font-semibold">{formatRupiah(statement.expense)}</dd>
        </div>
        <div>
          <dt className="text-sm text-stone-600">{t("book.closing_balance")}</dt>
          <dd className="font-semibold">{formatRupiah(statement.closing)}</dd>
        </div>
      </dl>
      {statement.lines.length === 0 ? (
        <p className="text-stone-600">{t("book.empty_filtered")}</p>
      ) : (
        <div
          className="overflow-x-auto print:overflow-visible"
          // A table wider than a phone scrolls sideways; the keyboard must reach it too.
          tabIndex={0}
          role="region"
          aria-label={t("book.lines")}
        >
          <table className="min-w-[40rem] text-sm print:min-w-0 [&_td]:px-1.5 [&_td]:py-1 [&_th]:px-1.5 [&_th]:py-1">
            <caption className="sr-only">{t("book.title")}</caption>
            <thead>
              <tr className="border-b border-stone-400 text-left">
                <th scope="col">{t("book.col.date")}</th>
                <th scope="col">{t("book.category")}</th>
                <th scope="col">{t("book.description")}</th>
                <th scope="col">{t("book.col.giver")}</th>
                <th scope="col">{t("book.col.recorded_by")}</th>
                <th scope="col" className="text-right">
                  {t("book.col.in")}
                </th>
                <th scope="col" className="text-right">
                  {t("book.col.out")}
                </th>
                <th scope="col" className="text-right">
                  {t(filter.category ? "book.running_total" : "book.balance")}
                </th>
              </tr>
            </thead>
            <tbody>
              {statement.lines.map((line) => (
                <tr key={line.id} className="border-b border-stone-200 align-top">
                  <td className="whitespace-nowrap">{formatDate(line.occurredAt, lang)}</td>
                  <td>{t(CASH_CATEGORY_KEYS[line.category])}</td>
                  <td className="break-words">{line.text}</td>
                  <td>{line.giver ?? ""}</td>
                  <td>{line.recordedByName ?? t("book.recorded_by_system")}</td>
                  <td className="text-right whitespace-nowrap">
                    {line.kind === "INCOME" ? formatRupiah(line.amount) : ""}
                  </td>
                  <td className="text-right whitespace-nowrap">
                    {line.kind === "EXPENSE" ? formatRupiah(line.amount) : ""}
                  </td>
                  <td className="text-right whitespace-nowrap">{formatRupiah(line.balance)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
