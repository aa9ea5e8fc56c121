// Cross-site request forgery guard: a request that changes data must come from our own pages.
// Browsers send Origin on every POST; a request without it (curl, a server-side webhook) carries no
// browser cookies by accident, so it is let through to the route's own checks.

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * @param {string} method
 * @param {string | undefined} origin the Origin header
 * @param {string | undefined} host the Host header (or the proxy's X-Forwarded-Host)
 * @param {string | undefined} appUrl APP_URL, when set
 * @returns {boolean} true when the request must be refused
 */
export function isCrossOriginWrite(method, origin, host, appUrl) {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  if (origin === undefined || origin === "") return false;
  if (origin === "null") return true;
  let originHost;
  try {
    originHost = new URL(origin).host;
  } catch {
    return true;
  }
  const allowed = new Set();
  if (host) allowed.add(host);
  if (appUrl) allowed.add(new URL(appUrl).host);
  return !allowed.has(originHost);
}
