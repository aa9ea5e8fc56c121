import { describe, expect, it } from "vitest";
import {
  fts5Query,
  normalizeForSearch,
  queryTerms,
  searchTextFor,
  tsQuery,
} from "~/.server/catalog/search-text";

describe("search text", () => {
  it("forgets case, accents and punctuation", () => {
    expect(normalizeForSearch("Kafé  Kebun-Teh: SELAI Stroberi!")).toBe("kafe kebun teh selai stroberi");
  });

  it("puts name, category, group, village and description in the searchable text", () => {
    expect(
      searchTextFor({
        name: "Dodol Susu",
        description: "Isi 250 g",
        category: "Olahan susu",
        group: "KUBE Sauyunan",
        village: "Jayagiri",
      }),
    ).toEqual({
      searchText: "dodol susu olahan susu kube sauyunan jayagiri isi 250 g",
      searchName: "dodol susu",
    });
  });

  it.each([
    ["rajut", [["rajut"]]],
    ["Stroberry selai", [["stroberry", "strober"], ["selai"]]],
    [
      "  keripik   SINGKONG ",
      [
        ["keripik", "kerip"],
        ["singkong", "singko"],
      ],
    ],
    ["é", [["e"]]],
    ["!!!", []],
  ])("turns %j into prefix terms", (query, expected) => {
    expect(queryTerms(query)).toEqual(expected);
  });

  it("writes the same terms for FTS5 and for PostgreSQL", () => {
    const terms = queryTerms("stroberry selai");
    expect(fts5Query(terms)).toBe('("stroberry"* OR "strober"*) AND ("selai"*)');
    expect(tsQuery(terms)).toBe("(stroberry:* | strober:*) & (selai:*)");
  });

  it("keeps at most eight words", () => {
    expect(queryTerms("a b c d e f g h i j")).toHaveLength(8);
  });
});
