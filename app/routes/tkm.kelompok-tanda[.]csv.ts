import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireMonitor } from "~/.server/auth/guards";
import { getLang } from "~/.server/http/lang";
import { areaGroupRows } from "~/.server/monitoring/dashboard";
import { groupsCsv } from "~/.server/monitoring/exports";
import { periodResponse } from "~/.server/monitoring/period-response";
import { translator } from "~/locales";

// Every group of the viewer's area with this month's and the period's figures and its flags (the
// reasons in words), as a spreadsheet file.
export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requireMonitor(request);
  const lang = await getLang(request);
  const period = periodResponse(request, lang);
  const rows = await areaGroupRows({ areaPath: scope.areaPath }, period);
  return new Response(groupsCsv(rows, translator(lang), lang), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="kelompok-tanda-${period.from}-${period.to}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
