import { db, type PaymentMethod } from "../db/client";
import { tempoOutstanding } from "../orders/tempo";
import { cardProvider } from "./stripe";

// Which ways to pay a business is offered at checkout. Transfer and cash on delivery are for
// everyone; tempo (pay later) only for businesses verified and given terms and a credit limit;
// card only when Stripe's keys are configured.

export type PaymentOptions = {
  methods: PaymentMethod[];
  /** Terms, the limit and what is still free of it; null when tempo is not offered. */
  tempo: { days: number; limit: number; available: number } | null;
};

export async function paymentOptions(businessId: string): Promise<PaymentOptions> {
  const business = await db.business.findUniqueOrThrow({
    where: { id: businessId },
    select: { verifiedAt: true, paymentTermDays: true, creditLimit: true },
  });
  const methods: PaymentMethod[] = ["BANK_TRANSFER", "CASH_ON_DELIVERY"];
  let tempo: PaymentOptions["tempo"] = null;
  if (business.verifiedAt && business.paymentTermDays && business.creditLimit > 0) {
    const available = Math.max(0, business.creditLimit - (await tempoOutstanding(db, businessId)));
    tempo = { days: business.paymentTermDays, limit: business.creditLimit, available };
    methods.push("TEMPO");
  }
  if (cardProvider()) methods.push("CARD");
  return { methods, tempo };
}
