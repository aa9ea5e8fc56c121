import { isMessageKey, type Lang, type MessageKey, type Translate } from "~/locales";
import { wibNoon } from "./delivery";
import { formatRupiah } from "./money";
import { formatDate } from "./time";

// A thread's SYSTEM line (a catalog key with its values, stored as the quote changed) in the
// reader's words: prices as rupiah, days in her language, a decline's reason from the catalog.

const DECLINE_KEYS: Record<string, MessageKey> = {
  capacity: "quote.decline_reason.capacity",
  date: "quote.decline_reason.date",
  materials: "quote.decline_reason.materials",
  price: "quote.decline_reason.price",
  not_our_product: "quote.decline_reason.not_our_product",
  other: "quote.decline_reason.other",
};

const CHANGE_KEYS: Record<string, MessageKey> = {
  product: "thread.change.product",
  price: "thread.change.price",
  quantity: "thread.change.quantity",
  date: "thread.change.date",
  valid: "thread.change.valid",
  tiers: "thread.change.tiers",
  note: "thread.change.note",
};

function day(value: unknown, lang: Lang): string {
  const date = typeof value === "string" ? wibNoon(value) : null;
  return date ? formatDate(date, lang) : String(value ?? "");
}

function shown(field: string, value: unknown, lang: Lang): string {
  if (field === "price" && typeof value === "number") return formatRupiah(value);
  if (field === "date" || field === "valid") return day(value, lang);
  return String(value ?? "");
}

export function systemLineText(
  t: Translate,
  lang: Lang,
  key: string,
  params: Record<string, unknown> | null,
): string {
  if (!isMessageKey(key)) return "";
  const p = params ?? {};
  const text = t(key, {
    price: typeof p.price === "number" ? formatRupiah(p.price) : "",
    quantity: typeof p.quantity === "number" ? p.quantity : "",
    date: day(p.date, lang),
    revision: typeof p.revision === "number" ? p.revision : "",
    order: typeof p.order === "string" ? p.order : "",
    reason: typeof p.reason === "string" && DECLINE_KEYS[p.reason] ? t(DECLINE_KEYS[p.reason]!) : "",
  });
  const extra: string[] = [];
  if (Array.isArray(p.changes)) {
    for (const change of p.changes as { field?: unknown; from?: unknown; to?: unknown }[]) {
      const field = typeof change.field === "string" ? change.field : "";
      const changeKey = CHANGE_KEYS[field];
      if (!changeKey) continue;
      extra.push(t(changeKey, { from: shown(field, change.from, lang), to: shown(field, change.to, lang) }));
    }
  }
  if (typeof p.note === "string" && p.note) extra.push(`“${p.note}”`);
  return extra.length > 0 ? `${text} ${extra.join(" · ")}` : text;
}
