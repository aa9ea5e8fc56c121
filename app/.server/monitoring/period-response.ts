import { translator, type Lang } from "~/locales";
import { parsePeriod, type Period } from "./periods";

/**
 * The period a file or API request asks for; a bad one is thrown as a 400 carrying the message in
 * the reader's language (plain text for a file link, JSON for the API).
 */
export function periodResponse(
  request: Request,
  lang: Lang,
  as: "text" | "json" = "text",
  now = new Date(),
): Period {
  const parsed = parsePeriod(new URL(request.url).searchParams, now);
  if (parsed.ok) return parsed.period;
  const message = translator(lang)(parsed.key, parsed.params);
  throw as === "json"
    ? Response.json({ error: message, field: parsed.field }, { status: 400 })
    : new Response(message, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
