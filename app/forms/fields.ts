import { wibNoon } from "~/utils/delivery";
import { parseRupiah } from "~/utils/money";
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

const RUPIAH_PROBLEMS = {
  not_money: "form.money_invalid",
  ambiguous: "form.money_ambiguous",
  too_large: "form.too_large",
} as const;

/**
 * Whole rupiah from min to max, read the way people type them ("35.000", "Rp 35.000", "35 rb";
 * see parseRupiah): every money field of every form uses this one, in the browser and on the server.
 * A blank field is "required" (or absent with `.optional()`); what could mean two amounts is refused.
 */
export const rupiah = (min: number, max: number) =>
  z.preprocess(
    (value, ctx) => {
      if (typeof value !== "string") return value;
      if (value.trim() === "") return undefined;
      const reading = parseRupiah(value);
      if (reading.ok) return reading.value;
      ctx.addIssue({ code: "custom", message: RUPIAH_PROBLEMS[reading.problem] });
      return z.NEVER;
    },
    z
      .number({ error: "form.number_required" })
      .int("form.whole_number")
      .min(min, min === 0 ? "form.not_negative" : min === 1 ? "form.positive" : "form.at_least")
      .max(max, "form.too_large"),
  );

/** A day as a date input sends it ("2026-11-28") that is on the calendar: not 2026-02-30. */
export const calendarDate = () => z.string().refine((value) => wibNoon(value) !== null, "form.date_invalid");
