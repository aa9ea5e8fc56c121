import { calendarDate, rupiah } from "./fields";
import { z } from "./zod";

// Forms of quotes and threads: the group's answer to a request (quote, withdraw, accept the
// buyer's counter, decline), the buyer's counter and accept, and a line in a thread.

/** More than any KUBE product costs per unit: a typo, not a price. */
export const QUOTE_MAX_UNIT_PRICE = 100_000_000;
/** More than a group makes for one order. */
export const QUOTE_MAX_QUANTITY = 1_000_000;
export const QUOTE_MAX_TIERS = 3;
export const QUOTE_NOTE_MAX = 1000;

export const DECLINE_REASONS = [
  "capacity",
  "date",
  "materials",
  "price",
  "not_our_product",
  "other",
] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

const quantity = z
  .number({ error: "form.number_required" })
  .int("form.whole_number")
  .min(1, "form.positive")
  .max(QUOTE_MAX_QUANTITY, "form.too_large");

const day = z.string({ error: "form.required" }).pipe(calendarDate());

const id = z.string().min(1).max(64);

/** A tier row of the form: both boxes blank (no tier) or both filled. */
const TierRow = z.object({
  minQuantity: quantity.optional(),
  unitPrice: rupiah(1, QUOTE_MAX_UNIT_PRICE).optional(),
});

const QuoteShape = {
  productId: z.string({ error: "form.choose_one" }).min(1, "form.choose_one").max(64),
  unitPrice: rupiah(1, QUOTE_MAX_UNIT_PRICE),
  quantity,
  earliestDelivery: day,
  validUntil: calendarDate().optional(),
  note: z.string().trim().max(QUOTE_NOTE_MAX, "form.too_long").optional(),
  tiers: z.array(TierRow).max(QUOTE_MAX_TIERS).optional(),
};

/** Tiers start above 1 and above the tier before, and never cost more per unit than the price before. */
function checkTiers(
  value: { unitPrice: number; tiers?: { minQuantity?: number; unitPrice?: number }[] },
  ctx: z.RefinementCtx,
) {
  let previous = 1;
  let previousPrice = value.unitPrice;
  (value.tiers ?? []).forEach((tier, index) => {
    if (tier.minQuantity === undefined && tier.unitPrice === undefined) return;
    if (tier.minQuantity === undefined) {
      ctx.addIssue({ code: "custom", path: ["tiers", index, "minQuantity"], message: "form.required" });
      return;
    }
    if (tier.unitPrice === undefined) {
      ctx.addIssue({ code: "custom", path: ["tiers", index, "unitPrice"], message: "form.required" });
      return;
    }
    if (tier.minQuantity <= previous) {
      ctx.addIssue({
        code: "custom",
        path: ["tiers", index, "minQuantity"],
        message: "quote.tier_ascending",
      });
    }
    if (tier.unitPrice > previousPrice) {
      ctx.addIssue({ code: "custom", path: ["tiers", index, "unitPrice"], message: "quote.tier_not_above" });
    }
    previous = Math.max(previous, tier.minQuantity);
    previousPrice = Math.min(previousPrice, tier.unitPrice);
  });
}

export const QuoteAction = z.object({ intent: z.literal("quote"), ...QuoteShape }).superRefine(checkTiers);

export type QuoteInput = z.infer<typeof QuoteAction>;

/** The tiers a quote form filled in, blank rows dropped. */
export function filledTiers(input: QuoteInput): { minQuantity: number; unitPrice: number }[] {
  return (input.tiers ?? []).flatMap((tier) =>
    tier.minQuantity !== undefined && tier.unitPrice !== undefined
      ? [{ minQuantity: tier.minQuantity, unitPrice: tier.unitPrice }]
      : [],
  );
}

const MessageFields = {
  body: z
    .string({ error: "thread.message_required" })
    .trim()
    .min(1, "thread.message_required")
    .max(2000, "form.too_long"),
};

/** What a group does on a request's page. */
export const GroupRequestActionSchema = z.discriminatedUnion("intent", [
  QuoteAction,
  z.object({ intent: z.literal("withdraw") }),
  z.object({ intent: z.literal("accept_counter"), revision: z.number().int().min(1).max(1_000_000) }),
  z
    .object({
      intent: z.literal("decline"),
      reason: z.enum(DECLINE_REASONS, { error: "quote.decline_reason_required" }),
      note: z.string().trim().max(500, "form.too_long").optional(),
    })
    .superRefine((value, ctx) => {
      if (value.reason === "other" && !value.note) {
        ctx.addIssue({ code: "custom", path: ["note"], message: "quote.decline_note_required" });
      }
    }),
  z.object({ intent: z.literal("message"), ...MessageFields }),
]);

/** What a buyer does on a request's page: counter a quote, or accept it. */
export const BuyerRequestActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("counter"),
    quoteId: id,
    counterUnitPrice: rupiah(1, QUOTE_MAX_UNIT_PRICE),
    note: z.string().trim().max(500, "form.too_long").optional(),
  }),
  z.object({
    intent: z.literal("accept"),
    quoteId: id,
    revision: z.number().int().min(1).max(1_000_000),
    paymentMethod: z.enum(["BANK_TRANSFER", "CASH_ON_DELIVERY", "TEMPO", "CARD"], {
      error: "form.choose_one",
    }),
    quantity,
    /** The box she ticks to say she agrees to order: the confirmation that works without JavaScript. */
    confirm: z.literal("on", { error: "quote.confirm_required" }),
  }),
]);

export type AcceptInput = Extract<z.infer<typeof BuyerRequestActionSchema>, { intent: "accept" }>;

/** A line in a thread, from either side. */
export const ThreadMessageSchema = z.object({ intent: z.literal("message"), ...MessageFields });
