import { db, type Tx } from "../db/client";
import { lockRow } from "../db/locks";

// Every change to an order runs in one transaction that first takes the order's row lock, then
// reads what it decides on. Two requests on one order (the buyer cancelling while the treasurer
// records a payment; the buyer accepting a proposal while the group ships) then happen one after
// the other on PostgreSQL as they already do on SQLite. Decision 008.

/** An order named as a route names it (its number, with the tenant that may act on it), or by id. */
export type OrderKey =
  | { number: string; groupId: string }
  | { number: string; businessId: string }
  | { id: string; groupId?: string; businessId?: string };

/** Locks the order for the rest of the transaction; its id, or null when the tenant has no such order. */
export function lockOrder(tx: Tx, key: OrderKey): Promise<string | null> {
  return lockRow(tx, "Order", key);
}

/**
 * One transaction with the order locked first. `work` gets the order's id and must read
 * everything it checks through `tx`, after the lock. Returns `missing` when there is no such order.
 */
export function withOrderLocked<T>(
  key: OrderKey,
  missing: T,
  work: (tx: Tx, orderId: string) => Promise<T>,
): Promise<T> {
  return db.$transaction(async (tx) => {
    const orderId = await lockOrder(tx, key);
    return orderId ? work(tx, orderId) : missing;
  });
}
