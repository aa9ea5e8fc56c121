import { rupiah } from "./fields";
import { z } from "./zod";

export const TempoTermsSchema = z.object({
  businessId: z.string().min(1).max(64),
  verified: z.boolean().optional(),
  termDays: z
    .enum(["", "7", "14", "30"], { error: "form.choose_one" })
    .optional()
    .transform((value) => (value ? Number(value) : undefined)),
  creditLimit: rupiah(0, 1_000_000_000).default(0),
});
