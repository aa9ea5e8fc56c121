import { z } from "./zod";
import { parseIdentifier } from "~/utils/identifier";
import { isCommonPassword, PASSWORD_MAX, PASSWORD_MIN } from "~/utils/passwords";

// Messages are catalog keys; the form shows them in the reader's language.
const identifier = z
  .string({ error: "form.required" })
  .trim()
  .min(1, "form.required")
  .max(254, "form.too_long")
  .refine((value) => parseIdentifier(value) !== null, "auth.identifier_invalid");

export const SignInSchema = z.object({
  identifier,
  password: z.string({ error: "form.required" }).min(1, "form.required").max(200, "form.too_long"),
  redirectTo: z.string().optional(),
});

export const BUSINESS_KINDS = [
  "TOKO_OLEH_OLEH",
  "KAFE",
  "RESTORAN",
  "HOTEL",
  "KATERING",
  "KANTOR",
  "LAINNYA",
] as const;

export const SignUpSchema = z
  .object({
    accountType: z.enum(["buyer", "group"], { error: "auth.account_type_required" }),
    name: z.string({ error: "form.required" }).trim().min(2, "form.too_short").max(80, "form.too_long"),
    identifier,
    password: z
      .string({ error: "form.required" })
      .min(PASSWORD_MIN, "auth.password_too_short")
      .max(PASSWORD_MAX, "auth.password_too_long")
      .refine((value) => !isCommonPassword(value), "auth.password_common"),
    organisationName: z
      .string({ error: "form.required" })
      .trim()
      .min(2, "form.too_short")
      .max(80, "form.too_long"),
    businessKind: z.enum(BUSINESS_KINDS, { error: "form.choose_one" }).optional(),
    villageId: z.string({ error: "form.choose_one" }).min(1, "form.choose_one").max(40, "form.choose_one"),
  })
  .refine((value) => value.accountType !== "buyer" || value.businessKind !== undefined, {
    path: ["businessKind"],
    message: "form.choose_one",
  });
