import { z } from "./zod";
import { tierProblems } from "~/utils/tiers";
import { calendarDate, rupiah } from "./fields";

export const PRODUCT_UNITS = ["PCS", "KG", "PAK", "LUSIN", "BOTOL", "TOPLES", "LITER"] as const;
export const SUPPLY_MODES = ["READY_STOCK", "MADE_TO_ORDER"] as const;
export const EDITABLE_STATUSES = ["DRAFT", "ACTIVE"] as const;
export const MAX_TIERS = 4;

const wholeNumber = (min: number, max: number) =>
  z
    .number({ error: "form.number_required" })
    .int("form.whole_number")
    .min(min, min === 0 ? "form.not_negative" : "form.at_least")
    .max(max, "form.too_large");

const optionalText = (max: number) => z.string().trim().max(max, "form.too_long").optional();

const tierRow = z.object({
  minQuantity: wholeNumber(2, 1_000_000).optional(),
  unitPrice: rupiah(1, 100_000_000).optional(),
});

const productFields = z.object({
  name: z.string({ error: "form.required" }).trim().min(3, "form.too_short").max(80, "form.too_long"),
  categoryId: z.string({ error: "form.choose_one" }).min(1, "form.choose_one").max(40, "form.choose_one"),
  unit: z.enum(PRODUCT_UNITS, { error: "form.choose_one" }),
  price: rupiah(1, 100_000_000),
  minOrderQuantity: wholeNumber(1, 100_000),
  orderMultiple: wholeNumber(1, 10_000).default(1),
  supplyMode: z.enum(SUPPLY_MODES, { error: "form.choose_one" }).default("READY_STOCK"),
  stock: wholeNumber(0, 1_000_000).default(0),
  capacityPerWeek: wholeNumber(1, 1_000_000).optional(),
  leadTimeDays: wholeNumber(0, 90).default(1),
  pausedUntil: calendarDate().optional(),
  halalCertificate: optionalText(40),
  pirtNumber: optionalText(40),
  bpomNumber: optionalText(40),
  description: optionalText(2000),
  status: z.enum(EDITABLE_STATUSES, { error: "form.choose_one" }).default("ACTIVE"),
  tiers: z.array(tierRow).max(MAX_TIERS).default([]),
});

/** Rules that tie fields together; the browser shows them before sending, the server enforces them. */
function checkProductRules(value: z.infer<typeof productFields>, ctx: z.RefinementCtx) {
  if (value.minOrderQuantity % value.orderMultiple !== 0) {
    ctx.addIssue({ code: "custom", path: ["minOrderQuantity"], message: "product_form.min_not_multiple" });
  }
  if (value.supplyMode === "MADE_TO_ORDER" && value.capacityPerWeek === undefined) {
    ctx.addIssue({ code: "custom", path: ["capacityPerWeek"], message: "form.required" });
  }
  const filled: { index: number; minQuantity: number; unitPrice: number }[] = [];
  value.tiers.forEach((row, index) => {
    if (row.minQuantity === undefined && row.unitPrice === undefined) return;
    if (row.minQuantity === undefined) {
      ctx.addIssue({ code: "custom", path: ["tiers", index, "minQuantity"], message: "form.required" });
    } else if (row.unitPrice === undefined) {
      ctx.addIssue({ code: "custom", path: ["tiers", index, "unitPrice"], message: "form.required" });
    } else {
      filled.push({ index, minQuantity: row.minQuantity, unitPrice: row.unitPrice });
    }
  });
  for (const problem of tierProblems(value.minOrderQuantity, value.price, filled)) {
    const row = filled[problem.index];
    if (row)
      ctx.addIssue({ code: "custom", path: ["tiers", row.index, problem.field], message: problem.message });
  }
}

export const MAX_PHOTOS = 8;

const uploaded = z.custom<File>((value) => value instanceof File, "image.required");
/** A file input sends one empty file when nothing was chosen; one file is not an array. */
const photoList = z.preprocess(
  (value) =>
    (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter(
      (f) => !(f instanceof File) || f.size > 0,
    ),
  z.array(uploaded).max(MAX_PHOTOS, "image.too_many_photos"),
);

/** Adding a product: one to eight photos, the first is the main one. Messages are catalog keys. */
export const ProductSchema = productFields
  .extend({ photos: photoList.refine((files) => files.length > 0, "image.required") })
  .superRefine(checkProductRules);

/**
 * Editing a product: the photos it has, each kept or removed and in the order given (the one
 * chosen as main first), and new photos added after them.
 */
export const ProductUpdateSchema = productFields
  .extend({
    photos: photoList,
    existing: z
      .array(
        z.object({
          id: z.string().min(1).max(40),
          position: wholeNumber(1, MAX_PHOTOS).optional(),
          remove: z.literal("on").optional(),
        }),
      )
      .max(MAX_PHOTOS)
      .default([]),
    mainPhoto: z.string().max(40).optional(),
  })
  .superRefine(checkProductRules);
export type ProductInput = z.infer<typeof ProductSchema>;
export type ProductUpdateInput = z.infer<typeof ProductUpdateSchema>;

/** The kept photos' ids in display order: the main one first, then by the positions typed. */
export function photoOrder(
  existing: ProductUpdateInput["existing"],
  mainPhoto: string | undefined,
): string[] {
  const kept = existing
    .map((photo, index) => ({
      id: photo.id,
      position: photo.position ?? index + 1,
      index,
      remove: photo.remove === "on",
    }))
    .filter((photo) => !photo.remove)
    .sort((a, b) => a.position - b.position || a.index - b.index)
    .map((photo) => photo.id);
  if (mainPhoto && kept.includes(mainPhoto)) return [mainPhoto, ...kept.filter((id) => id !== mainPhoto)];
  return kept;
}
/** The tiers that were filled in, in the order typed (the schema has checked them). */
export function filledTiers(tiers: ProductUpdateInput["tiers"]) {
  return tiers.flatMap((row) =>
    row.minQuantity !== undefined && row.unitPrice !== undefined
      ? [{ minQuantity: row.minQuantity, unitPrice: row.unitPrice }]
      : [],
  );
}
