import type { Lang, MessageKey, MessageParams } from "~/locales";
import { encodeProblem } from "~/utils/i18n";

// The admin pages hold several small forms each. Every action answers with which form it was
// (`intent`, and `target` when the form is repeated per row), conform's reply for that form, and
// on success what was done, so the page shows the message beside the form that was sent.

type Reply = (options?: { formErrors?: string[]; fieldErrors?: Record<string, string[]> }) => unknown;
type Refusal = { key: MessageKey; params?: MessageParams; field?: string; notFound?: true };

export type AdminActionData = {
  intent: string;
  target: string | null;
  reply: unknown;
  done: { key: MessageKey; params?: MessageParams } | null;
  code: { value: string; name: string; expiresAt: string } | null;
};

export function adminInvalid(intent: string, target: string | null, reply: Reply) {
  const data: AdminActionData = { intent, target, reply: reply(), done: null, code: null };
  return Response.json(data, { status: 400 });
}

/** A refusal beside its form (status 400), or a thrown 404 for something that is not there. */
export function adminRefused(
  intent: string,
  target: string | null,
  reply: Reply,
  refusal: Refusal,
  lang: Lang,
) {
  if (refusal.notFound) throw new Response("Not found", { status: 404 });
  const message = encodeProblem(refusal, lang);
  const data: AdminActionData = {
    intent,
    target,
    reply: refusal.field
      ? reply({ fieldErrors: { [refusal.field]: [message] } })
      : reply({ formErrors: [message] }),
    done: null,
    code: null,
  };
  return Response.json(data, { status: 400 });
}

export function adminDone(
  intent: string,
  target: string | null,
  done: { key: MessageKey; params?: MessageParams },
  code: AdminActionData["code"] = null,
) {
  const data: AdminActionData = { intent, target, reply: null, done, code };
  // A one-time code must not stay in any cache.
  return Response.json(data, code ? { headers: { "Cache-Control": "no-store" } } : undefined);
}
