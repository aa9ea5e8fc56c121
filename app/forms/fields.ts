import { z } from "./zod";
import { normalizeIndonesianPhone } from "~/utils/phone";

/** An Indonesian mobile number in any way people write it (08…, +62…, spaces), or nothing. */
export const optionalPhone = () =>
  z
    .string()
    .trim()
    .max(30, "form.too_long")
    .optional()
    .refine((value) => !value || normalizeIndonesianPhone(value) !== null, "checkout.phone_invalid");
