/** Whole rupiah, written the Indonesian way: Rp25.000 (no decimals). */
export function formatRupiah(amount: number): string {
  const sign = amount < 0 ? "-" : "";
  return `${sign}Rp${groupThousands(Math.abs(Math.trunc(amount)).toString())}`;
}

const ONES = [
  "",
  "satu",
  "dua",
  "tiga",
  "empat",
  "lima",
  "enam",
  "tujuh",
  "delapan",
  "sembilan",
  "sepuluh",
  "sebelas",
];

/**
 * A whole number in Indonesian words, as written on a kwitansi ("terbilang"):
 * 1.250.000 → "satu juta dua ratus lima puluh ribu".
 */
export function terbilang(value: number): string {
  const n = Math.trunc(Math.abs(value));
  if (n === 0) return "nol";
  const words = (x: number): string => {
    if (x < 12) return ONES[x] ?? "";
    if (x < 20) return `${words(x - 10)} belas`;
    if (x < 100) return `${words(Math.floor(x / 10))} puluh ${words(x % 10)}`;
    if (x < 200) return `seratus ${words(x - 100)}`;
    if (x < 1000) return `${words(Math.floor(x / 100))} ratus ${words(x % 100)}`;
    if (x < 2000) return `seribu ${words(x - 1000)}`;
    if (x < 1_000_000) return `${words(Math.floor(x / 1000))} ribu ${words(x % 1000)}`;
    if (x < 1_000_000_000) return `${words(Math.floor(x / 1_000_000))} juta ${words(x % 1_000_000)}`;
    if (x < 1_000_000_000_000)
      return `${words(Math.floor(x / 1_000_000_000))} miliar ${words(x % 1_000_000_000)}`;
    return `${words(Math.floor(x / 1_000_000_000_000))} triliun ${words(x % 1_000_000_000_000)}`;
  };
  return (value < 0 ? "minus " : "") + words(n).replace(/\s+/g, " ").trim();
}

export type RupiahReading =
  { ok: true; value: number } | { ok: false; problem: "not_money" | "ambiguous" | "too_large" };

const MULTIPLIERS: Record<string, number> = {
  k: 1_000,
  rb: 1_000,
  ribu: 1_000,
  jt: 1_000_000,
  juta: 1_000_000,
};

/**
 * A rupiah amount as people in Indonesia type it, or why it cannot be read. The dot groups
 * thousands ("35.000", "1.250.000"), "Rp" may lead ("Rp 35.000", "Rp35.000") and ",-" or ",00"
 * may close, "rb"/"ribu"/"k" and "jt"/"juta" multiply ("35 rb", "1,5 jt"; after them the comma
 * is a decimal comma). Anything that could mean two different amounts is refused, not guessed:
 * "35,5" (35 or 35 500?), "35.00" (35 or 3 500?), "35,000" (the English way, or 35?).
 */
export function parseRupiah(typed: string): RupiahReading {
  let text = typed.trim().toLowerCase().replace(/\s+/g, " ");
  const negative = text.startsWith("-");
  if (negative) text = text.slice(1).trimStart();
  text = text.replace(/^(rp\.?|idr)\s?/, "");
  let multiplier = 1;
  const unit = /\s?(k|rb|ribu|jt|juta)$/.exec(text);
  if (unit?.[1]) {
    multiplier = MULTIPLIERS[unit[1]] ?? 1;
    text = text.slice(0, unit.index);
  } else {
    text = text.replace(/,(-|00)$/, "");
  }
  let whole: string;
  let fraction = "";
  if (/^\d+$/.test(text) || /^\d{1,3}(\.\d{3})+$/.test(text)) {
    whole = text.replaceAll(".", "");
  } else if (multiplier > 1 && /^(\d+|\d{1,3}(\.\d{3})+),\d+$/.test(text)) {
    const [before = "", after = ""] = text.split(",");
    whole = before.replaceAll(".", "");
    fraction = after;
  } else {
    return { ok: false, problem: /^[\d.,\s]+$/.test(text) && /\d/.test(text) ? "ambiguous" : "not_money" };
  }
  if ((whole + fraction).replace(/^0+/, "").length > 15) return { ok: false, problem: "too_large" };
  // Whole rupiah only: "1,2345 rb" would be Rp1.234,5.
  const scale = 10 ** fraction.length;
  const scaled = Number(whole + fraction) * multiplier;
  if (scaled % scale !== 0) return { ok: false, problem: "ambiguous" };
  const value = scaled / scale;
  if (!Number.isSafeInteger(value)) return { ok: false, problem: "too_large" };
  return { ok: true, value: negative ? -value : value };
}

/** Plain digits, or digits grouped by thousands with dots: what a money input may regroup. */
const DIGITS_OR_GROUPED = /^(\d*|\d{1,3}(\.\d{3})+)$/;

/**
 * What a money input shows after a keystroke: the digits grouped by thousands ("35000" →
 * "35.000"), as long as the field held only digits before and only digits were typed (or some
 * were deleted). A dot, comma, "Rp" or "rb" she typed herself is left exactly as it is: regrouping
 * "35.5" would change its meaning, and the server reads (or refuses) it as typed.
 */
export function regroupAsTyped(before: string, after: string, inserted: string | null): string {
  if (!DIGITS_OR_GROUPED.test(before)) return after;
  if (inserted !== null && !/^\d+$/.test(inserted)) return after;
  if (!/^[\d.]*$/.test(after)) return after;
  return groupThousands(after.replaceAll(".", ""));
}

/** Digits grouped by thousands with dots, without "Rp": "35000" → "35.000"; other text unchanged. */
export function groupThousands(digits: string): string {
  if (!/^\d+$/.test(digits)) return digits;
  return digits.replace(/^0+(?=\d)/, "").replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

/**
 * Where the caret goes once `after` is shown as `shown`: before the same number of digits as it
 * had on its right, so regrouping never moves her to another place in the number.
 */
export function caretAfterRegroup(after: string, caret: number, shown: string): number {
  const digitsRight = after.slice(caret).replace(/\D/g, "").length;
  let position = shown.length;
  for (let seen = 0; position > 0 && seen < digitsRight; position--) {
    if (/\d/.test(shown.charAt(position - 1))) seen++;
  }
  return position;
}
