import { createHash } from "node:crypto";
import type {
  NetworkFigures,
  NetworkGrowthMonth,
  NetworkLink,
  NetworkNode,
  NetworkNodeKind,
} from "~/utils/network-picture";
import { db } from "../db/client";
import type { InstitutionKind } from "../db/client";
import {
  linkMonthCounts,
  linkPeriodFacts,
  tradeMonthsOf,
  tradersPerMonth,
  type LinkMonthCount,
} from "../monitoring/facts";
import { addMonths, monthsBetween } from "../monitoring/months";
import { layoutNetwork, SIMULATE_ALL_UP_TO } from "./layout";
import type { Point } from "./layout";
import { institutionNames, supportMonthFacts } from "./supports";

// The network picture of an area for a period of WIB months: the area's groups, the businesses that
// bought from them (sales orders placed in the period, refused and cancelled ones excluded, read
// through monitoring/facts) and the institutions that supported them, with the links between them,
// the network figures, and the growth month by month. Partners are named only when the scope says
// so; otherwise they are numbered by id order ("Pembeli 1", "Bank 1") and their ids never leave
// the server.

export type NetworkScope = { areaPath: string; namesPartners: boolean };
export type MonthSpan = { from: string; to: string };

/** Above this many links the picture draws the strongest ones only; the table keeps them all. */
export const MAX_DRAWN_LINKS = 1500;
/** A picture too big to simulate whole (layout SIMULATE_ALL_UP_TO) draws this many. */
export const MAX_DRAWN_LINKS_BIG = 600;
/** A picture this small has every node numbered; a bigger one numbers its best-connected nodes. */
const MARK_ALL_UP_TO = 30;
const MARKED_NODES = 20;
export const LINKS_PER_PAGE = 50;
const GROWTH_MONTHS = 12;

export type NetworkPicture = {
  period: MonthSpan;
  nodes: NetworkNode[];
  /** The links drawn (the strongest MAX_DRAWN_LINKS), as keys of their ends and a 0–1 weight. */
  drawn: { groupKey: string; partnerKey: string; kind: NetworkLink["kind"]; weight: number }[];
  figures: NetworkFigures;
  table: { rows: NetworkLink[]; page: number; pages: number; total: number };
  growth: NetworkGrowthMonth[];
};

type Pair = { groupId: string; partnerId: string; kind: NetworkLink["kind"] } & Omit<
  NetworkLink,
  "groupKey" | "partnerKey" | "kind"
>;

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** "b2" before "b10": one collator for every comparison (localeCompare with options builds one each call). */
const byPartnerKey = new Intl.Collator("en", { numeric: true });

export async function networkPicture(
  scope: NetworkScope,
  period: MonthSpan,
  options: { page?: number } = {},
): Promise<NetworkPicture> {
  const { areaPath } = scope;
  const growthMonths = monthsBetween(addMonths(period.to, 1 - GROWTH_MONTHS), period.to);
  const readFrom = growthMonths[0] && growthMonths[0] < period.from ? growthMonths[0] : period.from;

  const growthFrom = growthMonths[0] ?? period.from;
  const [groups, trade, supports, tradePerMonth, traders] = await Promise.all([
    db.group.findMany({
      where: { village: { path: { startsWith: areaPath } } },
      select: { id: true, name: true },
    }),
    linkPeriodFacts(areaPath, period.from, period.to),
    supportMonthFacts(areaPath, readFrom, period.to),
    linkMonthCounts(areaPath, growthFrom, period.to),
    tradersPerMonth(areaPath, growthFrom, period.to),
  ]);
  const inPeriod = (month: string) => month >= period.from && month <= period.to;
  const supportGroups = [...new Set(supports.map((fact) => fact.groupId))];
  const supportGroupsTrading = await tradeMonthsOf(supportGroups, growthFrom, period.to);

  // The period's links: one per (group, partner), summed over the months.
  const pairs = new Map<string, Pair>();
  const pairOf = (groupId: string, partnerId: string, kind: Pair["kind"]) => {
    const key = `${kind} ${groupId} ${partnerId}`;
    let pair = pairs.get(key);
    if (!pair) {
      pair = { groupId, partnerId, kind, orders: 0, value: 0, supports: 0, amount: 0 };
      pairs.set(key, pair);
    }
    return pair;
  };
  const institutionKinds = new Map<string, InstitutionKind>();
  for (const fact of trade) {
    const pair = pairOf(fact.groupId, fact.businessId, "trade");
    pair.orders += fact.orders;
    pair.value += fact.value;
  }
  for (const fact of supports) {
    if (!inPeriod(fact.month)) continue;
    institutionKinds.set(fact.institutionId, fact.institutionKind);
    const pair = pairOf(fact.groupId, fact.institutionId, "support");
    pair.supports += fact.supports;
    pair.amount += fact.amount;
  }
  const links = [...pairs.values()];

  const businessIds = [...new Set(links.filter((l) => l.kind === "trade").map((l) => l.partnerId))].sort(
    byString,
  );
  const institutionIds = [...institutionKinds.keys()].sort(byString);
  const [businessNames, institutionNameOf] = scope.namesPartners
    ? await Promise.all([
        db.business
          .findMany({ where: { id: { in: businessIds } }, select: { id: true, name: true } })
          .then((rows) => new Map(rows.map((row) => [row.id, row.name]))),
        institutionNames(institutionIds),
      ])
    : [new Map<string, string>(), new Map<string, string>()];

  // Keys the page sees: a group's id, or a partner's number; partners' ids stay here.
  const keyOf = new Map<string, string>();
  const nodes: (Omit<NetworkNode, "x" | "y" | "r" | "mark"> & {
    id: string;
    strength: number;
    degree: number;
  })[] = [];
  const sortedGroups = [...groups].sort((a, b) => byString(a.name, b.name) || byString(a.id, b.id));
  for (const group of sortedGroups) {
    keyOf.set(group.id, group.id);
    nodes.push(nodeBase(group.id, group.id, "group", group.name, 0, null));
  }
  businessIds.forEach((id, index) => {
    keyOf.set(id, `b${index + 1}`);
    nodes.push(nodeBase(id, `b${index + 1}`, "business", businessNames.get(id) ?? null, index + 1, null));
  });
  const perKind = new Map<InstitutionKind, number>();
  institutionIds.forEach((id, index) => {
    const kind = institutionKinds.get(id) ?? "OTHER";
    const ordinal = (perKind.get(kind) ?? 0) + 1;
    perKind.set(kind, ordinal);
    keyOf.set(id, `i${index + 1}`);
    nodes.push(
      nodeBase(id, `i${index + 1}`, "institution", institutionNameOf.get(id) ?? null, ordinal, kind),
    );
  });

  // Strength (for sizes and the choice of numbered nodes): the share of the heaviest link of its kind.
  const heaviestTrade = Math.max(1, ...links.filter((l) => l.kind === "trade").map((l) => l.value));
  const heaviestSupport = Math.max(1, ...links.filter((l) => l.kind === "support").map((l) => l.supports));
  const weightOf = (link: Pair) =>
    link.kind === "trade" ? Math.max(link.value, 1) / heaviestTrade : link.supports / heaviestSupport;
  const nodeById = new Map(nodes.map((node) => [node.id, node]));
  for (const link of links) {
    for (const id of [link.groupId, link.partnerId]) {
      const node = nodeById.get(id);
      if (!node) continue;
      node.degree += 1;
      node.strength += weightOf(link);
    }
  }
  const strongest = Math.max(1e-9, ...nodes.map((node) => node.strength));

  const tableLinks: NetworkLink[] = links
    .map((link) => ({
      groupKey: keyOf.get(link.groupId) ?? link.groupId,
      partnerKey: keyOf.get(link.partnerId) ?? "",
      kind: link.kind,
      orders: link.orders,
      value: link.value,
      supports: link.supports,
      amount: link.amount,
    }))
    .sort(
      (a, b) =>
        byString(a.kind, b.kind) * -1 || // trade before support
        b.value - a.value ||
        b.supports - a.supports ||
        b.amount - a.amount ||
        byString(a.groupKey, b.groupKey) ||
        byPartnerKey.compare(a.partnerKey, b.partnerKey),
    );
  const pages = Math.max(1, Math.ceil(tableLinks.length / LINKS_PER_PAGE));
  const page = Math.min(Math.max(1, Math.trunc(options.page ?? 1)), pages);
  const pageRows = tableLinks.slice((page - 1) * LINKS_PER_PAGE, page * LINKS_PER_PAGE);

  // A district's picture (thousands of partners) draws fewer links, and shows its groups and only
  // the partners of the links drawn and of the table's page (so its rows are named): thousands of
  // shapes on a phone are neither readable nor light. The figures and the table count every node.
  const big = nodes.length > SIMULATE_ALL_UP_TO;
  const drawnLinks = [...links]
    .sort((a, b) => weightOf(b) - weightOf(a) || byString(a.groupId + a.partnerId, b.groupId + b.partnerId))
    .slice(0, big ? MAX_DRAWN_LINKS_BIG : MAX_DRAWN_LINKS);
  const drawnPartners = new Set(drawnLinks.map((link) => link.partnerId));
  const pagePartners = new Set(pageRows.map((row) => row.partnerKey));
  const shown = big
    ? nodes.filter(
        (node) => node.kind === "group" || drawnPartners.has(node.id) || pagePartners.has(node.key),
      )
    : nodes;
  const shownIds = new Set(shown.map((node) => node.id));

  const marked = chooseMarked(shown);
  const radiusOf = (node: (typeof nodes)[number]) => {
    const base = node.kind === "group" ? 6 : 4;
    const grown = base + 8 * Math.sqrt(node.strength / strongest);
    return Math.round((marked.has(node.id) ? Math.max(grown, 18) : grown) * 10) / 10;
  };

  const layoutNodes = shown.map((node) => ({ id: node.id, radius: radiusOf(node) }));
  const layoutLinks = links
    .filter((link) => shownIds.has(link.groupId) && shownIds.has(link.partnerId))
    .map((link) => ({ source: link.groupId, target: link.partnerId, weight: weightOf(link) }));
  const positions = cachedLayout(layoutNodes, layoutLinks);

  const pictureNodes: NetworkNode[] = shown.map((node, index) => {
    const point = positions.get(node.id) ?? { x: 0, y: 0 };
    return {
      key: node.key,
      kind: node.kind,
      name: node.name,
      ordinal: node.ordinal,
      institutionKind: node.institutionKind,
      x: point.x,
      y: point.y,
      r: layoutNodes[index]?.radius ?? 4,
      mark: marked.get(node.id) ?? null,
    };
  });

  const drawn = drawnLinks.map((link) => ({
    groupKey: keyOf.get(link.groupId) ?? link.groupId,
    partnerKey: keyOf.get(link.partnerId) ?? "",
    kind: link.kind,
    weight: Math.round(weightOf(link) * 1000) / 1000,
  }));

  return {
    period,
    nodes: pictureNodes,
    drawn,
    figures: networkFigures(sortedGroups, links, businessIds.length, institutionIds.length),
    table: {
      rows: pageRows,
      page,
      pages,
      total: tableLinks.length,
    },
    growth: growthByMonth(growthMonths, tradePerMonth, traders, supports, supportGroupsTrading),
  };
}

function nodeBase(
  id: string,
  key: string,
  kind: NetworkNodeKind,
  name: string | null,
  ordinal: number,
  institutionKind: InstitutionKind | null,
) {
  return { id, key, kind, name, ordinal, institutionKind, strength: 0, degree: 0 };
}

/**
 * Which nodes carry a number (and a line in the legend): all of a small picture, else the best
 * connected. Numbered groups first, then businesses, then institutions, each in picture order.
 */
function chooseMarked(nodes: { id: string; kind: NetworkNodeKind; degree: number; strength: number }[]) {
  const chosen =
    nodes.length <= MARK_ALL_UP_TO
      ? nodes
      : [...nodes]
          .sort((a, b) => b.degree - a.degree || b.strength - a.strength || byString(a.id, b.id))
          .slice(0, MARKED_NODES);
  const chosenIds = new Set(chosen.map((node) => node.id));
  const kindOrder: NetworkNodeKind[] = ["group", "business", "institution"];
  const marks = new Map<string, number>();
  for (const kind of kindOrder) {
    for (const node of nodes) {
      if (node.kind === kind && chosenIds.has(node.id)) marks.set(node.id, marks.size + 1);
    }
  }
  return marks;
}

/** Links, density and the groups that hang on one buyer or none, for the period. */
export function networkFigures(
  groups: { id: string; name: string }[],
  links: { groupId: string; partnerId: string; kind: "trade" | "support" }[],
  businesses: number,
  institutions: number,
): NetworkFigures {
  const buyersOf = new Map<string, number>();
  for (const link of links) {
    if (link.kind === "trade") buyersOf.set(link.groupId, (buyersOf.get(link.groupId) ?? 0) + 1);
  }
  const tradeLinks = links.filter((link) => link.kind === "trade").length;
  const supportLinks = links.length - tradeLinks;
  const possible = groups.length * (businesses + institutions);
  return {
    groups: groups.length,
    businesses,
    institutions,
    tradeLinks,
    supportLinks,
    links: links.length,
    density: possible === 0 ? null : links.length / possible,
    singleBuyerGroups: groups.filter((g) => buyersOf.get(g.id) === 1).map(({ id, name }) => ({ id, name })),
    isolatedGroups: groups.filter((g) => !buyersOf.has(g.id)).map(({ id, name }) => ({ id, name })),
  };
}

/**
 * The network month by month: trade counted by the database (linkMonthCounts, tradersPerMonth), support from its
 * rows. A group that both traded and was supported in a month is one node: `supportGroupsTrading`
 * says which of the supported groups traded in which months.
 */
function growthByMonth(
  months: string[],
  trade: LinkMonthCount[],
  traders: { month: string; buyers: number; groups: number }[],
  supports: { groupId: string; institutionId: string; month: string }[],
  supportGroupsTrading: { groupId: string; month: string }[],
): NetworkGrowthMonth[] {
  const tradeIn = new Map(trade.map((row) => [row.month, row]));
  const tradersIn = new Map(traders.map((row) => [row.month, row]));
  const traded = new Set(supportGroupsTrading.map((row) => `${row.groupId} ${row.month}`));
  return months.map((month) => {
    const counts = tradeIn.get(month);
    const tradeLinks = counts?.links ?? 0;
    const supportRows = supports.filter((row) => row.month === month);
    const supportOnlyGroups = new Set(
      supportRows.filter((row) => !traded.has(`${row.groupId} ${month}`)).map((row) => row.groupId),
    ).size;
    const groups = (tradersIn.get(month)?.groups ?? 0) + supportOnlyGroups;
    const businesses = tradersIn.get(month)?.buyers ?? 0;
    const institutions = new Set(supportRows.map((r) => r.institutionId)).size;
    return {
      month,
      tradeLinks,
      supportLinks: supportRows.length,
      links: tradeLinks + supportRows.length,
      newLinks: counts?.newLinks ?? 0,
      groups,
      businesses,
      institutions,
      nodes: groups + businesses + institutions,
    };
  });
}

// The layout depends only on the nodes, their sizes and the weighted links, so it is cached by a
// hash of exactly those: the same picture asked again (another officer, a reload, the village's
// view of the same period) is not laid out twice, and any change in the data is a new key.
const LAYOUT_CACHE_SIZE = 32;
const layoutCache = new Map<string, Map<string, Point>>();

/** Empties the layout cache (tests use it to prove a fresh layout equals the cached one). */
export function forgetLayouts() {
  layoutCache.clear();
}

function cachedLayout(
  nodes: { id: string; radius: number }[],
  links: { source: string; target: string; weight: number }[],
): Map<string, Point> {
  const hash = createHash("sha1");
  for (const node of [...nodes].sort((a, b) => byString(a.id, b.id)))
    hash.update(`n${node.id}:${node.radius};`);
  for (const link of [...links].sort((a, b) => byString(a.source + a.target, b.source + b.target))) {
    hash.update(`l${link.source}:${link.target}:${link.weight};`);
  }
  const key = hash.digest("hex");
  const hit = layoutCache.get(key);
  if (hit) {
    layoutCache.delete(key);
    layoutCache.set(key, hit);
    return hit;
  }
  const positions = layoutNetwork(nodes, links);
  layoutCache.set(key, positions);
  if (layoutCache.size > LAYOUT_CACHE_SIZE) {
    const oldest = layoutCache.keys().next().value;
    if (oldest !== undefined) layoutCache.delete(oldest);
  }
  return positions;
}
