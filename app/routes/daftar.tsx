import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { listVillages } from "~/.server/areas/areas";
import { signUp } from "~/.server/auth/accounts";
import { requireAnonymous } from "~/.server/auth/guards";
import { createSession } from "~/.server/auth/session";
import { clientAddress } from "~/.server/http/responses";
import { readForm } from "~/.server/http/form";
import { Field, FormErrors, RadioChoices } from "~/components/forms";
import { BUSINESS_KINDS, SignUpSchema } from "~/forms/auth";
import { BUSINESS_KIND_KEYS } from "~/utils/labels";
import { useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "auth.sign_up_title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return { villages: await listVillages() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: SignUpSchema });
  if (submission.status !== "success") {
    return Response.json(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const result = await signUp(submission.value);
  if (!result.ok) {
    return Response.json(
      submission.reply({ fieldErrors: { [result.field]: [result.message] }, hideFields: ["password"] }),
      {
        status: 400,
      },
    );
  }
  const cookie = await createSession(result.userId, {
    ipAddress: clientAddress(context),
    userAgent: request.headers.get("User-Agent"),
  });
  const home = submission.value.accountType === "group" ? "/kelola" : "/produk";
  return redirect(home, { headers: { "Set-Cookie": cookie } });
}

export default function SignUp() {
  const t = useT();
  const { villages } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult,
    // Revalidate while typing, not on blur: a message vanishing on blur moves the button away
    // from under the finger that is tapping it.
    shouldRevalidate: "onInput",
    defaultValue: { accountType: "buyer" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SignUpSchema }),
  });
  return (
    <section className="mx-auto max-w-md">
      <h1 className="text-2xl font-bold">{t("auth.sign_up_title")}</h1>
      <p className="mt-1 text-stone-600">{t("auth.sign_up_intro")}</p>
      <Form method="post" className="card mt-4 space-y-4" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <RadioChoices
          legend={t("auth.account_type")}
          name={fields.accountType.name}
          checked={fields.accountType.initialValue}
          errorId={fields.accountType.errorId}
          errors={fields.accountType.errors}
          choices={[
            { value: "buyer", label: t("auth.account_type_buyer") },
            { value: "group", label: t("auth.account_type_group") },
          ]}
        />
        <Field
          label={t("auth.your_name")}
          htmlFor={fields.name.id}
          errorId={fields.name.errorId}
          errors={fields.name.errors}
        >
          <input
            {...getInputProps(fields.name, { type: "text" })}
            className="field-input"
            autoComplete="name"
          />
        </Field>
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
          />
        </Field>
        <Field
          label={t("auth.password")}
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
        <Field
          label={t("auth.organisation_name")}
          htmlFor={fields.organisationName.id}
          errorId={fields.organisationName.errorId}
          errors={fields.organisationName.errors}
          hint={t("auth.organisation_hint")}
        >
          <input {...getInputProps(fields.organisationName, { type: "text" })} className="field-input" />
        </Field>
        <Field
          label={t("auth.business_kind")}
          htmlFor={fields.businessKind.id}
          errorId={fields.businessKind.errorId}
          errors={fields.businessKind.errors}
          hint={t("auth.business_kind_hint")}
        >
          <select {...getSelectProps(fields.businessKind)} className="field-input">
            <option value="">{t("form.choose")}</option>
            {BUSINESS_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(BUSINESS_KIND_KEYS[kind])}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label={t("auth.village")}
          htmlFor={fields.villageId.id}
          errorId={fields.villageId.errorId}
          errors={fields.villageId.errors}
        >
          <select {...getSelectProps(fields.villageId)} className="field-input">
            <option value="">{t("form.choose")}</option>
            {villages.map((village) => (
              <option key={village.id} value={village.id}>
                {village.name} — {village.district}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit" className="btn-primary w-full" disabled={navigation.state === "submitting"}>
          {t("auth.sign_up_button")}
        </button>
      </Form>
      <p className="mt-4 text-center">
        {t("auth.have_account")}{" "}
        <Link to="/masuk" className="link">
          {t("auth.sign_in_link")}
        </Link>
      </p>
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
