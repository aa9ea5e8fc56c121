import { z } from "./zod";
import { optionalPhone } from "./fields";

const optionalText = (max: number) => z.string().trim().max(max, "form.too_long").optional();

/** Digits only: people type account numbers with spaces, dots or dashes. */
export function accountDigits(value: string): string {
  return value.replace(/[\s.-]/g, "");
}

const BANK_FIELDS = ["bankName", "bankAccountNumber", "bankAccountName"] as const;

/**
 * What a group tells buyers about itself, and where their money goes. Messages are catalog keys.
 * The photo field sends one empty file when nothing was chosen.
 */
export const GroupProfileSchema = z
  .object({
    name: z.string({ error: "form.required" }).trim().min(3, "form.too_short").max(80, "form.too_long"),
    story: optionalText(1500),
    rw: z
      .string()
      .trim()
      .regex(/^\d{1,3}$/, "group_profile.rw_invalid")
      .optional(),
    phone: optionalPhone(),
    bankName: optionalText(40),
    bankAccountNumber: z
      .string()
      .trim()
      .max(30, "form.too_long")
      .optional()
      .refine((value) => !value || /^\d{5,20}$/.test(accountDigits(value)), "group_profile.account_invalid"),
    bankAccountName: optionalText(80),
    photo: z.preprocess(
      (value) => (value instanceof File && value.size > 0 ? value : undefined),
      z.custom<File>((value) => value instanceof File).optional(),
    ),
    removePhoto: z.literal("on").optional(),
    /** Whether members' names may go into documents for outsiders (the proposal data pack). */
    shareMemberNames: z.literal("on").optional(),
  })
  .superRefine((value, ctx) => {
    // An account is a bank, a number and a holder: all three or none.
    const filled = BANK_FIELDS.filter((field) => value[field]);
    if (filled.length === 0 || filled.length === BANK_FIELDS.length) return;
    for (const field of BANK_FIELDS)
      if (!value[field])
        ctx.addIssue({ code: "custom", path: [field], message: "group_profile.bank_incomplete" });
  });
export type GroupProfileInput = z.infer<typeof GroupProfileSchema>;
