import type { MetaDescriptor } from "@remix-run/node";
import { DEFAULT_LANG, isLang, translator, type MessageKey, type MessageParams } from "~/locales";

type Match = { id: string; data: unknown };

function langFrom(matches: readonly Match[]) {
  const root = matches.find((m) => m.id === "root")?.data;
  const lang = root && typeof root === "object" && "lang" in root ? root.lang : undefined;
  return isLang(lang) ? lang : DEFAULT_LANG;
}

/** The reader's translator, for meta functions. */
export function metaTranslator(matches: readonly Match[]) {
  return translator(langFrom(matches));
}

/** "<page> · Jejaring" in the reader's language. */
export function pageTitle(
  matches: readonly Match[],
  key: MessageKey,
  params?: MessageParams,
): MetaDescriptor[] {
  const t = translator(langFrom(matches));
  return [{ title: `${t(key, params)} · Jejaring` }, { name: "description", content: t("meta.description") }];
}

export function plainTitle(matches: readonly Match[], title: string): MetaDescriptor[] {
  const t = translator(langFrom(matches));
  return [{ title: `${title} · Jejaring` }, { name: "description", content: t("meta.description") }];
}

/** Title, description, canonical URL and Open Graph tags for a page people share on WhatsApp. */
export function socialMeta(
  matches: readonly Match[],
  page: { title: string; description: string; url: string; image?: string; type?: "website" | "product" },
): MetaDescriptor[] {
  const t = translator(langFrom(matches));
  const description = (page.description || t("meta.description")).replace(/\s+/g, " ").slice(0, 200);
  return [
    { title: `${page.title} · Jejaring` },
    { name: "description", content: description },
    { tagName: "link", rel: "canonical", href: page.url },
    { property: "og:site_name", content: "Jejaring" },
    { property: "og:type", content: page.type ?? "website" },
    { property: "og:title", content: page.title },
    { property: "og:description", content: description },
    { property: "og:url", content: page.url },
    ...(page.image ? [{ property: "og:image", content: page.image }] : []),
    { name: "twitter:card", content: page.image ? "summary_large_image" : "summary" },
  ];
}
