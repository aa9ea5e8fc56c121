import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireBuyer } from "~/.server/auth/guards";
import { readForm } from "~/.server/http/form";
import { invariantResponse } from "~/.server/http/responses";
import { cancelRequest, requestForEdit } from "~/.server/matching/requests";
import { requestState } from "~/.server/matching/request-state";
import { Field, FormErrors, RadioChoices } from "~/components/forms";
import { CANCEL_REASONS, CancelRequestSchema } from "~/forms/requests";
import { encodeMessage, useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "request.title_list");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { business } = await requireBuyer(request);
  const existing = await requestForEdit(params.number ?? "", business.id);
  invariantResponse(existing);
  const state = requestState(existing, new Date());
  return { number: existing.number, title: existing.title, open: state === "OPEN" || state === "QUOTED" };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, business } = await requireBuyer(request);
  const submission = parseWithZod(await readForm(request), { schema: CancelRequestSchema });
  if (submission.status !== "success") return Response.json(submission.reply(), { status: 400 });
  const number = params.number ?? "";
  const result = await cancelRequest(number, business.id, viewer.id, submission.value);
  invariantResponse(result);
  if (!result.ok) {
    return Response.json(submission.reply({ formErrors: [encodeMessage(result.key)] }), { status: 400 });
  }
  return redirect(`/permintaan/${number}?dibatalkan=1`);
}

export default function CancelRequest() {
  const t = useT();
  const { number, title, open } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CancelRequestSchema }),
  });
  return (
    <section className="mx-auto max-w-lg space-y-4">
      <Link to={`/permintaan/${number}`} className="link inline-flex min-h-11 items-center">
        ← {t("request.back_to_request")}
      </Link>
      <header>
        <h1 className="text-2xl font-bold">{t("request.cancel_title", { number })}</h1>
        <p className="font-medium">{title}</p>
      </header>
      {open ? (
        <Form method="post" className="card space-y-4" {...getFormProps(form)}>
          <p className="text-stone-700">{t("request.cancel_intro")}</p>
          <FormErrors errors={form.errors} />
          <RadioChoices
            legend={t("request.cancel_reason")}
            name={fields.reason.name}
            checked={fields.reason.initialValue}
            choices={CANCEL_REASONS.map((reason) => ({
              value: reason,
              label: t(`request.cancel_reason.${reason}`),
            }))}
            errorId={fields.reason.errorId}
            errors={fields.reason.errors}
          />
          <Field
            label={t("request.cancel_note")}
            htmlFor={fields.note.id}
            errorId={fields.note.errorId}
            errors={fields.note.errors}
          >
            <textarea {...getTextareaProps(fields.note)} rows={3} className="field-input" />
          </Field>
          <div className="flex flex-col gap-2 sm:flex-row">
            <button type="submit" className="btn-danger" disabled={navigation.state === "submitting"}>
              {t("request.cancel_confirm")}
            </button>
            <Link to={`/permintaan/${number}`} className="btn-secondary">
              {t("request.cancel_keep")}
            </Link>
          </div>
        </Form>
      ) : (
        <p role="alert" className="card">
          {t("request.not_open")}
        </p>
      )}
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
