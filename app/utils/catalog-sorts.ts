// The catalog's sort orders as they appear in the URL (Indonesian) and in the domain (English).
// Kept apart from the zod schema so the catalog page does not ship zod to the browser.
export const SORT_PARAMS = {
  relevansi: "relevance",
  terbaru: "newest",
  termurah: "price_asc",
  termahal: "price_desc",
  terdekat: "nearest",
} as const;
