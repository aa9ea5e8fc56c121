import { describe, expect, it } from "vitest";
import { isCrossOriginWrite } from "../../server/origin.js";

describe("isCrossOriginWrite", () => {
  it.each([
    ["GET", "https://evil.example", "jejaring.id", undefined, false],
    ["POST", "https://jejaring.id", "jejaring.id", undefined, false],
    ["POST", undefined, "jejaring.id", undefined, false],
    ["POST", "https://evil.example", "jejaring.id", undefined, true],
    ["POST", "null", "jejaring.id", undefined, true],
    ["DELETE", "http://localhost:3001", "localhost:3000", undefined, true],
    ["POST", "https://jejaring.id", "10.0.0.5:3000", "https://jejaring.id", false],
    ["POST", "not a url", "jejaring.id", undefined, true],
  ])("%s from %s to %s (APP_URL %s) refused: %s", (method, origin, host, appUrl, refused) => {
    expect(isCrossOriginWrite(method, origin, host, appUrl)).toBe(refused);
  });
});
