// What search sees of a product, and how a buyer's words become a query. Pure functions, so the
// SQLite and PostgreSQL indexes are fed and asked exactly the same way.

const MAX_TERMS = 8;
/** Words at least this long also match when their last two letters are wrong ("stroberry"). */
const FORGIVE_ENDING_FROM = 6;

/** Lower case, accents removed, anything but letters and digits turned into single spaces. */
export function normalizeForSearch(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

export function searchTextFor(parts: {
  name: string;
  description: string;
  category: string;
  group: string;
  village: string;
}): { searchText: string; searchName: string } {
  return {
    searchText: normalizeForSearch(
      [parts.name, parts.category, parts.group, parts.village, parts.description].join(" "),
    ),
    searchName: normalizeForSearch(parts.name),
  };
}

/**
 * Each word of the query must match the start of a word in the product (so "rajut" finds
 * "rajutan"); a long word may instead match without its last two letters. Returns, per word,
 * the prefixes that may match it.
 */
export function queryTerms(query: string): string[][] {
  const words = normalizeForSearch(query).split(" ").filter(Boolean).slice(0, MAX_TERMS);
  return words.map((word) => (word.length >= FORGIVE_ENDING_FROM ? [word, word.slice(0, -2)] : [word]));
}

/** The same terms as an SQLite FTS5 MATCH expression: every word must match, or (`OR`) any. */
export function fts5Query(terms: string[][], join: "AND" | "OR" = "AND"): string {
  return terms
    .map((alternatives) => `(${alternatives.map((p) => `"${p}"*`).join(" OR ")})`)
    .join(` ${join} `);
}

/** The same terms as a PostgreSQL tsquery in the 'simple' configuration: every word, or (`OR`) any. */
export function tsQuery(terms: string[][], join: "AND" | "OR" = "AND"): string {
  return terms
    .map((alternatives) => `(${alternatives.map((p) => `${p}:*`).join(" | ")})`)
    .join(join === "AND" ? " & " : " | ");
}
