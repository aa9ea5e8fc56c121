import Stripe from "stripe";
import { env } from "../env";
import type { AttemptState, PaymentProvider, VerifiedEvent } from "./provider";

// Stripe Checkout behind the PaymentProvider interface. IDR is a two-decimal currency in Stripe's
// API: Rp1 is sent as 100, and amounts come back the same way.

export const IDR_MINOR_UNITS = 100;

export function toStripeAmount(rupiah: number): number {
  return rupiah * IDR_MINOR_UNITS;
}

export function fromStripeAmount(minor: number): number {
  return Math.round(minor / IDR_MINOR_UNITS);
}

/** Events the webhook acts on; others are acknowledged and ignored. */
export const STRIPE_EVENTS = [
  "checkout.session.completed",
  "checkout.session.expired",
  "payment_intent.payment_failed",
  "charge.refunded",
] as const;

function stripeClient(secretKey: string, apiUrl: string | undefined): Stripe {
  const url = apiUrl ? new URL(apiUrl) : null;
  return new Stripe(secretKey, {
    maxNetworkRetries: 2,
    ...(url
      ? {
          host: url.hostname,
          port: url.port || undefined,
          protocol: url.protocol.replace(":", "") as "http" | "https",
        }
      : {}),
  });
}

export function createStripeProvider(config: {
  secretKey: string;
  webhookSecret: string;
  apiUrl?: string;
}): PaymentProvider {
  const stripe = stripeClient(config.secretKey, config.apiUrl);

  async function attempt(reference: string): Promise<AttemptState> {
    const session = await stripe.checkout.sessions.retrieve(reference, {
      expand: ["payment_intent.latest_charge"],
    });
    const intent = typeof session.payment_intent === "object" ? session.payment_intent : null;
    const charge = intent && typeof intent.latest_charge === "object" ? intent.latest_charge : null;
    return {
      reference: session.id,
      paymentId: session.metadata?.paymentId ?? null,
      status: session.payment_status === "paid" ? "paid" : session.status === "expired" ? "expired" : "open",
      amountPaid: session.payment_status === "paid" ? fromStripeAmount(session.amount_total ?? 0) : 0,
      amountRefunded: charge ? fromStripeAmount(charge.amount_refunded) : 0,
      providerPaymentId:
        intent?.id ?? (typeof session.payment_intent === "string" ? session.payment_intent : null),
      url: session.url,
    };
  }

  return {
    name: "stripe",
    async startPayment(input) {
      const session = await stripe.checkout.sessions.create(
        {
          mode: "payment",
          line_items: [
            {
              quantity: 1,
              price_data: {
                currency: "idr",
                unit_amount: toStripeAmount(input.amount),
                product_data: { name: input.description },
              },
            },
          ],
          client_reference_id: input.orderNumber,
          metadata: { paymentId: input.paymentId, orderNumber: input.orderNumber },
          payment_intent_data: { metadata: { paymentId: input.paymentId, orderNumber: input.orderNumber } },
          ...(input.email ? { customer_email: input.email } : {}),
          success_url: input.successUrl,
          cancel_url: input.cancelUrl,
        },
        // One attempt, one session: a retried request returns the session already made.
        { idempotencyKey: `jejaring-payment-${input.paymentId}` },
      );
      if (!session.url) throw new Error("Stripe returned a session without a URL");
      return { reference: session.id, url: session.url };
    },
    attempt,
    async expireAttempt(reference) {
      await stripe.checkout.sessions.expire(reference);
    },
    async attemptForPayment(providerPaymentId) {
      const sessions = await stripe.checkout.sessions.list({ payment_intent: providerPaymentId, limit: 1 });
      return sessions.data[0]?.id ?? null;
    },
    verifyEvent(rawBody, signature): VerifiedEvent {
      if (!signature) throw new Error("missing signature");
      const event = stripe.webhooks.constructEvent(rawBody, signature, config.webhookSecret);
      const object = event.data.object as { id?: string; object?: string; payment_intent?: unknown };
      const isSession = object.object === "checkout.session";
      const intentId =
        object.object === "payment_intent"
          ? (object.id ?? null)
          : typeof object.payment_intent === "string"
            ? object.payment_intent
            : null;
      return {
        id: event.id,
        type: event.type,
        reference: isSession ? (object.id ?? null) : null,
        providerPaymentId: intentId,
      };
    },
  };
}

let configured: PaymentProvider | null | undefined;

/** Stripe when its keys are in the environment; null otherwise (card payment is then not offered). */
export function cardProvider(): PaymentProvider | null {
  if (configured === undefined) {
    configured =
      env.STRIPE_SECRET_KEY && env.STRIPE_WEBHOOK_SECRET
        ? createStripeProvider({
            secretKey: env.STRIPE_SECRET_KEY,
            webhookSecret: env.STRIPE_WEBHOOK_SECRET,
            apiUrl: env.STRIPE_API_URL,
          })
        : null;
  }
  return configured;
}

/** For tests: use this provider (a Stripe client pointed at a fake server), or go back to the environment. */
export function setCardProviderForTests(provider: PaymentProvider | null | undefined) {
  configured = provider;
}
