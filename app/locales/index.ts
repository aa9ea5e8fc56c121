import { en } from "./en/messages";
import { id } from "./id/messages";

// Two catalogs with the same keys; Indonesian is the default and the source of the keys.
export type MessageKey = keyof typeof id;
export type Catalog = Record<MessageKey, string>;
export type Lang = "id" | "en";

export const LANGS: readonly Lang[] = ["id", "en"];
export const DEFAULT_LANG: Lang = "id";
export const catalogs: Record<Lang, Catalog> = { id, en };

export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

export function isLang(value: unknown): value is Lang {
  return value === "id" || value === "en";
}

export function isMessageKey(value: string): value is MessageKey {
  return Object.prototype.hasOwnProperty.call(id, value);
}

/**
 * A fraction (1.5 km, a 4.8 rating) takes the reader's decimal mark: Indonesian writes 1,5, and
 * reads 1.5 as fifteen hundred. Whole numbers stay as they are.
 */
function paramText(value: string | number, lang: Lang): string {
  // Kept this small on purpose: the translator ships on every page (page-weight budget).
  return typeof value === "number" && lang === "id" ? String(value).replace(".", ",") : String(value);
}

/** Fills "{name}" placeholders. A missing key shows the Indonesian text, never the raw key. */
export function translator(lang: Lang): Translate {
  const catalog = catalogs[lang];
  return (key, params) => {
    const template = catalog[key] ?? catalogs.id[key] ?? key;
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (match, name: string) =>
      name in params ? paramText(params[name] as string | number, lang) : match,
    );
  };
}

/** Picks the language from the saved choice, then the browser's Accept-Language, then Indonesian. */
export function pickLang(saved: string | null | undefined, acceptLanguage: string | null): Lang {
  if (isLang(saved)) return saved;
  if (acceptLanguage) {
    const ranked = acceptLanguage
      .split(",")
      .map((part) => {
        const [tag = "", ...rest] = part.trim().split(";");
        const q = rest.find((p) => p.trim().startsWith("q="));
        return { lang: tag.trim().toLowerCase().slice(0, 2), q: q ? Number(q.trim().slice(2)) : 1 };
      })
      .filter((entry) => !Number.isNaN(entry.q))
      .sort((a, b) => b.q - a.q);
    const first = ranked.find((entry) => isLang(entry.lang));
    if (first && isLang(first.lang)) return first.lang;
  }
  return DEFAULT_LANG;
}
