import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireViewer } from "~/.server/auth/guards";
import { getOrderDocument } from "~/.server/documents/documents";
import { renderDocumentPdf } from "~/.server/documents/pdf";
import { getLang } from "~/.server/http/lang";
import { invariantResponse } from "~/.server/http/responses";
import { translator } from "~/locales";

// The PDF of an order's document, for the parties to the order only.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const doc = await getOrderDocument(viewer, params.number ?? "", params["*"] ?? "");
  invariantResponse(doc);
  const lang = await getLang(request);
  const pdf = await renderDocumentPdf(doc, translator(lang), lang);
  const filename = `${doc.kind}-${doc.number.replace(/[^A-Za-z0-9-]+/g, "-")}.pdf`;
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
