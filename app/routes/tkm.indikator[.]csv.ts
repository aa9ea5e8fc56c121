import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireMonitor } from "~/.server/auth/guards";
import { getLang } from "~/.server/http/lang";
import { indicatorsCsv } from "~/.server/monitoring/exports";
import { areaIndicators } from "~/.server/monitoring/indicators";
import { periodResponse } from "~/.server/monitoring/period-response";
import { translator } from "~/locales";

// The dashboard's indicators for a period as a spreadsheet file, with their definitions (TKM and
// the village government, each for its own area).
export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requireMonitor(request);
  const lang = await getLang(request);
  const period = periodResponse(request, lang);
  const indicators = await areaIndicators({ areaPath: scope.areaPath }, period);
  return new Response(indicatorsCsv(indicators, translator(lang), lang), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="indikator-${period.from}-${period.to}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
