import { z } from "zod";

export const PRODUCT_UNITS = ["PCS", "KG", "PAK", "LUSIN", "BOTOL", "TOPLES", "LITER"] as const;

const wholeNumber = (min: number, max: number) =>
  z
    .number({ error: "form.number_required" })
    .int("form.whole_number")
    .min(min, min === 0 ? "form.not_negative" : "form.at_least")
    .max(max, "form.too_large");

export const ProductSchema = z.object({
  name: z.string({ error: "form.required" }).trim().min(3, "form.too_short").max(80, "form.too_long"),
  categoryId: z.string({ error: "form.choose_one" }).min(1, "form.choose_one").max(40, "form.choose_one"),
  unit: z.enum(PRODUCT_UNITS, { error: "form.choose_one" }),
  price: wholeNumber(1, 100_000_000),
  minOrderQuantity: wholeNumber(1, 100_000),
  stock: wholeNumber(0, 1_000_000),
  description: z.string().trim().max(2000, "form.too_long").optional(),
  photo: z.custom<File>((value) => value instanceof File && value.size > 0, "image.required"),
});

export type ProductInput = z.infer<typeof ProductSchema>;
