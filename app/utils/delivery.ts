const DAY = 24 * 60 * 60 * 1000;
const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;
/** A day on the road inside the district after the goods are ready. */
export const DELIVERY_DAYS = 1;

/**
 * The earliest day an order placed now can arrive: the lead time (days to make or pack it) plus
 * a day of delivery, counted in WIB calendar days. Returned as noon WIB of that day.
 */
export function earliestArrival(now: Date, leadTimeDays: number): Date {
  const wibToday = new Date(now.getTime() + WIB_OFFSET_MS);
  const dayStart = Date.UTC(wibToday.getUTCFullYear(), wibToday.getUTCMonth(), wibToday.getUTCDate());
  return new Date(
    dayStart + (Math.max(0, leadTimeDays) + DELIVERY_DAYS) * DAY + 12 * 60 * 60 * 1000 - WIB_OFFSET_MS,
  );
}

/** A wa.me link that opens WhatsApp with the text filled in, to send to anyone. */
export function whatsAppShareLink(text: string): string {
  return `https://wa.me/?text=${encodeURIComponent(text)}`;
}

/** A wa.me link that opens a chat with one number (E.164), the text filled in. */
export function whatsAppChatLink(e164: string, text: string): string {
  return `https://wa.me/${e164.replace(/^\+/, "")}?text=${encodeURIComponent(text)}`;
}

/** The WIB calendar date of an instant, "2026-11-28": what a date input shows and sends. */
export function wibDateKey(instant: Date): string {
  return new Date(instant.getTime() + WIB_OFFSET_MS).toISOString().slice(0, 10);
}

/** Noon WIB of a calendar date "2026-11-28": how a wanted-by day is stored. Null when not a date. */
export function wibNoon(dateKey: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(dateKey)) return null;
  const instant = new Date(`${dateKey}T12:00:00+07:00`);
  return Number.isNaN(instant.getTime()) || wibDateKey(instant) !== dateKey ? null : instant;
}

/**
 * The last moment of a WIB calendar day: how "until" days (quotes close, a quote is valid) are
 * stored, so the instant still falls on the day chosen and every page shows that day.
 */
export function endOfWibDay(dateKey: string): Date {
  return new Date((wibNoon(dateKey) as Date).getTime() + 12 * 60 * 60 * 1000 - 1);
}

/** The Monday of the WIB week an instant falls in, as a date key: the unit of weekly capacity. */
export function wibWeekKey(instant: Date): string {
  const wib = new Date(instant.getTime() + WIB_OFFSET_MS);
  const daysSinceMonday = (wib.getUTCDay() + 6) % 7;
  return new Date(wib.getTime() - daysSinceMonday * DAY).toISOString().slice(0, 10);
}

/** Noon WIB `days` calendar days after the WIB day of `instant`. */
export function addWibDays(instant: Date, days: number): Date {
  return wibNoon(wibDateKey(new Date(instant.getTime() + days * DAY))) as Date;
}
