import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { bookPage } from "~/.server/ledger/book";
import { requireBookReader } from "~/.server/ledger/book-access";
import { pageParam } from "~/.server/http/responses";
import { BookFilterForm, BookLineItem, BookPages, BookTotals } from "~/components/book-lines";
import { bookFilterFromUrl, bookQuery } from "~/utils/book";
import { useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";

// A TKM officer reads a group's cash book, as the group's officers see it, without changing it:
// the income the team monitors, with its costs, aid and corrections. Outside the team's area: 404.

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "book.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { group } = await requireBookReader(request, params.groupId ?? "");
  const url = new URL(request.url);
  const filter = bookFilterFromUrl(url);
  const book = await bookPage({ groupId: group.id }, filter, pageParam(url));
  return { group, filter, book };
}

export default function TkmCashBook() {
  const t = useT();
  const { group, filter, book } = useLoaderData<typeof loader>();
  const pageHref = (page: number) => `/tkm/kelompok/${group.id}/kas?${bookQuery(filter, page)}`;
  return (
    <div className="space-y-4">
      <Link to={`/tkm/kelompok/${group.id}`} className="link inline-flex min-h-11 items-center">
        ← {group.name}
      </Link>
      <header>
        <p className="text-sm text-stone-600">{group.name}</p>
        <h1 className="text-2xl font-bold">{t("book.title")}</h1>
        <p className="text-stone-600">{t("book.tkm_intro")}</p>
      </header>
      <BookFilterForm months={book.months} filter={filter} />
      <BookTotals month={filter.month} totals={book.totals} />
      {book.lines.length === 0 ? (
        <p className="card text-stone-600">
          {t(book.count === 0 && !filter.month && !filter.category ? "book.empty" : "book.empty_filtered")}
        </p>
      ) : (
        <ol className="space-y-2" aria-label={t("book.lines")}>
          {book.lines.map((line) => (
            <BookLineItem
              key={line.id}
              line={line}
              formKey=""
              busy={false}
              categoryFiltered={filter.category !== null}
              readOnly
            />
          ))}
        </ol>
      )}
      <BookPages page={book.page} pageCount={book.pageCount} href={pageHref} />
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
