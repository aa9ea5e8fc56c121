import type { MessageKey } from "~/locales";
import { FLAG_LABEL_KEYS, flagReason, type FlagText } from "~/utils/flags";
import { useLang, useT } from "~/utils/i18n";
import { formatRupiah } from "~/utils/money";
import { periodLabel, type PeriodLike } from "~/utils/period-label";
import {
  BEFORE_AFTER_DEFINITION_KEYS,
  BEFORE_AFTER_LABEL_KEYS,
  type BeforeAfterKey,
} from "~/utils/report-labels";
import { formatDate, formatDateTime } from "~/utils/time";
import { IncomeByGroupChart } from "./charts/income-by-group";
import { LinksOverTimeChart } from "./charts/links-over-time";
import { IndicatorCards, type IndicatorCardRow } from "./indicator-cards";

// The period report as a page to read and to print (A4): the before/after table, the dashboard's
// indicators and charts, the flagged groups and the open follow-ups. The same for TKM and the
// village government; names of businesses and institutions come only in TKM's data.

export type BeforeAfterView = {
  key: BeforeAfterKey;
  before: number | null;
  after: number | null;
  afterOf?: { numerator: number; denominator: number };
  names: { before: string[]; after: string[] } | null;
  unit: "count" | "rupiah" | "share";
};

export type PeriodReportView = {
  area: { name: string; kind: "tkm" | "village"; teamName: string | null };
  period: PeriodLike;
  generatedAt: Date | string;
  beforeAfter: BeforeAfterView[];
  indicators: { previous: PeriodLike; rows: IndicatorCardRow[] };
  charts: {
    months: string[];
    income: { groupId: string | null; name: string | null; amounts: Record<string, number>; total: number }[];
    incomeTotals: Record<string, number>;
    links: { month: string; active: number; new: number }[];
  };
  flagged: { id: string; name: string; villageName: string; flags: FlagText[] }[];
  groupCount: number;
  followUps: {
    id: string;
    text: string;
    owner: string;
    dueOn: Date | string;
    overdue: boolean;
    group: { id: string; name: string } | null;
  }[];
};

function Section({ id, title, children }: { id: string; title: MessageKey; children: React.ReactNode }) {
  const t = useT();
  return (
    <section aria-labelledby={id} className="report-section space-y-2">
      <h2 id={id} className="text-xl font-bold">
        {t(title)}
      </h2>
      {children}
    </section>
  );
}

export function PeriodReportView({
  report,
  evidenceBase,
}: {
  report: PeriodReportView;
  evidenceBase: string;
}) {
  const t = useT();
  const lang = useLang();
  const period = periodLabel(report.period, t, lang);
  return (
    <article className="period-report space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">{t("rep.report.title")}</h1>
        <p className="font-medium">
          {report.area.kind === "tkm"
            ? t("rep.report.scope_tkm", { team: report.area.teamName ?? "", area: report.area.name })
            : t("rep.report.scope_village", { area: report.area.name })}
        </p>
        <p>
          {t("rep.report.period", { period })} ·{" "}
          {t("rep.report.compared", { period: periodLabel(report.indicators.previous, t, lang) })}
        </p>
        <p className="text-sm text-stone-600">
          {t("rep.generated_at", { date: formatDateTime(report.generatedAt, lang) })}
        </p>
      </header>

      <Section id="rep-before-after" title="rep.ba.heading">
        <p className="text-sm text-stone-700">{t("rep.ba.before_rule")}</p>
        <BeforeAfterTable rows={report.beforeAfter} />
      </Section>

      <Section id="rep-indicators" title="mon.ind.heading">
        <IndicatorCards rows={report.indicators.rows} />
      </Section>

      <Section id="rep-charts" title="rep.charts.heading">
        <div className="card report-chart space-y-2">
          <h3 className="font-bold">{t("mon.chart.income")}</h3>
          <IncomeByGroupChart
            months={report.charts.months}
            series={report.charts.income}
            totals={report.charts.incomeTotals}
          />
        </div>
        <div className="card report-chart space-y-2">
          <h3 className="font-bold">{t("mon.chart.links")}</h3>
          <LinksOverTimeChart links={report.charts.links} />
        </div>
      </Section>

      <Section id="rep-flags" title="rep.flags.heading">
        <p className="text-sm text-stone-700">
          {t("rep.flags.count", { flagged: report.flagged.length, total: report.groupCount })}
        </p>
        {report.flagged.length === 0 ? (
          <p className="text-stone-600">{t("rep.flags.none")}</p>
        ) : (
          <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
            {report.flagged.map((group) => (
              <li key={group.id} className="report-item space-y-1 p-3">
                <p className="font-semibold">
                  {group.name}{" "}
                  <span className="text-sm font-normal text-stone-600">· {group.villageName}</span>
                </p>
                <ul className="space-y-1 text-sm">
                  {group.flags.map((flag) => (
                    <li key={flag.kind}>
                      <a href={`${evidenceBase}/${group.id}#${flag.kind}`} className="link font-medium">
                        {t(FLAG_LABEL_KEYS[flag.kind])}
                      </a>
                      : {flagReason(flag, t, lang)}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="rep-follow-ups" title="rep.follow.heading">
        {report.followUps.length === 0 ? (
          <p className="text-stone-600">{t("rep.follow.none")}</p>
        ) : (
          <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
            {report.followUps.map((item) => (
              <li key={item.id} className="report-item space-y-0.5 p-3">
                <p className="font-medium">{item.text}</p>
                <p className="text-sm text-stone-700">
                  {t("rep.follow.owner", { owner: item.owner })} ·{" "}
                  <span className={item.overdue ? "font-semibold text-red-700" : undefined}>
                    {t(item.overdue ? "rep.follow.overdue" : "rep.follow.due", {
                      date: formatDate(item.dueOn, lang),
                    })}
                  </span>{" "}
                  · {item.group ? item.group.name : t("rep.follow.general")}
                </p>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </article>
  );
}

function BeforeAfterTable({ rows }: { rows: BeforeAfterView[] }) {
  const t = useT();
  const show = (unit: BeforeAfterView["unit"], value: number | null) =>
    value === null
      ? t("rep.ba.not_measured")
      : unit === "rupiah"
        ? formatRupiah(value)
        : unit === "share"
          ? `${Math.round(value * 100)}%`
          : String(value);
  return (
    <div
      className="overflow-x-auto print:overflow-visible"
      tabIndex={0}
      role="region"
      aria-label={t("rep.ba.heading")}
    >
      <table className="report-table w-full text-[0.8125rem] sm:text-sm">
        <caption className="sr-only">{t("rep.ba.heading")}</caption>
        <thead>
          <tr className="border-b border-stone-400 text-left">
            <th scope="col" className="px-1 py-2 sm:p-2">
              {t("rep.ba.col.indicator")}
            </th>
            <th scope="col" className="px-1 py-2 text-right sm:p-2">
              {t("rep.ba.col.before")}
            </th>
            <th scope="col" className="px-1 py-2 text-right sm:p-2">
              {t("rep.ba.col.after")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className="border-b border-stone-200 align-top">
              <th scope="row" className="px-1 py-2 text-left font-normal sm:p-2">
                <span className="block font-semibold">{t(BEFORE_AFTER_LABEL_KEYS[row.key])}</span>
                <span className="block text-xs text-stone-600">
                  {t(BEFORE_AFTER_DEFINITION_KEYS[row.key])}
                </span>
                {row.names && (row.names.before.length > 0 || row.names.after.length > 0) ? (
                  <span className="mt-1 block text-xs text-stone-700">
                    {row.names.before.length > 0
                      ? t("rep.ba.names_before", { names: row.names.before.join(", ") })
                      : null}
                    {row.names.before.length > 0 && row.names.after.length > 0 ? " · " : null}
                    {row.names.after.length > 0
                      ? t("rep.ba.names_after", { names: row.names.after.join(", ") })
                      : null}
                  </span>
                ) : null}
              </th>
              <td className="px-1 py-2 text-right tabular-nums sm:p-2">{show(row.unit, row.before)}</td>
              <td className="px-1 py-2 text-right font-semibold tabular-nums sm:p-2">
                {show(row.unit, row.after)}
                {row.afterOf ? (
                  <span className="block text-xs font-normal text-stone-600">
                    {t("mon.ind.share_of", row.afterOf)}
                  </span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
