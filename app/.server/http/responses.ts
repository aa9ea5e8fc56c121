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

/** Only same-site paths are followed after sign-in. */
export function safeRedirectPath(value: unknown, fallback = "/"): string {
  if (
    typeof value !== "string" ||
    !value.startsWith("/") ||
    value.startsWith("//") ||
    value.startsWith("/\\")
  ) {
    return fallback;
  }
  return value;
}

export function clientAddress(context: unknown): string | null {
  if (context && typeof context === "object" && "clientAddress" in context) {
    const value = (context as { clientAddress: unknown }).clientAddress;
    return typeof value === "string" ? value : null;
  }
  return null;
}
