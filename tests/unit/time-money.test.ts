import { describe, expect, it } from "vitest";
import { isCommonPassword } from "~/utils/passwords";
import { formatRupiah } from "~/utils/money";
import { formatDateTime, lastWibMonths, wibMonthKey, wibMonthStart } from "~/utils/time";

describe("money and time", () => {
  it("writes rupiah the Indonesian way", () => {
    expect(formatRupiah(25_000)).toBe("Rp25.000");
    expect(formatRupiah(1_250_000)).toBe("Rp1.250.000");
    expect(formatRupiah(0)).toBe("Rp0");
  });

  it("puts an instant in its WIB month", () => {
    // 31 Oct 2026 18:30 UTC is 1 Nov 01:30 in Jakarta.
    expect(wibMonthKey(new Date("2026-10-31T18:30:00Z"))).toBe("2026-11");
    expect(wibMonthKey(new Date("2026-10-31T16:59:59Z"))).toBe("2026-10");
    expect(wibMonthStart("2026-11").toISOString()).toBe("2026-10-31T17:00:00.000Z");
  });

  it("lists the last months oldest first, across a year boundary", () => {
    expect(lastWibMonths(new Date("2026-02-10T00:00:00Z"), 4)).toEqual([
      "2025-11",
      "2025-12",
      "2026-01",
      "2026-02",
    ]);
  });

  it("shows times in WIB", () => {
    expect(formatDateTime(new Date("2026-11-27T03:00:00Z"), "en")).toContain("10:00");
    expect(formatDateTime(new Date("2026-11-27T03:00:00Z"), "en")).toContain("WIB");
  });

  it("refuses common passwords", () => {
    expect(isCommonPassword("12345678")).toBe(true);
    expect(isCommonPassword("Bismillah")).toBe(true);
    expect(isCommonPassword("aaaaaaaaaa")).toBe(true);
    expect(isCommonPassword("kopi-susu-lembang")).toBe(false);
  });
});

describe("terbilang", () => {
  it.each([
    [0, "nol"],
    [11, "sebelas"],
    [15, "lima belas"],
    [100, "seratus"],
    [1_000, "seribu"],
    [1_500, "seribu lima ratus"],
    [21_000, "dua puluh satu ribu"],
    [250_000, "dua ratus lima puluh ribu"],
    [1_250_000, "satu juta dua ratus lima puluh ribu"],
    [111_111_111, "seratus sebelas juta seratus sebelas ribu seratus sebelas"],
    [2_000_000_000, "dua miliar"],
  ])("writes %i as %j", async (value, words) => {
    const { terbilang } = await import("~/utils/money");
    expect(terbilang(value)).toBe(words);
  });
});
