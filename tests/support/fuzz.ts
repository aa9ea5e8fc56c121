// A small seeded generator of hostile input, for tests that throw odd requests at real handlers.
// Seeded and deterministic: a failing case names its seed and number and replays exactly.

/** mulberry32: a tiny 32-bit PRNG, plenty for picking test input. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    chance: (p: number) => next() < p,
    pick: <T>(items: readonly T[]): T => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error("pick from an empty list");
      return item;
    },
  };
}
export type Random = ReturnType<typeof seededRandom>;

/**
 * Text nobody means to type: control characters (NUL above all, which PostgreSQL refuses), numbers
 * at and past every edge, impossible dates, SQL, LIKE and full-text syntax, markup, right-to-left
 * and astral characters, and lengths far over every limit.
 */
export const HOSTILE_TEXT: readonly string[] = [
  "",
  " ",
  "\0",
  "a\0b",
  "%00",
  "\n",
  "a\r\nb",
  "\t",
  "\u0007",
  "-1",
  "0",
  "1",
  "1.5",
  "-0",
  "1e309",
  "1e-9",
  "NaN",
  "Infinity",
  "9007199254740993",
  "99999999999999999999999999",
  "0x1F",
  "2026-02-30",
  "2026-13-45",
  "0000-00-00",
  "9999-12-31",
  "1900-01-01",
  "on",
  "true",
  "null",
  "undefined",
  "__proto__",
  "constructor",
  "%",
  "_",
  "'",
  '"',
  "\\",
  "' OR '1'='1' --",
  '"kopi" OR "teh"',
  "NEAR(kopi teh)",
  "kopi*",
  "-kopi",
  "kopi:teh",
  "^kopi",
  "()",
  "<script>alert(1)</script>",
  "💚🌶️ keripik",
  "\u202Ekopi",
  "\uFFFD",
  "كوبي",
  "../../etc/passwd",
  "x".repeat(5000),
  "9".repeat(400),
  "kopi ".repeat(300),
];

/** A value for a field: one of its plausible values, or, with probability `hostility`, hostile text. */
export function fieldValue(random: Random, plausible: readonly string[], hostility = 0.5): string {
  return plausible.length > 0 && !random.chance(hostility)
    ? random.pick(plausible)
    : random.pick(HOSTILE_TEXT);
}

/**
 * One submission of a form: each field given a value, left out, or sent twice. Fields are named
 * as the pages name them (conform's `orders[0].groupId`, `lines.<id>.quantity`). How many are
 * hostile varies: one bad field among good ones gets past validation to the rules and the
 * database, many bad ones test validation itself.
 */
export function formEntries(
  random: Random,
  fields: Readonly<Record<string, readonly string[]>>,
): [string, string][] {
  const hostility = random.pick([0.05, 0.15, 0.5]);
  const entries: [string, string][] = [];
  for (const [name, plausible] of Object.entries(fields)) {
    if (random.chance(0.05)) continue;
    entries.push([name, fieldValue(random, plausible, hostility)]);
    if (random.chance(0.05)) entries.push([name, fieldValue(random, plausible, hostility)]);
  }
  return entries;
}
