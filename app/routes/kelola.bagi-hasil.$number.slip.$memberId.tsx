import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireMembersOfficer } from "~/.server/members/access";
import { memberSlip } from "~/.server/members/distributions";
import { periodLastMoment } from "~/utils/month-period";
import { useLang, useT } from "~/utils/i18n";
import { plainTitle } from "~/utils/meta";
import { formatRupiah } from "~/utils/money";
import { formatDate, formatDateTime } from "~/utils/time";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? plainTitle(matches, `${data.slip.distribution.number} · ${data.slip.member.name}`) : [];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { tenant } = await requireMembersOfficer(request);
  const slip = await memberSlip(tenant, params.number ?? "", params.memberId ?? "");
  if (!slip) throw new Response("Not found", { status: 404 });
  return { slip };
}

/** A member's slip: readable on a phone, one A4 page on paper (the site's header hides in print). */
export default function Slip() {
  const t = useT();
  const lang = useLang();
  const { slip } = useLoaderData<typeof loader>();
  const d = slip.distribution;
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <nav className="flex flex-wrap gap-2 print:hidden" aria-label={t("members.slip")}>
        <Link to={`/kelola/bagi-hasil/${d.number}`} className="btn-secondary">
          ← {d.number}
        </Link>
        <button type="button" className="btn-primary" onClick={() => window.print()}>
          {t("members.print")}
        </button>
      </nav>
      <article className="card space-y-4 bg-white print:border-0 print:shadow-none">
        <header className="space-y-1">
          <h1 className="text-xl font-bold">{t("members.slip_title", { number: d.number })}</h1>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-sm">
            <dt className="text-stone-600">{t("members.group")}</dt>
            <dd>{d.group.name}</dd>
            <dt className="text-stone-600">{t("members.member")}</dt>
            <dd className="font-semibold">
              {slip.member.name}
              {slip.member.rw ? ` · ${slip.member.rw}` : ""}
            </dd>
            <dt className="text-stone-600">{t("members.period")}</dt>
            <dd>
              {formatDate(d.periodFrom, lang)} – {formatDate(periodLastMoment(new Date(d.periodTo)), lang)}
            </dd>
            <dt className="text-stone-600">{t("members.status")}</dt>
            <dd>{t(`members.status.${d.status}`)}</dd>
          </dl>
        </header>
        <dl className="grid grid-cols-[1fr_auto] gap-x-3 gap-y-1 text-sm">
          <dt>{t("members.income")}</dt>
          <dd className="text-right tabular-nums">{formatRupiah(d.income)}</dd>
          <dt>{t("members.costs")}</dt>
          <dd className="text-right tabular-nums">−{formatRupiah(d.costs)}</dd>
          <dt>{t("members.fund_amount", { percent: d.fundPercent })}</dt>
          <dd className="text-right tabular-nums">−{formatRupiah(d.fundAmount)}</dd>
          <dt>{t("members.distributable")}</dt>
          <dd className="text-right tabular-nums">{formatRupiah(d.distributable)}</dd>
          <dt className="pt-2">{t("members.contribution")}</dt>
          <dd className="pt-2 text-right tabular-nums">
            {d.basis === "QUANTITY"
              ? t("members.units_short", { count: slip.contribution })
              : t("members.hours_short", { count: slip.contribution })}
          </dd>
          <dt className="font-bold">{t("members.share")}</dt>
          <dd className="text-right font-bold tabular-nums">{formatRupiah(slip.amount)}</dd>
        </dl>
        <section aria-labelledby="payouts-heading" className="space-y-1 text-sm">
          <h2 id="payouts-heading" className="font-semibold">
            {t("members.payouts")}
          </h2>
          {slip.payouts.length === 0 ? (
            <p className="text-stone-600">{t("members.no_payouts")}</p>
          ) : (
            <ul>
              {slip.payouts.map((payout) => (
                <li key={payout.id} className="flex justify-between gap-2">
                  <span>{formatDateTime(payout.paidAt, lang)}</span>
                  <span className="tabular-nums">{formatRupiah(payout.amount)}</span>
                </li>
              ))}
            </ul>
          )}
          <p className="flex justify-between gap-2 border-t border-stone-200 pt-1 font-semibold">
            <span>{t("members.remaining")}</span>
            <span className="tabular-nums">{formatRupiah(slip.remaining)}</span>
          </p>
        </section>
        <div className="grid grid-cols-2 gap-6 pt-8 text-center text-sm">
          <p className="border-t border-stone-400 pt-1">{t("members.slip_treasurer")}</p>
          <p className="border-t border-stone-400 pt-1">{t("members.slip_signature")}</p>
        </div>
      </article>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
