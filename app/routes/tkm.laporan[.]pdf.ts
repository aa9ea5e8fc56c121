import type { LoaderFunctionArgs } from "@remix-run/node";
import { renderReportPdf } from "~/.server/documents/report-pdf";
import { getLang } from "~/.server/http/lang";
import { requireMonitorAt } from "~/.server/monitoring/page";
import { periodResponse } from "~/.server/monitoring/period-response";
import { periodReport } from "~/.server/reports/period-report";
import { translator } from "~/locales";

// The period report as an A4 PDF: TKM's at /tkm/laporan.pdf, the village government's (no names of
// businesses or institutions) at /desa/laporan.pdf, which re-exports this loader. Each viewer is
// sent to her own; a bad period is a 400 with the message.
export async function loader({ request }: LoaderFunctionArgs) {
  const base = new URL(request.url).pathname.startsWith("/desa/") ? "/desa" : "/tkm";
  const { viewer, scope } = await requireMonitorAt(request, base);
  const lang = await getLang(request);
  const period = periodResponse(request, lang);
  const report = await periodReport(scope, viewer.tkmTeam?.name ?? null, period);
  const pdf = await renderReportPdf(report, translator(lang), lang);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="laporan-${period.from}-${period.to}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
