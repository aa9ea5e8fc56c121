import { describe, expect, it } from "vitest";
import { ancestorPaths } from "~/.server/institutions/institutions";
import { typedLines } from "~/.server/meetings/meetings";
import { InstitutionKind, SupportKind } from "~/.server/db/generated/sqlite/enums";
import { amountRule, INSTITUTION_KINDS, SUPPORT_KINDS, writesToBook } from "~/utils/institutions";

describe("support kinds and their amounts", () => {
  it.each([
    ["AID_MONEY", "required", true],
    ["LOAN", "required", false],
    ["AID_KIND", "optional", false],
    ["TRAINING", "refused", false],
    ["EXHIBITION", "refused", false],
    ["PERMIT", "refused", false],
  ] as const)("%s: amount %s, in the book: %s", (kind, rule, book) => {
    expect(amountRule(kind)).toBe(rule);
    expect(writesToBook(kind)).toBe(book);
  });

  it("lists exactly the database's kinds for the browser", () => {
    expect([...SUPPORT_KINDS].sort()).toEqual(Object.values(SupportKind).sort());
    expect([...INSTITUTION_KINDS].sort()).toEqual(Object.values(InstitutionKind).sort());
  });
});

describe("area paths above an area", () => {
  it.each([
    ["32/", []],
    ["32/32.17/", ["32/"]],
    ["32/32.17/32.17.06/32.17.06.2001/", ["32/", "32/32.17/", "32/32.17/32.17.06/"]],
  ])("%s → %j", (path, above) => {
    expect(ancestorPaths(path)).toEqual(above);
  });
});

describe("lines typed one per line", () => {
  it("trims, squeezes spaces and drops blank lines", () => {
    expect(typedLines(" Ibu  Euis \r\n\n\tPak Agus\n  ")).toEqual(["Ibu Euis", "Pak Agus"]);
    expect(typedLines("")).toEqual([]);
  });
});
