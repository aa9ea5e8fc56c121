import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";

// A small stand-in for Stripe's API, enough for Checkout: the real Stripe SDK talks to it over
// HTTP. Tests drive what "happens at Stripe" (pay, expire, refund) and get webhook bodies signed
// with the SDK's own test-header helper, exactly as Stripe would sign them.

type Session = {
  id: string;
  object: "checkout.session";
  status: "open" | "complete" | "expired";
  payment_status: "unpaid" | "paid";
  amount_total: number;
  currency: string;
  client_reference_id: string | null;
  metadata: Record<string, string>;
  payment_intent: string | null;
  url: string;
  success_url: string;
  cancel_url: string;
};

type Intent = {
  id: string;
  object: "payment_intent";
  status: string;
  latest_charge: string;
  metadata: Record<string, string>;
};
type Charge = {
  id: string;
  object: "charge";
  amount: number;
  amount_refunded: number;
  refunded: boolean;
  payment_intent: string;
};

export const WEBHOOK_SECRET = "whsec_test_fake_stripe_secret";
export const SECRET_KEY = "sk_test_fake_stripe_key";

function id(prefix: string) {
  return `${prefix}_${randomBytes(8).toString("hex")}`;
}

export async function startFakeStripe() {
  const sessions = new Map<string, Session>();
  const intents = new Map<string, Intent>();
  const charges = new Map<string, Charge>();
  const idempotent = new Map<string, string>();
  const requests: { method: string; path: string; body: URLSearchParams; idempotencyKey: string | null }[] =
    [];
  let failing = false;

  function expandedSession(session: Session, expand: string[]) {
    if (!expand.includes("payment_intent.latest_charge") || !session.payment_intent) return session;
    const intent = intents.get(session.payment_intent)!;
    return { ...session, payment_intent: { ...intent, latest_charge: charges.get(intent.latest_charge) } };
  }

  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk.toString()));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://fake");
      const body = new URLSearchParams(raw);
      const key = (req.headers["idempotency-key"] as string | undefined) ?? null;
      requests.push({ method: req.method ?? "", path: url.pathname, body, idempotencyKey: key });
      const send = (status: number, value: unknown) => {
        res.writeHead(status, { "Content-Type": "application/json", "Request-Id": id("req") });
        res.end(JSON.stringify(value));
      };
      if (failing) return send(500, { error: { type: "api_error", message: "fake outage" } });
      if (req.method === "POST" && url.pathname === "/v1/checkout/sessions") {
        if (key && idempotent.has(key)) return send(200, sessions.get(idempotent.get(key)!));
        const metadata: Record<string, string> = {};
        for (const [name, value] of body) {
          const match = /^metadata\[(.+)\]$/.exec(name);
          if (match?.[1]) metadata[match[1]] = value;
        }
        const session: Session = {
          id: id("cs_test"),
          object: "checkout.session",
          status: "open",
          payment_status: "unpaid",
          amount_total:
            Number(body.get("line_items[0][price_data][unit_amount]")) *
            Number(body.get("line_items[0][quantity]")),
          currency: body.get("line_items[0][price_data][currency]") ?? "",
          client_reference_id: body.get("client_reference_id"),
          metadata,
          payment_intent: null,
          url: "",
          success_url: body.get("success_url") ?? "",
          cancel_url: body.get("cancel_url") ?? "",
        };
        session.url = `https://checkout.stripe.test/pay/${session.id}`;
        sessions.set(session.id, session);
        if (key) idempotent.set(key, session.id);
        return send(200, session);
      }
      const expiring = /^\/v1\/checkout\/sessions\/([^/]+)\/expire$/.exec(url.pathname);
      if (req.method === "POST" && expiring?.[1]) {
        const session = sessions.get(expiring[1]);
        if (!session)
          return send(404, { error: { type: "invalid_request_error", message: "No such session" } });
        if (session.status !== "open")
          return send(400, {
            error: { type: "invalid_request_error", message: `Session is ${session.status}, not open` },
          });
        session.status = "expired";
        return send(200, session);
      }
      const one = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(url.pathname);
      if (req.method === "GET" && one?.[1]) {
        const session = sessions.get(one[1]);
        if (!session)
          return send(404, { error: { type: "invalid_request_error", message: "No such session" } });
        return send(
          200,
          expandedSession(
            session,
            url.searchParams.getAll("expand[0]").concat(url.searchParams.getAll("expand[]")),
          ),
        );
      }
      if (req.method === "GET" && url.pathname === "/v1/checkout/sessions") {
        const intent = url.searchParams.get("payment_intent");
        const data = [...sessions.values()].filter((s) => !intent || s.payment_intent === intent);
        return send(200, { object: "list", data, has_more: false, url: "/v1/checkout/sessions" });
      }
      return send(404, {
        error: { type: "invalid_request_error", message: `Unknown ${req.method} ${url.pathname}` },
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const signer = new Stripe(SECRET_KEY);

  function session(sessionId: string) {
    const found = sessions.get(sessionId);
    if (!found) throw new Error(`no session ${sessionId}`);
    return found;
  }

  /** A signed webhook delivery (body and Stripe-Signature header) for an event about an object. */
  function event(type: string, object: unknown) {
    const payload = JSON.stringify({
      id: id("evt"),
      object: "event",
      api_version: "2026-10-28.endive",
      created: Math.floor(Date.now() / 1000),
      type,
      data: { object },
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
    });
    return {
      payload,
      signature: signer.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET }),
    };
  }

  return {
    apiUrl,
    requests,
    sessions,
    /** The buyer's card is declined: the attempt stays open, now with a payment intent. */
    decline(sessionId: string) {
      const s = session(sessionId);
      const intent: Intent = {
        id: id("pi"),
        object: "payment_intent",
        status: "requires_payment_method",
        latest_charge: "",
        metadata: s.metadata,
      };
      intents.set(intent.id, intent);
      s.payment_intent = intent.id;
    },
    /** The buyer pays on Stripe's page. */
    pay(sessionId: string) {
      const s = session(sessionId);
      const intent: Intent = (s.payment_intent && intents.get(s.payment_intent)) || {
        id: id("pi"),
        object: "payment_intent",
        status: "succeeded",
        latest_charge: "",
        metadata: s.metadata,
      };
      const charge: Charge = {
        id: id("ch"),
        object: "charge",
        amount: s.amount_total,
        amount_refunded: 0,
        refunded: false,
        payment_intent: intent.id,
      };
      intent.latest_charge = charge.id;
      intent.status = "succeeded";
      intents.set(intent.id, intent);
      charges.set(charge.id, charge);
      Object.assign(s, { status: "complete", payment_status: "paid", payment_intent: intent.id });
      return intent.id;
    },
    expire(sessionId: string) {
      session(sessionId).status = "expired";
    },
    /** Someone refunds (part of) the payment in Stripe's dashboard; amount in rupiah. */
    refund(sessionId: string, rupiah: number) {
      const charge = charges.get(intents.get(session(sessionId).payment_intent ?? "")?.latest_charge ?? "");
      if (!charge) throw new Error("nothing to refund");
      charge.amount_refunded += rupiah * 100;
      charge.refunded = charge.amount_refunded >= charge.amount;
    },
    completedEvent: (sessionId: string) => event("checkout.session.completed", session(sessionId)),
    expiredEvent: (sessionId: string) => event("checkout.session.expired", session(sessionId)),
    failedEvent: (sessionId: string) =>
      event("payment_intent.payment_failed", {
        id: session(sessionId).payment_intent ?? id("pi"),
        object: "payment_intent",
        status: "requires_payment_method",
      }),
    refundedEvent: (sessionId: string) => {
      const charge = charges.get(intents.get(session(sessionId).payment_intent ?? "")?.latest_charge ?? "");
      return event("charge.refunded", charge);
    },
    otherEvent: () => event("customer.created", { id: id("cus"), object: "customer" }),
    setFailing(value: boolean) {
      failing = value;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type FakeStripe = Awaited<ReturnType<typeof startFakeStripe>>;
