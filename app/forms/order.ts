import { z } from "zod";

export const ORDER_FORM_ACTIONS = [
  "confirm",
  "reject",
  "start_production",
  "ship",
  "mark_received",
  "cancel",
] as const;

const TransitionSchema = z.object({
  intent: z.literal("transition"),
  step: z.enum(ORDER_FORM_ACTIONS, { error: "form.choose_one" }),
  reason: z.string().trim().max(300, "form.too_long").optional(),
});

/** What a buyer may do on an order's page: take a step, or pay by card. */
export const BuyerOrderActionSchema = z.discriminatedUnion("intent", [
  TransitionSchema,
  z.object({ intent: z.literal("card") }),
]);

export const OrderActionSchema = z.discriminatedUnion("intent", [
  TransitionSchema,
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
