import { MANUAL_CATEGORIES } from "~/utils/book";
import { wibNoon } from "~/utils/delivery";
import { rupiah } from "./fields";
import { z } from "./zod";

// The cash-book page's two forms. Rules that need the database (opening balance only first, the
// member belongs to the group, what may be corrected) are the ledger's (app/.server/ledger/book.ts).

/** One rendering of a form: a double submit sends the same key and is recorded once. */
const formKey = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, "book.form_expired");

export const AddBookLineSchema = z.object({
  intent: z.literal("add"),
  formKey,
  kind: z.enum(["INCOME", "EXPENSE"], { error: "book.choose_kind" }),
  category: z.enum(MANUAL_CATEGORIES as [string, ...string[]], { error: "form.choose_one" }),
  amount: rupiah(1, 10_000_000_000),
  date: z
    .string({ error: "book.date_required" })
    .refine((value) => wibNoon(value) !== null, "form.date_invalid"),
  description: z.string({ error: "form.required" }).trim().min(1, "form.required").max(200, "form.too_long"),
  giver: z.string().trim().max(120, "form.too_long").optional(),
  memberId: z.string().max(64).optional(),
});

export const ReverseBookLineSchema = z.object({
  intent: z.literal("reverse"),
  formKey,
  entryId: z.string().regex(/^[A-Za-z0-9]{1,64}$/, "book.not_found"),
  reason: z
    .string({ error: "book.reason_required" })
    .trim()
    .min(3, "book.reason_required")
    .max(300, "form.too_long"),
});

export const BookActionSchema = z.discriminatedUnion("intent", [AddBookLineSchema, ReverseBookLineSchema]);
