import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireMonitor } from "~/.server/auth/guards";
import { getLang } from "~/.server/http/lang";
import { indicatorsJson } from "~/.server/monitoring/exports";
import { areaIndicators } from "~/.server/monitoring/indicators";
import { periodResponse } from "~/.server/monitoring/period-response";
import { translator } from "~/locales";

// The indicators as JSON (?periode=2026-11 | 2026-Q4 | 2026, or ?dari=2026-01&sampai=2026-06), with
// the same definitions as the dashboard and the CSV; a bad period is a 400 with the message.
export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requireMonitor(request);
  const lang = await getLang(request);
  const period = periodResponse(request, lang, "json");
  const indicators = await areaIndicators({ areaPath: scope.areaPath }, period);
  return Response.json(
    { area: scope.areaName, ...indicatorsJson(indicators, translator(lang)) },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}
