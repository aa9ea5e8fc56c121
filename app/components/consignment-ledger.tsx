import type { ReactNode } from "react";
import type { ProductUnit } from "~/.server/db/generated/sqlite/enums";
import { useLang, useT } from "~/utils/i18n";
import { UNIT_KEYS } from "~/utils/labels";
import { formatRupiah } from "~/utils/money";
import { formatDate } from "~/utils/time";

export type PlacementView = {
  id: string;
  quantityPlaced: number;
  unitPrice: number;
  commissionPct: number;
  placedAt: Date | string;
  closedAt: Date | string | null;
  atShop: number;
  sold: number;
  unpaid: number;
  product: { name: string; unit: ProductUnit };
  business: { name: string };
  group: { name: string };
  reports: {
    id: string;
    periodEnd: Date | string;
    quantitySold: number;
    quantityReturned: number;
    amountDue: number;
    paidAt: Date | string | null;
  }[];
};

/** One placement's small ledger: placed, each period's report, what is due and paid. */
export function ConsignmentLedger({
  placement,
  perspective,
  reportAction,
  children,
}: {
  placement: PlacementView;
  perspective: "group" | "buyer";
  /** Shown beside each unpaid report (the group's "money received" button). */
  reportAction?: (reportId: string) => ReactNode;
  children?: ReactNode;
}) {
  const t = useT();
  const lang = useLang();
  const unit = t(UNIT_KEYS[placement.product.unit]);
  return (
    <section className="card space-y-2" aria-labelledby={`placement-${placement.id}`}>
      <h2 id={`placement-${placement.id}`} className="font-bold">
        {placement.product.name} · {perspective === "group" ? placement.business.name : placement.group.name}
      </h2>
      <p className="text-sm text-stone-600">
        {t("consignment.terms", {
          qty: placement.quantityPlaced,
          unit,
          date: formatDate(placement.placedAt, lang),
          price: formatRupiah(placement.unitPrice),
          pct: placement.commissionPct,
        })}
      </p>
      <p className="text-sm font-medium">
        {placement.closedAt
          ? t("consignment.closed_on", { date: formatDate(placement.closedAt, lang) })
          : t("consignment.at_shop", { qty: placement.atShop, unit })}
        {placement.unpaid > 0
          ? ` · ${t("consignment.unpaid", { amount: formatRupiah(placement.unpaid) })}`
          : ""}
      </p>
      {placement.reports.length > 0 ? (
        // Five columns may not fit a small phone: the table scrolls inside the card, not the page.
        <div
          className="overflow-x-auto"
          // Focusable so a keyboard can scroll it too.
          tabIndex={0}
          role="region"
          aria-label={t("consignment.reports", { name: placement.product.name })}
        >
          <table className="w-full text-sm">
            <thead>
              <tr className="border-b border-stone-200 text-left text-stone-600">
                <th className="py-1 font-medium">{t("document.date")}</th>
                <th className="px-1 py-1 text-right font-medium">{t("consignment.sold")}</th>
                <th className="px-1 py-1 text-right font-medium">{t("consignment.returned")}</th>
                <th className="px-1 py-1 text-right font-medium">{t("consignment.due")}</th>
                <th className="px-1 py-1 text-right font-medium">{t("order.payment")}</th>
              </tr>
            </thead>
            <tbody>
              {placement.reports.map((report) => (
                <tr key={report.id} className="border-b border-stone-100">
                  <td className="py-1">{formatDate(report.periodEnd, lang)}</td>
                  <td className="px-1 py-1 text-right">{report.quantitySold}</td>
                  <td className="px-1 py-1 text-right">{report.quantityReturned}</td>
                  <td className="px-1 py-1 text-right">{formatRupiah(report.amountDue)}</td>
                  <td className="px-1 py-1 text-right">
                    {report.paidAt
                      ? t("consignment.paid_on", { date: formatDate(report.paidAt, lang) })
                      : (reportAction?.(report.id) ?? t("consignment.not_paid"))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {children}
    </section>
  );
}
