import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { addManualLine, bookMembers, bookPage, reverseLine } from "~/.server/ledger/book";
import { requireBookKeeper } from "~/.server/ledger/book-access";
import { readForm } from "~/.server/http/form";
import { getLang } from "~/.server/http/lang";
import { refusalResponse } from "~/.server/http/refusal";
import { pageParam } from "~/.server/http/responses";
import { newIdempotencyKey } from "~/.server/payments/record";
import { BookFilterForm, BookLineItem, BookPages, BookTotals } from "~/components/book-lines";
import { ManualLineForm } from "~/components/book-line-form";
import { FormErrors } from "~/components/forms";
import { BookActionSchema } from "~/forms/book";
import { useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { wibDateKey } from "~/utils/delivery";
import { bookFilterFromUrl, bookQuery } from "~/utils/book";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "book.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const { group } = await requireBookKeeper(request);
  const url = new URL(request.url);
  const filter = bookFilterFromUrl(url);
  const tenant = { groupId: group.id };
  const [book, members] = await Promise.all([bookPage(tenant, filter, pageParam(url)), bookMembers(tenant)]);
  return {
    group: { name: group.name },
    filter,
    book,
    members,
    formKey: newIdempotencyKey(),
    today: wibDateKey(new Date()),
    saved: url.searchParams.get("tersimpan"),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { viewer, group } = await requireBookKeeper(request);
  const submission = parseWithZod(await readForm(request), { schema: BookActionSchema });
  if (submission.status !== "success") return Response.json(submission.reply(), { status: 400 });
  const tenant = { groupId: group.id };
  const value = submission.value;
  const result =
    value.intent === "add"
      ? await addManualLine(tenant, viewer.id, value)
      : await reverseLine(tenant, viewer.id, value);
  if (!result.ok) return refusalResponse(submission.reply, result, await getLang(request));
  const saved = result.duplicate ? "sama" : value.intent === "add" ? "baris" : "koreksi";
  return redirect(`/kelola/kas?tersimpan=${saved}`);
}

export default function CashBook() {
  const t = useT();
  const { group, filter, book, members, formKey, today, saved } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const intent = lastResult?.initialValue?.intent;
  const query = bookQuery(filter);
  const pageHref = (page: number) => `/kelola/kas?${bookQuery(filter, page)}`;
  return (
    <div className="space-y-4">
      <Link to="/kelola" className="link inline-flex min-h-11 items-center">
        ← {t("manage.back")}
      </Link>
      <header>
        <p className="text-sm text-stone-600">{group.name}</p>
        <h1 className="text-2xl font-bold">{t("book.title")}</h1>
        <p className="text-stone-600">{t("book.intro")}</p>
      </header>
      {saved ? (
        <p role="status" className="rounded-lg border border-brand-600 bg-brand-50 p-3 text-brand-800">
          {t(
            saved === "koreksi"
              ? "book.saved_reversal"
              : saved === "sama"
                ? "book.saved_duplicate"
                : "book.saved_line",
          )}
        </p>
      ) : null}
      <ManualLineForm
        formKey={formKey}
        members={members}
        openingAllowed={book.openingAllowed}
        today={today}
        lastResult={intent === "add" ? lastResult : undefined}
        busy={busy}
      />
      <BookFilterForm months={book.months} filter={filter} />
      <BookTotals month={filter.month} totals={book.totals}>
        <p className="col-span-full flex flex-wrap gap-x-4 print:hidden sm:col-span-1">
          <Link to={`/kelola/kas/cetak?${query}`} className="link inline-flex min-h-11 items-center">
            {t("book.print")}
          </Link>
          <a href={`/kelola/kas/csv?${query}`} className="link inline-flex min-h-11 items-center">
            CSV
          </a>
          <a href={`/kelola/kas/pdf?${query}`} className="link inline-flex min-h-11 items-center">
            PDF
          </a>
        </p>
      </BookTotals>
      {intent === "reverse" && !lastResult?.initialValue?.entryId ? (
        <FormErrors errors={lastResult?.error?.[""] ?? null} />
      ) : null}
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
              formKey={formKey}
              busy={busy}
              categoryFiltered={filter.category !== null}
              lastResult={
                intent === "reverse" && lastResult?.initialValue?.entryId === line.id ? lastResult : undefined
              }
            />
          ))}
        </ol>
      )}
      <BookPages page={book.page} pageCount={book.pageCount} href={pageHref} />
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
