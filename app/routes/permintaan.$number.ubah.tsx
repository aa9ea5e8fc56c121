import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireBuyer } from "~/.server/auth/guards";
import { readForm } from "~/.server/http/form";
import { getLang } from "~/.server/http/lang";
import { refusalReply } from "~/.server/http/refusal";
import { invariantResponse } from "~/.server/http/responses";
import { editRequest, previewRequest, requestFormOptions, requestForEdit } from "~/.server/matching/requests";
import { RequestForm } from "~/components/request-form";
import { RequestSchema } from "~/forms/requests";
import { wibDateKey } from "~/utils/delivery";
import { useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "request.title_list");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { business } = await requireBuyer(request);
  const existing = await requestForEdit(params.number ?? "", business.id);
  invariantResponse(existing);
  return {
    existing,
    options: await requestFormOptions(business.id),
    today: wibDateKey(new Date()),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, business } = await requireBuyer(request);
  const number = params.number ?? "";
  // The edit form has no photo field: a plain form body.
  const submission = parseWithZod(await readForm(request), { schema: RequestSchema });
  if (submission.status !== "success") {
    return Response.json({ reply: submission.reply(), preview: null }, { status: 400 });
  }
  const { photo: _photo, intent, ...input } = submission.value;
  const lang = await getLang(request);
  if (intent === "preview") {
    invariantResponse(await requestForEdit(number, business.id));
    const preview = await previewRequest(business.id, input);
    if (!preview.ok)
      return Response.json(
        { reply: refusalReply(submission, preview, lang), preview: null },
        { status: 400 },
      );
    return { reply: submission.reply(), preview };
  }
  const edited = await editRequest(number, business.id, viewer.id, input);
  invariantResponse(edited);
  if (!edited.ok)
    return Response.json({ reply: refusalReply(submission, edited, lang), preview: null }, { status: 400 });
  return redirect(`/permintaan/${edited.number}?diubah=1`);
}

export default function EditRequest() {
  const t = useT();
  const { existing, options, today } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  return (
    <section className="mx-auto max-w-2xl space-y-4">
      <Link to={`/permintaan/${existing.number}`} className="link inline-flex min-h-11 items-center">
        ← {t("request.back_to_request")}
      </Link>
      <h1 className="text-2xl font-bold">{t("request.form_title_edit", { number: existing.number })}</h1>
      {existing.editable ? (
        <RequestForm
          mode="edit"
          options={options}
          defaults={{
            title: existing.title,
            description: existing.description,
            categoryId: existing.categoryId,
            quantity: existing.quantity,
            unit: existing.unit,
            budgetPerUnit: existing.budgetPerUnit,
            neededBy: existing.neededOn,
            closesOn: existing.closesOn,
            addressId: existing.addressId,
            visibility: existing.visibility,
            radiusKm: existing.radiusKm,
            areaId: existing.areaId,
            invite: existing.invited,
          }}
          lastResult={data && "reply" in data ? data.reply : undefined}
          preview={data && "preview" in data ? data.preview : null}
          today={today}
        />
      ) : (
        <p role="alert" className="card">
          {t(existing._count.quotes > 0 ? "request.has_quotes" : "request.not_open")}
        </p>
      )}
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
