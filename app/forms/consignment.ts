import { rupiah } from "./fields";
import { z } from "./zod";

const whole = (min: number, max: number) =>
  z
    .number({ error: "form.number_required" })
    .int("form.whole_number")
    .min(min, "form.positive")
    .max(max, "form.too_large");

export const PlaceConsignmentSchema = z.object({
  intent: z.literal("place"),
  productId: z.string({ error: "form.choose_one" }).min(1).max(64),
  businessId: z.string({ error: "form.choose_one" }).min(1).max(64),
  quantity: whole(1, 1_000_000),
  unitPrice: rupiah(1, 100_000_000),
  commissionPct: whole(0, 90),
});

export const ConfirmConsignmentPaymentSchema = z.object({
  intent: z.literal("paid"),
  reportId: z.string().min(1).max(64),
});

export const GroupConsignmentSchema = z.discriminatedUnion("intent", [
  PlaceConsignmentSchema,
  ConfirmConsignmentPaymentSchema,
]);

export const ReportConsignmentSchema = z.object({
  placementId: z.string().min(1).max(64),
  quantitySold: whole(0, 1_000_000).default(0),
  quantityReturned: whole(0, 1_000_000).default(0),
});
