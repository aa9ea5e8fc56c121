import type { Lang, Translate } from "~/locales";
import { FLAG_LABEL_KEYS, flagReason } from "~/utils/flags";
import { periodLabel } from "~/utils/period-label";
import { csvCell } from "../ledger/book";
import type { GroupRow } from "./dashboard";
import type { AreaIndicators } from "./indicators";

// The indicators and the groups with their flags as CSV (formula-safe cells, UTF-8 with a BOM,
// CRLF rows, as the cash book's CSV) and the indicators as JSON for the API: the same figures and
// the same one-line definitions as the dashboard.

function csv(rows: (string | number | null)[][]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

export function indicatorsCsv(data: AreaIndicators, t: Translate, lang: Lang): string {
  const header = [
    "mon.csv.indicator",
    "mon.csv.definition",
    "mon.csv.unit",
    "mon.csv.period",
    "mon.csv.value",
    "mon.csv.numerator",
    "mon.csv.denominator",
    "mon.csv.previous_period",
    "mon.csv.previous_value",
    "mon.csv.baseline",
    "mon.csv.baseline_income",
  ] as const;
  const period = periodLabel(data.period, t, lang);
  const previous = periodLabel(data.previous, t, lang);
  return csv([
    header.map((key) => t(key)),
    ...data.rows.map((row) => [
      t(row.label),
      t(row.definition),
      t(`mon.unit.${row.unit}`),
      period,
      row.current.value,
      row.current.numerator ?? null,
      row.current.denominator ?? null,
      previous,
      row.previous.value,
      row.baseline?.value ?? null,
      row.baseline?.income ?? null,
    ]),
  ]);
}

export function groupsCsv(rows: GroupRow[], t: Translate, lang: Lang): string {
  return csv([
    [
      t("mon.csv.group"),
      t("mon.csv.village"),
      t("mon.csv.this_month"),
      t("mon.csv.income"),
      t("mon.csv.orders"),
      t("mon.csv.flags"),
      t("mon.csv.reasons"),
    ],
    ...rows.map((row) => [
      row.name,
      row.villageName,
      row.thisMonth,
      row.income,
      row.orders,
      row.flags.map((flag) => t(FLAG_LABEL_KEYS[flag.kind])).join("; "),
      row.flags.map((flag) => flagReason(flag, t, lang)).join(" "),
    ]),
  ]);
}

/** The indicators as the API gives them: keys, units, definitions in the reader's language, figures. */
export function indicatorsJson(data: AreaIndicators, t: Translate) {
  return {
    period: { kind: data.period.kind, from: data.period.from, to: data.period.to },
    previous: { from: data.previous.from, to: data.previous.to },
    indicators: data.rows.map((row) => ({
      key: row.key,
      unit: row.unit,
      label: t(row.label),
      definition: t(row.definition),
      value: row.current.value,
      ...(row.unit === "share"
        ? { numerator: row.current.numerator, denominator: row.current.denominator }
        : {}),
      previous: row.previous.value,
      ...(row.baseline ? { baseline: row.baseline } : {}),
    })),
  };
}
