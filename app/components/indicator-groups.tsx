import { Link } from "@remix-run/react";
import { FLAG_LABEL_KEYS, flagReason, type FlagText } from "~/utils/flags";
import { useLang, useT } from "~/utils/i18n";
import { formatRupiah } from "~/utils/money";
import { formatMonth } from "~/utils/time";

// The groups of the area on the monitoring dashboard: this month's income first, the period's
// income and orders, and the flags as short chips linking to their evidence. Each group is a
// card-like row that stacks on a 375 px phone, a table on wider screens.

export type IndicatorGroupRow = {
  id: string;
  name: string;
  villageName: string;
  thisMonth: number;
  income: number;
  orders: number;
  flags: FlagText[];
};

export function IndicatorGroups({
  rows,
  thisMonth,
  groupHref,
  evidenceHref,
}: {
  rows: IndicatorGroupRow[];
  thisMonth: string;
  groupHref: ((id: string) => string) | null;
  evidenceHref: (id: string, kind: string) => string;
}) {
  const t = useT();
  const lang = useLang();
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">{t("mon.groups.heading")}</caption>
      <thead className="hidden sm:table-header-group">
        <tr className="border-b border-stone-200 text-left">
          <th scope="col" className="p-2">
            {t("mon.groups.group")}
          </th>
          <th scope="col" className="p-2 text-right">
            {t("mon.groups.this_month", { month: formatMonth(thisMonth, lang) })}
          </th>
          <th scope="col" className="p-2 text-right">
            {t("mon.groups.period_income")}
          </th>
          <th scope="col" className="p-2 text-right">
            {t("mon.groups.orders")}
          </th>
          <th scope="col" className="p-2">
            {t("mon.groups.flags")}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr
            key={row.id}
            className="grid grid-cols-2 gap-x-3 gap-y-1 border-b border-stone-200 py-3 sm:table-row sm:py-0"
          >
            <th scope="row" className="col-span-2 text-left font-medium sm:p-2">
              {groupHref ? (
                <Link to={groupHref(row.id)} className="link">
                  {row.name}
                </Link>
              ) : (
                row.name
              )}
              <span className="block text-xs font-normal text-stone-500">{row.villageName}</span>
            </th>
            <td className="tabular-nums sm:p-2 sm:text-right">
              <span className="block text-xs text-stone-500 sm:hidden">
                {t("mon.groups.this_month", { month: formatMonth(thisMonth, lang) })}
              </span>
              <span className="font-semibold">{formatRupiah(row.thisMonth)}</span>
            </td>
            <td className="tabular-nums sm:p-2 sm:text-right">
              <span className="block text-xs text-stone-500 sm:hidden">{t("mon.groups.period_income")}</span>
              {formatRupiah(row.income)}
            </td>
            <td className="tabular-nums sm:p-2 sm:text-right">
              <span className="text-xs text-stone-500 sm:hidden">{t("mon.groups.orders")}: </span>
              {row.orders}
            </td>
            <td className="col-span-2 sm:p-2">
              <span className="sr-only sm:hidden">{t("mon.groups.flags")}: </span>
              {row.flags.length === 0 ? (
                <span className="text-xs text-stone-500">{t("mon.groups.no_flags")}</span>
              ) : (
                <ul className="flex flex-wrap gap-1">
                  {row.flags.map((flag) => (
                    <li key={flag.kind}>
                      <Link
                        to={evidenceHref(row.id, flag.kind)}
                        title={flagReason(flag, t, lang)}
                        className="inline-flex min-h-8 items-center rounded-full border border-clay-500 bg-orange-50 px-2 text-xs font-medium text-orange-900 hover:bg-orange-100"
                      >
                        {t(FLAG_LABEL_KEYS[flag.kind])}
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
