/** Throws a 404 unless the value exists; narrows its type for the caller. */
export function invariantResponse<T>(
  value: T | null | undefined,
  message = "Not found",
  status = 404,
): asserts value is T {
  if (value === null || value === undefined) throw new Response(message, { status });
}

/** A positive page number from the query string, 1 when missing or nonsense. */
export function pageParam(url: URL): number {
  const page = Number(url.searchParams.get("page") ?? "1");
  return Number.isInteger(page) && page > 0 && page < 10_000 ? page : 1;
}

// A made-up origin to resolve paths against: whatever resolves elsewhere leaves the site.
const HOME = "http://jejaring.invalid";

/**
 * A path on this site to go to after sign-in or a language choice, else the fallback. The value
 * is read the way a browser reads a Location header: a browser drops tabs and newlines and takes
 * a backslash for "/", so "/<tab>/evil.example" becomes "//evil.example", another site. Such values
 * are refused, not repaired, as are encoded slashes ("%2F", "%5C") that become "//" once decoded.
 * What is followed is the resolved, percent-encoded path, safe to put in a Location header.
 */
export function safeRedirectPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || !value.startsWith("/")) return fallback;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  let url: URL;
  let decodedPath: string;
  try {
    url = new URL(value, HOME);
    decodedPath = decodeURIComponent(url.pathname);
  } catch {
    return fallback;
  }
  const path = url.pathname + url.search + url.hash;
  if (url.origin !== HOME || path.startsWith("//")) return fallback;
  // eslint-disable-next-line no-control-regex
  if (/^[/\\]{2}|[\\\u0000-\u001f\u007f]/.test(decodedPath)) return fallback;
  return path;
}

export function clientAddress(context: unknown): string | null {
  if (context && typeof context === "object" && "clientAddress" in context) {
    const value = (context as { clientAddress: unknown }).clientAddress;
    return typeof value === "string" ? value : null;
  }
  return null;
}
