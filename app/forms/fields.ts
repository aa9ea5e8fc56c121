import { z } from "zod";
import { wibNoon } from "~/utils/delivery";
import { normalizeIndonesianPhone } from "~/utils/phone";

/** An Indonesian mobile number in any way people write it (08…, +62…, spaces), or nothing. */
export const optionalPhone = () =>
  z
    .string()
    .trim()
    .max(30, "form.too_long")
    .optional()
    .refine((value) => !value || normalizeIndonesianPhone(value) !== null, "checkout.phone_invalid");

/** A day as a date input sends it ("2026-11-28") that is on the calendar: not 2026-02-30. */
export const calendarDate = () => z.string().refine((value) => wibNoon(value) !== null, "form.date_invalid");
