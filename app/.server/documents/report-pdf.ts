import type { Lang, Translate } from "~/locales";
import { FLAG_LABEL_KEYS, flagReason } from "~/utils/flags";
import { formatRupiah } from "~/utils/money";
import { periodLabel } from "~/utils/period-label";
import { BEFORE_AFTER_DEFINITION_KEYS, BEFORE_AFTER_LABEL_KEYS } from "~/utils/report-labels";
import { formatDate, formatDateTime, formatMonth } from "~/utils/time";
import type { Figure, IndicatorUnit } from "../monitoring/indicators";
import type { PeriodReport } from "../reports/period-report";
import { bars, footer, openSheet, paragraph, sectionHeading, table } from "./pdf-sheet";

// The period report as an A4 PDF: the same sections as the printable page (the before/after table,
// the indicators, income by month, links over time, flagged groups, open follow-ups), drawn with the
// monitoring PDFs' sheet. Names of businesses and institutions are only in TKM's report data.

function shown(t: Translate, unit: IndicatorUnit, value: number | null) {
  if (value === null) return t("mon.ind.none");
  if (unit === "rupiah") return formatRupiah(value);
  if (unit === "share") return `${Math.round(value * 100)}%`;
  return String(value);
}

function withShare(t: Translate, unit: IndicatorUnit, figure: Figure) {
  const text = shown(t, unit, figure.value);
  return unit === "share" && figure.denominator !== undefined
    ? `${text} (${t("mon.ind.share_of", { numerator: figure.numerator ?? 0, denominator: figure.denominator })})`
    : text;
}

export function renderReportPdf(report: PeriodReport, t: Translate, lang: Lang): Promise<Buffer> {
  const period = periodLabel(report.period, t, lang);
  const sheet = openSheet(`${t("rep.report.title")} — ${report.area.name} — ${period}`);
  const { pdf } = sheet;

  pdf.font("Helvetica-Bold").fontSize(17).text(t("rep.report.title"));
  pdf.font("Helvetica").fontSize(10);
  pdf.text(
    report.area.kind === "tkm"
      ? t("rep.report.scope_tkm", { team: report.area.teamName ?? "", area: report.area.name })
      : t("rep.report.scope_village", { area: report.area.name }),
  );
  pdf.text(
    `${t("rep.report.period", { period })} · ${t("rep.report.compared", {
      period: periodLabel(report.indicators.previous, t, lang),
    })}`,
  );
  pdf.fillColor("#555555").text(t("rep.generated_at", { date: formatDateTime(report.generatedAt, lang) }));
  pdf.fillColor("#000000");

  sectionHeading(sheet, t("rep.ba.heading"));
  paragraph(sheet, t("rep.ba.before_rule"), { muted: true });
  pdf.moveDown(0.3);
  table(
    sheet,
    [
      { heading: t("rep.ba.col.indicator"), fraction: 0.6 },
      { heading: t("rep.ba.col.before"), fraction: 0.2, align: "right" },
      { heading: t("rep.ba.col.after"), fraction: 0.2, align: "right" },
    ],
    report.beforeAfter.map((row) => {
      const names = row.names
        ? [
            row.names.before.length > 0
              ? t("rep.ba.names_before", { names: row.names.before.join(", ") })
              : "",
            row.names.after.length > 0 ? t("rep.ba.names_after", { names: row.names.after.join(", ") }) : "",
          ].filter(Boolean)
        : [];
      const label = [
        t(BEFORE_AFTER_LABEL_KEYS[row.key]),
        t(BEFORE_AFTER_DEFINITION_KEYS[row.key]),
        ...names,
      ].join("\n");
      const before = row.before === null ? t("rep.ba.not_measured") : shown(t, row.unit, row.before);
      const after = row.afterOf
        ? withShare(t, row.unit, { value: row.after, ...row.afterOf })
        : shown(t, row.unit, row.after);
      return [label, before, after];
    }),
  );

  sectionHeading(sheet, t("mon.ind.heading"));
  table(
    sheet,
    [
      { heading: t("rep.ba.col.indicator"), fraction: 0.22 },
      { heading: t("rep.ba.col.after"), fraction: 0.18, align: "right" },
      { heading: periodLabel(report.indicators.previous, t, lang), fraction: 0.18, align: "right" },
      { heading: t("rep.col.what"), fraction: 0.42 },
    ],
    report.indicators.rows.map((row) => [
      t(row.label),
      withShare(t, row.unit, row.current),
      withShare(t, row.unit, row.previous),
      [
        t(row.definition),
        row.baseline && row.baseline.groups > 0
          ? t("mon.ind.baseline", {
              groups: row.baseline.groups,
              baseline: formatRupiah(row.baseline.value),
              income: formatRupiah(row.baseline.income),
            })
          : "",
      ]
        .filter(Boolean)
        .join("\n"),
    ]),
  );

  sectionHeading(sheet, t("mon.chart.income"));
  bars(
    sheet,
    report.charts.months.map((month) => ({
      label: formatMonth(month, lang),
      value: report.charts.incomeTotals[month] ?? 0,
      text: formatRupiah(report.charts.incomeTotals[month] ?? 0),
    })),
  );
  if (report.charts.income.length > 0) {
    pdf.moveDown(0.3);
    paragraph(
      sheet,
      report.charts.income
        .map((series) => `${series.name ?? t("mon.chart.others")}: ${formatRupiah(series.total)}`)
        .join(" · "),
      { muted: true },
    );
  }

  sectionHeading(sheet, t("mon.chart.links"));
  table(
    sheet,
    [
      { heading: t("mon.chart.month"), fraction: 0.4 },
      { heading: t("mon.chart.active_links"), fraction: 0.3, align: "right" },
      { heading: t("mon.chart.new_links"), fraction: 0.3, align: "right" },
    ],
    report.charts.links.map((link) => [formatMonth(link.month, lang), String(link.active), String(link.new)]),
  );

  sectionHeading(sheet, t("rep.flags.heading"));
  paragraph(sheet, t("rep.flags.count", { flagged: report.flagged.length, total: report.groupCount }));
  if (report.flagged.length === 0) {
    paragraph(sheet, t("rep.flags.none"), { muted: true });
  } else {
    pdf.moveDown(0.3);
    table(
      sheet,
      [
        { heading: t("mon.groups.group"), fraction: 0.3 },
        { heading: t("mon.groups.flags"), fraction: 0.7 },
      ],
      report.flagged.map((group) => [
        `${group.name}\n${group.villageName}`,
        group.flags
          .map((flag) => `${t(FLAG_LABEL_KEYS[flag.kind])}: ${flagReason(flag, t, lang)}`)
          .join("\n"),
      ]),
    );
  }

  sectionHeading(sheet, t("rep.follow.heading"));
  if (report.followUps.length === 0) {
    paragraph(sheet, t("rep.follow.none"), { muted: true });
  } else {
    table(
      sheet,
      [
        { heading: t("rep.col.what"), fraction: 0.45 },
        { heading: t("rep.follow.col.owner"), fraction: 0.2 },
        { heading: t("rep.follow.col.due"), fraction: 0.15 },
        { heading: t("mon.groups.group"), fraction: 0.2 },
      ],
      report.followUps.map((item) => [
        item.text,
        item.owner,
        `${formatDate(item.dueOn, lang)}${item.overdue ? ` (${t("rep.follow.overdue_short")})` : ""}`,
        item.group?.name ?? t("rep.follow.general"),
      ]),
    );
  }

  footer(sheet, t("document.made_with"));
  pdf.end();
  return sheet.done;
}
