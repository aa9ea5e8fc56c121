import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { listVillages } from "~/.server/areas/areas";
import { requireBuyer } from "~/.server/auth/guards";
import { addAddress, deleteAddress, listAddresses, setDefaultAddress } from "~/.server/buyers/addresses";
import { readForm } from "~/.server/http/form";
import { AddressFields } from "~/components/address-fields";
import { Field, FormErrors } from "~/components/forms";
import { AddressBookSchema } from "~/forms/cart";
import { useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "address.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const { business } = await requireBuyer(request);
  const [addresses, villages] = await Promise.all([listAddresses(business.id), listVillages()]);
  return { business, addresses, villages };
}

export async function action({ request }: ActionFunctionArgs) {
  const { business } = await requireBuyer(request);
  const submission = parseWithZod(await readForm(request), { schema: AddressBookSchema });
  if (submission.status !== "success") return Response.json(submission.reply(), { status: 400 });
  const value = submission.value;
  if (value.intent === "add") {
    const added = await addAddress(business.id, value);
    if (!added)
      return Response.json(submission.reply({ fieldErrors: { villageId: ["form.choose_one"] } }), {
        status: 400,
      });
  } else {
    const done =
      value.intent === "default"
        ? await setDefaultAddress(business.id, value.addressId)
        : await deleteAddress(business.id, value.addressId);
    if (!done) throw new Response("Not found", { status: 404 });
  }
  return redirect("/alamat");
}

export default function AddressBook() {
  const t = useT();
  const { business, addresses, villages } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    lastResult,
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AddressBookSchema }),
  });
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <header>
        <h1 className="text-2xl font-bold">{t("address.title")}</h1>
        <p className="text-stone-600">{t("address.intro", { business: business.name })}</p>
      </header>
      {addresses.length === 0 ? <p className="card text-stone-600">{t("address.none")}</p> : null}
      <ul className="space-y-2">
        {addresses.map((address) => (
          <li key={address.id} className="card space-y-2">
            <p>
              <span className="font-semibold">{address.label}</span>
              {address.isDefault ? (
                <span className="ml-2 rounded-full bg-brand-100 px-2 text-sm text-brand-800">
                  {t("address.default")}
                </span>
              ) : null}
              <span className="block text-sm text-stone-600">{address.text}</span>
            </p>
            <div className="flex flex-wrap gap-2">
              {address.isDefault ? null : (
                <Form method="post">
                  <input type="hidden" name="addressId" value={address.id} />
                  <button
                    type="submit"
                    name="intent"
                    value="default"
                    className="btn-secondary"
                    disabled={busy}
                  >
                    {t("address.make_default")}
                  </button>
                </Form>
              )}
              <Form method="post">
                <input type="hidden" name="addressId" value={address.id} />
                <button type="submit" name="intent" value="delete" className="btn-secondary" disabled={busy}>
                  {t("cart.remove")}
                  <span className="sr-only"> {address.label}</span>
                </button>
              </Form>
            </div>
          </li>
        ))}
      </ul>
      <Form method="post" className="card space-y-3" {...getFormProps(form)}>
        <h2 className="font-bold">{t("address.add")}</h2>
        <FormErrors errors={form.errors} />
        <input type="hidden" name="intent" value="add" />
        <Field
          label={t("address.label")}
          htmlFor={fields.label.id}
          errorId={fields.label.errorId}
          errors={fields.label.errors}
          hint={t("address.label_hint")}
        >
          <input {...getInputProps(fields.label, { type: "text" })} className="field-input" />
        </Field>
        <AddressFields fields={fields} villages={villages} />
        <button type="submit" className="btn-primary" disabled={busy}>
          {t("address.save")}
        </button>
      </Form>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
