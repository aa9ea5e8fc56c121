import type { CashCategory, CashKind } from "~/.server/db/generated/sqlite/enums";
import type { MessageKey } from "~/locales";

// What the cash-book page may offer, safe for the browser: the categories an officer enters by
// hand, which way each may go, and the catalog key of every category.

/** Categories the system writes (payments, konsinyasi, refunds, payouts): never entered or corrected by hand. */
export const AUTOMATIC_CATEGORIES = [
  "ORDER",
  "CONSIGNMENT",
  "REFUND",
  "PAYOUT",
] as const satisfies CashCategory[];

/** Categories an officer enters by hand, in the order the form lists them, with the kinds each may take. */
export const MANUAL_CATEGORY_KINDS = {
  OTHER_SALES: ["INCOME"],
  MATERIALS: ["EXPENSE"],
  TRANSPORT: ["EXPENSE"],
  EQUIPMENT: ["EXPENSE", "INCOME"],
  AID: ["INCOME"],
  SAVINGS: ["INCOME", "EXPENSE"],
  IKS: ["INCOME", "EXPENSE"],
  OTHER: ["INCOME", "EXPENSE"],
  OPENING: ["INCOME"],
} as const satisfies Partial<Record<CashCategory, readonly CashKind[]>>;

export type ManualCategory = keyof typeof MANUAL_CATEGORY_KINDS;

export const MANUAL_CATEGORIES = Object.keys(MANUAL_CATEGORY_KINDS) as ManualCategory[];

export const ALL_CATEGORIES: readonly CashCategory[] = [...AUTOMATIC_CATEGORIES, ...MANUAL_CATEGORIES];

export function isManualCategory(category: string): category is ManualCategory {
  return Object.prototype.hasOwnProperty.call(MANUAL_CATEGORY_KINDS, category);
}

export function isCashCategory(value: string): value is CashCategory {
  return (ALL_CATEGORIES as readonly string[]).includes(value);
}

/** May a line of this category go this way? (Materials are bought, aid is received, ...) */
export function kindAllowed(category: ManualCategory, kind: CashKind): boolean {
  return (MANUAL_CATEGORY_KINDS[category] as readonly CashKind[]).includes(kind);
}

/** Categories where the line names a member (her savings or dues, her payout). */
export const MEMBER_CATEGORIES: readonly CashCategory[] = ["SAVINGS", "IKS", "PAYOUT"];

export const CASH_CATEGORY_KEYS: Record<CashCategory, MessageKey> = {
  ORDER: "book.category.ORDER",
  CONSIGNMENT: "book.category.CONSIGNMENT",
  REFUND: "book.category.REFUND",
  OTHER_SALES: "book.category.OTHER_SALES",
  MATERIALS: "book.category.MATERIALS",
  TRANSPORT: "book.category.TRANSPORT",
  EQUIPMENT: "book.category.EQUIPMENT",
  AID: "book.category.AID",
  SAVINGS: "book.category.SAVINGS",
  IKS: "book.category.IKS",
  PAYOUT: "book.category.PAYOUT",
  OPENING: "book.category.OPENING",
  OTHER: "book.category.OTHER",
};

export const CASH_KIND_KEYS: Record<CashKind, MessageKey> = {
  INCOME: "book.kind.INCOME",
  EXPENSE: "book.kind.EXPENSE",
};

/** A month filter value "2026-11" that is a real month. */
export function isMonthKey(value: string): boolean {
  const match = /^(\d{4})-(\d{2})$/.exec(value);
  if (!match) return false;
  const month = Number(match[2]);
  return Number(match[1]) >= 2000 && month >= 1 && month <= 12;
}

/** The filter a page address carries (`?bulan=2026-11&kategori=MATERIALS`); nonsense is ignored. */
export function bookFilterFromUrl(url: URL): { month: string | null; category: CashCategory | null } {
  const month = url.searchParams.get("bulan") ?? "";
  const category = url.searchParams.get("kategori") ?? "";
  return { month: isMonthKey(month) ? month : null, category: isCashCategory(category) ? category : null };
}

/** The query string for a filter (and page), for links between the book's views. */
export function bookQuery(filter: { month: string | null; category: string | null }, page?: number): string {
  const params = new URLSearchParams();
  if (filter.month) params.set("bulan", filter.month);
  if (filter.category) params.set("kategori", filter.category);
  if (page && page > 1) params.set("page", String(page));
  return params.toString();
}

/** Where a line came from, for the reader to follow. */
export type LineSource =
  | { type: "order"; orderNumber: string }
  | { type: "consignment" }
  | { type: "payout"; distributionNumber: string }
  | { type: "refund"; orderNumber: string | null }
  | { type: "reversal"; occurredAt: string; description: string };

export type BookLine = {
  id: string;
  occurredAt: string;
  kind: CashKind;
  category: CashCategory;
  description: string;
  giver: string | null;
  reason: string | null;
  memberName: string | null;
  recordedByName: string | null;
  amount: number;
  /** The balance after this line (of the lines the filter shows). */
  balance: number;
  source: LineSource | null;
  /** "Koreksi" is offered: a manual line, not a correction itself, not yet fully reversed. */
  correctable: boolean;
  /** How much of it corrections (or refunds) have taken back. */
  reversed: number;
};

/** "buku-kas-kube-perempuan-mandiri-2026-11.csv": a file name safe in a header. */
export function bookFileName(
  groupSlug: string,
  filter: { month: string | null; category: string | null },
  extension: "csv" | "pdf",
): string {
  const parts = ["buku-kas", groupSlug, filter.month ?? "semua", filter.category?.toLowerCase() ?? ""];
  const name = parts
    .filter(Boolean)
    .join("-")
    .replace(/[^A-Za-z0-9-]+/g, "-");
  return `${name}.${extension}`;
}
