import { describe, expect, it } from "vitest";
import { requestWords } from "~/.server/matching/candidates";

describe("the words the matcher reads from a request", () => {
  it("are the title's words, normalised, once each", () => {
    expect(requestWords("Oleh-oleh: Dodol STROBERI, dodol!")).toEqual(["oleh", "dodol", "stroberi"]);
  });

  it("leave out the names of places, which say where and not what", () => {
    const places = new Set(["lembang", "jayagiri", "kecamatan"]);
    expect(requestWords("Batik tulis motif Lembang untuk seragam", places)).toEqual([
      "batik",
      "tulis",
      "motif",
      "untuk",
      "seragam",
    ]);
  });
});
