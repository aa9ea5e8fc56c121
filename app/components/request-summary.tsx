import type { ReactNode } from "react";
import type { MessageKey } from "~/locales";
import { useLang, useT } from "~/utils/i18n";
import { UNIT_KEYS } from "~/utils/labels";
import { formatRupiah } from "~/utils/money";
import { formatDate } from "~/utils/time";
import { ResponsiveImage, type ResponsiveImageData } from "./responsive-image";

export const REQUEST_STATE_KEYS: Record<string, MessageKey> = {
  OPEN: "quote.request_state.OPEN",
  QUOTED: "quote.request_state.QUOTED",
  AWARDED: "quote.request_state.AWARDED",
  CANCELLED: "quote.request_state.CANCELLED",
  EXPIRED: "quote.request_state.EXPIRED",
};

export const QUOTE_STATUS_KEYS: Record<string, MessageKey> = {
  SUBMITTED: "quote.status.SUBMITTED",
  ACCEPTED: "quote.status.ACCEPTED",
  NOT_CHOSEN: "quote.status.NOT_CHOSEN",
  WITHDRAWN: "quote.status.WITHDRAWN",
};

/** The matcher's reasons, in the reader's words, joined as people read them: "a · b · c". */
export function MatchReasons({
  reasons,
}: {
  reasons: { key: MessageKey; params?: Record<string, string | number> }[];
}) {
  const t = useT();
  if (reasons.length === 0) return null;
  return <span>{reasons.map((reason) => t(reason.key, reason.params)).join(" · ")}</span>;
}

type SummaryRequest = {
  number: string;
  title: string;
  description: string;
  quantity: number;
  unit: keyof typeof UNIT_KEYS;
  budgetPerUnit: number | null;
  neededBy: string | Date;
  closesAt: string | Date;
  state: string;
  category: { nameId: string; nameEn: string } | null;
  photo: ResponsiveImageData | null;
};

/** What was asked: the request's facts, as both sides read them. `children` adds lines to the list. */
export function RequestSummary({ request, children }: { request: SummaryRequest; children?: ReactNode }) {
  const t = useT();
  const lang = useLang();
  return (
    <section className="card space-y-3" aria-labelledby="request-title">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <p className="text-sm text-stone-600">{request.number}</p>
          <h1 id="request-title" className="text-2xl font-bold">
            {request.title}
          </h1>
        </div>
        <span className="rounded-full bg-stone-100 px-3 py-1 text-sm font-medium">
          {t(REQUEST_STATE_KEYS[request.state] ?? "quote.request_state.OPEN")}
        </span>
      </div>
      {request.photo ? (
        <div className="max-w-sm">
          <ResponsiveImage
            image={request.photo}
            alt={request.title}
            sizes="(min-width: 640px) 24rem, 100vw"
          />
        </div>
      ) : null}
      {request.description ? <p className="whitespace-pre-line">{request.description}</p> : null}
      <dl className="grid grid-cols-[minmax(0,2fr)_minmax(0,3fr)] gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="text-stone-600">{t("quote.asked_quantity")}</dt>
        <dd className="font-medium">
          {request.quantity} {t(UNIT_KEYS[request.unit])}
        </dd>
        {request.category ? (
          <>
            <dt className="text-stone-600">{t("quote.category")}</dt>
            <dd>{lang === "en" ? request.category.nameEn : request.category.nameId}</dd>
          </>
        ) : null}
        <dt className="text-stone-600">{t("quote.target_price")}</dt>
        <dd>
          {request.budgetPerUnit !== null
            ? t("quote.per_unit", {
                price: formatRupiah(request.budgetPerUnit),
                unit: t(UNIT_KEYS[request.unit]),
              })
            : t("quote.no_target_price")}
        </dd>
        <dt className="text-stone-600">{t("quote.needed_by")}</dt>
        <dd className="font-medium">{formatDate(request.neededBy, lang)}</dd>
        <dt className="text-stone-600">{t("quote.closes_at")}</dt>
        <dd>{formatDate(request.closesAt, lang)}</dd>
        {children}
      </dl>
    </section>
  );
}
