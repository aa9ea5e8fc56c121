import { randomBytes } from "node:crypto";
import type { RequestStatus } from "../db/client";

// What every part of matching agrees on about a request: its number, and the state it is in at a
// given moment. A request whose close date has passed is expired from that moment, whether or not
// the expiry job has written EXPIRED yet; so nothing may be quoted or accepted on it.

const NUMBER_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

/** "PMT-2611-4KQ7P": the request's human-facing number (the order's alphabet and shape). */
export function newRequestNumber(now = new Date()): string {
  const tail = Array.from(randomBytes(5), (b) => NUMBER_ALPHABET[b % NUMBER_ALPHABET.length]).join("");
  const yymm = `${String(now.getUTCFullYear()).slice(2)}${String(now.getUTCMonth() + 1).padStart(2, "0")}`;
  return `PMT-${yymm}-${tail}`;
}

/** The state at `now`: OPEN or QUOTED past its close date reads as EXPIRED. */
export function requestState(request: { status: RequestStatus; closesAt: Date }, now: Date): RequestStatus {
  if ((request.status === "OPEN" || request.status === "QUOTED") && request.closesAt <= now) return "EXPIRED";
  return request.status;
}

/** Whether groups may still quote and the buyer may still accept. */
export function takesQuotes(request: { status: RequestStatus; closesAt: Date }, now: Date): boolean {
  const state = requestState(request, now);
  return state === "OPEN" || state === "QUOTED";
}

/** The database condition for "still takes quotes at `now`", for conditional updates. */
export function takesQuotesWhere(now: Date) {
  return { status: { in: ["OPEN", "QUOTED"] as RequestStatus[] }, closesAt: { gt: now } };
}
