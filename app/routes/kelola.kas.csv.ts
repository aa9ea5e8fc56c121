import type { LoaderFunctionArgs } from "@remix-run/node";
import { bookCsv, bookStatement } from "~/.server/ledger/book";
import { requireBookKeeper } from "~/.server/ledger/book-access";
import { getLang } from "~/.server/http/lang";
import { translator } from "~/locales";
import { bookFileName, bookFilterFromUrl } from "~/utils/book";

// The book for a period as a spreadsheet file (see bookCsv for the columns and escaping).
export async function loader({ request }: LoaderFunctionArgs) {
  const { group } = await requireBookKeeper(request);
  const filter = bookFilterFromUrl(new URL(request.url));
  const lang = await getLang(request);
  const statement = await bookStatement({ groupId: group.id }, filter);
  return new Response(bookCsv(statement, translator(lang), lang), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${bookFileName(group.slug, filter, "csv")}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
