import type { SubmissionResult } from "@conform-to/react";
import { encodeProblem } from "~/utils/i18n";
import type { Lang, MessageKey, MessageParams } from "~/locales";

/** A domain's "no": a catalog key, maybe the field it is about, maybe "not found". */
export type DomainRefusal = {
  key: MessageKey;
  params?: MessageParams;
  field?: string;
  notFound?: true;
};

type Reply = (options: { formErrors?: string[]; fieldErrors?: Record<string, string[]> }) => unknown;

/**
 * One way to turn a refusal into a response: "not found" is thrown as a 404 (the same answer as
 * for a page that does not exist), anything else is conform's reply with the message on its field
 * (or the form) and status 400.
 */
export function refusalResponse(reply: Reply, refusal: DomainRefusal, lang: Lang): Response {
  if (refusal.notFound) throw new Response("Not found", { status: 404 });
  const message = encodeProblem(refusal, lang);
  return Response.json(
    refusal.field ? reply({ fieldErrors: { [refusal.field]: [message] } }) : reply({ formErrors: [message] }),
    { status: 400 },
  );
}

type Problem = { key: MessageKey; params?: MessageParams };

/**
 * A domain's refusal (form and field problems as catalog keys) as conform's reply, each message
 * encoded in the reader's language, so the form shows it where it belongs.
 */
export function refusalReply(
  submission: {
    reply: (options?: {
      formErrors?: string[];
      fieldErrors?: Record<string, string[]>;
    }) => SubmissionResult<string[]>;
  },
  refused: { formErrors: Problem[]; fieldErrors: Record<string, Problem[]> },
  lang: Lang,
): SubmissionResult<string[]> {
  return submission.reply({
    formErrors: refused.formErrors.map((problem) => encodeProblem(problem, lang)),
    fieldErrors: Object.fromEntries(
      Object.entries(refused.fieldErrors).map(([field, problems]) => [
        field,
        problems.map((problem) => encodeProblem(problem, lang)),
      ]),
    ),
  });
}
