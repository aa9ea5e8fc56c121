import { z } from "./zod";
import { optionalPhone } from "./fields";
import { normalizeIndonesianPhone } from "~/utils/phone";

const quantity = (least: number) =>
  z
    .number({ error: "form.number_required" })
    .int("form.whole_number")
    .min(least, "form.positive")
    .max(1_000_000, "form.too_large");

export const AddToCartSchema = z.object({ quantity: quantity(1) });

export const CartLineSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("update"), itemId: z.string().min(1).max(64), quantity: quantity(0) }),
  z.object({ intent: z.literal("remove"), itemId: z.string().min(1).max(64) }),
]);

/** Methods a buyer may pick at checkout; which of them a business is offered is the server's call. */
export const CHECKOUT_PAYMENT_METHODS = ["BANK_TRANSFER", "CASH_ON_DELIVERY", "TEMPO", "CARD"] as const;

export const NEW_ADDRESS = "new";

export const CheckoutSchema = z
  .object({
    version: z.string().min(1).max(64),
    address: z.string({ error: "form.choose_one" }).min(1).max(64),
    recipient: z.string().trim().max(100, "form.too_long").optional(),
    phone: z.string().trim().max(30, "form.too_long").optional(),
    line: z.string().trim().max(300, "form.too_long").optional(),
    villageId: z.string().max(64).optional(),
    paymentMethod: z.enum(CHECKOUT_PAYMENT_METHODS, { error: "form.choose_one" }),
    orders: z
      .array(
        z.object({
          groupId: z.string().min(1).max(64),
          wantedBy: z.string({ error: "form.required" }).regex(/^\d{4}-\d{2}-\d{2}$/, "form.date_invalid"),
          note: z.string().trim().max(500, "form.too_long").optional(),
        }),
      )
      .min(1)
      .max(50),
  })
  .superRefine((value, ctx) => {
    if (value.address !== NEW_ADDRESS) return;
    if (!value.recipient || value.recipient.length < 2) {
      ctx.addIssue({ code: "custom", path: ["recipient"], message: "form.required" });
    }
    if (!value.line || value.line.length < 5) {
      ctx.addIssue({ code: "custom", path: ["line"], message: "form.too_short" });
    }
    if (!value.villageId) ctx.addIssue({ code: "custom", path: ["villageId"], message: "form.choose_one" });
    if (value.phone && !normalizeIndonesianPhone(value.phone)) {
      ctx.addIssue({ code: "custom", path: ["phone"], message: "checkout.phone_invalid" });
    }
  });

export type CheckoutInput = z.infer<typeof CheckoutSchema>;

/** The address book page: add one, make one the default, remove one. */
export const AddressBookSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("add"),
    label: z.string().trim().max(40, "form.too_long").optional(),
    recipient: z.string({ error: "form.required" }).trim().min(2, "form.required").max(100, "form.too_long"),
    phone: optionalPhone(),
    line: z.string({ error: "form.required" }).trim().min(5, "form.too_short").max(300, "form.too_long"),
    villageId: z.string({ error: "form.choose_one" }).min(1, "form.choose_one").max(64),
  }),
  z.object({ intent: z.literal("default"), addressId: z.string().min(1).max(64) }),
  z.object({ intent: z.literal("delete"), addressId: z.string().min(1).max(64) }),
]);
