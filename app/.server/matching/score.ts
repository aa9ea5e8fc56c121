import type { MessageKey } from "~/locales";
import { earliestArrival } from "~/utils/delivery";

// The matcher's rules, as pure functions: for a buyer's request, how well each group fits and
// why, in words a person can check. The database part (matching/candidates.ts) only gathers the
// facts below; everything that decides is here and unit tested. Weights: decision 010.

/** How much each kind of fit counts; they add up to 1. Change them here and in decision 010. */
export const MATCH_WEIGHTS = {
  text: 0.3,
  category: 0.2,
  capacity: 0.2,
  distance: 0.15,
  trackRecord: 0.1,
  fairness: 0.05,
} as const;

/** Beyond this a village is too far to deliver bulk goods by motorbike or pick-up in a day. */
export const MAX_DISTANCE_KM = 40;
/** A group invited to this many requests in the last 30 days gets no fairness share at all. */
export const FAIR_SHARE_INVITES = 6;
/**
 * A group is ranked only if its best product fits (words and category) at least this share as
 * well as the best-fitting group's: a farmer with fresh strawberries is not asked for jam when a
 * group makes jam.
 */
export const MIN_FIT_OF_BEST = 0.5;
/** Groups verified within this many days count as new and get the full fairness share. */
export const NEW_GROUP_DAYS = 60;
/** A track record counts fully from this many finished orders; fewer are weighed towards neutral. */
const TRACK_RECORD_FULL_AT = 10;

export type RequestFacts = {
  /** The request's words, normalised (normalizeForSearch), without duplicates. */
  words: string[];
  /** The request's category, or null when the buyer chose none. */
  categoryId: string | null;
  quantity: number;
  neededBy: Date;
  /** The buyer's village, for distances. */
  latitude: number | null;
  longitude: number | null;
  /** Groups further than this are left out; at most MAX_DISTANCE_KM (the default). */
  maxKm?: number;
};

export type ProductFacts = {
  id: string;
  name: string;
  /** The product's category first, then its parents up to the root. */
  categoryPath: string[];
  /** normalizeForSearch of the product's name and its category's name: what it *is*. */
  nameText: string;
  /** normalizeForSearch of everything search sees of the product (name, category, description…). */
  searchText: string;
  /**
   * Which of the request's informative words (bit i for the i-th) start a word of nameText and of
   * searchText, when the database worked it out instead of sending the texts (candidates.ts); the
   * texts are then not read. At most MAX_FOUND_WORDS words.
   */
  found?: { name: number; all: number };
  supplyMode: "READY_STOCK" | "MADE_TO_ORDER";
  stock: number;
  leadTimeDays: number;
  /** Units a week it can make; null when the group set no limit. */
  capacityPerWeek: number | null;
  /** Units already booked per week ("2026-11-23" → 40), from now on. */
  bookedByWeek: ReadonlyMap<string, number>;
};

export type GroupFacts = {
  id: string;
  name: string;
  latitude: number | null;
  longitude: number | null;
  verifiedAt: Date | null;
  products: ProductFacts[];
  /** Finished orders (Selesai) and how many of them arrived by the wanted date. */
  completedOrders: number;
  onTimeOrders: number;
  ratingAverage: number | null;
  ratingCount: number;
  /** Requests this group was matched or invited to in the last 30 days. */
  recentInvites: number;
};

/** A reason in the reader's language: a catalog key and its values. */
export type MatchReason = { key: MatchReasonKey; params?: Record<string, string | number> };

export type MatchReasonKey = Extract<MessageKey, `match.${string}`>;

export type ProductFit = {
  productId: string;
  name: string;
  /** How well the words fit: the name and category count three times the description. */
  text: number;
  category: number;
  /** Days to spare before the needed-by date; negative when it cannot be made in time. */
  slackDays: number;
  /**
   * "stock": ready stock covers it; "made": weekly capacity makes it in time; "ask": a ready-stock
   * product with less on hand than asked, which the group may make more of — only it can say.
   */
  supply: "stock" | "made" | "ask";
  stock: number;
};

export type GroupMatch = {
  groupId: string;
  name: string;
  score: number;
  distanceKm: number | null;
  /** The products that fit, best first. */
  products: ProductFit[];
  reasons: MatchReason[];
};

export type GroupExclusion = { groupId: string; name: string; reason: MatchReason };

/** Great-circle distance in whole kilometres; null when either village has no coordinates. */
export function distanceKm(
  a: { latitude: number | null; longitude: number | null },
  b: { latitude: number | null; longitude: number | null },
): number | null {
  if (a.latitude === null || a.longitude === null || b.latitude === null || b.longitude === null) return null;
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return Math.round(2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h))) * 10) / 10;
}

/**
 * Words that say nothing about what is wanted ("untuk kafe" says who, not what). Matched against
 * nothing: a request for "keset untuk hotel" is a request for keset.
 */
const STOP_WORDS = new Set([
  "untuk",
  "dan",
  "dari",
  "yang",
  "di",
  "ke",
  "dengan",
  "atau",
  "per",
  "isi",
  "buat",
  "bagi",
  "pak",
  "kg",
  "pcs",
]);

/** The request's words that can tell products apart. */
export function informativeWords(words: string[]): string[] {
  return words.filter((word) => word.length > 1 && !STOP_WORDS.has(word));
}

/** Words a `found` bit mask can hold (ProductFacts). */
export const MAX_FOUND_WORDS = 30;

function bitsSet(mask: number): number {
  let count = 0;
  for (let rest = mask; rest !== 0; rest &= rest - 1) count++;
  return count;
}

/** Share of the words found at the start of a word of the text (0–1). */
export function textFit(words: string[], text: string): number {
  if (words.length === 0) return 0;
  const textWords = text.split(" ");
  const found = words.filter((word) => textWords.some((candidate) => candidate.startsWith(word)));
  return found.length / words.length;
}

/** 1 for the same category, 0.5 for a sibling or parent relation, 0 otherwise (or none asked). */
export function categoryFit(requestCategoryId: string | null, productCategoryPath: string[]): number {
  if (!requestCategoryId) return 0;
  if (productCategoryPath[0] === requestCategoryId) return 1;
  return productCategoryPath.includes(requestCategoryId) ? 0.5 : 0;
}

/**
 * The day the product could arrive with `quantity` units, or null when it cannot within the
 * horizon. Ready stock: the lead time (packing) and a day on the road. Made to order: production
 * spread evenly over the week at the weekly capacity, in what each week has left after what is
 * booked (this week only from today on), until the quantity is made; on the road the day after,
 * and never before the lead time allows (the same rule checkout uses for one week's order).
 */
export function earliestFor(
  product: ProductFacts,
  quantity: number,
  now: Date,
  horizonWeeks = 26,
): Date | null {
  const afterLead = earliestArrival(now, product.leadTimeDays);
  if (product.supplyMode === "READY_STOCK") return product.stock >= quantity ? afterLead : null;
  const perWeek = product.capacityPerWeek;
  if (perWeek === null) return afterLead;
  if (perWeek <= 0) return null;
  // In WIB day numbers (days since 1970-01-01 WIB): no dates are parsed or formatted in the loop,
  // which runs for every made-to-order product of every candidate group.
  const today = wibDayNumber(now);
  const firstMonday = today - ((today + 3) % 7);
  let left = quantity;
  for (let i = 0; i < horizonWeeks; i++) {
    const monday = firstMonday + 7 * i;
    const start = i === 0 ? today : monday;
    const daysOpen = 7 - (start - monday);
    const free = Math.max(
      0,
      Math.min(perWeek - (product.bookedByWeek.get(weekKeyOf(monday)) ?? 0), (perWeek * daysOpen) / 7),
    );
    if (left <= free) {
      const arrives = wibNoonOfDay(start + Math.max(1, Math.ceil((7 * left) / perWeek)));
      return arrives > afterLead ? arrives : afterLead;
    }
    left -= free;
  }
  return null;
}

const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;

function wibDayNumber(instant: Date): number {
  return Math.floor((instant.getTime() + WIB_OFFSET_MS) / DAY);
}

function wibNoonOfDay(day: number): Date {
  return new Date(day * DAY + 12 * 60 * 60 * 1000 - WIB_OFFSET_MS);
}

/** "2026-11-23" for a Monday's day number: the key CapacityBooking weeks are stored under. */
const weekKeys = new Map<number, string>();
function weekKeyOf(monday: number): string {
  let key = weekKeys.get(monday);
  if (key === undefined) {
    key = new Date(monday * DAY).toISOString().slice(0, 10);
    if (weekKeys.size > 2000) weekKeys.clear();
    weekKeys.set(monday, key);
  }
  return key;
}

const DAY = 24 * 60 * 60 * 1000;

function wholeDaysBetween(from: Date, to: Date): number {
  return Math.round((to.getTime() - from.getTime()) / DAY);
}

/**
 * How each product of the group fits the request. A product fits by its name or category, or by
 * most of the words in its description; one that fits by neither is left out.
 */
export function productFits(request: RequestFacts, group: GroupFacts, now: Date): ProductFit[] {
  const words = informativeWords(request.words);
  const fits: ProductFit[] = [];
  for (const product of group.products) {
    const found = words.length > 0 ? product.found : undefined;
    const byName = found ? bitsSet(found.name) / words.length : textFit(words, product.nameText);
    const byAll = found ? bitsSet(found.all) / words.length : textFit(words, product.searchText);
    const category = categoryFit(request.categoryId, product.categoryPath);
    if (byName === 0 && category === 0 && byAll < 2 / 3) continue;
    const short = product.supplyMode === "READY_STOCK" && product.stock < request.quantity;
    const earliest = short
      ? earliestArrival(now, product.leadTimeDays)
      : earliestFor(product, request.quantity, now);
    fits.push({
      productId: product.id,
      name: product.name,
      text: 0.75 * byName + 0.25 * byAll,
      category,
      slackDays: earliest ? wholeDaysBetween(earliest, request.neededBy) : -Infinity,
      supply: short ? "ask" : product.supplyMode === "READY_STOCK" ? "stock" : "made",
      stock: product.stock,
    });
  }
  return fits.sort(
    (a, b) =>
      Number(b.slackDays >= 0) - Number(a.slackDays >= 0) ||
      b.text + b.category - (a.text + a.category) ||
      supplyRank(a.supply) - supplyRank(b.supply) ||
      b.slackDays - a.slackDays ||
      a.name.localeCompare(b.name),
  );
}

function supplyRank(supply: ProductFit["supply"]) {
  return supply === "ask" ? 1 : 0;
}

/**
 * 0–1 for the capacity fit: in time with room to spare scores more, up to two weeks' slack; a
 * quantity beyond the ready stock, which the group would have to confirm, counts a quarter.
 */
function capacityScore(fit: ProductFit): number {
  if (fit.slackDays < 0) return 0;
  if (fit.supply === "ask") return 0.25;
  return 0.5 + 0.5 * Math.min(1, fit.slackDays / 14);
}

/** 0–1 for distance: next door 1, MAX_DISTANCE_KM 0; unknown counts as half-way. */
function distanceScore(km: number | null): number {
  if (km === null) return 0.5;
  return Math.max(0, 1 - km / MAX_DISTANCE_KM);
}

/**
 * 0–1 for the track record: on-time share and rating, pulled towards a neutral 0.5 while there are
 * few finished orders, so a new group is not ranked below a group with one late order.
 */
export function trackRecordScore(group: GroupFacts): number {
  const onTime = group.completedOrders > 0 ? group.onTimeOrders / group.completedOrders : 0.5;
  const rating = group.ratingAverage !== null ? (group.ratingAverage - 1) / 4 : 0.5;
  const observed = 0.7 * onTime + 0.3 * rating;
  const weight = Math.min(1, group.completedOrders / TRACK_RECORD_FULL_AT);
  return weight * observed + (1 - weight) * 0.5;
}

/** 0–1 for fairness: a new group, or one that got few chances lately, is not starved. */
export function fairnessScore(group: GroupFacts, now: Date): number {
  const isNew =
    group.verifiedAt !== null && now.getTime() - group.verifiedAt.getTime() <= NEW_GROUP_DAYS * DAY;
  if (isNew) return 1;
  return Math.max(0, 1 - group.recentInvites / FAIR_SHARE_INVITES);
}

function isNewGroup(group: GroupFacts, now: Date) {
  return group.verifiedAt !== null && now.getTime() - group.verifiedAt.getTime() <= NEW_GROUP_DAYS * DAY;
}

/** A group that passed the gates, with what was found on the way, waiting for its score. */
export type Gated = { group: GroupFacts; km: number | null; products: ProductFit[]; fit: number };

/**
 * The gates, which need nothing of a group's record: too far, no product that fits, cannot make it
 * in time, or a far weaker fit than the best group that passed. The database side runs them first
 * and reads track records only for the groups that pass (matching/candidates.ts).
 */
export function gateGroups(
  request: RequestFacts,
  groups: GroupFacts[],
  now: Date,
): { passed: Gated[]; excluded: GroupExclusion[] } {
  const passed: Gated[] = [];
  const excluded: GroupExclusion[] = [];
  const maxKm = Math.min(request.maxKm ?? MAX_DISTANCE_KM, MAX_DISTANCE_KM);
  for (const group of groups) {
    const km = distanceKm(request, group);
    if (km !== null && km > maxKm) {
      excluded.push({
        groupId: group.id,
        name: group.name,
        reason: { key: "match.excluded.too_far", params: { km } },
      });
      continue;
    }
    const products = productFits(request, group, now);
    const best = products[0];
    if (!best) {
      excluded.push({ groupId: group.id, name: group.name, reason: { key: "match.excluded.no_product" } });
      continue;
    }
    if (best.slackDays < 0) {
      excluded.push({
        groupId: group.id,
        name: group.name,
        reason: { key: "match.excluded.cannot_make", params: { quantity: request.quantity } },
      });
      continue;
    }
    passed.push({ group, km, products, fit: best.text + best.category });
  }
  const bestFit = Math.max(0, ...passed.map((gated) => gated.fit));
  const strong = passed.filter((gated) => {
    if (gated.fit >= MIN_FIT_OF_BEST * bestFit) return true;
    excluded.push({
      groupId: gated.group.id,
      name: gated.group.name,
      reason: { key: "match.excluded.weaker_fit" },
    });
    return false;
  });
  return { passed: strong, excluded };
}

/** The part of a gated group's score that does not depend on its record (track record, fairness). */
function baseScore({ km, products }: Gated): number {
  const best = products[0] as ProductFit;
  return (
    MATCH_WEIGHTS.text * best.text +
    MATCH_WEIGHTS.category * best.category +
    MATCH_WEIGHTS.capacity * capacityScore(best) +
    MATCH_WEIGHTS.distance * distanceScore(km)
  );
}

/**
 * The gated groups scored best first, reading records (the callback fills in a group's orders,
 * ratings and chances) only for those that can still be among the best `count`, in rounds: the
 * groups with the best base scores first (and every group in `always`); then, while a group not
 * yet read could still score above the `count`-th best score so far (its base plus the full record
 * weights), the next round. A group that cannot is never read; the top `count` is exactly what
 * scoring every group would give. Returns the groups read, scored.
 */
export async function scoreBest(
  passed: Gated[],
  count: number,
  readRecords: (groups: GroupFacts[]) => Promise<void>,
  now: Date,
  always: ReadonlySet<string> = new Set(),
): Promise<GroupMatch[]> {
  const recordWeight = MATCH_WEIGHTS.trackRecord + MATCH_WEIGHTS.fairness;
  const byBase = passed
    .map((gated) => ({ gated, base: baseScore(gated) }))
    .sort((a, b) => b.base - a.base)
    .map((entry) => ({ ...entry, read: false }));
  const read: Gated[] = [];
  let scored: GroupMatch[] = [];
  let round = byBase.filter((entry) => always.has(entry.gated.group.id));
  let next = 0;
  const batch = Math.max(count, 1) * 2;
  for (;;) {
    // A little slack for the score's rounding to thousandths.
    const floor = scored.length >= count ? (scored[count - 1] as GroupMatch).score - 0.001 : -Infinity;
    while (next < byBase.length && round.length < batch) {
      const entry = byBase[next] as (typeof byBase)[number];
      if (entry.base + recordWeight < floor) {
        next = byBase.length;
        break;
      }
      next++;
      if (!entry.read && !round.includes(entry)) round.push(entry);
    }
    if (round.length === 0) return scored;
    await readRecords(round.map((entry) => entry.gated.group));
    for (const entry of round) {
      entry.read = true;
      read.push(entry.gated);
    }
    round = [];
    scored = scoreGated(read, now);
  }
}

/**
 * Scores the groups that passed the gates, best first, with the reasons. Ties go to the group with
 * fewer recent chances, then by name, so the order is stable.
 */
export function scoreGated(passed: Gated[], now: Date): GroupMatch[] {
  const scored = passed.map((gated) => {
    const { group, km, products } = gated;
    const best = products[0] as ProductFit;
    const score =
      baseScore(gated) +
      MATCH_WEIGHTS.trackRecord * trackRecordScore(group) +
      MATCH_WEIGHTS.fairness * fairnessScore(group, now);
    return {
      match: {
        groupId: group.id,
        name: group.name,
        score: Math.round(score * 1000) / 1000,
        distanceKm: km,
        products,
        reasons: reasonsFor(best, km, group, now),
      },
      recentInvites: group.recentInvites,
    };
  });
  scored.sort(
    (a, b) =>
      b.match.score - a.match.score ||
      a.recentInvites - b.recentInvites ||
      a.match.name.localeCompare(b.match.name),
  );
  return scored.map((entry) => entry.match);
}

/**
 * Ranks the groups for a request, best first, each with the products that fit and the reasons;
 * and says why each group left out was left out.
 */
export function rankGroupsForRequest(
  request: RequestFacts,
  groups: GroupFacts[],
  now: Date,
): { matches: GroupMatch[]; excluded: GroupExclusion[] } {
  const { passed, excluded } = gateGroups(request, groups, now);
  return { matches: scoreGated(passed, now), excluded };
}

/** "anyaman bambu cocok · bisa selesai 5 hari sebelum tanggal · 3 km · 12 pesanan tepat waktu". */
function reasonsFor(best: ProductFit, km: number | null, group: GroupFacts, now: Date): MatchReason[] {
  const reasons: MatchReason[] = [];
  if (best.text > 0) reasons.push({ key: "match.reason.text", params: { product: best.name } });
  else reasons.push({ key: "match.reason.category", params: { product: best.name } });
  reasons.push(
    best.supply === "stock"
      ? { key: "match.reason.ready_stock" }
      : best.supply === "made"
        ? { key: "match.reason.can_make", params: { days: best.slackDays } }
        : { key: "match.reason.stock_short", params: { stock: best.stock } },
  );
  if (km !== null) reasons.push({ key: "match.reason.distance", params: { km } });
  if (group.onTimeOrders > 0)
    reasons.push({ key: "match.reason.on_time", params: { count: group.onTimeOrders } });
  if (group.ratingAverage !== null && group.ratingCount > 0) {
    reasons.push({
      key: "match.reason.rating",
      params: { rating: Math.round(group.ratingAverage * 10) / 10, count: group.ratingCount },
    });
  }
  if (isNewGroup(group, now)) reasons.push({ key: "match.reason.new_group" });
  else if (group.recentInvites === 0) reasons.push({ key: "match.reason.few_chances" });
  return reasons;
}
