import type { MetaDescriptor } from "@remix-run/node";
import { DEFAULT_LANG, isLang, translator, type MessageKey, type MessageParams } from "~/locales";

type Match = { id: string; data: unknown };

function langFrom(matches: readonly Match[]) {
  const root = matches.find((m) => m.id === "root")?.data;
  const lang = root && typeof root === "object" && "lang" in root ? root.lang : undefined;
  return isLang(lang) ? lang : DEFAULT_LANG;
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
