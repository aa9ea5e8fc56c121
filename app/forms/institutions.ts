import { INSTITUTION_KINDS, SUPPORT_KINDS } from "~/utils/institutions";
import { calendarDate, rupiah } from "./fields";
import { z } from "./zod";

// The institution and support forms. Rules that need the database (the institution and group lie
// in the team's area, a name not taken twice) and the amount rule per kind are the domain's
// (app/.server/institutions), which checks them again whatever the browser sent.

const formKey = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, "book.form_expired");
const id = z.string({ error: "form.choose_one" }).regex(/^[A-Za-z0-9]{1,64}$/, "form.choose_one");
const reason = z
  .string({ error: "inst.reason_required" })
  .trim()
  .min(3, "inst.reason_required")
  .max(300, "form.too_long");

export const InstitutionSchema = z.object({
  name: z.string({ error: "form.required" }).trim().min(2, "form.too_short").max(120, "form.too_long"),
  kind: z.enum(INSTITUTION_KINDS, { error: "form.choose_one" }),
  areaId: id,
  contact: z.string().trim().max(200, "form.too_long").default(""),
});

const supportFields = {
  title: z.string({ error: "form.required" }).trim().min(2, "form.too_short").max(160, "form.too_long"),
  date: z.string({ error: "form.required" }).pipe(calendarDate()),
  amount: rupiah(1, 10_000_000_000).optional(),
  note: z.string().trim().max(500, "form.too_long").default(""),
};

export const SupportSchema = z.object({
  formKey,
  institutionId: id,
  groupId: id,
  kind: z.enum(SUPPORT_KINDS, { error: "form.choose_one" }),
  ...supportFields,
});

export const CorrectSupportSchema = z.object({
  intent: z.literal("correct"),
  supportId: id,
  ...supportFields,
  reason,
});

export const RemoveSupportSchema = z.object({
  intent: z.literal("remove"),
  supportId: id,
  reason,
});

export const InstitutionPageSchema = z.discriminatedUnion("intent", [
  InstitutionSchema.extend({ intent: z.literal("edit") }),
  CorrectSupportSchema,
  RemoveSupportSchema,
]);
