import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireBuyer } from "~/.server/auth/guards";
import { getLang } from "~/.server/http/lang";
import { readMultipartForm, tooLargeReply } from "~/.server/http/multipart";
import { refusalReply } from "~/.server/http/refusal";
import { ImageRejected } from "~/.server/images/pipeline";
import { postRequest, previewRequest, requestFormOptions } from "~/.server/matching/requests";
import { RequestForm } from "~/components/request-form";
import { RequestSchema } from "~/forms/requests";
import { wibDateKey } from "~/utils/delivery";
import { useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "request.form_title_new");

export async function loader({ request }: LoaderFunctionArgs) {
  const { business } = await requireBuyer(request);
  return { options: await requestFormOptions(business.id), today: wibDateKey(new Date()) };
}

export async function action({ request }: ActionFunctionArgs) {
  // The business is the buyer's own: nothing in the form can name another.
  const { viewer, business } = await requireBuyer(request);
  const formData = await readMultipartForm(request);
  if (formData === "too_large") return tooLargeReply("photo");
  const submission = parseWithZod(formData, { schema: RequestSchema });
  if (submission.status !== "success") {
    return Response.json({ reply: submission.reply(), preview: null }, { status: 400 });
  }
  const { photo, intent, ...input } = submission.value;
  const lang = await getLang(request);
  if (intent === "preview") {
    const preview = await previewRequest(business.id, input);
    if (!preview.ok)
      return Response.json(
        { reply: refusalReply(submission, preview, lang), preview: null },
        { status: 400 },
      );
    return { reply: submission.reply(), preview };
  }
  try {
    const posted = await postRequest(
      business.id,
      viewer.id,
      input,
      photo ? new Uint8Array(await photo.arrayBuffer()) : null,
    );
    if (!posted.ok)
      return Response.json({ reply: refusalReply(submission, posted, lang), preview: null }, { status: 400 });
    return redirect(`/permintaan/${posted.number}?terkirim=1`);
  } catch (error) {
    if (error instanceof ImageRejected) {
      return Response.json(
        { reply: submission.reply({ fieldErrors: { photo: [error.problem] } }), preview: null },
        { status: 400 },
      );
    }
    throw error;
  }
}

export default function NewRequest() {
  const t = useT();
  const { options, today } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  return (
    <section className="mx-auto max-w-2xl space-y-4">
      <Link to="/permintaan" className="link inline-flex min-h-11 items-center">
        ← {t("request.back_to_list")}
      </Link>
      <header>
        <h1 className="text-2xl font-bold">{t("request.form_title_new")}</h1>
        <p className="text-stone-600">{t("request.form_intro")}</p>
      </header>
      <RequestForm
        mode="new"
        options={options}
        defaults={{}}
        lastResult={data && "reply" in data ? data.reply : undefined}
        preview={data && "preview" in data ? data.preview : null}
        today={today}
      />
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
