import { useRouteLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { wibNoon } from "./delivery";
import { formatDate } from "./time";
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

/**
 * A domain problem (catalog key and values) as an encoded message. A `date` value, which domains
 * give as a WIB calendar date ("2026-12-05"), is written out in the reader's language.
 */
export function encodeProblem(problem: { key: MessageKey; params?: MessageParams }, lang: Lang): string {
  const params = problem.params ? { ...problem.params } : undefined;
  const day = params && typeof params.date === "string" ? wibNoon(params.date) : null;
  if (params && day) params.date = formatDate(day, lang);
  return encodeMessage(problem.key, params);
}
