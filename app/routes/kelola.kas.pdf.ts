import type { LoaderFunctionArgs } from "@remix-run/node";
import { renderBookPdf } from "~/.server/documents/book-pdf";
import { bookStatement } from "~/.server/ledger/book";
import { requireBookKeeper } from "~/.server/ledger/book-access";
import { getLang } from "~/.server/http/lang";
import { translator } from "~/locales";
import { bookFileName, bookFilterFromUrl } from "~/utils/book";

// The book for a period as an A4 PDF, for the group's officers only.
export async function loader({ request }: LoaderFunctionArgs) {
  const { group } = await requireBookKeeper(request);
  const filter = bookFilterFromUrl(new URL(request.url));
  const lang = await getLang(request);
  const statement = await bookStatement({ groupId: group.id }, filter);
  const pdf = await renderBookPdf(
    { groupName: group.name, month: filter.month, category: filter.category, statement },
    translator(lang),
    lang,
  );
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="${bookFileName(group.slug, filter, "pdf")}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
