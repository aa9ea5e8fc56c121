import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { signIn } from "~/.server/auth/accounts";
import { requireAnonymous } from "~/.server/auth/guards";
import { createSession } from "~/.server/auth/session";
import { clientAddress, safeRedirectPath } from "~/.server/http/responses";
import { readForm } from "~/.server/http/form";
import { Field, FormErrors } from "~/components/forms";
import { SignInSchema } from "~/forms/auth";
import { pageTitle } from "~/utils/meta";
import { encodeMessage, useT } from "~/utils/i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "auth.sign_in_title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: SignInSchema });
  if (submission.status !== "success") {
    return Response.json(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const result = await signIn(submission.value.identifier, submission.value.password, clientAddress(context));
  if (!result.ok && result.reason === "rate_limited") {
    const seconds = Math.ceil(result.retryAfterMs / 1000);
    const message = encodeMessage("auth.rate_limited", { minutes: Math.ceil(seconds / 60) });
    return Response.json(submission.reply({ formErrors: [message], hideFields: ["password"] }), {
      status: 429,
      headers: { "Retry-After": String(seconds) },
    });
  }
  if (!result.ok) {
    return Response.json(
      submission.reply({
        formErrors: [result.reason === "suspended" ? "adm.suspended_sign_in" : "auth.invalid_credentials"],
        hideFields: ["password"],
      }),
      { status: 400 },
    );
  }
  const cookie = await createSession(result.userId, {
    ipAddress: clientAddress(context),
    userAgent: request.headers.get("User-Agent"),
  });
  return redirect(safeRedirectPath(submission.value.redirectTo, "/"), { headers: { "Set-Cookie": cookie } });
}

export default function SignIn() {
  const t = useT();
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult,
    // Revalidate while typing, not on blur: a message vanishing on blur moves the button away
    // from under the finger that is tapping it.
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SignInSchema }),
  });
  return (
    <section className="mx-auto max-w-md">
      <h1 className="text-2xl font-bold">{t("auth.sign_in_title")}</h1>
      <p className="mt-1 text-stone-600">{t("auth.sign_in_intro")}</p>
      <Form method="post" className="card mt-4 space-y-4" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <Field
          label={t("auth.identifier")}
          htmlFor={fields.identifier.id}
          errorId={fields.identifier.errorId}
          errors={fields.identifier.errors}
          hint={t("auth.identifier_hint")}
        >
          <input
            {...getInputProps(fields.identifier, { type: "text" })}
            className="field-input"
            autoComplete="username"
            inputMode="email"
          />
        </Field>
        <Field
          label={t("auth.password")}
          htmlFor={fields.password.id}
          errorId={fields.password.errorId}
          errors={fields.password.errors}
        >
          <input
            {...getInputProps(fields.password, { type: "password" })}
            className="field-input"
            autoComplete="current-password"
          />
        </Field>
        <button type="submit" className="btn-primary w-full" disabled={navigation.state === "submitting"}>
          {t("auth.sign_in_button")}
        </button>
      </Form>
      <p className="mt-4 text-center">
        {t("auth.no_account")}{" "}
        <Link to="/daftar" className="link">
          {t("auth.sign_up_link")}
        </Link>
      </p>
      <p className="mt-2 text-center">
        <Link to="/masuk/kode" className="link inline-flex min-h-11 items-center">
          {t("account.have_code")}
        </Link>
      </p>
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
