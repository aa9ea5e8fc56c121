import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireBuyer } from "~/.server/auth/guards";
import { getCart, removeCartLine, setCartQuantity } from "~/.server/cart/cart";
import { getLang } from "~/.server/http/lang";
import { readForm } from "~/.server/http/form";
import { FieldErrors, WholeNumberInput } from "~/components/forms";
import { ResponsiveImage } from "~/components/responsive-image";
import { CartLineSchema } from "~/forms/cart";
import { encodeProblem, translateEncoded, useLang, useT } from "~/utils/i18n";
import { UNIT_KEYS } from "~/utils/labels";
import { pageTitle } from "~/utils/meta";
import { formatRupiah } from "~/utils/money";
import { formatDate } from "~/utils/time";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "cart.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const { business } = await requireBuyer(request);
  const added = new URL(request.url).searchParams.get("ditambah");
  return { business, cart: await getCart(business.id), added };
}

type ActionData = { itemId: string; error: string } | { itemId: string; error: null };

export async function action({ request }: ActionFunctionArgs) {
  const { business } = await requireBuyer(request);
  const submission = parseWithZod(await readForm(request), { schema: CartLineSchema });
  if (submission.status !== "success") {
    const itemId = String(submission.payload.itemId ?? "");
    const error = Object.values(submission.error ?? {}).flat()[0] ?? "form.whole_number";
    return Response.json({ itemId, error } satisfies ActionData, { status: 400 });
  }
  const { itemId } = submission.value;
  if (submission.value.intent === "remove") {
    await removeCartLine(business.id, itemId);
    return Response.json({ itemId, error: null } satisfies ActionData);
  }
  const result = await setCartQuantity(business.id, itemId, submission.value.quantity);
  if (!result.ok) {
    const error = encodeProblem(result, await getLang(request));
    return Response.json({ itemId, error } satisfies ActionData, { status: result.notFound ? 404 : 400 });
  }
  return Response.json({ itemId, error: null } satisfies ActionData);
}

export default function CartPage() {
  const t = useT();
  const lang = useLang();
  const { cart, added } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";

  if (cart.lineCount === 0) {
    return (
      <div className="mx-auto max-w-xl space-y-4 text-center">
        <h1 className="text-2xl font-bold">{t("cart.title")}</h1>
        <p className="text-stone-600">{t("cart.empty")}</p>
        <Link to="/produk" className="btn-primary">
          {t("home.browse")}
        </Link>
      </div>
    );
  }
  return (
    <div className="space-y-4">
      <header>
        <h1 className="text-2xl font-bold">{t("cart.title")}</h1>
        <p className="text-stone-600">{t("cart.split_explained", { count: cart.groups.length })}</p>
      </header>
      {added ? (
        <p role="status" className="rounded-lg bg-brand-100 p-3 font-medium text-brand-900">
          {t("cart.added")}
        </p>
      ) : null}
      {cart.groups.map(({ group, lines, subtotal, earliest }) => (
        <section key={group.id} className="card space-y-3" aria-labelledby={`group-${group.id}`}>
          <h2 id={`group-${group.id}`} className="font-bold">
            <Link to={`/kelompok/${group.slug}`} className="link inline-flex min-h-11 items-center">
              {group.name}
            </Link>
            <span className="block text-sm font-normal text-stone-600">{group.village.name}</span>
          </h2>
          <ul className="divide-y divide-stone-200">
            {lines.map((line) => {
              const unit = t(UNIT_KEYS[line.product.unit]);
              const error = actionData?.itemId === line.id ? actionData.error : null;
              return (
                <li key={line.id} className="grid grid-cols-[4rem_1fr] gap-3 py-3">
                  {line.image ? (
                    <ResponsiveImage
                      image={line.image}
                      alt=""
                      sizes="4rem"
                      className="size-16 rounded-lg bg-stone-100 object-cover"
                    />
                  ) : (
                    <span className="size-16 rounded-lg bg-stone-100" />
                  )}
                  <div className="space-y-2">
                    <p>
                      <Link to={`/produk/${line.product.slug}`} className="link font-medium">
                        {line.product.name}
                      </Link>
                      <span className="block text-sm text-stone-600">
                        {t("order.estimate", {
                          qty: line.quantity,
                          unit,
                          price: formatRupiah(line.unitPrice),
                          total: formatRupiah(line.lineTotal),
                        })}
                      </span>
                    </p>
                    {line.problem ? (
                      <p className="text-sm font-medium text-red-700">
                        {translateEncoded(t, encodeProblem(line.problem, lang))}
                      </p>
                    ) : null}
                    <div className="flex flex-wrap items-end gap-2">
                      <Form
                        method="post"
                        className="flex items-end gap-2"
                        key={`${line.id}-${line.quantity}`}
                      >
                        <input type="hidden" name="itemId" value={line.id} />
                        <label className="text-sm">
                          <span className="block text-stone-600">{t("order.quantity", { unit })}</span>
                          <WholeNumberInput
                            name="quantity"
                            min={0}
                            step={line.product.orderMultiple}
                            defaultValue={line.quantity}
                            aria-invalid={error ? true : undefined}
                            aria-describedby={error ? `error-${line.id}` : undefined}
                            className="w-28"
                          />
                        </label>
                        <button
                          type="submit"
                          name="intent"
                          value="update"
                          className="btn-secondary"
                          disabled={busy}
                        >
                          {t("cart.update")}
                        </button>
                      </Form>
                      <Form method="post">
                        <input type="hidden" name="itemId" value={line.id} />
                        <button
                          type="submit"
                          name="intent"
                          value="remove"
                          className="btn-secondary"
                          disabled={busy}
                        >
                          {t("cart.remove")}
                          <span className="sr-only"> {line.product.name}</span>
                        </button>
                      </Form>
                    </div>
                    <FieldErrors id={`error-${line.id}`} errors={error ? [error] : null} />
                  </div>
                </li>
              );
            })}
          </ul>
          <dl className="grid grid-cols-2 gap-1 border-t border-stone-200 pt-2 text-sm">
            <dt className="text-stone-600">{t("order.line_total")}</dt>
            <dd className="text-right font-semibold">{formatRupiah(subtotal)}</dd>
            <dt className="text-stone-600">{t("cart.earliest_arrival")}</dt>
            <dd className="text-right font-semibold">{earliest ? formatDate(earliest, lang) : "–"}</dd>
          </dl>
        </section>
      ))}
      <div className="card flex flex-wrap items-center justify-between gap-3">
        <p className="text-lg">
          {t("order.total")}: <strong>{formatRupiah(cart.total)}</strong>
        </p>
        {cart.hasProblems ? (
          <p className="font-medium text-red-700">{t("checkout.fix_cart")}</p>
        ) : (
          <Link to="/checkout" className="btn-primary">
            {t("cart.to_checkout")}
          </Link>
        )}
      </div>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
