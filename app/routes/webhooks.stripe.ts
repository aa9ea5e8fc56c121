import type { ActionFunctionArgs } from "@remix-run/node";
import { handleCardEvent } from "~/.server/payments/card";
import { cardProvider } from "~/.server/payments/stripe";

// Stripe calls this with signed events. The signature is checked over the raw body, exactly as
// sent; an event is acknowledged once our records match Stripe's (a 500 makes Stripe retry).
export async function action({ request }: ActionFunctionArgs) {
  const provider = cardProvider();
  if (!provider) return new Response("Card payments are not configured", { status: 404 });
  if (request.method !== "POST") return new Response("Method not allowed", { status: 405 });
  const rawBody = await request.text();
  let event;
  try {
    event = provider.verifyEvent(rawBody, request.headers.get("stripe-signature"));
  } catch {
    return new Response("Invalid signature", { status: 400 });
  }
  const outcome = await handleCardEvent(event);
  return Response.json({ received: true, outcome });
}

export function loader() {
  return new Response("Method not allowed", { status: 405, headers: { Allow: "POST" } });
}
