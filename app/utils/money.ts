/** Whole rupiah, written the Indonesian way: Rp25.000 (no decimals). */
export function formatRupiah(amount: number): string {
  const sign = amount < 0 ? "-" : "";
  const digits = Math.abs(Math.trunc(amount))
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return `${sign}Rp${digits}`;
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
