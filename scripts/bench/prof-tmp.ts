import { db } from "~/.server/db/client";
import { suggestGroupsForBuyer, suggestBusinessesForGroup } from "~/.server/matching/suggestions";
const buyer = await db.business.findFirstOrThrow({ where: { slug: { endsWith: "-0", startsWith: "bench-suggest-" } }, select: { id: true } });
for (let i = 0; i < 3; i++) { const t = performance.now(); const r = await suggestGroupsForBuyer({ businessId: buyer.id }); console.log("buyer", (performance.now() - t).toFixed(1), r.suggestions.length); }
const g = (await db.group.findFirstOrThrow({ where: { slug: { startsWith: "kube-bench" } } })).id;
for (let i = 0; i < 2; i++) { const t = performance.now(); const r = await suggestBusinessesForGroup({ groupId: g }); console.log("group", (performance.now() - t).toFixed(1), r.suggestions.length); }
