import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseCatalogParams } from "~/forms/catalog";
import { rupiah } from "~/forms/fields";
import { caretAfterRegroup, groupThousands, parseRupiah, regroupAsTyped } from "~/utils/money";

describe("reading rupiah as people type them", () => {
  it.each([
    ["35.000", 35_000],
    ["35000", 35_000],
    ["Rp 35.000", 35_000],
    ["Rp35.000", 35_000],
    ["rp. 35.000", 35_000],
    ["IDR 35000", 35_000],
    ["  35.000  ", 35_000],
    ["Rp35.000,-", 35_000],
    ["35.000,00", 35_000],
    ["1.250.000", 1_250_000],
    ["35 rb", 35_000],
    ["35rb", 35_000],
    ["35 ribu", 35_000],
    ["35K", 35_000],
    ["Rp 35rb", 35_000],
    ["1,5 jt", 1_500_000],
    ["1,5jt", 1_500_000],
    ["2 juta", 2_000_000],
    ["12,75 rb", 12_750],
    ["1.500 rb", 1_500_000],
    ["0", 0],
    ["-100", -100],
    ["7", 7],
  ])("reads %j as %i", (typed, value) => {
    expect(parseRupiah(typed)).toEqual({ ok: true, value });
  });

  it.each([
    // A comma or a dot that does not group thousands could mean two amounts.
    ["35,5", "ambiguous"],
    ["35.00", "ambiguous"],
    ["35.5", "ambiguous"],
    ["35,000", "ambiguous"],
    ["2500.50", "ambiguous"],
    ["35.000.00", "ambiguous"],
    ["3.50.000", "ambiguous"],
    ["35 000", "ambiguous"],
    ["1.5 jt", "ambiguous"],
    // Whole rupiah only.
    ["1,2345 rb", "ambiguous"],
    ["", "not_money"],
    ["Rp", "not_money"],
    ["dua ribu", "not_money"],
    ["35 rb 500", "not_money"],
    ["35e3", "not_money"],
    ["0x10", "not_money"],
    ["Infinity", "not_money"],
    ["1".repeat(16), "too_large"],
    ["9.999.999.999 jt", "too_large"],
  ])("refuses %j as %s", (typed, problem) => {
    expect(parseRupiah(typed)).toEqual({ ok: false, problem });
  });
});

describe("the money field shared by every form", () => {
  const schema = z.object({ price: rupiah(1, 100_000_000), limit: rupiah(0, 10_000_000).optional() });
  const errorsOf = (value: Record<string, unknown>) =>
    schema.safeParse(value).error?.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);

  it("stores what was meant, in whole rupiah", () => {
    expect(schema.parse({ price: "Rp 35.000", limit: "1,5 jt" })).toEqual({
      price: 35_000,
      limit: 1_500_000,
    });
    expect(schema.parse({ price: 35_000 })).toEqual({ price: 35_000 });
  });

  it.each([
    [{ price: "35,5" }, ["price form.money_ambiguous"]],
    [{ price: "dua ribu" }, ["price form.money_invalid"]],
    [{ price: "" }, ["price form.number_required"]],
    [{ price: "0" }, ["price form.positive"]],
    [{ price: "-100" }, ["price form.positive"]],
    [{ price: "200 jt" }, ["price form.too_large"]],
    [{ price: "1".repeat(20) }, ["price form.too_large"]],
    [{ price: "35.000", limit: "35.00" }, ["limit form.money_ambiguous"]],
  ])("answers %j with %j", (value, errors) => {
    expect(errorsOf(value)).toEqual(errors);
  });
});

describe("the catalog's price filter", () => {
  it("reads the bounds like any money field and drops what it cannot read", () => {
    const params = parseCatalogParams(new URLSearchParams("harga_min=35.000&harga_maks=1,5 jt"));
    expect([params.harga_min, params.harga_maks]).toEqual([35_000, 1_500_000]);
    const unreadable = parseCatalogParams(new URLSearchParams("harga_min=35,5&harga_maks="));
    expect([unreadable.harga_min, unreadable.harga_maks]).toEqual([undefined, undefined]);
  });
});

describe("grouping thousands while someone types", () => {
  it.each([
    // before, after the keystroke, what was typed (null: deleted) → shown
    ["", "3", "3", "3"],
    ["350", "3500", "0", "3.500"],
    ["3.500", "3.5000", "0", "35.000"],
    ["35.000", "35.00", null, "3.500"],
    ["", "35000", "35000", "35.000"],
    ["35.000", "135.000", "1", "135.000"],
    ["1.000", "1.00", null, "100"],
    ["0", "05", "5", "5"],
    // Her own dot, comma or words are left as typed.
    ["35", "35.", ".", "35."],
    ["35.", "35.0", "0", "35.0"],
    ["35", "35,", ",", "35,"],
    ["35", "35 ", " ", "35 "],
    ["35 rb", "350 rb", "0", "350 rb"],
    ["", "35.5", "35.5", "35.5"],
  ])("%j then %j (typed %j) shows %j", (before, after, inserted, shown) => {
    expect(regroupAsTyped(before, after, inserted)).toBe(shown);
  });

  it.each([
    // typed value, caret in it, shown value → caret in what is shown
    ["3.5000", 6, "35.000", 6],
    ["3.5000", 3, "35.000", 3],
    ["135.000", 1, "135.000", 1],
    ["35.00", 5, "3.500", 5],
    ["1.00", 1, "100", 1],
    ["", 0, "", 0],
  ])("keeps the caret of %j at %i in %j at %i", (after, caret, shown, expected) => {
    expect(caretAfterRegroup(after, caret, shown)).toBe(expected);
  });

  it("groups plain digits and leaves anything else alone", () => {
    expect(groupThousands("1250000")).toBe("1.250.000");
    expect(groupThousands("35,5")).toBe("35,5");
    expect(groupThousands("")).toBe("");
  });
});
