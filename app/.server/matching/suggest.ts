import type { BusinessKind, RecipientSource, RequestStatus } from "../db/client";
import { requestState } from "./request-state";
import { distanceKm, MAX_DISTANCE_KM, NEW_GROUP_DAYS, trackRecordScore, type GroupFacts } from "./score";

// Suggestions that grow the network, as pure functions (decision 015): which groups a buyer might
// buy from, which businesses might buy from a group, and why a request went unmet. The database
// part (matching/suggestions.ts) only gathers the facts below.

/** How much each part counts for a buyer's suggestions; they add up to 1. Decision 015. */
export const SUGGEST_WEIGHTS = {
  fit: 0.45,
  distance: 0.25,
  trackRecord: 0.1,
  fairness: 0.2,
} as const;

/** A purchase this many days old counts half as much as one today. */
export const PURCHASE_HALF_LIFE_DAYS = 120;
/** Buying in a category is a weaker sign of wanting its sibling categories: the parent gets this share. */
export const PARENT_SHARE = 0.4;
/** A group is suggested only when what it makes fits at least this much (0–1). */
export const MIN_FIT = 0.2;
/** A group with this many distinct buyers or more gets no fairness share (unless newly verified). */
export const FEW_BUYERS = 8;
/** Track record and fairness need the group's orders: they are read for this many groups only. */
export const SHORTLIST = 20;

const DAY = 24 * 60 * 60 * 1000;
/** The same order as `a.localeCompare(b)`, without building a collator on every call. */
const byLocale = new Intl.Collator().compare;

/**
 * What a business of each kind usually buys, by category slug (a parent covers its children), for a
 * buyer with no orders yet. From the demo world's buyers and the research's notes on Lembang's
 * tourist trade: a café serves cakes, dairy and strawberry drinks; a hotel furnishes rooms (mats,
 * woven baskets) and gives welcome snacks; a souvenir shop sells snacks and crafts. Slugs that do
 * not exist in a deployment's categories are ignored.
 */
export const KIND_PRIOR: Record<BusinessKind, Readonly<Record<string, number>>> = {
  TOKO_OLEH_OLEH: {
    keripik: 1,
    "olahan-stroberi": 1,
    "olahan-susu": 0.9,
    kue: 0.6,
    kerajinan: 0.7,
  },
  KAFE: { kue: 1, "olahan-susu": 1, "olahan-stroberi": 0.8, keripik: 0.6, "anyaman-bambu": 0.4 },
  RESTORAN: { sayur: 1, keripik: 0.8, "olahan-susu": 0.6, kue: 0.5, "anyaman-bambu": 0.5 },
  HOTEL: { tekstil: 1, "anyaman-bambu": 0.9, rajutan: 0.6, "olahan-stroberi": 0.6, kue: 0.5, stroberi: 0.5 },
  KATERING: { kue: 1, sayur: 1, "anyaman-bambu": 0.8, keripik: 0.7 },
  KANTOR: { kue: 0.8, keripik: 0.8, "anyaman-bambu": 0.5, kerajinan: 0.4 },
  LAINNYA: { "makanan-minuman": 0.5, kerajinan: 0.5 },
};

export type CategoryNode = { id: string; slug: string; parentId: string | null };

/** Why a category interests the buyer: bought in it, bought beside it, or its kind of business. */
export type InterestSource = "bought" | "related" | "kind";
export type Interest = { weight: number; source: InterestSource };

export type Purchase = { categoryId: string; amount: number; placedAt: Date };

/** How much a purchase says: recent and larger ones more (a tenfold amount counts about 2.4 times). */
export function purchaseWeight(purchase: Purchase, now: Date): number {
  const ageDays = Math.max(0, (now.getTime() - purchase.placedAt.getTime()) / DAY);
  const recency = 0.5 ** (ageDays / PURCHASE_HALF_LIFE_DAYS);
  return recency * Math.log1p(Math.max(0, purchase.amount) / 100_000);
}

/**
 * The buyer's interests, 0–1 per category: from past purchases (weighted by recency and amount,
 * the strongest category 1), each parent a share of its children's; or, with no purchases, the
 * prior for the business kind.
 */
export function buyerInterests(
  purchases: Purchase[],
  kind: BusinessKind,
  categories: CategoryNode[],
  now: Date,
): Map<string, Interest> {
  const byId = new Map(categories.map((category) => [category.id, category]));
  const interests = new Map<string, Interest>();
  const raise = (id: string, weight: number, source: InterestSource) => {
    const known = interests.get(id);
    if (!known || weight > known.weight) interests.set(id, { weight, source });
  };
  const totals = new Map<string, number>();
  for (const purchase of purchases) {
    if (!byId.has(purchase.categoryId)) continue;
    totals.set(purchase.categoryId, (totals.get(purchase.categoryId) ?? 0) + purchaseWeight(purchase, now));
  }
  const strongest = Math.max(0, ...totals.values());
  if (strongest > 0) {
    for (const [id, total] of totals) raise(id, total / strongest, "bought");
    for (const [id, total] of totals) {
      const parent = byId.get(id)?.parentId;
      if (parent) raise(parent, (PARENT_SHARE * total) / strongest, "related");
    }
    return interests;
  }
  const bySlug = new Map(categories.map((category) => [category.slug, category.id]));
  for (const [slug, weight] of Object.entries(KIND_PRIOR[kind])) {
    const id = bySlug.get(slug);
    if (id) raise(id, weight, "kind");
  }
  return interests;
}

/** A category and its parents up to the root, the category first. */
export function categoryPath(categoryId: string, categories: ReadonlyMap<string, CategoryNode>): string[] {
  const path: string[] = [];
  let current: string | null | undefined = categoryId;
  while (current && !path.includes(current)) {
    path.push(current);
    current = categories.get(current)?.parentId;
  }
  return path;
}

/** The categories worth looking for groups in: those of interest and everything under them. */
export function categoriesToSearch(
  interests: ReadonlyMap<string, Interest>,
  categories: CategoryNode[],
): string[] {
  const byId = new Map(categories.map((category) => [category.id, category]));
  return categories
    .filter((category) =>
      categoryPath(category.id, byId).some((id) => (interests.get(id)?.weight ?? 0) >= MIN_FIT),
    )
    .map((category) => category.id);
}

/** A verified group within reach, as the shortlist sees it: where it is and what it makes. */
export type CandidateGroup = {
  id: string;
  latitude: number | null;
  longitude: number | null;
  verifiedAt: Date | null;
  /** What the group makes: its active products' categories, each with its path to the root. */
  categories: { categoryId: string; path: string[]; products: number }[];
};

/** What is shown of a shortlisted group: all of it public (the group's page shows it too). */
export type GroupDetails = {
  name: string;
  slug: string;
  /** The group's public WhatsApp number (E.164), for the one-tap chat. */
  phone: string | null;
  villageName: string;
};

/** What the group's orders say, read for the shortlist only. */
export type GroupRecord = {
  completedOrders: number;
  onTimeOrders: number;
  ratingAverage: number | null;
  ratingCount: number;
  /** Distinct businesses that ever ordered from the group (not rejected or cancelled). */
  buyers: number;
};

export type BuyerFacts = {
  latitude: number | null;
  longitude: number | null;
  interests: ReadonlyMap<string, Interest>;
  /** Groups the buyer already buys from: suggested only after every new one. */
  boughtFrom: ReadonlySet<string>;
};

export type GroupFit = { fit: number; categoryId: string; source: InterestSource };

/** The best fit of what the group makes to what the buyer wants, or null when nothing fits. */
export function groupFit(interests: ReadonlyMap<string, Interest>, group: CandidateGroup): GroupFit | null {
  let best: GroupFit | null = null;
  for (const category of group.categories) {
    for (const id of category.path) {
      const interest = interests.get(id);
      if (!interest) continue;
      // Ties keep the earlier category: the gatherer lists the group's biggest categories first.
      if (!best || interest.weight > best.fit)
        best = { fit: interest.weight, categoryId: category.categoryId, source: interest.source };
    }
  }
  return best && best.fit >= MIN_FIT ? best : null;
}

/** 0–1 for distance: next door 1, MAX_DISTANCE_KM 0; unknown counts as half-way (as the matcher). */
function distanceScore(km: number | null): number {
  if (km === null) return 0.5;
  return Math.max(0, 1 - km / MAX_DISTANCE_KM);
}

function isNewGroup(verifiedAt: Date | null, now: Date) {
  return verifiedAt !== null && now.getTime() - verifiedAt.getTime() <= NEW_GROUP_DAYS * DAY;
}

/** 0–1: a newly verified group, or one with few buyers, gains most from a new link. */
export function networkFairness(group: { verifiedAt: Date | null; buyers: number }, now: Date): number {
  if (isNewGroup(group.verifiedAt, now)) return 1;
  return Math.max(0, 1 - group.buyers / FEW_BUYERS);
}

type Shortlisted = CandidateGroup & {
  distanceKm: number | null;
  fit: GroupFit;
  known: boolean;
  partial: number;
};

/**
 * The groups worth reading orders for: within reach, fitting, best by fit and distance — new
 * groups for this buyer before the ones it already buys from. Track record and fairness (at most
 * 0.3 of the score) then reorder only these.
 */
export function shortlistGroups(
  buyer: BuyerFacts,
  groups: CandidateGroup[],
  size = SHORTLIST,
): Shortlisted[] {
  const list: Shortlisted[] = [];
  for (const group of groups) {
    if (group.verifiedAt === null) continue;
    const km = distanceKm(buyer, group);
    if (km !== null && km > MAX_DISTANCE_KM) continue;
    const fit = groupFit(buyer.interests, group);
    if (!fit) continue;
    const partial = SUGGEST_WEIGHTS.fit * fit.fit + SUGGEST_WEIGHTS.distance * distanceScore(km);
    list.push({ ...group, distanceKm: km, fit, known: buyer.boughtFrom.has(group.id), partial });
  }
  return list
    .sort((a, b) => Number(a.known) - Number(b.known) || b.partial - a.partial || byLocale(a.id, b.id))
    .slice(0, size);
}

/**
 * The shortlisted groups that can still be among the first `limit`, so that only their orders are
 * read: the rest come after at least `limit` others whatever their records say (track record and
 * fairness add at most their weights; a little slack for rounding to thousandths).
 */
export function suggestionContenders(shortlisted: Shortlisted[], limit: number): Shortlisted[] {
  if (shortlisted.length <= limit) return shortlisted;
  const recordWeight = SUGGEST_WEIGHTS.trackRecord + SUGGEST_WEIGHTS.fairness;
  // shortlistGroups sorts by known, then partial: the limit-th is the bar.
  const bar = shortlisted[limit - 1] as Shortlisted;
  return shortlisted.filter(
    (group) =>
      (!group.known && bar.known) ||
      (group.known === bar.known && group.partial + recordWeight >= bar.partial - 0.001),
  );
}

export type SuggestionReason = { key: SuggestReasonKey; params?: Record<string, number> };
export type SuggestReasonKey =
  | "suggest.reason.distance"
  | "suggest.reason.on_time"
  | "suggest.reason.rating"
  | "suggest.reason.new_group"
  | "suggest.reason.few_buyers"
  | "suggest.reason.bought_before";

export type GroupSuggestion = {
  groupId: string;
  name: string;
  slug: string;
  phone: string | null;
  villageName: string;
  distanceKm: number | null;
  /** What fits: the group's category and why it interests the buyer (shown in the reader's words). */
  fit: { categoryId: string; source: InterestSource };
  known: boolean;
  score: number;
  reasons: SuggestionReason[];
};

/** Full GroupFacts for the matcher's track record score, from what suggestions know. */
function asGroupFacts(group: CandidateGroup, record: GroupRecord): GroupFacts {
  return {
    id: group.id,
    name: "",
    latitude: group.latitude,
    longitude: group.longitude,
    verifiedAt: group.verifiedAt,
    products: [],
    completedOrders: record.completedOrders,
    onTimeOrders: record.onTimeOrders,
    ratingAverage: record.ratingAverage,
    ratingCount: record.ratingCount,
    recentInvites: 0,
  };
}

const NO_RECORD: GroupRecord = {
  completedOrders: 0,
  onTimeOrders: 0,
  ratingAverage: null,
  ratingCount: 0,
  buyers: 0,
};

/**
 * The buyer's suggestions, best first: groups it does not buy from yet before the ones it does;
 * then by score; ties to the group with fewer buyers, then by name (a stable order).
 */
export function rankGroupSuggestions(
  shortlisted: Shortlisted[],
  details: ReadonlyMap<string, GroupDetails>,
  records: ReadonlyMap<string, GroupRecord>,
  now: Date,
  limit: number,
): GroupSuggestion[] {
  const scored = shortlisted.flatMap((group) => {
    const shown = details.get(group.id);
    if (!shown) return [];
    const record = records.get(group.id) ?? NO_RECORD;
    const score =
      group.partial +
      SUGGEST_WEIGHTS.trackRecord * trackRecordScore(asGroupFacts(group, record)) +
      SUGGEST_WEIGHTS.fairness *
        networkFairness({ verifiedAt: group.verifiedAt, buyers: record.buyers }, now);
    return [{ group, shown, record, score: Math.round(score * 1000) / 1000 }];
  });
  scored.sort(
    (a, b) =>
      Number(a.group.known) - Number(b.group.known) ||
      b.score - a.score ||
      a.record.buyers - b.record.buyers ||
      byLocale(a.shown.name, b.shown.name),
  );
  return scored.slice(0, limit).map(({ group, shown, record, score }) => ({
    groupId: group.id,
    ...shown,
    distanceKm: group.distanceKm,
    fit: { categoryId: group.fit.categoryId, source: group.fit.source },
    known: group.known,
    score,
    reasons: suggestionReasons(group, record, now),
  }));
}

function suggestionReasons(group: Shortlisted, record: GroupRecord, now: Date): SuggestionReason[] {
  const reasons: SuggestionReason[] = [];
  if (group.distanceKm !== null)
    reasons.push({ key: "suggest.reason.distance", params: { km: group.distanceKm } });
  if (record.onTimeOrders > 0)
    reasons.push({ key: "suggest.reason.on_time", params: { count: record.onTimeOrders } });
  if (record.ratingAverage !== null && record.ratingCount > 0) {
    reasons.push({
      key: "suggest.reason.rating",
      params: { rating: Math.round(record.ratingAverage * 10) / 10, count: record.ratingCount },
    });
  }
  if (isNewGroup(group.verifiedAt, now)) reasons.push({ key: "suggest.reason.new_group" });
  else if (record.buyers < 3) reasons.push({ key: "suggest.reason.few_buyers" });
  if (group.known) reasons.push({ key: "suggest.reason.bought_before" });
  return reasons;
}

// ---------------------------------------------------------------- for groups: who might buy

/**
 * A business that bought what the group makes from other groups, as ranking sees it: where it is
 * and how widely it buys; its public name, kind and village are added to the few shown.
 */
export type CandidateBusiness = {
  businessId: string;
  latitude: number | null;
  longitude: number | null;
  /** Per category of the group's, how many other groups the business bought it from. */
  categories: { categoryId: string; groups: number }[];
};

export type RankedBusiness = {
  businessId: string;
  distanceKm: number | null;
  /** The category it buys most widely, and from how many other groups. */
  categoryId: string;
  groups: number;
};

/**
 * Businesses that might buy from the group, nearest first (unknown distance last); a business
 * buying from more groups first at the same distance. Beyond MAX_DISTANCE_KM: not suggested.
 */
export function rankBusinessSuggestions(
  group: { latitude: number | null; longitude: number | null },
  candidates: CandidateBusiness[],
  limit: number,
): RankedBusiness[] {
  const list: RankedBusiness[] = [];
  for (const candidate of candidates) {
    const km = distanceKm(group, candidate);
    if (km !== null && km > MAX_DISTANCE_KM) continue;
    const widest = [...candidate.categories].sort(
      (a, b) => b.groups - a.groups || byLocale(a.categoryId, b.categoryId),
    )[0];
    if (!widest || widest.groups < 1) continue;
    list.push({
      businessId: candidate.businessId,
      distanceKm: km,
      categoryId: widest.categoryId,
      groups: widest.groups,
    });
  }
  return list
    .sort(
      (a, b) =>
        (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity) ||
        b.groups - a.groups ||
        byLocale(a.businessId, b.businessId),
    )
    .slice(0, limit);
}

/** A group may introduce itself to one business once in this many days. */
export const INTRODUCTION_INTERVAL_DAYS = 30;

/** When the group may introduce itself to the business again, or null when it may now. */
export function nextIntroductionAt(lastIntroducedAt: Date | null, now: Date): Date | null {
  if (!lastIntroducedAt) return null;
  const next = new Date(lastIntroducedAt.getTime() + INTRODUCTION_INTERVAL_DAYS * DAY);
  return next > now ? next : null;
}

// ---------------------------------------------------------------- for TKM: requests no group met

export type UnmetReason = "no_match" | "all_declined" | "no_quote";

/**
 * Why a request went unmet, or null while it may still be met (or was): no group was matched or
 * invited when it was posted; every group asked declined; or it expired or was cancelled without a
 * single quote.
 */
export function unmetReason(
  request: {
    status: RequestStatus;
    closesAt: Date;
    recipients: { source: RecipientSource; declinedAt: Date | null }[];
    quotes: number;
  },
  now: Date,
): UnmetReason | null {
  if (request.recipients.length === 0) return "no_match";
  if (request.quotes > 0) return null;
  if (request.recipients.every((recipient) => recipient.declinedAt !== null)) return "all_declined";
  const state = requestState(request, now);
  return state === "EXPIRED" || state === "CANCELLED" ? "no_quote" : null;
}
