import { z } from "./zod";
import { normalizeIndonesianPhone } from "~/utils/phone";
import { isCommonPassword, PASSWORD_MAX, PASSWORD_MIN } from "~/utils/passwords";

/** "Beri kode masuk": which member gets a one-time sign-in code. */
export const GiveCodeSchema = z.object({
  memberId: z.string({ error: "form.choose_one" }).min(1, "form.choose_one").max(64, "form.choose_one"),
});

/** /masuk/kode: her phone, the code she was given (spaces allowed), and her new password. */
export const RedeemCodeSchema = z.object({
  phone: z
    .string({ error: "form.required" })
    .trim()
    .min(1, "form.required")
    .max(32, "form.too_long")
    .refine((value) => normalizeIndonesianPhone(value) !== null, "account.phone_invalid"),
  code: z
    .string({ error: "form.required" })
    .transform((value) => value.replace(/[\s-]/g, ""))
    .pipe(z.string().regex(/^\d{8}$/, "account.code_format")),
  password: z
    .string({ error: "form.required" })
    .min(PASSWORD_MIN, "auth.password_too_short")
    .max(PASSWORD_MAX, "auth.password_too_long")
    .refine((value) => !isCommonPassword(value), "auth.password_common"),
});
