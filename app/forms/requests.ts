import { z } from "./zod";
import { calendarDate, rupiah } from "./fields";
import { PRODUCT_UNITS } from "./product";

// A buyer's request for quotes (permintaan): posting, editing and cancelling it. Dates are days as
// a date input sends them; that they are not in the past, and that the close date is not after the
// needed-by date, is the server's check against its clock (matching/requests.ts).

/** How far groups may be, as the buyer chooses it. */
export const REQUEST_RADII = [5, 10, 25, 40] as const;
export const REQUEST_VISIBILITIES = ["NEARBY", "INVITED"] as const;
/** Groups a buyer may invite to one request. */
export const MAX_INVITES = 10;

const optionalText = (max: number) => z.string().trim().max(max, "form.too_long").optional();

export const RequestSchema = z.object({
  intent: z.enum(["preview", "post"]).default("post"),
  title: z.string({ error: "form.required" }).trim().min(3, "form.too_short").max(120, "form.too_long"),
  description: optionalText(2000),
  categoryId: z.string().max(40).optional(),
  quantity: z
    .number({ error: "form.number_required" })
    .int("form.whole_number")
    .min(1, "form.positive")
    .max(1_000_000, "form.too_large"),
  unit: z.enum(PRODUCT_UNITS, { error: "form.choose_one" }),
  budgetPerUnit: rupiah(1, 100_000_000).optional(),
  neededBy: calendarDate(),
  closesOn: calendarDate().optional(),
  addressId: z.string({ error: "form.choose_one" }).min(1, "form.choose_one").max(64, "form.choose_one"),
  visibility: z.enum(REQUEST_VISIBILITIES, { error: "form.choose_one" }).default("NEARBY"),
  radiusKm: z.coerce
    .number({ error: "form.choose_one" })
    .refine((value) => (REQUEST_RADII as readonly number[]).includes(value), "form.choose_one")
    .default(25),
  areaId: z.string().max(64).optional(),
  invite: z
    .preprocess(
      (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
      z.array(z.string().min(1).max(64)).max(MAX_INVITES, "request.too_many_invites"),
    )
    .default([]),
  photo: z.preprocess(
    (value) => (value instanceof File && value.size > 0 ? value : undefined),
    z.custom<File>((value) => value instanceof File).optional(),
  ),
});

export type RequestInput = Omit<z.infer<typeof RequestSchema>, "photo" | "intent">;

export const CANCEL_REASONS = ["found_supplier", "not_needed", "price", "date", "other"] as const;

export const CancelRequestSchema = z
  .object({
    reason: z.enum(CANCEL_REASONS, { error: "form.choose_one" }),
    note: optionalText(500),
  })
  .superRefine((value, ctx) => {
    if (value.reason === "other" && (!value.note || value.note.length < 3)) {
      ctx.addIssue({ code: "custom", path: ["note"], message: "request.cancel_note_required" });
    }
  });

/** The buyer's list of requests, by where they stand. */
export const REQUEST_TABS = ["aktif", "selesai", "berakhir"] as const;
export type RequestTab = (typeof REQUEST_TABS)[number];
