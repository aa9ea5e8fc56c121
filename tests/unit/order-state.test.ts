import { describe, expect, it } from "vitest";
import type { OrderStatus } from "~/.server/db/client";
import {
  ORDER_ACTIONS,
  actionsFor,
  guardProblem,
  canRecordPayment,
  nextStatus,
  releasesStock,
  type OrderAction,
  type Party,
} from "~/.server/orders/state";

const STATUSES: OrderStatus[] = [
  "PLACED",
  "CONFIRMED",
  "IN_PRODUCTION",
  "SHIPPED",
  "RECEIVED",
  "COMPLETED",
  "REJECTED",
  "CANCELLED",
];

// Every allowed move; anything not listed here must be refused.
const ALLOWED: [OrderStatus, OrderAction, Party, OrderStatus][] = [
  ["PLACED", "confirm", "group", "CONFIRMED"],
  ["PLACED", "reject", "group", "REJECTED"],
  ["PLACED", "cancel", "buyer", "CANCELLED"],
  ["CONFIRMED", "cancel", "buyer", "CANCELLED"],
  ["CONFIRMED", "group_cancel", "group", "CANCELLED"],
  ["IN_PRODUCTION", "group_cancel", "group", "CANCELLED"],
  ["CONFIRMED", "start_production", "group", "IN_PRODUCTION"],
  ["CONFIRMED", "ship", "group", "SHIPPED"],
  ["IN_PRODUCTION", "ship", "group", "SHIPPED"],
  // The rest of a partial delivery.
  ["SHIPPED", "ship", "group", "SHIPPED"],
  ["SHIPPED", "mark_received", "group", "RECEIVED"],
  ["SHIPPED", "mark_received", "buyer", "RECEIVED"],
  ["SHIPPED", "auto_receive", "system", "RECEIVED"],
  ["RECEIVED", "complete", "system", "COMPLETED"],
];

describe("order state machine", () => {
  it.each(ALLOWED)("from %s, %s by %s leads to %s", (from, action, party, to) => {
    expect(nextStatus(from, action, party)).toBe(to);
  });

  const actions: OrderAction[] = [...ORDER_ACTIONS];
  const parties: Party[] = ["group", "buyer", "system"];
  const refused = STATUSES.flatMap((from) =>
    actions.flatMap((action) =>
      parties
        .filter((party) => !ALLOWED.some(([f, a, p]) => f === from && a === action && p === party))
        .map((party) => [from, action, party] as const),
    ),
  );

  it.each(refused)("from %s, %s by %s is refused", (from, action, party) => {
    expect(nextStatus(from, action, party)).toBeNull();
  });

  it("offers no action once an order is finished", () => {
    for (const status of ["COMPLETED", "REJECTED", "CANCELLED"] as const) {
      expect(actionsFor(status, "group")).toEqual([]);
      expect(actionsFor(status, "buyer")).toEqual([]);
    }
  });

  const facts = { amountPaid: 0, downPayment: 0, remainingToShip: 40 };
  it.each([
    ["ship", { ...facts, remainingToShip: 0 }, "order.nothing_to_ship"],
    ["ship", facts, null],
    ["mark_received", facts, "order.items_remaining"],
    ["auto_receive", facts, "order.items_remaining"],
    ["mark_received", { ...facts, remainingToShip: 0 }, null],
    [
      "start_production",
      { ...facts, downPayment: 100_000, amountPaid: 99_999 },
      "order.waiting_down_payment",
    ],
    ["start_production", { ...facts, downPayment: 100_000, amountPaid: 100_000 }, null],
    ["cancel", { ...facts, amountPaid: 1 }, "order.cancel_paid"],
    ["group_cancel", { ...facts, amountPaid: 1 }, "order.cancel_paid"],
    ["cancel", facts, null],
  ] as const)("%s with %j: %s", (action, orderFacts, problem) => {
    expect(guardProblem(action, orderFacts)).toBe(problem);
  });

  it("offers only the steps the order's numbers allow", () => {
    expect(actionsFor("SHIPPED", "group", facts)).toEqual(["ship"]);
    expect(actionsFor("SHIPPED", "group", { ...facts, remainingToShip: 0 })).toEqual(["mark_received"]);
    expect(actionsFor("CONFIRMED", "buyer", { ...facts, amountPaid: 5 })).toEqual([]);
  });

  it("takes money only between confirmation and completion", () => {
    expect(STATUSES.filter(canRecordPayment)).toEqual(["CONFIRMED", "IN_PRODUCTION", "SHIPPED", "RECEIVED"]);
  });

  it("releases reserved stock only when the order ends undelivered", () => {
    expect(STATUSES.filter(releasesStock)).toEqual(["REJECTED", "CANCELLED"]);
  });
});
