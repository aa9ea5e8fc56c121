import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { requireAnonymous } from "~/.server/auth/guards";
import { redeemSignInCode } from "~/.server/auth/member-accounts";
import { createSession } from "~/.server/auth/session";
import { clientAddress } from "~/.server/http/responses";
import { readForm } from "~/.server/http/form";
import { Field, FormErrors } from "~/components/forms";
import { RedeemCodeSchema } from "~/forms/member-account";
import { encodeMessage, useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "account.redeem_title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const submission = parseWithZod(await readForm(request), { schema: RedeemCodeSchema });
  const hideFields = ["password", "code"];
  if (submission.status !== "success")
    return Response.json(submission.reply({ hideFields }), { status: 400 });
  const { phone, code, password } = submission.value;
  const result = await redeemSignInCode(phone, code, password, clientAddress(context));
  if (!result.ok && result.reason === "rate_limited") {
    const seconds = Math.ceil(result.retryAfterMs / 1000);
    const message = encodeMessage("auth.rate_limited", { minutes: Math.ceil(seconds / 60) });
    return Response.json(submission.reply({ formErrors: [message], hideFields }), {
      status: 429,
      headers: { "Retry-After": String(seconds) },
    });
  }
  if (!result.ok) {
    return Response.json(
      submission.reply({
        formErrors: [result.reason === "suspended" ? "adm.suspended_sign_in" : "account.code_invalid"],
        hideFields,
      }),
      {
        status: 400,
      },
    );
  }
  const cookie = await createSession(result.userId, {
    ipAddress: clientAddress(context),
    userAgent: request.headers.get("User-Agent"),
  });
  // A manager (given her code by TKM) goes to the group's back office, a member to her own page;
  // an officer or official given a code by the admin, to the home page.
  const next = result.manager ? "/kelola" : result.isMember ? "/saya" : "/";
  return redirect(next, { headers: { "Set-Cookie": cookie } });
}

export default function RedeemCode() {
  const t = useT();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult,
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RedeemCodeSchema }),
  });
  return (
    <section className="mx-auto max-w-md">
      <h1 className="text-2xl font-bold">{t("account.redeem_title")}</h1>
      <p className="mt-1 text-stone-600">{t("account.redeem_intro")}</p>
      <Form method="post" className="card mt-4 space-y-4" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <Field
          label={t("account.phone")}
          htmlFor={fields.phone.id}
          errorId={fields.phone.errorId}
          errors={fields.phone.errors}
        >
          <input
            {...getInputProps(fields.phone, { type: "tel" })}
            className="field-input"
            autoComplete="username"
          />
        </Field>
        <Field
          label={t("account.code")}
          htmlFor={fields.code.id}
          errorId={fields.code.errorId}
          errors={fields.code.errors}
          hint={t("account.code_hint")}
        >
          <input
            {...getInputProps(fields.code, { type: "text" })}
            className="field-input"
            inputMode="numeric"
            autoComplete="one-time-code"
          />
        </Field>
        <Field
          label={t("account.new_password")}
          htmlFor={fields.password.id}
          errorId={fields.password.errorId}
          errors={fields.password.errors}
          hint={t("auth.password_hint")}
        >
          <input
            {...getInputProps(fields.password, { type: "password" })}
            className="field-input"
            autoComplete="new-password"
          />
        </Field>
        <button type="submit" className="btn-primary w-full" disabled={navigation.state === "submitting"}>
          {t("account.redeem_button")}
        </button>
      </Form>
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
