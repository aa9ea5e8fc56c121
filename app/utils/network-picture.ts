import type { InstitutionKind } from "~/.server/db/generated/sqlite/enums";
import type { MessageKey, Translate } from "~/locales";

// The network picture as the page receives it (browser-safe: no server code, only shapes and
// labels). Partners are named only when the viewer may see names (TKM); otherwise `name` is null
// and the label is "Pembeli 3" or "Bank 1", numbered in a stable order (by id).

export type NetworkNodeKind = "group" | "business" | "institution";

export type NetworkNode = {
  /** Opaque key inside the picture: the group's id, or "b3"/"i1" for partners. */
  key: string;
  kind: NetworkNodeKind;
  /** The group's or partner's name; null for partners when names are withheld. */
  name: string | null;
  /** Partner numbering (1, 2, …) by id order inside the picture; 0 for groups. */
  ordinal: number;
  institutionKind: InstitutionKind | null;
  x: number;
  y: number;
  r: number;
  /** The number written on the node and in the legend, for the best-connected nodes; else null. */
  mark: number | null;
};

export type NetworkLink = {
  groupKey: string;
  partnerKey: string;
  kind: "trade" | "support";
  /** Trade: sales orders placed in the period and their value. */
  orders: number;
  value: number;
  /** Support: how many times, and the money amount where there was one. */
  supports: number;
  amount: number;
};

export type NetworkFigures = {
  groups: number;
  businesses: number;
  institutions: number;
  tradeLinks: number;
  supportLinks: number;
  links: number;
  /** links / (groups × partners); null when there is no possible pair. */
  density: number | null;
  singleBuyerGroups: { id: string; name: string }[];
  isolatedGroups: { id: string; name: string }[];
};

export type NetworkGrowthMonth = {
  month: string;
  tradeLinks: number;
  supportLinks: number;
  links: number;
  /** Trade links whose first order ever falls in this month. */
  newLinks: number;
  /** Groups with at least one link, partner businesses and institutions in the month. */
  groups: number;
  businesses: number;
  institutions: number;
  nodes: number;
};

export const INSTITUTION_KIND_KEYS: Record<InstitutionKind, MessageKey> = {
  DPMD: "net.institution.DPMD",
  DKUKM: "net.institution.DKUKM",
  DISDALDUK: "net.institution.DISDALDUK",
  VILLAGE_GOVERNMENT: "net.institution.VILLAGE_GOVERNMENT",
  PKK: "net.institution.PKK",
  BUMDES: "net.institution.BUMDES",
  BANK: "net.institution.BANK",
  TRAINING_PROVIDER: "net.institution.TRAINING_PROVIDER",
  CSR: "net.institution.CSR",
  OTHER: "net.institution.OTHER",
};

/** What a node is called on the page: its name, or "Pembeli 3" / "Bank 1" when names are withheld. */
export function nodeLabel(node: NetworkNode, t: Translate): string {
  if (node.name !== null) return node.name;
  if (node.kind === "institution" && node.institutionKind) {
    return t("net.anonymous_institution", {
      kind: t(INSTITUTION_KIND_KEYS[node.institutionKind]),
      n: node.ordinal,
    });
  }
  return t("net.anonymous_buyer", { n: node.ordinal });
}
