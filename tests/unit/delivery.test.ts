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
