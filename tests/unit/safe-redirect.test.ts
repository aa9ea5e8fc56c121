import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "~/.server/http/responses";

// Each of these is read by some browser as another site, or turns into one once something on the
// way decodes it. Most come from published open-redirect bypass lists.
const LEAVES_THE_SITE = [
  "//evil.example",
  "///evil.example",
  "////evil.example/phish",
  "/\\evil.example",
  "\\\\evil.example",
  "\\/evil.example",
  "/\t/evil.example/phish",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "/\u0000/evil.example",
  "/\u001f/evil.example",
  "/\u007f/evil.example",
  " //evil.example",
  "\t//evil.example",
  "/.//evil.example",
  "/..//evil.example",
  "/%2e%2e//evil.example",
  "/./\\evil.example",
  "/%2F/evil.example",
  "/%2f%2fevil.example",
  "/%5Cevil.example",
  "/%5c%5cevil.example",
  "/%09/evil.example",
  "/%0A/evil.example",
  "/%E0%A4%A",
  "https://evil.example",
  "http:evil.example",
  "https:/\\evil.example",
  "javascript:alert(1)",
  "evil.example",
  "",
];

describe("safeRedirectPath", () => {
  it.each(LEAVES_THE_SITE)("refuses %j", (value) => {
    expect(safeRedirectPath(value, "/beranda")).toBe("/beranda");
  });

  it.each([
    ["/", "/"],
    ["/produk/dodol-susu-lembang", "/produk/dodol-susu-lembang"],
    ["/produk?q=keripik%20pisang&page=2", "/produk?q=keripik%20pisang&page=2"],
    ["/pesanan/JJR-2026-0001#bayar", "/pesanan/JJR-2026-0001#bayar"],
    ["/produk?q=a/b//c", "/produk?q=a/b//c"],
    ["/@evil.example", "/@evil.example"],
    // What a browser would send anyway: spaces and non-ASCII letters are percent-encoded.
    ["/produk?q=kue bawang", "/produk?q=kue%20bawang"],
    ["/kelompok/ibu-ibu-é", "/kelompok/ibu-ibu-%C3%A9"],
    ["/produk/../kelompok", "/kelompok"],
  ])("follows %j as %j", (value, expected) => {
    expect(safeRedirectPath(value)).toBe(expected);
  });

  it("answers the fallback for anything but a string", () => {
    expect(safeRedirectPath(null, "/x")).toBe("/x");
    expect(safeRedirectPath(undefined, "/x")).toBe("/x");
    expect(safeRedirectPath(["/produk"], "/x")).toBe("/x");
  });

  it("never returns a value that would break a Location header or leave the site", () => {
    // Every character, in every position a bypass would put it.
    for (let code = 0; code < 0x80; code++) {
      const c = String.fromCharCode(code);
      for (const value of [`/${c}/evil.example`, `/${c}${c}evil.example`, `${c}/evil.example`]) {
        const path = safeRedirectPath(value);
        expect(() => new Headers({ Location: path }), JSON.stringify(value)).not.toThrow();
        expect(new URL(path, "https://jejaring.id").origin, JSON.stringify(value)).toBe(
          "https://jejaring.id",
        );
        expect(path, JSON.stringify(value)).not.toMatch(/^[/\\]{2}/);
      }
    }
  });
});
