import { normalizeIndonesianPhone } from "~/utils/phone";
import { calendarDate } from "./fields";
import { z } from "./zod";

// The admin console's forms (/admin/...). Each page sends an `intent` with each form.

const id = () => z.string({ error: "form.choose_one" }).min(1, "form.choose_one").max(64, "form.choose_one");
const text = (max: number) =>
  z.string({ error: "form.required" }).trim().min(1, "form.required").max(max, "form.too_long");
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "form.too_long")
    .optional()
    .transform((value) => value || undefined);
const phone = () =>
  z
    .string({ error: "form.required" })
    .trim()
    .min(1, "form.required")
    .max(32, "form.too_long")
    .transform((value, ctx) => {
      const normalized = normalizeIndonesianPhone(value);
      if (!normalized) ctx.addIssue({ code: "custom", message: "account.phone_invalid" });
      return normalized ?? "";
    });
const areaCode = () =>
  z
    .string({ error: "form.required" })
    .trim()
    .min(1, "form.required")
    .regex(/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/, "adm.area_code_format");

export const ImportAreasSchema = z.object({
  province: z.string({ error: "form.choose_one" }).regex(/^\d{2}$/, "form.choose_one"),
});

export const CategorySchema = z.object({
  nameId: text(60),
  nameEn: text(60),
  parentId: z
    .string()
    .max(64, "form.choose_one")
    .optional()
    .transform((value) => value || null),
});
export const CategoryIdSchema = z.object({ id: id() });
export const CategoryMoveSchema = z.object({
  id: id(),
  direction: z.enum(["up", "down"], { error: "form.choose_one" }),
});

export const TeamSchema = z.object({ name: text(100), areaCode: areaCode() });
export const PersonSchema = z.object({ phone: phone(), name: optionalText(100), position: optionalText(60) });
export const OfficerSchema = PersonSchema.extend({ teamId: id() });
export const RemoveOfficerSchema = z.object({ teamId: id(), officerId: id() });
export const OfficialSchema = PersonSchema.extend({ areaCode: areaCode() });
export const RemoveOfficialSchema = z.object({ officialId: id() });

export const SuspendSchema = z.object({
  userId: id(),
  reason: z
    .string({ error: "adm.reason_required" })
    .trim()
    .min(5, "adm.reason_required")
    .max(300, "form.too_long"),
});
export const UserIdSchema = z.object({ userId: id() });

/** The audit log's search (GET): every field optional; dates in order. */
export const AuditSearchSchema = z
  .object({
    action: optionalText(80),
    entityType: optionalText(40),
    entityId: optionalText(64),
    actor: optionalText(100),
    group: optionalText(80),
    from: calendarDate().optional(),
    to: calendarDate().optional(),
    before: optionalText(100),
  })
  .refine((value) => !value.from || !value.to || value.from <= value.to, {
    message: "adm.dates_out_of_order",
    path: ["to"],
  });
