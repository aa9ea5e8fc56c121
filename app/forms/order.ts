import { rupiah } from "./fields";
import { z } from "./zod";

export const ORDER_FORM_ACTIONS = [
  "confirm",
  "reject",
  "start_production",
  "ship",
  "mark_received",
  "cancel",
  "group_cancel",
] as const;

const TransitionSchema = z.object({
  intent: z.literal("transition"),
  step: z.enum(ORDER_FORM_ACTIONS, { error: "form.choose_one" }),
  reason: z.string().trim().max(300, "form.too_long").optional(),
  /** Shipping: units sent now per order item id. */
  quantities: z
    .record(
      z.string().max(64),
      // Conform cannot coerce values under keys it does not know; a blank box means none now.
      z.preprocess(
        (value) => (value === "" || value === undefined ? 0 : value),
        z.coerce
          .number({ error: "form.number_required" })
          .int("form.whole_number")
          .min(0, "form.positive")
          .max(1_000_000),
      ),
    )
    .optional(),
  /** Confirming: the down payment asked, in rupiah. */
  downPayment: rupiah(0, 10_000_000_000).optional(),
});

/** What a buyer may do on an order's page: take a step, or pay by card. */
/** Money paid towards an order: whole rupiah, the payer's reference, a key against double submits. */
const moneyReceived = {
  amount: rupiah(1, 10_000_000_000),
  reference: z.string().trim().max(100, "form.too_long").optional(),
  idempotencyKey: z.string().min(8).max(64),
};

export const BuyerOrderActionSchema = z.discriminatedUnion("intent", [
  TransitionSchema,
  z.object({ intent: z.literal("card") }),
  z.object({ intent: z.literal("reorder") }),
  z.object({
    intent: z.literal("answer_proposal"),
    proposalId: z.string().min(1).max(64),
    answer: z.enum(["accept", "decline"], { error: "form.choose_one" }),
  }),
  z.object({
    intent: z.literal("transfer"),
    ...moneyReceived,
  }),
  z.object({
    intent: z.literal("rate"),
    score: z
      .number({ error: "rating.choose_score" })
      .int()
      .min(1, "rating.choose_score")
      .max(5, "rating.choose_score"),
    comment: z.string().trim().max(500, "form.too_long").optional(),
  }),
]);

/** The treasurer's (or a TKM officer's) answer to a reported transfer. */
export const ReviewTransferSchema = z.object({
  intent: z.literal("review_transfer"),
  paymentId: z.string().min(1).max(64),
  decision: z.enum(["confirm", "decline"], { error: "form.choose_one" }),
});

const quantityFromForm = z.preprocess(
  (value) => (value === "" ? undefined : value),
  z.coerce
    .number({ error: "form.number_required" })
    .int("form.whole_number")
    .positive("form.positive")
    .max(1_000_000_000),
);

export const ProposeSchema = z.object({
  intent: z.literal("propose"),
  lines: z.record(
    z.string().max(64),
    z.object({ quantity: quantityFromForm, unitPrice: rupiah(1, 1_000_000_000) }),
  ),
  wantedBy: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "form.date_invalid")
    .optional(),
  reason: z
    .string({ error: "order.reason_required" })
    .trim()
    .min(1, "order.reason_required")
    .max(300, "form.too_long"),
});

export const OrderActionSchema = z.discriminatedUnion("intent", [
  TransitionSchema,
  ReviewTransferSchema,
  ProposeSchema,
  z.object({ intent: z.literal("withdraw_proposal") }),
  z.object({
    intent: z.literal("payment"),
    ...moneyReceived,
  }),
]);
