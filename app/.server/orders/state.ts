import type { OrderStatus } from "../db/client";

// The order lifecycle as data: which action moves an order from which states to which, and who
// may take it. Everything else (routes, buttons, tests) asks this table.
export type OrderAction =
  "confirm" | "reject" | "start_production" | "ship" | "mark_received" | "complete" | "cancel";

export type Party = "group" | "buyer" | "system";

type Transition = {
  from: readonly OrderStatus[];
  to: OrderStatus;
  by: readonly Party[];
  needsReason: boolean;
};

export const ORDER_TRANSITIONS: Record<OrderAction, Transition> = {
  confirm: { from: ["PLACED"], to: "CONFIRMED", by: ["group"], needsReason: false },
  reject: { from: ["PLACED"], to: "REJECTED", by: ["group"], needsReason: true },
  start_production: { from: ["CONFIRMED"], to: "IN_PRODUCTION", by: ["group"], needsReason: false },
  ship: { from: ["CONFIRMED", "IN_PRODUCTION"], to: "SHIPPED", by: ["group"], needsReason: false },
  mark_received: { from: ["SHIPPED"], to: "RECEIVED", by: ["group", "buyer"], needsReason: false },
  complete: { from: ["RECEIVED"], to: "COMPLETED", by: ["system"], needsReason: false },
  cancel: { from: ["PLACED"], to: "CANCELLED", by: ["buyer"], needsReason: false },
};

export const ORDER_ACTIONS = Object.keys(ORDER_TRANSITIONS) as OrderAction[];

/** The state an action leads to, or null when this party may not take it from this state. */
export function nextStatus(status: OrderStatus, action: OrderAction, party: Party): OrderStatus | null {
  const transition = ORDER_TRANSITIONS[action];
  if (!transition.from.includes(status) || !transition.by.includes(party)) return null;
  return transition.to;
}

export function actionsFor(status: OrderStatus, party: Party): OrderAction[] {
  return ORDER_ACTIONS.filter((action) => nextStatus(status, action, party) !== null);
}

export function actionNeedsReason(action: OrderAction): boolean {
  return ORDER_TRANSITIONS[action].needsReason;
}

/** Money can be recorded once the group has accepted the order and until it is closed. */
export const PAYABLE_STATUSES: readonly OrderStatus[] = ["CONFIRMED", "IN_PRODUCTION", "SHIPPED", "RECEIVED"];

export function canRecordPayment(status: OrderStatus): boolean {
  return PAYABLE_STATUSES.includes(status);
}

/** Ready stock goes back when an order ends without being delivered. */
export function releasesStock(status: OrderStatus): boolean {
  return status === "REJECTED" || status === "CANCELLED";
}

/** Orders still waiting for someone to act; the rest are finished one way or another. */
export const OPEN_STATUSES: readonly OrderStatus[] = [
  "PLACED",
  "CONFIRMED",
  "IN_PRODUCTION",
  "SHIPPED",
  "RECEIVED",
];
