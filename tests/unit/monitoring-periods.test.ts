import { describe, expect, it } from "vitest";
import { addMonths, monthsBetween } from "~/.server/monitoring/months";
import {
  nextPeriod,
  parsePeriod,
  periodSearch,
  previousPeriod,
  quickPeriods,
} from "~/.server/monitoring/periods";
import { catalogs } from "~/locales";

const NOW = new Date("2026-11-30T18:00:00Z"); // already 1 December in Jakarta

const parse = (query: string) => parsePeriod(new URLSearchParams(query), NOW);

describe("monitoring periods", () => {
  it.each([
    ["", { kind: "month", from: "2026-12", to: "2026-12" }],
    ["periode=2026-02", { kind: "month", from: "2026-02", to: "2026-02" }],
    ["periode=2026-Q1", { kind: "quarter", from: "2026-01", to: "2026-03" }],
    ["periode=2026-q4", { kind: "quarter", from: "2026-10", to: "2026-12" }],
    ["periode=2025", { kind: "year", from: "2025-01", to: "2025-12" }],
    ["dari=2025-11&sampai=2026-02", { kind: "custom", from: "2025-11", to: "2026-02" }],
    ["dari=2025-11-15&sampai=2026-02-01", { kind: "custom", from: "2025-11", to: "2026-02" }],
    ["dari=2021-01&sampai=2025-12", { kind: "custom", from: "2021-01", to: "2025-12" }],
  ])("reads %s", (query, expected) => {
    const result = parse(query);
    expect(result.ok && { kind: result.period.kind, from: result.period.from, to: result.period.to }).toEqual(
      expected,
    );
  });

  it.each([
    ["dari=2026-06&sampai=2026-01", "mon.period.end_before_start", "sampai"],
    ["dari=2020-01&sampai=2025-01", "mon.period.too_long", "sampai"],
    ["dari=2026-13&sampai=2027-01", "mon.period.bad_date", "dari"],
    ["dari=2026-01", "mon.period.bad_date", "sampai"],
    ["periode=2026-Q5", "mon.period.unreadable", "periode"],
    ["periode=1850", "mon.period.unreadable", "periode"],
    ["periode==HYPERLINK()", "mon.period.unreadable", "periode"],
    [`periode=${"9".repeat(40)}`, "mon.period.unreadable", "periode"],
  ])("refuses %s with %s on %s", (query, key, field) => {
    expect(parse(query)).toMatchObject({ ok: false, key, field });
  });

  it("has its refusals in both languages, the five years named", () => {
    const refused = parse("dari=2020-01&sampai=2025-01");
    expect(refused).toMatchObject({ params: { years: 5 } });
    for (const key of [
      "mon.period.end_before_start",
      "mon.period.too_long",
      "mon.period.bad_date",
    ] as const) {
      expect(catalogs.id[key]).not.toBe(catalogs.en[key]);
    }
  });

  it("compares with the period of equal length just before, and steps forward alike", () => {
    const quarter = parse("periode=2026-Q1");
    if (!quarter.ok) throw new Error("not read");
    expect(previousPeriod(quarter.period)).toMatchObject({
      from: "2025-10",
      to: "2025-12",
      months: ["2025-10", "2025-11", "2025-12"],
    });
    expect(nextPeriod(quarter.period)).toMatchObject({ from: "2026-04", to: "2026-06" });
    const custom = parse("dari=2026-01&sampai=2026-05");
    if (!custom.ok) throw new Error("not read");
    expect(previousPeriod(custom.period)).toMatchObject({ from: "2025-08", to: "2025-12" });
    expect(previousPeriod(custom.period).months).toHaveLength(5);
  });

  it("writes a period back as the URL reads it", () => {
    for (const query of [
      "periode=2026-02",
      "periode=2026-Q3",
      "periode=2025",
      "dari=2025-11&sampai=2026-02",
    ]) {
      const result = parse(query);
      if (!result.ok) throw new Error(query);
      expect(periodSearch(result.period).toString()).toBe(query);
    }
  });

  it("offers this month, last month, this quarter, this year and the last twelve months in WIB", () => {
    expect(quickPeriods(NOW).map((q) => [q.key, q.period.from, q.period.to])).toEqual([
      ["mon.period.this_month", "2026-12", "2026-12"],
      ["mon.period.last_month", "2026-11", "2026-11"],
      ["mon.period.this_quarter", "2026-10", "2026-12"],
      ["mon.period.this_year", "2026-01", "2026-12"],
      ["mon.period.last_12", "2026-01", "2026-12"],
    ]);
  });

  it("counts months across years", () => {
    expect(addMonths("2026-01", -1)).toBe("2025-12");
    expect(addMonths("2025-12", 13)).toBe("2027-01");
    expect(monthsBetween("2025-11", "2026-02")).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
    expect(monthsBetween("2026-02", "2026-01")).toEqual([]);
  });
});
