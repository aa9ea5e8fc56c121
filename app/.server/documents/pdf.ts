import PDFDocument from "pdfkit";
import type { Lang, Translate } from "~/locales";
import { PAYMENT_METHOD_KEYS, UNIT_KEYS } from "~/utils/labels";
import { formatRupiah, terbilang } from "~/utils/money";
import { formatDate } from "~/utils/time";
import type { OrderDocument } from "./documents";

const MARGIN = 48;

/** The document as an A4 PDF, in the reader's language (pdfkit's built-in Helvetica). */
export function renderDocumentPdf(doc: OrderDocument, t: Translate, lang: Lang): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    info: { Title: `${t(`document.kind.${doc.kind}`)} ${doc.number}` },
  });
  const chunks: Buffer[] = [];
  pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => pdf.on("end", () => resolve(Buffer.concat(chunks))));
  const width = pdf.page.width - MARGIN * 2;

  pdf
    .font("Helvetica-Bold")
    .fontSize(20)
    .text(t(`document.kind.${doc.kind}`));
  pdf.font("Helvetica").fontSize(10);
  pdf.text(`${t("document.number")}: ${doc.number}`);
  pdf.text(`${t("document.date")}: ${formatDate(doc.issuedAt, lang)}`);
  pdf.text(`${t("document.order")}: ${doc.orderNumber}`);
  pdf.moveDown();

  const top = pdf.y;
  const half = width / 2 - 8;
  pdf.font("Helvetica-Bold").text(t("document.from"), MARGIN, top, { width: half });
  pdf
    .font("Helvetica")
    .text([doc.seller.name, doc.seller.place, doc.seller.phone ?? ""].filter(Boolean).join("\n"), {
      width: half,
    });
  const leftBottom = pdf.y;
  pdf.font("Helvetica-Bold").text(t("document.to"), MARGIN + half + 16, top, { width: half });
  pdf.font("Helvetica").text([doc.buyer.name, doc.buyer.address].filter(Boolean).join("\n"), { width: half });
  pdf.x = MARGIN;
  pdf.y = Math.max(leftBottom, pdf.y) + 16;

  if (doc.receipt) {
    pdf.fontSize(12).text(
      t("document.receipt_text", {
        buyer: doc.buyer.name,
        amount: formatRupiah(doc.receipt.amount),
        order: doc.orderNumber,
      }),
      { width },
    );
    pdf
      .moveDown(0.5)
      .fontSize(10)
      .font("Helvetica-Oblique")
      .text(t("document.in_words", { words: terbilang(doc.receipt.amount) }), { width });
    pdf.font("Helvetica").text(t("document.method", { method: t(PAYMENT_METHOD_KEYS[doc.receipt.method]) }));
    if (doc.receipt.reference) pdf.text(t("document.reference", { reference: doc.receipt.reference }));
    pdf
      .moveDown(3)
      .text(t("document.received_by"), MARGIN + width - 180, pdf.y, { width: 180, align: "center" });
    pdf.moveDown(3).text(doc.seller.name, { width: 180, align: "center" });
  } else {
    const priced = doc.lines.some((line) => line.unitPrice !== null);
    const columns = priced
      ? [width * 0.46, width * 0.16, width * 0.18, width * 0.2]
      : [width * 0.7, width * 0.3];
    const headings = priced
      ? [t("order.product"), t("order.qty"), t("document.unit_price"), t("order.line_total")]
      : [t("order.product"), t("order.qty")];
    const row = (cells: string[], bold = false) => {
      const y = pdf.y;
      let x = MARGIN;
      pdf.font(bold ? "Helvetica-Bold" : "Helvetica");
      let bottom = y;
      cells.forEach((cell, index) => {
        pdf.text(cell, x, y, { width: (columns[index] ?? 0) - 6, align: index === 0 ? "left" : "right" });
        bottom = Math.max(bottom, pdf.y);
        x += columns[index] ?? 0;
      });
      pdf.x = MARGIN;
      pdf.y = bottom + 4;
      pdf
        .moveTo(MARGIN, pdf.y - 2)
        .lineTo(MARGIN + width, pdf.y - 2)
        .strokeColor("#dddddd")
        .stroke();
    };
    row(headings, true);
    for (const line of doc.lines) {
      const qty = `${line.quantity} ${t(UNIT_KEYS[line.unit])}`;
      row(
        priced
          ? [line.name, qty, formatRupiah(line.unitPrice ?? 0), formatRupiah(line.lineTotal ?? 0)]
          : [line.name, qty],
      );
    }
    if (doc.total !== null) {
      row(["", "", t("order.total"), formatRupiah(doc.total)], true);
      if (doc.paid) row(["", "", t("document.paid"), formatRupiah(doc.paid)]);
      if (doc.due !== null) row(["", "", t("document.due"), formatRupiah(doc.due)], true);
    }
    pdf.moveDown();
    if (doc.kind === "tagihan" && doc.seller.bank && doc.due) {
      pdf.text(
        t("document.pay_to", {
          bank: doc.seller.bank.name,
          account: doc.seller.bank.account,
          holder: doc.seller.bank.holder,
          order: doc.orderNumber,
        }),
        { width },
      );
    }
    if (doc.kind === "surat-jalan") {
      pdf.moveDown(2);
      const y = pdf.y;
      pdf.text(t("document.sender_sign"), MARGIN, y, { width: half, align: "center" });
      pdf.text(t("document.receiver_sign"), MARGIN + half + 16, y, { width: half, align: "center" });
      pdf.moveDown(4);
      const line = pdf.y;
      pdf
        .moveTo(MARGIN + 20, line)
        .lineTo(MARGIN + half - 20, line)
        .strokeColor("#333333")
        .stroke();
      pdf
        .moveTo(MARGIN + half + 36, line)
        .lineTo(MARGIN + width - 20, line)
        .stroke();
      pdf.x = MARGIN;
    }
  }
  pdf.moveDown(2).fontSize(8).fillColor("#666666");
  if (doc.kind === "tagihan") pdf.text(t("document.not_tax_invoice"), MARGIN, pdf.y, { width });
  pdf.text(t("document.made_with"), MARGIN, pdf.y, { width });
  pdf.end();
  return done;
}
