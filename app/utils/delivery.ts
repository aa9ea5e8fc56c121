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
