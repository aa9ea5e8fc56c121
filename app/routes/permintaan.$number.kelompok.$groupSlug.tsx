import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireBuyer } from "~/.server/auth/guards";
import { getLang } from "~/.server/http/lang";
import { readMultipartForm, tooLargeReply } from "~/.server/http/multipart";
import { readForm } from "~/.server/http/form";
import { refusalResponse } from "~/.server/http/refusal";
import { invariantResponse } from "~/.server/http/responses";
import { postMessage, readThread, threadScope } from "~/.server/matching/threads";
import { RequestThread } from "~/components/request-thread";
import { ThreadMessageSchema } from "~/forms/quote";
import { useT } from "~/utils/i18n";
import { plainTitle } from "~/utils/meta";

// The buyer's conversation with one group about one request.

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? plainTitle(matches, `${data.scope.requestTitle} · ${data.scope.groupName}`) : [];

async function scopeFor(request: Request, params: { number?: string; groupSlug?: string }) {
  const { viewer, business } = await requireBuyer(request);
  const party = { side: "BUYER" as const, businessId: business.id };
  const scope = await threadScope(party, params.number ?? "", params.groupSlug ?? "");
  invariantResponse(scope);
  return { viewer, party, scope };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { party, scope } = await scopeFor(request, params);
  return { scope, lines: await readThread(party, scope) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, party, scope } = await scopeFor(request, params);
  const multipart = request.headers.get("Content-Type")?.startsWith("multipart/form-data");
  const formData = multipart ? await readMultipartForm(request) : await readForm(request);
  if (formData === "too_large") return tooLargeReply("photo");
  const submission = parseWithZod(formData, { schema: ThreadMessageSchema });
  if (submission.status !== "success") return Response.json(submission.reply(), { status: 400 });
  const photo = formData.get("photo");
  const bytes =
    photo instanceof File && photo.size > 0 ? new Uint8Array(await photo.arrayBuffer()) : undefined;
  const posted = await postMessage(party, scope, viewer.id, { body: submission.value.body, photo: bytes });
  if (!posted.ok) return refusalResponse(submission.reply, posted, await getLang(request));
  return redirect(`/permintaan/${scope.requestNumber}/kelompok/${scope.groupSlug}#thread-title`);
}

export default function BuyerThreadPage() {
  const t = useT();
  const { scope, lines } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const errors = (lastResult as { error?: Record<string, string[] | null> } | undefined)?.error;
  return (
    <div className="space-y-4">
      <Link to={`/permintaan/${scope.requestNumber}`} className="link inline-flex min-h-11 items-center">
        ← {t("thread.back_to_request", { title: scope.requestTitle })}
      </Link>
      <h1 className="text-2xl font-bold">{t("thread.page_title", { group: scope.groupName })}</h1>
      <RequestThread
        lines={lines}
        viewerSide="BUYER"
        names={{ BUYER: scope.businessName, GROUP: scope.groupName }}
        errors={errors ? { body: errors.body, photo: errors.photo } : undefined}
        busy={navigation.state === "submitting"}
      />
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
