import { calendarDate, rupiah } from "./fields";
import { z } from "./zod";

// The catalog's state lives in the URL (shareable on WhatsApp). Values that make no sense are
// dropped rather than refused: a mistyped link still shows products.
const optionalWhole = z.coerce.number().int().min(0).max(1_000_000_000).optional().catch(undefined);
/** A price bound typed into the filter ("35.000", "35 rb"), read like every money field. */
const optionalRupiah = rupiah(0, 1_000_000_000).optional().catch(undefined);
const blankToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

export const SORT_PARAMS = {
  relevansi: "relevance",
  terbaru: "newest",
  termurah: "price_asc",
  termahal: "price_desc",
} as const;

export const CatalogParamsSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  kategori: z.string().trim().max(80).optional().catch(undefined),
  wilayah: z.string().trim().max(40).optional().catch(undefined),
  harga_min: optionalRupiah,
  harga_maks: optionalRupiah,
  min_pesan: z.preprocess(blankToUndefined, optionalWhole),
  stok: z.literal("1").optional().catch(undefined),
  kirim_sebelum: z.preprocess(blankToUndefined, calendarDate().optional().catch(undefined)),
  urut: z.enum(["relevansi", "terbaru", "termurah", "termahal", "terdekat"]).optional().catch(undefined),
  halaman: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

export type CatalogParams = z.infer<typeof CatalogParamsSchema>;

export function parseCatalogParams(search: URLSearchParams): CatalogParams {
  return CatalogParamsSchema.parse(Object.fromEntries(search));
}
