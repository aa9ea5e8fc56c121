import { describe, expect, it } from "vitest";
import type { OrderStatus } from "~/.server/db/client";
import {
  actionsFor,
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
  ["CONFIRMED", "start_production", "group", "IN_PRODUCTION"],
  ["CONFIRMED", "ship", "group", "SHIPPED"],
  ["IN_PRODUCTION", "ship", "group", "SHIPPED"],
  ["SHIPPED", "mark_received", "group", "RECEIVED"],
  ["SHIPPED", "mark_received", "buyer", "RECEIVED"],
  ["RECEIVED", "complete", "system", "COMPLETED"],
];

describe("order state machine", () => {
  it.each(ALLOWED)("from %s, %s by %s leads to %s", (from, action, party, to) => {
    expect(nextStatus(from, action, party)).toBe(to);
  });

  const actions: OrderAction[] = [
    "confirm",
    "reject",
    "start_production",
    "ship",
    "mark_received",
    "complete",
    "cancel",
  ];
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

  it("takes money only between confirmation and completion", () => {
    expect(STATUSES.filter(canRecordPayment)).toEqual(["CONFIRMED", "IN_PRODUCTION", "SHIPPED", "RECEIVED"]);
  });

  it("releases reserved stock only when the order ends undelivered", () => {
    expect(STATUSES.filter(releasesStock)).toEqual(["REJECTED", "CANCELLED"]);
  });
});
