// One interface for card and wallet providers, so QRIS, Midtrans or Xendit can be added beside
// Stripe: a provider starts a hosted payment for an amount and tells us, through signed events,
// what became of it. Everything about orders and books stays in our code (payments/card.ts).

export type HostedPayment = {
  /** The provider's id for this attempt (a Stripe Checkout Session id). */
  reference: string;
  /** Where the buyer's browser goes to pay. */
  url: string;
};

/** What a provider says an attempt has become, read from the provider itself (not from the event). */
export type AttemptState = {
  reference: string;
  /** Our Payment id, as we gave it when starting. */
  paymentId: string | null;
  status: "open" | "paid" | "expired";
  /** Whole rupiah paid, and given back so far. */
  amountPaid: number;
  amountRefunded: number;
  providerPaymentId: string | null;
  url: string | null;
};

/** An outside event, verified, reduced to what we act on. */
export type VerifiedEvent = {
  id: string;
  type: string;
  /** The attempt it concerns, when the event names one directly. */
  reference: string | null;
  /** The provider's payment id, for events about a payment rather than an attempt. */
  providerPaymentId: string | null;
};

export interface PaymentProvider {
  readonly name: string;
  startPayment(input: {
    paymentId: string;
    orderNumber: string;
    description: string;
    amount: number;
    successUrl: string;
    cancelUrl: string;
    email: string | null;
  }): Promise<HostedPayment>;
  /** The current truth about an attempt. */
  attempt(reference: string): Promise<AttemptState>;
  /** Closes an open attempt so it can no longer be paid; throws when it is not open any more. */
  expireAttempt(reference: string): Promise<void>;
  /** The attempt a provider payment belongs to; null when the provider knows none. */
  attemptForPayment(providerPaymentId: string): Promise<string | null>;
  /** Checks the signature over the raw body; throws when it does not match. */
  verifyEvent(rawBody: string, signature: string | null): VerifiedEvent;
}
