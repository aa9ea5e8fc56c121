import PDFDocument from "pdfkit";
import type { Lang, Translate } from "~/locales";
import { CASH_CATEGORY_KEYS } from "~/utils/book";
import { formatRupiah } from "~/utils/money";
import { formatDate, formatDateTime, formatMonth } from "~/utils/time";
import { lineText, type BookStatement } from "../ledger/book";

// The cash book for a period as an A4 PDF, drawn the way the order documents are (pdf.ts):
// pdfkit's built-in Helvetica, a table of rows, a thin rule under each.

const MARGIN = 36;

export function renderBookPdf(
  book: { groupName: string; month: string | null; category: string | null; statement: BookStatement },
  t: Translate,
  lang: Lang,
  now = new Date(),
): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    info: { Title: `${t("book.title")} ${book.groupName}` },
  });
  const chunks: Buffer[] = [];
  pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => pdf.on("end", () => resolve(Buffer.concat(chunks))));
  const width = pdf.page.width - MARGIN * 2;
  const { statement } = book;

  pdf
    .font("Helvetica-Bold")
    .fontSize(16)
    .text(`${t("book.title")} — ${book.groupName}`);
  pdf.font("Helvetica").fontSize(10);
  const period = book.month ? formatMonth(book.month, lang) : t("book.all_months");
  const category =
    book.category && book.category in CASH_CATEGORY_KEYS
      ? ` · ${t(CASH_CATEGORY_KEYS[book.category as keyof typeof CASH_CATEGORY_KEYS])}`
      : "";
  pdf.text(`${t("book.period", { period })}${category}`);
  pdf.text(t("book.printed_at", { date: formatDateTime(now, lang) }));
  pdf.moveDown(0.5);
  pdf.text(
    [
      `${t("book.opening_balance")}: ${formatRupiah(statement.opening)}`,
      `${t("book.income")}: ${formatRupiah(statement.income)}`,
      `${t("book.expense")}: ${formatRupiah(statement.expense)}`,
      `${t("book.closing_balance")}: ${formatRupiah(statement.closing)}`,
    ].join("   "),
    { width },
  );
  pdf.moveDown();

  const fractions = [0.1, 0.11, 0.25, 0.11, 0.1, 0.11, 0.11, 0.11];
  const columns = fractions.map((fraction) => fraction * width);
  const headings = [
    t("book.col.date"),
    t("book.category"),
    t("book.description"),
    t("book.col.giver"),
    t("book.col.recorded_by"),
    t("book.col.in"),
    t("book.col.out"),
    t(book.category ? "book.running_total" : "book.balance"),
  ];
  const row = (cells: string[], bold = false) => {
    if (pdf.y > pdf.page.height - MARGIN - 40) {
      pdf.addPage();
      if (!bold) row(headings, true);
    }
    const y = pdf.y;
    let x = MARGIN;
    let bottom = y;
    pdf.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(8);
    cells.forEach((cell, index) => {
      pdf.text(cell, x, y, { width: (columns[index] ?? 0) - 4, align: index >= 5 ? "right" : "left" });
      bottom = Math.max(bottom, pdf.y);
      x += columns[index] ?? 0;
    });
    pdf.x = MARGIN;
    pdf.y = bottom + 3;
    pdf
      .moveTo(MARGIN, pdf.y - 1.5)
      .lineTo(MARGIN + width, pdf.y - 1.5)
      .strokeColor("#dddddd")
      .stroke();
  };
  row(headings, true);
  if (statement.lines.length === 0) pdf.font("Helvetica").fontSize(10).text(t("book.empty_filtered"));
  for (const line of statement.lines) {
    row([
      formatDate(line.occurredAt, lang),
      t(CASH_CATEGORY_KEYS[line.category]),
      lineText(line, t, lang),
      line.giver ?? "",
      line.recordedByName ?? t("book.recorded_by_system"),
      line.kind === "INCOME" ? formatRupiah(line.amount) : "",
      line.kind === "EXPENSE" ? formatRupiah(line.amount) : "",
      formatRupiah(line.balance),
    ]);
  }
  pdf.end();
  return done;
}
