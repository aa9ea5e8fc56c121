import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireMonitor } from "~/.server/auth/guards";
import { getLang } from "~/.server/http/lang";
import { periodResponse } from "~/.server/monitoring/period-response";
import { linkCsv } from "~/.server/reports/exports";
import { translator } from "~/locales";

// The links of a period (group × business × month: orders and their value) as a spreadsheet file.
export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requireMonitor(request);
  const lang = await getLang(request);
  const period = periodResponse(request, lang);
  return new Response(await linkCsv(scope, period, translator(lang)), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="jejaring-${period.from}-${period.to}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
