import PDFDocument from "pdfkit";

// What the monitoring PDFs (period report, proposal pack) share: an A4 page in pdfkit's built-in
// Helvetica, section headings, and tables drawn the way the order documents and the cash book are
// (a row of cells, a thin rule under each, the header again on a new page).

export const SHEET_MARGIN = 40;

export type Sheet = {
  pdf: PDFKit.PDFDocument;
  width: number;
  done: Promise<Buffer>;
};

export function openSheet(title: string): Sheet {
  const pdf = new PDFDocument({ size: "A4", margin: SHEET_MARGIN, info: { Title: title } });
  const chunks: Buffer[] = [];
  pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => pdf.on("end", () => resolve(Buffer.concat(chunks))));
  return { pdf, width: pdf.page.width - SHEET_MARGIN * 2, done };
}

/** Room left on the page, in points, above the bottom margin. */
export function roomLeft(sheet: Sheet): number {
  return sheet.pdf.page.height - SHEET_MARGIN - sheet.pdf.y;
}

/** A new page when less than `needed` points are left. */
export function keepTogether(sheet: Sheet, needed: number) {
  if (roomLeft(sheet) < needed) sheet.pdf.addPage();
}

export function sectionHeading(sheet: Sheet, text: string) {
  keepTogether(sheet, 80);
  sheet.pdf.moveDown(0.8).font("Helvetica-Bold").fontSize(12).fillColor("#000000");
  sheet.pdf.text(text, SHEET_MARGIN, sheet.pdf.y, { width: sheet.width });
  sheet.pdf.moveDown(0.3).font("Helvetica").fontSize(9);
}

export function paragraph(sheet: Sheet, text: string, options: { muted?: boolean; italic?: boolean } = {}) {
  sheet.pdf
    .font(options.italic ? "Helvetica-Oblique" : "Helvetica")
    .fontSize(9)
    .fillColor(options.muted ? "#555555" : "#000000")
    .text(text, SHEET_MARGIN, sheet.pdf.y, { width: sheet.width });
  sheet.pdf.fillColor("#000000");
}

export type Column = { heading: string; fraction: number; align?: "left" | "right" };

/** A table: the header row, then each row; the header is repeated on every new page. */
export function table(
  sheet: Sheet,
  columns: Column[],
  rows: string[][],
  options: { boldLast?: boolean } = {},
) {
  const { pdf, width } = sheet;
  const widths = columns.map((column) => column.fraction * width);
  const row = (cells: string[], bold: boolean) => {
    pdf.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(8.5);
    const height = Math.max(
      ...cells.map((cell, index) => pdf.heightOfString(cell, { width: (widths[index] ?? 0) - 4 })),
    );
    if (roomLeft(sheet) < height + 6) {
      pdf.addPage();
      if (!bold)
        row(
          columns.map((column) => column.heading),
          true,
        );
      pdf.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(8.5);
    }
    const y = pdf.y;
    let x = SHEET_MARGIN;
    cells.forEach((cell, index) => {
      pdf.text(cell, x, y, { width: (widths[index] ?? 0) - 4, align: columns[index]?.align ?? "left" });
      x += widths[index] ?? 0;
    });
    pdf.x = SHEET_MARGIN;
    pdf.y = y + height + 3;
    pdf
      .moveTo(SHEET_MARGIN, pdf.y - 1.5)
      .lineTo(SHEET_MARGIN + width, pdf.y - 1.5)
      .strokeColor("#dddddd")
      .stroke();
  };
  row(
    columns.map((column) => column.heading),
    true,
  );
  rows.forEach((cells, index) => row(cells, Boolean(options.boldLast) && index === rows.length - 1));
}

/** Label: value pairs, two columns. */
export function facts(sheet: Sheet, pairs: [string, string][]) {
  const { pdf, width } = sheet;
  const labelWidth = Math.min(150, width * 0.32);
  for (const [label, value] of pairs) {
    pdf.font("Helvetica").fontSize(9);
    const height = Math.max(
      pdf.heightOfString(label, { width: labelWidth - 6 }),
      pdf.heightOfString(value, { width: width - labelWidth }),
    );
    keepTogether(sheet, height + 4);
    const y = pdf.y;
    pdf.fillColor("#555555").text(label, SHEET_MARGIN, y, { width: labelWidth - 6 });
    pdf.fillColor("#000000").text(value, SHEET_MARGIN + labelWidth, y, { width: width - labelWidth });
    pdf.x = SHEET_MARGIN;
    pdf.y = y + height + 3;
  }
}

/** Horizontal bars, one per row, scaled to the largest value (a chart a printer can draw). */
export function bars(sheet: Sheet, rows: { label: string; value: number; text: string }[], marker?: number) {
  const { pdf, width } = sheet;
  const labelWidth = 70;
  const textWidth = 90;
  const barWidth = width - labelWidth - textWidth;
  const max = Math.max(1, marker ?? 0, ...rows.map((row) => row.value));
  // The whole chart on one page, so the baseline marker runs down one column of bars.
  keepTogether(sheet, rows.length * 13 + 4);
  const top = pdf.y;
  for (const row of rows) {
    const y = pdf.y;
    pdf.font("Helvetica").fontSize(8.5).fillColor("#000000");
    pdf.text(row.label, SHEET_MARGIN, y + 1, { width: labelWidth - 4 });
    const length = row.value > 0 ? Math.max(1, (row.value / max) * barWidth) : 0;
    if (length > 0) pdf.rect(SHEET_MARGIN + labelWidth, y + 1, length, 9).fill("#15803d");
    pdf.fillColor("#000000").text(row.text, SHEET_MARGIN + labelWidth + barWidth, y + 1, {
      width: textWidth,
      align: "right",
    });
    pdf.x = SHEET_MARGIN;
    pdf.y = y + 13;
  }
  if (marker !== undefined && marker > 0 && pdf.y > top) {
    const x = SHEET_MARGIN + labelWidth + (marker / max) * barWidth;
    pdf
      .moveTo(x, Math.max(top, SHEET_MARGIN))
      .lineTo(x, pdf.y - 2)
      .dash(2, { space: 2 })
      .strokeColor("#c2410c")
      .stroke()
      .undash();
  }
  pdf.fillColor("#000000");
}

export function footer(sheet: Sheet, text: string) {
  sheet.pdf.moveDown(1.5).font("Helvetica").fontSize(7.5).fillColor("#666666");
  sheet.pdf.text(text, SHEET_MARGIN, sheet.pdf.y, { width: sheet.width });
  sheet.pdf.fillColor("#000000");
}
