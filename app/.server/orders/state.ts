import type { MessageKey } from "~/locales";
import type { OrderStatus } from "../db/client";

// The order lifecycle as data: which action moves an order from which states to which, and who
// may take it; then the few rules that depend on the order's numbers (what is left to ship, what
// is paid). Everything else (routes, buttons, tests) asks these two.
export type OrderAction =
  | "confirm"
  | "reject"
  | "start_production"
  | "ship"
  | "mark_received"
  | "auto_receive"
  | "complete"
  | "cancel"
  | "group_cancel";

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
  // A later shipment of the rest keeps the order Dikirim (partial delivery: 60 now, 40 later).
  ship: { from: ["CONFIRMED", "IN_PRODUCTION", "SHIPPED"], to: "SHIPPED", by: ["group"], needsReason: false },
  mark_received: { from: ["SHIPPED"], to: "RECEIVED", by: ["group", "buyer"], needsReason: false },
  // The buyer did not say within AUTO_RECEIVE_DAYS of the last shipment: taken as received.
  auto_receive: { from: ["SHIPPED"], to: "RECEIVED", by: ["system"], needsReason: false },
  complete: { from: ["RECEIVED"], to: "COMPLETED", by: ["system"], needsReason: false },
  // The buyer may withdraw until the group starts making it; the group may cancel what it
  // accepted but cannot deliver, saying why.
  cancel: { from: ["PLACED", "CONFIRMED"], to: "CANCELLED", by: ["buyer"], needsReason: false },
  group_cancel: { from: ["CONFIRMED", "IN_PRODUCTION"], to: "CANCELLED", by: ["group"], needsReason: true },
};

export const ORDER_ACTIONS = Object.keys(ORDER_TRANSITIONS) as OrderAction[];

export const AUTO_RECEIVE_DAYS = 7;

/** The state an action leads to, or null when this party may not take it from this state. */
export function nextStatus(status: OrderStatus, action: OrderAction, party: Party): OrderStatus | null {
  const transition = ORDER_TRANSITIONS[action];
  if (!transition.from.includes(status) || !transition.by.includes(party)) return null;
  return transition.to;
}

/** The numbers of an order that some steps depend on. */
export type OrderFacts = {
  amountPaid: number;
  downPayment: number;
  /** Units ordered but not yet sent, over all lines. */
  remainingToShip: number;
};

/** Why an action the table allows cannot be taken on this order now, or null. */
export function guardProblem(action: OrderAction, facts: OrderFacts): MessageKey | null {
  switch (action) {
    case "ship":
      return facts.remainingToShip > 0 ? null : "order.nothing_to_ship";
    case "mark_received":
    case "auto_receive":
      return facts.remainingToShip > 0 ? "order.items_remaining" : null;
    case "start_production":
      return facts.amountPaid >= facts.downPayment ? null : "order.waiting_down_payment";
    case "cancel":
    case "group_cancel":
      // Money already received goes back first (a refund), then the order can be cancelled.
      return facts.amountPaid > 0 ? "order.cancel_paid" : null;
    default:
      return null;
  }
}

export function actionsFor(status: OrderStatus, party: Party, facts?: OrderFacts): OrderAction[] {
  return ORDER_ACTIONS.filter(
    (action) =>
      nextStatus(status, action, party) !== null && (!facts || guardProblem(action, facts) === null),
  );
}

export function actionNeedsReason(action: OrderAction): boolean {
  return ORDER_TRANSITIONS[action].needsReason;
}

/** Money can be recorded once the group has accepted the order and until it is closed. */
export const PAYABLE_STATUSES: readonly OrderStatus[] = ["CONFIRMED", "IN_PRODUCTION", "SHIPPED", "RECEIVED"];

export function canRecordPayment(status: OrderStatus): boolean {
  return PAYABLE_STATUSES.includes(status);
}

/** Ready stock and booked capacity go back when an order ends without being delivered. */
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
