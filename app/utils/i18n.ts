import { useRouteLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import {
  DEFAULT_LANG,
  isLang,
  translator,
  type Lang,
  type MessageKey,
  type MessageParams,
  type Translate,
} from "~/locales";

type RootData = { lang: Lang };

export function useLang(): Lang {
  const data = useRouteLoaderData<RootData>("root");
  return data && isLang(data.lang) ? data.lang : DEFAULT_LANG;
}

export function useT(): Translate {
  const lang = useLang();
  return useMemo(() => translator(lang), [lang]);
}

/** Form errors and domain messages travel as catalog keys, sometimes with values ("key|{json}"). */
export function encodeMessage(key: MessageKey, params?: MessageParams): string {
  return params ? `${key}|${JSON.stringify(params)}` : key;
}

export function translateEncoded(t: Translate, encoded: string): string {
  const bar = encoded.indexOf("|");
  if (bar === -1) return t(encoded as MessageKey);
  const params = JSON.parse(encoded.slice(bar + 1)) as MessageParams;
  return t(encoded.slice(0, bar) as MessageKey, params);
}
