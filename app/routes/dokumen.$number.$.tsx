import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireViewer } from "~/.server/auth/guards";
import { getOrderDocument } from "~/.server/documents/documents";
import { invariantResponse } from "~/.server/http/responses";
import { useLang, useT } from "~/utils/i18n";
import { PAYMENT_METHOD_KEYS, UNIT_KEYS } from "~/utils/labels";
import { plainTitle } from "~/utils/meta";
import { formatRupiah, terbilang } from "~/utils/money";
import { formatDate } from "~/utils/time";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? plainTitle(matches, data.doc.number) : [];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const doc = await getOrderDocument(viewer, params.number ?? "", params["*"] ?? "");
  invariantResponse(doc);
  const orderHref = viewer.business ? `/pesanan/${doc.orderNumber}` : `/kelola/pesanan/${doc.orderNumber}`;
  return { doc, orderHref, pdfHref: `/dokumen/${doc.orderNumber}/pdf/${params["*"]}` };
}

/** A printable page: A4 on paper, readable on a phone; the site's header is hidden when printed. */
export default function DocumentPage() {
  const t = useT();
  const lang = useLang();
  const { doc, orderHref, pdfHref } = useLoaderData<typeof loader>();
  const priced = doc.lines.some((line) => line.unitPrice !== null);
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <nav className="flex flex-wrap gap-2 print:hidden" aria-label={t("document.title")}>
        <Link to={orderHref} className="btn-secondary">
          {t("document.back_to_order")}
        </Link>
        <a href={pdfHref} className="btn-secondary">
          {t("document.download_pdf")}
        </a>
        <button type="button" className="btn-primary" onClick={() => window.print()}>
          {t("document.print")}
        </button>
      </nav>
      <article className="card space-y-4 bg-white print:border-0 print:shadow-none">
        <header className="flex flex-wrap justify-between gap-2">
          <h1 className="text-2xl font-bold">{t(`document.kind.${doc.kind}`)}</h1>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-sm">
            <dt className="text-stone-600">{t("document.number")}</dt>
            <dd className="font-semibold">{doc.number}</dd>
            <dt className="text-stone-600">{t("document.date")}</dt>
            <dd>{formatDate(doc.issuedAt, lang)}</dd>
            <dt className="text-stone-600">{t("document.order")}</dt>
            <dd>{doc.orderNumber}</dd>
          </dl>
        </header>
        <div className="grid gap-4 text-sm sm:grid-cols-2">
          <div>
            <h2 className="font-semibold">{t("document.from")}</h2>
            <p>{doc.seller.name}</p>
            <p className="text-stone-600">{doc.seller.place}</p>
            {doc.seller.phone ? <p className="text-stone-600">{doc.seller.phone}</p> : null}
          </div>
          <div>
            <h2 className="font-semibold">{t("document.to")}</h2>
            <p>{doc.buyer.name}</p>
            <p className="whitespace-pre-line text-stone-600">{doc.buyer.address}</p>
          </div>
        </div>
        {doc.receipt ? (
          <div className="space-y-2">
            <p className="text-lg">
              {t("document.receipt_text", {
                buyer: doc.buyer.name,
                amount: formatRupiah(doc.receipt.amount),
                order: doc.orderNumber,
              })}
            </p>
            <p className="italic">{t("document.in_words", { words: terbilang(doc.receipt.amount) })}</p>
            <p className="text-sm">
              {t("document.method", { method: t(PAYMENT_METHOD_KEYS[doc.receipt.method]) })}
            </p>
            {doc.receipt.reference ? (
              <p className="text-sm">{t("document.reference", { reference: doc.receipt.reference })}</p>
            ) : null}
            <div className="ml-auto w-56 pt-8 text-center text-sm">
              <p>{t("document.received_by")}</p>
              <p className="mt-16 border-t border-stone-400 pt-1">{doc.seller.name}</p>
            </div>
          </div>
        ) : (
          <table className="w-full text-sm">
            <thead>
              <tr className="border-b border-stone-300 text-left">
                <th className="py-1">{t("order.product")}</th>
                <th className="py-1 text-right">{t("order.qty")}</th>
                {priced ? <th className="py-1 text-right">{t("document.unit_price")}</th> : null}
                {priced ? <th className="py-1 text-right">{t("order.line_total")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {doc.lines.map((line) => (
                <tr key={line.name} className="border-b border-stone-100">
                  <td className="py-1">{line.name}</td>
                  <td className="py-1 text-right">
                    {line.quantity} {t(UNIT_KEYS[line.unit])}
                  </td>
                  {priced ? <td className="py-1 text-right">{formatRupiah(line.unitPrice ?? 0)}</td> : null}
                  {priced ? <td className="py-1 text-right">{formatRupiah(line.lineTotal ?? 0)}</td> : null}
                </tr>
              ))}
            </tbody>
            {doc.total !== null ? (
              <tfoot>
                <tr>
                  <th colSpan={3} className="pt-2 pr-3 text-right">
                    {t("order.total")}
                  </th>
                  <td className="pt-2 text-right font-bold">{formatRupiah(doc.total)}</td>
                </tr>
                {doc.paid ? (
                  <tr>
                    <th colSpan={3} className="pr-3 text-right font-normal">
                      {t("document.paid")}
                    </th>
                    <td className="text-right">{formatRupiah(doc.paid)}</td>
                  </tr>
                ) : null}
                {doc.due !== null ? (
                  <tr>
                    <th colSpan={3} className="pr-3 text-right">
                      {t("document.due")}
                    </th>
                    <td className="text-right font-bold">{formatRupiah(doc.due)}</td>
                  </tr>
                ) : null}
              </tfoot>
            ) : null}
          </table>
        )}
        {doc.kind === "tagihan" && doc.seller.bank && doc.due ? (
          <p className="text-sm">
            {t("document.pay_to", {
              bank: doc.seller.bank.name,
              account: doc.seller.bank.account,
              holder: doc.seller.bank.holder,
              order: doc.orderNumber,
            })}
          </p>
        ) : null}
        {doc.kind === "surat-jalan" ? (
          <div className="grid grid-cols-2 gap-8 pt-6 text-center text-sm">
            <p>
              {t("document.sender_sign")}
              <span className="mt-16 block border-t border-stone-400" />
            </p>
            <p>
              {t("document.receiver_sign")}
              <span className="mt-16 block border-t border-stone-400" />
            </p>
          </div>
        ) : null}
        <footer className="text-xs text-stone-500">
          {doc.kind === "tagihan" ? <p>{t("document.not_tax_invoice")}</p> : null}
          <p>{t("document.made_with")}</p>
        </footer>
      </article>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
