// A few seconds of memory for storefront pages seen by people who are not signed in: the same
// catalog page asked for by a hundred phones is rendered once, then sent from memory. Nothing
// personal is ever kept: a request with a session cookie, a response that sets a cookie, and
// any page outside the storefront pass straight through. Stale for at most TTL_MS (stock counts
// on a page; orders are always checked against the database).

import { Buffer } from "node:buffer";

export const TTL_MS = 5_000;
const MAX_ENTRIES = 500;
const STOREFRONT = /^\/(?:|produk(?:\/[^/]+)?|kelompok(?:\/[^/]+)?|sitemap\.xml|robots\.txt)(?:\.data)?$/;

/**
 * The cache key for a request, or null when the request must not be served from the cache.
 * @param {string} method
 * @param {string} url path and query
 * @param {{ cookie?: string, acceptLanguage?: string, acceptEncoding?: string, host?: string, forwardedHost?: string, protocol?: string }} headers
 *   and the protocol: with the host, they make the request's URL as the app sees it
 * @returns {string | null}
 */
export function microcacheKey(method, url, headers) {
  if (method !== "GET" && method !== "HEAD") return null;
  const path = url.split("?")[0] ?? "";
  if (!STOREFRONT.test(path)) return null;
  const cookie = headers.cookie ?? "";
  if (/(?:^|;\s*)jj_session=/.test(cookie)) return null;
  const lang = /(?:^|;\s*)jj_lang=([^;]*)/.exec(cookie)?.[1] ?? "";
  const gzip = /\bgzip\b/.test(headers.acceptEncoding ?? "") ? "gzip" : "identity";
  // Everything the app could read from the request belongs in the key. Pages take their absolute
  // links from APP_URL, not the Host; the host stays in the key so a page that one day reads
  // request.url's origin still cannot hand one sender's Host to the next visitor.
  const origin = [headers.protocol ?? "", headers.forwardedHost ?? "", headers.host ?? ""].join(" ");
  return [method, url, lang, headers.acceptLanguage ?? "", gzip, origin].join("\u0000");
}

/** @returns {import("express").RequestHandler} */
export function microcache({ now = () => Date.now() } = {}) {
  /** @type {Map<string, { expires: number, status: number, headers: Record<string, string | string[] | number | undefined>, body: Buffer }>} */
  const entries = new Map();
  return (req, res, next) => {
    const key = microcacheKey(req.method, req.originalUrl, {
      cookie: req.get("cookie"),
      acceptLanguage: req.get("accept-language"),
      acceptEncoding: req.get("accept-encoding"),
      host: req.get("host"),
      forwardedHost: req.get("x-forwarded-host"),
      protocol: req.protocol,
    });
    if (!key) return next();
    const hit = entries.get(key);
    if (hit && hit.expires > now()) {
      res.status(hit.status);
      for (const [name, value] of Object.entries(hit.headers))
        if (value !== undefined) res.setHeader(name, value);
      res.setHeader("X-Microcache", "hit");
      res.end(req.method === "HEAD" ? undefined : hit.body);
      return;
    }
    /** @type {Buffer[]} */
    const chunks = [];
    // Express types write/end with many overloads; the patch passes every argument through.
    const raw =
      /** @type {{ write: (...args: unknown[]) => boolean, end: (...args: unknown[]) => unknown }} */ (
        /** @type {unknown} */ (res)
      );
    const write = raw.write.bind(res);
    const end = raw.end.bind(res);
    /** @param {unknown} chunk */
    const keep = (chunk) => {
      if (typeof chunk === "string" || chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
    };
    raw.write = (...args) => {
      keep(args[0]);
      return write(...args);
    };
    raw.end = (...args) => {
      keep(args[0]);
      if (res.statusCode === 200 && !res.getHeader("set-cookie")) {
        if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value ?? "");
        entries.set(key, {
          expires: now() + TTL_MS,
          status: 200,
          headers: { ...res.getHeaders() },
          body: Buffer.concat(chunks),
        });
      }
      return end(...args);
    };
    next();
  };
}
