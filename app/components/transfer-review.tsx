import { Form } from "@remix-run/react";
import { useLang, useT } from "~/utils/i18n";
import { formatRupiah } from "~/utils/money";
import { formatDateTime } from "~/utils/time";

type PendingTransfer = {
  id: string;
  amount: number;
  reference: string;
  createdAt: Date | string;
  proofUrl: string | null;
  order: { number: string; business: { name: string }; group: { name: string } };
};

/** Transfers buyers reported, with the proof, for the treasurer (or TKM) to confirm or decline. */
export function TransferReview({
  transfers,
  showOrder = false,
}: {
  transfers: PendingTransfer[];
  showOrder?: boolean;
}) {
  const t = useT();
  const lang = useLang();
  if (transfers.length === 0) return null;
  return (
    <section className="card space-y-3 border-amber-300 bg-amber-50" aria-labelledby="transfer-review">
      <h2 id="transfer-review" className="font-bold">
        {t("transfer.review_title")}
      </h2>
      <p className="text-sm text-stone-700">{t("transfer.review_intro")}</p>
      <ul className="space-y-3">
        {transfers.map((transfer) => (
          <li key={transfer.id} className="space-y-2 border-t border-amber-200 pt-2">
            {showOrder ? (
              <p className="font-medium">
                {transfer.order.number} · {transfer.order.group.name} · {transfer.order.business.name}
              </p>
            ) : null}
            <p>
              {t("transfer.item", {
                amount: formatRupiah(transfer.amount),
                reference: transfer.reference || "–",
                date: formatDateTime(transfer.createdAt, lang),
              })}
            </p>
            {transfer.proofUrl ? (
              <a
                href={transfer.proofUrl}
                className="link inline-flex min-h-11 items-center"
                target="_blank"
                rel="noopener"
              >
                {t("transfer.see_proof")}
              </a>
            ) : null}
            <Form method="post" className="flex flex-wrap gap-2">
              <input type="hidden" name="intent" value="review_transfer" />
              <input type="hidden" name="paymentId" value={transfer.id} />
              <button type="submit" name="decision" value="confirm" className="btn-primary">
                {t("transfer.confirm")}
              </button>
              <button type="submit" name="decision" value="decline" className="btn-secondary">
                {t("transfer.decline")}
              </button>
            </Form>
          </li>
        ))}
      </ul>
    </section>
  );
}
