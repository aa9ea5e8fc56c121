import type { Lang, Translate } from "~/locales";
import { GROUP_STAGE_KEYS, UNIT_KEYS } from "~/utils/labels";
import { formatRupiah } from "~/utils/money";
import { INSTITUTION_KIND_KEYS, SUPPORT_KIND_KEYS } from "~/utils/institutions";
import { BASELINE_METHOD_REPORT_KEYS } from "~/utils/report-labels";
import { formatDate, formatDateTime, formatMonth } from "~/utils/time";
import type { ProposalPack } from "../reports/proposal-pack";
import {
  bars,
  facts,
  footer,
  keepTogether,
  openSheet,
  paragraph,
  SHEET_MARGIN,
  sectionHeading,
  table,
  type Sheet,
} from "./pdf-sheet";

const PHOTO_COLUMNS = 3;
const PHOTO_HEIGHT = 105;

/** The proposal data pack as an A4 PDF, in the reader's language. */
export function renderProposalPdf(pack: ProposalPack, t: Translate, lang: Lang): Promise<Buffer> {
  const { group } = pack;
  const sheet = openSheet(`${t("rep.pack.title")} — ${group.name}`);
  const { pdf } = sheet;

  pdf.font("Helvetica-Bold").fontSize(18).text(t("rep.pack.title"));
  pdf.fontSize(15).text(group.name);
  pdf.font("Helvetica").fontSize(9).fillColor("#555555");
  pdf.text(t("rep.generated_at", { date: formatDateTime(pack.generatedAt, lang) }));
  pdf.fillColor("#000000");

  sectionHeading(sheet, t("rep.pack.profile"));
  const place = [group.rw ? `RW ${group.rw}` : null, group.villageName, group.districtName]
    .filter(Boolean)
    .join(", ");
  const stage = t(GROUP_STAGE_KEYS[group.stage]);
  facts(sheet, [
    [t("rep.pack.place"), place],
    [t("rep.pack.since"), formatDate(group.joinedAt, lang)],
    [
      t("rep.pack.verified"),
      group.verifiedAt ? formatDate(group.verifiedAt, lang) : t("rep.pack.not_verified"),
    ],
    [
      t("rep.pack.stage"),
      group.stageDecidedAt
        ? t("rep.pack.stage_decided", { stage, date: formatDate(group.stageDecidedAt, lang) })
        : t("rep.pack.stage_undecided", { stage }),
    ],
  ]);
  if (group.story.trim()) {
    pdf.moveDown(0.3);
    paragraph(sheet, group.story);
  }

  sectionHeading(sheet, t("rep.pack.members"));
  paragraph(sheet, t("rep.pack.member_count", { count: pack.members.count }));
  if (pack.members.names) {
    paragraph(
      sheet,
      pack.members.names.map((member) => `${member.name} (${t(`members.role.${member.role}`)})`).join(", "),
    );
  } else {
    paragraph(sheet, t("rep.pack.names_withheld"), { muted: true, italic: true });
  }

  sectionHeading(sheet, t("rep.pack.baseline"));
  if (pack.baseline) {
    const how = [
      pack.baseline.method ? t(BASELINE_METHOD_REPORT_KEYS[pack.baseline.method]) : null,
      pack.baseline.measuredOn
        ? t("rep.pack.measured_on", { date: formatDate(pack.baseline.measuredOn, lang) })
        : null,
    ]
      .filter(Boolean)
      .join(", ");
    paragraph(
      sheet,
      `${t("rep.per_month", { amount: formatRupiah(pack.baseline.monthlyIncome) })}${how ? ` (${how})` : ""}`,
    );
  } else {
    paragraph(sheet, t("rep.pack.no_baseline"), { muted: true });
  }

  sectionHeading(sheet, t("rep.pack.sales", { count: pack.months.length }));
  paragraph(sheet, t("rep.pack.sales_definition"), { muted: true });
  pdf.moveDown(0.3);
  bars(
    sheet,
    pack.months.map((month) => ({
      label: formatMonth(month, lang),
      value: pack.salesByMonth[month] ?? 0,
      text: formatRupiah(pack.salesByMonth[month] ?? 0),
    })),
    pack.baseline?.monthlyIncome,
  );
  pdf.moveDown(0.3);
  facts(sheet, [
    [t("rep.pack.sales_total"), formatRupiah(pack.salesTotal)],
    [
      t("rep.pack.sales_average"),
      formatRupiah(Math.round(pack.salesTotal / Math.max(1, pack.months.length))),
    ],
    [t("rep.pack.buyers"), String(pack.buyers)],
  ]);
  if (pack.baseline) paragraph(sheet, t("rep.pack.baseline_marker"), { muted: true });

  sectionHeading(sheet, t("rep.pack.products", { shown: pack.products.length, count: pack.productCount }));
  if (pack.products.length === 0) paragraph(sheet, t("rep.pack.no_products"), { muted: true });
  else productGrid(sheet, pack, t);

  sectionHeading(sheet, t("rep.pack.institutions"));
  if (pack.supports.length === 0) {
    paragraph(sheet, t("rep.pack.no_support"), { muted: true });
  } else {
    table(
      sheet,
      [
        { heading: t("rep.col.date"), fraction: 0.14 },
        { heading: t("rep.col.institution"), fraction: 0.28 },
        { heading: t("rep.col.support_kind"), fraction: 0.16 },
        { heading: t("rep.col.what"), fraction: 0.26 },
        { heading: t("rep.col.amount"), fraction: 0.16, align: "right" },
      ],
      pack.supports.map((support) => [
        formatDate(support.date, lang),
        `${support.institution} (${t(INSTITUTION_KIND_KEYS[support.institutionKind])})`,
        t(SUPPORT_KIND_KEYS[support.kind]),
        support.title,
        support.amount === null ? "—" : formatRupiah(support.amount),
      ]),
    );
  }

  footer(sheet, t("rep.pack.footer"));
  pdf.end();
  return sheet.done;
}

/** Products three to a row: the photo (or a frame saying there is none), name, price, minimum. */
function productGrid(sheet: Sheet, pack: ProposalPack, t: Translate) {
  const { pdf, width } = sheet;
  const gap = 12;
  const cell = (width - gap * (PHOTO_COLUMNS - 1)) / PHOTO_COLUMNS;
  for (let start = 0; start < pack.products.length; start += PHOTO_COLUMNS) {
    const row = pack.products.slice(start, start + PHOTO_COLUMNS);
    keepTogether(sheet, PHOTO_HEIGHT + 50);
    const top = pdf.y;
    let bottom = top;
    row.forEach((product, index) => {
      const x = SHEET_MARGIN + index * (cell + gap);
      if (!drawPhoto(sheet, product.photo, x, top, cell)) {
        pdf.rect(x, top, cell, PHOTO_HEIGHT).strokeColor("#cccccc").stroke();
        pdf
          .font("Helvetica")
          .fontSize(8)
          .fillColor("#777777")
          .text(t("rep.pack.no_photo"), x, top + PHOTO_HEIGHT / 2 - 4, { width: cell, align: "center" });
      }
      pdf.fillColor("#000000").font("Helvetica-Bold").fontSize(9);
      pdf.text(product.name, x, top + PHOTO_HEIGHT + 4, { width: cell });
      pdf.font("Helvetica").fontSize(8.5);
      pdf.text(
        t("rep.pack.price_unit", { price: formatRupiah(product.price), unit: t(UNIT_KEYS[product.unit]) }),
        x,
        pdf.y,
        { width: cell },
      );
      pdf.text(
        t("rep.pack.min_order", { count: product.minOrderQuantity, unit: t(UNIT_KEYS[product.unit]) }),
        x,
        pdf.y,
        { width: cell },
      );
      bottom = Math.max(bottom, pdf.y);
    });
    pdf.x = SHEET_MARGIN;
    pdf.y = bottom + 10;
  }
}

/** Draws a stored JPEG fitted into the cell; false when there is none or pdfkit cannot read it. */
function drawPhoto(sheet: Sheet, photo: Uint8Array | null, x: number, y: number, width: number): boolean {
  if (!photo) return false;
  try {
    sheet.pdf.image(Buffer.from(photo), x, y, {
      fit: [width, PHOTO_HEIGHT],
      align: "center",
      valign: "center",
    });
    return true;
  } catch {
    // A variant that is not a readable JPEG (never expected from the pipeline) leaves the frame.
    return false;
  }
}
