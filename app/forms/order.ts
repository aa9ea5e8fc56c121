import { z } from "zod";

export const PAYMENT_CHOICES = ["BANK_TRANSFER", "CASH_ON_DELIVERY"] as const;

export const PlaceOrderSchema = z.object({
  quantity: z
    .number({ error: "form.number_required" })
    .int("form.whole_number")
    .positive("form.positive")
    .max(1_000_000, "form.too_large"),
  paymentMethod: z.enum(PAYMENT_CHOICES, { error: "form.choose_one" }),
  deliveryAddress: z
    .string({ error: "form.required" })
    .trim()
    .min(5, "form.too_short")
    .max(300, "form.too_long"),
  note: z.string().trim().max(500, "form.too_long").optional(),
});

export type PlaceOrderInput = z.infer<typeof PlaceOrderSchema>;

export const ORDER_FORM_ACTIONS = [
  "confirm",
  "reject",
  "start_production",
  "ship",
  "mark_received",
  "cancel",
] as const;

export const OrderActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("transition"),
    step: z.enum(ORDER_FORM_ACTIONS, { error: "form.choose_one" }),
    reason: z.string().trim().max(300, "form.too_long").optional(),
  }),
  z.object({
    intent: z.literal("payment"),
    amount: z
      .number({ error: "form.number_required" })
      .int("form.whole_number")
      .positive("form.positive")
      .max(10_000_000_000, "form.too_large"),
    reference: z.string().trim().max(100, "form.too_long").optional(),
    idempotencyKey: z.string().min(8).max(64),
  }),
]);
