import { describe, expect, it } from "vitest";
import { formatPhoneForDisplay, normalizeIndonesianPhone, waDigits } from "~/utils/phone";
import { parseIdentifier } from "~/utils/identifier";

describe("normalizeIndonesianPhone", () => {
  it.each([
    ["081234567890", "+6281234567890"],
    ["0812-3456-7890", "+6281234567890"],
    ["0812 3456 7890", "+6281234567890"],
    ["+62 812-3456-7890", "+6281234567890"],
    ["6281234567890", "+6281234567890"],
    ["(0812) 3456.7890", "+6281234567890"],
    ["81234567890", "+6281234567890"],
    ["0811222333", "+62811222333"],
  ])("turns %s into %s", (input, expected) => {
    expect(normalizeIndonesianPhone(input)).toBe(expected);
  });

  it.each([
    "",
    "0212345678",
    "+14155550123",
    "08123",
    "0812345678901234",
    "08a2345678",
    "++6281234567890",
    "abc",
  ])("refuses %j", (input) => {
    expect(normalizeIndonesianPhone(input)).toBeNull();
  });

  it("gives wa.me digits and the way people write the number", () => {
    expect(waDigits("+6281234567890")).toBe("6281234567890");
    expect(formatPhoneForDisplay("+6281234567890")).toBe("0812-3456-7890");
  });
});

describe("parseIdentifier", () => {
  it("reads emails in lower case and phones as E.164", () => {
    expect(parseIdentifier(" Ibu.Euis@Example.COM ")).toEqual({
      kind: "email",
      value: "ibu.euis@example.com",
    });
    expect(parseIdentifier("0812-0000-0001")).toEqual({ kind: "phone", value: "+6281200000001" });
  });

  it("refuses what is neither", () => {
    expect(parseIdentifier("euis@")).toBeNull();
    expect(parseIdentifier("12345")).toBeNull();
  });
});
