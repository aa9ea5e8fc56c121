import { requireMonitorAt, type MonitorBase } from "../monitoring/page";
import { networkPicture } from "./graph";
import { networkPeriod } from "./period";

// What /tkm/jaringan and /desa/jaringan load: the viewer's scope (TKM names partners, the village
// government does not), the period and its picker, and the picture; or, for a period that cannot be
// shown, the picker with the reason (status 400) and no picture.

export async function loadNetworkPage(request: Request, base: MonitorBase, now = new Date()) {
  const { scope, url } = await requireMonitorAt(request, base);
  const path = `${base}/jaringan`;
  const chosen = networkPeriod(url, path, now);
  const header = { kind: scope.kind, areaName: scope.areaName, namesPartners: scope.namesPartners };
  if (!chosen.ok) return { status: 400, path, header, picker: chosen.picker, picture: null, pageHrefs: null };
  const picture = await networkPicture(
    { areaPath: scope.areaPath, namesPartners: scope.namesPartners },
    { from: chosen.period.from, to: chosen.period.to },
    { page: chosen.page },
  );
  const { page, pages } = picture.table;
  return {
    status: 200,
    path,
    header,
    picker: chosen.picker,
    picture,
    pageHrefs: {
      previous: page > 1 ? chosen.pageHref(page - 1) : null,
      next: page < pages ? chosen.pageHref(page + 1) : null,
    },
  };
}
