import type { ProductUnit } from "~/.server/db/generated/sqlite/enums";
import { useLang, useT } from "~/utils/i18n";
import { UNIT_KEYS } from "~/utils/labels";
import { formatRupiah } from "~/utils/money";
import { formatDate } from "~/utils/time";

export type ProposalView = {
  reason: string;
  wantedBy: Date | string | null;
  total: number;
  lines: {
    id: string;
    productName: string;
    unit: ProductUnit;
    quantity: number;
    unitPrice: number;
    newQuantity: number;
    newUnitPrice: number;
  }[];
};

/** What a proposal changes, line by line, beside what the order says now. */
export function ProposalSummary({ proposal }: { proposal: ProposalView }) {
  const t = useT();
  const lang = useLang();
  return (
    <div className="space-y-1 text-sm">
      <p className="italic">“{proposal.reason}”</p>
      <ul className="list-inside list-disc">
        {proposal.lines.map((line) => (
          <li key={line.id}>
            {t("proposal.line", {
              name: line.productName,
              oldQty: line.quantity,
              newQty: line.newQuantity,
              unit: t(UNIT_KEYS[line.unit]),
              oldPrice: formatRupiah(line.unitPrice),
              newPrice: formatRupiah(line.newUnitPrice),
            })}
          </li>
        ))}
      </ul>
      {proposal.wantedBy ? (
        <p>{t("proposal.new_date", { date: formatDate(proposal.wantedBy, lang) })}</p>
      ) : null}
      <p className="font-semibold">{t("proposal.new_total", { total: formatRupiah(proposal.total) })}</p>
    </div>
  );
}
