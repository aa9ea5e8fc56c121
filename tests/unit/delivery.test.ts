import { describe, expect, it } from "vitest";
import { earliestArrival, whatsAppShareLink } from "~/utils/delivery";
import { formatDate } from "~/utils/time";

describe("earliestArrival", () => {
  it.each([
    // 27 Nov 10:00 WIB, ready stock packed the same day: arrives the next day.
    ["2026-11-27T03:00:00Z", 0, "28 Nov 2026"],
    // 27 Nov 23:30 WIB is still the 27th in Lembang.
    ["2026-11-27T16:30:00Z", 0, "28 Nov 2026"],
    // 28 Nov 00:30 WIB (27 Nov 17:30 UTC) is already the 28th.
    ["2026-11-27T17:30:00Z", 0, "29 Nov 2026"],
    // Fourteen days to knit, one to deliver.
    ["2026-11-27T03:00:00Z", 14, "12 Dec 2026"],
  ])("from %s with %i days of lead time is %s", (now, lead, expected) => {
    expect(formatDate(earliestArrival(new Date(now), lead), "en")).toBe(expected);
  });
});

describe("whatsAppShareLink", () => {
  it("carries the text, encoded", () => {
    expect(whatsAppShareLink("Dodol susu — Rp18.000/pak\nhttps://jejaring.id/produk/dodol")).toBe(
      "https://wa.me/?text=Dodol%20susu%20%E2%80%94%20Rp18.000%2Fpak%0Ahttps%3A%2F%2Fjejaring.id%2Fproduk%2Fdodol",
    );
  });
});

describe("whatsAppChatLink", () => {
  it("opens a chat with the group's number, digits only, with the text filled in", async () => {
    const { whatsAppChatLink } = await import("~/utils/delivery");
    expect(whatsAppChatLink("+6281200000003", "Halo KUBE")).toBe(
      "https://wa.me/6281200000003?text=Halo%20KUBE",
    );
  });
});

describe("WIB calendar days and weeks", () => {
  it("names the WIB day, and its week by the Monday", async () => {
    const { wibDateKey, wibWeekKey, wibNoon, addWibDays } = await import("~/utils/delivery");
    // Sunday 29 Nov 23:30 WIB is still in the week of Monday 23 Nov; 30 min later a new week starts.
    expect(wibDateKey(new Date("2026-11-29T16:30:00Z"))).toBe("2026-11-29");
    expect(wibWeekKey(new Date("2026-11-29T16:30:00Z"))).toBe("2026-11-23");
    expect(wibWeekKey(new Date("2026-11-29T17:00:00Z"))).toBe("2026-11-30");
    expect(wibNoon("2026-12-04")?.toISOString()).toBe("2026-12-04T05:00:00.000Z");
    expect(wibNoon("2026-02-30")).toBeNull();
    expect(wibNoon("4 Dec")).toBeNull();
    expect(addWibDays(new Date("2026-12-31T20:00:00Z"), 1).toISOString()).toBe("2027-01-02T05:00:00.000Z");
  });
});

describe("weekly capacity", () => {
  it("finds the first week with room for every made-to-order line of a group", async () => {
    const { earliestFeasibleDate, deliveryProblem } = await import("~/.server/orders/capacity");
    const now = new Date("2026-11-30T02:00:00Z"); // Monday 09:00 WIB
    const needs = [
      { productId: "rajut", quantity: 40, leadTimeDays: 3, capacityPerWeek: 100 },
      { productId: "besek", quantity: 500, leadTimeDays: 0, capacityPerWeek: null },
    ];
    const booked = new Map([
      ["rajut 2026-11-30", 70],
      ["rajut 2026-12-07", 61],
    ]);
    // This week 30 left, next week 39: the week after, on its Monday.
    expect(earliestFeasibleDate(needs, booked, now)?.toISOString()).toBe("2026-12-14T05:00:00.000Z");
    expect(deliveryProblem(needs, new Date("2026-12-11T05:00:00Z"), booked, now)).toEqual({
      kind: "over_week",
      productId: "rajut",
      left: 39,
    });
    expect(deliveryProblem(needs, new Date("2026-12-02T05:00:00Z"), booked, now)).toMatchObject({
      kind: "too_soon",
    });
    const tooMany = [{ productId: "rajut", quantity: 101, leadTimeDays: 3, capacityPerWeek: 100 }];
    expect(earliestFeasibleDate(tooMany, new Map(), now)).toBeNull();
  });
});
