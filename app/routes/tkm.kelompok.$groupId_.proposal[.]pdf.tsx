import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireTkmOfficer } from "~/.server/auth/guards";
import { renderProposalPdf } from "~/.server/documents/proposal-pdf";
import { getLang } from "~/.server/http/lang";
import { invariantResponse } from "~/.server/http/responses";
import { proposalPack } from "~/.server/reports/proposal-pack";
import { translator } from "~/locales";

// The proposal data pack for one group, as a PDF a TKM officer attaches to an aid or loan
// proposal. TKM only; a group outside the team's area is answered like one that does not exist.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { team } = await requireTkmOfficer(request);
  const pack = await proposalPack({ areaPath: team.areaPath, groupId: params.groupId ?? "" });
  invariantResponse(pack);
  const lang = await getLang(request);
  const pdf = await renderProposalPdf(pack, translator(lang), lang);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="proposal-${pack.group.slug}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
