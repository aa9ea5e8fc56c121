import { getFormProps, getInputProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { listVillages } from "~/.server/areas/areas";
import { requireBuyer } from "~/.server/auth/guards";
import { getCart } from "~/.server/cart/cart";
import { getLang } from "~/.server/http/lang";
import { listAddresses } from "~/.server/buyers/addresses";
import { checkout } from "~/.server/checkout/checkout";
import { paymentOptions } from "~/.server/payments/methods";
import { readForm } from "~/.server/http/form";
import { AddressFields } from "~/components/address-fields";
import { Field, FieldErrors, FormErrors } from "~/components/forms";
import { CheckoutSchema, NEW_ADDRESS } from "~/forms/cart";
import { wibDateKey } from "~/utils/delivery";
import { encodeProblem, useLang, useT } from "~/utils/i18n";
import { PAYMENT_METHOD_KEYS, UNIT_KEYS } from "~/utils/labels";
import { pageTitle } from "~/utils/meta";
import { formatRupiah } from "~/utils/money";
import { formatDate } from "~/utils/time";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "checkout.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const { business } = await requireBuyer(request);
  const cart = await getCart(business.id);
  if (cart.lineCount === 0 || cart.hasProblems) throw redirect("/keranjang");
  const [addresses, villages, payment] = await Promise.all([
    listAddresses(business.id),
    listVillages(),
    paymentOptions(business.id),
  ]);
  return { business, cart, addresses, villages, payment, today: wibDateKey(new Date()) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { viewer, business } = await requireBuyer(request);
  const submission = parseWithZod(await readForm(request), { schema: CheckoutSchema });
  if (submission.status !== "success") return Response.json(submission.reply(), { status: 400 });
  const result = await checkout(business.id, viewer.id, submission.value);
  if (result.ok) return redirect(`/pesanan?checkout=${result.checkoutId}`);
  const lang = await getLang(request);
  return Response.json(
    submission.reply({
      formErrors: result.formErrors.map((problem) => encodeProblem(problem, lang)),
      fieldErrors: Object.fromEntries(
        Object.entries(result.fieldErrors).map(([field, problems]) => [
          field,
          problems.map((problem) => encodeProblem(problem, lang)),
        ]),
      ),
    }),
    { status: 400 },
  );
}

export default function CheckoutPage() {
  const t = useT();
  const lang = useLang();
  const { cart, addresses, villages, payment, today } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const defaultAddress = addresses.find((a) => a.isDefault) ?? addresses[0];
  const [form, fields] = useForm({
    lastResult,
    shouldRevalidate: "onInput",
    defaultValue: {
      version: cart.version,
      address: defaultAddress?.id ?? NEW_ADDRESS,
      paymentMethod: "BANK_TRANSFER",
      orders: cart.groups.map((group) => ({
        groupId: group.group.id,
        wantedBy: group.earliest ? wibDateKey(new Date(group.earliest)) : "",
        note: "",
      })),
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CheckoutSchema }),
  });
  const orders = fields.orders.getFieldList();

  return (
    <Form method="post" className="mx-auto max-w-2xl space-y-4" {...getFormProps(form)}>
      <header>
        <h1 className="text-2xl font-bold">{t("checkout.title")}</h1>
        <p className="text-stone-600">{t("cart.split_explained", { count: cart.groups.length })}</p>
      </header>
      <FormErrors errors={form.errors} />
      <input {...getInputProps(fields.version, { type: "hidden" })} />

      <fieldset className="group card space-y-2">
        <legend className="font-bold">{t("order.delivery_address")}</legend>
        {addresses.map((address) => (
          <label
            key={address.id}
            className="flex min-h-11 items-start gap-3 rounded-lg border border-stone-300 p-3"
          >
            <input
              type="radio"
              name={fields.address.name}
              value={address.id}
              defaultChecked={fields.address.initialValue === address.id}
              className="mt-1 size-5"
            />
            <span>
              <span className="font-medium">{address.label}</span>
              <span className="block text-sm text-stone-600">{address.text}</span>
            </span>
          </label>
        ))}
        <label className="flex min-h-11 items-center gap-3 rounded-lg border border-stone-300 px-3">
          <input
            type="radio"
            name={fields.address.name}
            value={NEW_ADDRESS}
            defaultChecked={fields.address.initialValue === NEW_ADDRESS}
            className="size-5"
          />
          {t("checkout.new_address")}
        </label>
        <FieldErrors id={fields.address.errorId} errors={fields.address.errors} />
        <Link to="/alamat" className="link inline-flex min-h-11 items-center text-sm">
          {t("address.manage")}
        </Link>
        {/* Shown only while "new address" is chosen: CSS :has(), so it works without JavaScript. */}
        <div
          className={`space-y-3 rounded-lg bg-stone-50 p-3 ${addresses.length > 0 ? "hidden group-has-[[value=new]:checked]:block" : ""}`}
        >
          <p className="text-sm text-stone-600">{t("checkout.new_address_hint")}</p>
          <AddressFields fields={fields} villages={villages} />
        </div>
      </fieldset>

      {cart.groups.map((group, index) => {
        const order = orders[index];
        if (!order) return null;
        const orderFields = order.getFieldset();
        return (
          <section
            key={group.group.id}
            className="card space-y-3"
            aria-labelledby={`order-${group.group.id}`}
          >
            <h2 id={`order-${group.group.id}`} className="font-bold">
              {t("checkout.order_n", { n: index + 1, group: group.group.name })}
            </h2>
            <input {...getInputProps(orderFields.groupId, { type: "hidden" })} />
            <ul className="text-sm">
              {group.lines.map((line) => (
                <li key={line.id} className="flex justify-between gap-2 border-b border-stone-200 py-1">
                  <span>
                    {line.product.name} · {line.quantity} {t(UNIT_KEYS[line.product.unit])}
                  </span>
                  <span className="font-semibold">{formatRupiah(line.lineTotal)}</span>
                </li>
              ))}
              <li className="flex justify-between gap-2 py-1 font-semibold">
                <span>{t("order.line_total")}</span>
                <span>{formatRupiah(group.subtotal)}</span>
              </li>
            </ul>
            <Field
              label={t("checkout.wanted_by")}
              htmlFor={orderFields.wantedBy.id}
              errorId={orderFields.wantedBy.errorId}
              errors={orderFields.wantedBy.errors}
              hint={
                group.earliest
                  ? t("checkout.wanted_by_hint", { date: formatDate(group.earliest, lang) })
                  : undefined
              }
            >
              <input
                {...getInputProps(orderFields.wantedBy, { type: "date" })}
                min={group.earliest ? wibDateKey(new Date(group.earliest)) : today}
                className="field-input"
              />
            </Field>
            <Field
              label={t("order.note")}
              htmlFor={orderFields.note.id}
              errorId={orderFields.note.errorId}
              errors={orderFields.note.errors}
              hint={t("order.note_hint")}
            >
              <textarea {...getTextareaProps(orderFields.note)} rows={2} className="field-input" />
            </Field>
          </section>
        );
      })}

      <fieldset className="card space-y-2">
        <legend className="font-bold">{t("order.payment_method")}</legend>
        {payment.methods.map((method) => (
          <label
            key={method}
            className="flex min-h-11 items-center gap-3 rounded-lg border border-stone-300 px-3"
          >
            <input
              type="radio"
              name={fields.paymentMethod.name}
              value={method}
              defaultChecked={fields.paymentMethod.initialValue === method}
              className="size-5"
            />
            <span>
              {t(PAYMENT_METHOD_KEYS[method])}
              {method === "TEMPO" && payment.tempo ? (
                <span className="block text-sm text-stone-600">
                  {t("checkout.tempo_terms", {
                    days: payment.tempo.days,
                    available: formatRupiah(payment.tempo.available),
                  })}
                </span>
              ) : null}
            </span>
          </label>
        ))}
        <FieldErrors id={fields.paymentMethod.errorId} errors={fields.paymentMethod.errors} />
      </fieldset>

      <div className="card space-y-3">
        <p className="flex justify-between text-lg">
          <span>{t("order.total")}</span>
          <strong>{formatRupiah(cart.total)}</strong>
        </p>
        <button type="submit" className="btn-primary w-full" disabled={navigation.state === "submitting"}>
          {t("checkout.place", { count: cart.groups.length })}
        </button>
        <Link to="/keranjang" className="link inline-flex min-h-11 items-center">
          {t("checkout.back_to_cart")}
        </Link>
      </div>
    </Form>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
