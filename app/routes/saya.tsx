import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireGroupMember } from "~/.server/auth/guards";
import { memberRecord } from "~/.server/groups/member-record";
import { useLang, useT } from "~/utils/i18n";
import { periodLastMoment } from "~/utils/month-period";
import { pageTitle } from "~/utils/meta";
import { formatRupiah } from "~/utils/money";
import { formatDate, formatMonth } from "~/utils/time";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "account.mine_title");

// A member's own page: her work, her shares and what was paid to her. Read-only, and only hers.
export async function loader({ request }: LoaderFunctionArgs) {
  const { member } = await requireGroupMember(request);
  const record = await memberRecord({ groupId: member.groupId, memberId: member.id });
  return { name: member.name, groupName: member.group.name, ...record };
}

export default function MyRecord() {
  const t = useT();
  // "20 buah", "4 jam" or both; nothing said about what she did not do.
  const work = (quantity: number, hours: number) =>
    [
      quantity > 0 ? t("account.pieces", { count: quantity }) : null,
      hours > 0 ? t("account.hours", { count: hours }) : null,
    ]
      .filter(Boolean)
      .join(", ") || "–";
  const lang = useLang();
  const { name, groupName, months, contributions, shares } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <header>
        <p className="text-sm text-stone-600">{groupName}</p>
        <h1 className="text-2xl font-bold">{name}</h1>
        <p className="text-stone-600">{t("account.mine_intro")}</p>
      </header>

      <section aria-labelledby="my-months" className="space-y-2">
        <h2 id="my-months" className="text-xl font-bold">
          {t("account.by_month")}
        </h2>
        {months.length === 0 ? (
          <p className="card text-stone-600">{t("account.nothing_yet")}</p>
        ) : (
          <div className="card overflow-x-auto p-0">
            <table className="w-full text-sm">
              <thead>
                <tr className="text-left">
                  <th scope="col" className="p-2">
                    {t("account.month")}
                  </th>
                  <th scope="col" className="p-2 text-right">
                    {t("account.work")}
                  </th>
                  <th scope="col" className="p-2 text-right">
                    {t("account.share")}
                  </th>
                  <th scope="col" className="p-2 text-right">
                    {t("account.paid")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {months.map((m) => (
                  <tr key={m.month} className="border-t border-stone-200">
                    <th scope="row" className="p-2 text-left font-normal">
                      {formatMonth(m.month, lang)}
                    </th>
                    <td className="p-2 text-right tabular-nums">{work(m.quantity, m.hours)}</td>
                    <td className="p-2 text-right tabular-nums">{formatRupiah(m.shared)}</td>
                    <td className="p-2 text-right tabular-nums">{formatRupiah(m.paid)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="my-shares" className="space-y-2">
        <h2 id="my-shares" className="text-xl font-bold">
          {t("account.shares")}
        </h2>
        {shares.length === 0 ? (
          <p className="card text-stone-600">{t("account.no_shares")}</p>
        ) : (
          <ul className="space-y-2">
            {shares.map((s) => (
              <li key={s.id} className="card p-3">
                <p className="font-semibold">
                  {s.number} · {formatDate(s.periodFrom, lang)} –{" "}
                  {formatDate(periodLastMoment(new Date(s.periodTo)), lang)}
                </p>
                <p className="text-sm">
                  {t("account.share_line", { amount: formatRupiah(s.amount), paid: formatRupiah(s.paid) })}
                </p>
                {s.status === "PROPOSED" ? (
                  <p className="text-sm text-stone-600">{t("account.share_proposed")}</p>
                ) : null}
                {s.payouts.length > 0 ? (
                  <ul className="mt-1 text-sm text-stone-600">
                    {s.payouts.map((p) => (
                      <li key={p.id}>
                        {t("account.payout_line", {
                          date: formatDate(p.paidAt, lang),
                          amount: formatRupiah(p.amount),
                        })}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="my-work" className="space-y-2">
        <h2 id="my-work" className="text-xl font-bold">
          {t("account.contributions")}
        </h2>
        {contributions.length === 0 ? (
          <p className="card text-stone-600">{t("account.no_contributions")}</p>
        ) : (
          <ul className="space-y-1">
            {contributions.map((c) => (
              <li key={c.id} className="card p-3 text-sm">
                <span className="font-medium">{formatDate(c.date, lang)}</span> ·{" "}
                {[c.product, work(c.quantity, c.hours), c.note].filter(Boolean).join(" · ")}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
