// PostgreSQL refuses a NUL character in any text it is given ("invalid byte sequence for encoding
// UTF8: 0x00"), whether to store it or only to compare with it, and a lone UTF-16 surrogate cannot
// be written as UTF-8 at all. No person types either; a crafted id, query parameter or form value
// can. Every such string reaches the database through the one client, so the client refuses it
// there, on SQLite too: the same request gets the same answer on both databases, and SQLite never
// stores text that PostgreSQL could not take over.

const NUL_OR_LONE_SURROGATE = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True for a string the database cannot take: one with a NUL or a lone surrogate. */
export function isUnstorableText(value: string): boolean {
  return NUL_OR_LONE_SURROGATE.test(value);
}

/** Looks through a query's arguments (nested objects, lists, raw SQL values) for such a string. */
export function hasUnstorableText(value: unknown): boolean {
  if (typeof value === "string") return isUnstorableText(value);
  if (Array.isArray(value)) return value.some(hasUnstorableText);
  if (value === null || typeof value !== "object" || ArrayBuffer.isView(value) || value instanceof Date) {
    return false;
  }
  return Object.values(value).some(hasUnstorableText);
}

/**
 * What a request carrying such text gets. It is thrown as a Response because Remix answers a
 * Response thrown from a loader or an action with exactly that response: a 400 that the error
 * boundary explains in the reader's language. Thrown before the query runs, inside a transaction
 * it also undoes the transaction's earlier writes.
 */
export function unstorableTextResponse() {
  return new Response("The request contains a NUL character or broken Unicode text.", {
    status: 400,
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}
