import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireMonitor } from "~/.server/auth/guards";
import { getLang } from "~/.server/http/lang";
import { periodResponse } from "~/.server/monitoring/period-response";
import { orderCsvChunks, textStream } from "~/.server/reports/exports";
import { translator } from "~/locales";

// The area's orders placed in a period as a spreadsheet file, sent as it is read. Buyers are named
// to TKM only; the village government's file gives the kind of business and a number.
export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requireMonitor(request);
  const lang = await getLang(request);
  const period = periodResponse(request, lang);
  const chunks = orderCsvChunks(scope, period, translator(lang));
  return new Response(textStream(chunks), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="pesanan-${period.from}-${period.to}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
