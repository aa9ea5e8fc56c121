/**
 * Normalises an Indonesian mobile number to E.164 ("+628…"). Accepts 08…, +62…, 62… and 8…,
 * with spaces, dots, dashes or brackets. Returns null when it cannot be an Indonesian mobile number.
 */
export function normalizeIndonesianPhone(input: string): string | null {
  const compact = input.trim().replace(/[\s.\-()]/g, "");
  if (!/^\+?\d+$/.test(compact)) return null;
  let national: string;
  if (compact.startsWith("+62")) national = compact.slice(3);
  else if (compact.startsWith("62")) national = compact.slice(2);
  else if (compact.startsWith("0")) national = compact.slice(1);
  else if (compact.startsWith("8")) national = compact;
  else return null;
  // Mobile numbers: 8 then 8 to 11 more digits (e.g. 812-3456-7890).
  if (!/^8\d{8,11}$/.test(national)) return null;
  return `+62${national}`;
}

/** "+6281234567890" → "6281234567890", the form wa.me links take. */
export function waDigits(e164: string): string {
  return e164.replace(/^\+/, "");
}

/** "+6281234567890" → "0812-3456-7890", how people here write it. */
export function formatPhoneForDisplay(e164: string): string {
  const national = `0${e164.replace(/^\+62/, "")}`;
  return national.replace(/^(\d{4})(\d{4})(\d+)$/, "$1-$2-$3");
}
