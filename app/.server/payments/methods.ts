import { db, type PaymentMethod, type Tx } from "../db/client";
import { cardProvider } from "./stripe";

// Which ways to pay a business is offered at checkout. Transfer and cash on delivery are for
// everyone; tempo (pay later) only for businesses verified and given terms and a credit limit;
// card only when Stripe's keys are configured.

export type PaymentOptions = {
  methods: PaymentMethod[];
  /** Terms, the limit and what is still free of it; null when tempo is not offered. */
  tempo: { days: number; limit: number; available: number } | null;
};

/** What a business still owes on tempo orders that are not finished or cancelled. */
export async function tempoOutstanding(client: Tx | typeof db, businessId: string): Promise<number> {
  const open = await client.order.aggregate({
    where: {
      businessId,
      paymentMethod: "TEMPO",
      status: { notIn: ["REJECTED", "CANCELLED"] },
      paymentStatus: { in: ["UNPAID", "PARTIALLY_PAID"] },
    },
    _sum: { total: true, amountPaid: true },
  });
  return (open._sum.total ?? 0) - (open._sum.amountPaid ?? 0);
}

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
