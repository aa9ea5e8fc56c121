import { randomBytes } from "node:crypto";
import sharp from "sharp";
import { db } from "~/.server/db/client";
import type { CashCategory, CashKind, OrderStatus, PaymentMethod } from "~/.server/db/client";
import { processImage, storeImage } from "~/.server/images/pipeline";
import { summariseNewLines, summariseNewOrder } from "./summarised";

// Rows for the report and export tests, written straight to the tables: the tests compare what the
// reports say with counts made here from the same rows.

export type Line = {
  groupId: string;
  kind: CashKind;
  category: CashCategory;
  amount: number;
  occurredAt: Date;
};

export async function writeLines(lines: Line[]) {
  if (lines.length === 0) return;
  await db.cashEntry.createMany({ data: lines });
  await summariseNewLines(lines.map((line) => ({ ...line, reversesId: null })));
}

export type OrderRow = {
  groupId: string;
  businessId: string;
  placedById: string;
  status: OrderStatus;
  placedAt: Date;
  total: number;
  amountPaid?: number;
  paymentMethod?: PaymentMethod;
  deliveredAt?: Date | null;
  wantedBy?: Date | null;
  number?: string;
};

export async function writeOrder(row: OrderRow) {
  const order = await db.order.create({
    data: {
      number: row.number ?? `T-${randomBytes(5).toString("hex")}`,
      groupId: row.groupId,
      businessId: row.businessId,
      placedById: row.placedById,
      status: row.status,
      paymentMethod: row.paymentMethod ?? "BANK_TRANSFER",
      subtotal: row.total,
      total: row.total,
      amountPaid: row.amountPaid ?? 0,
      placedAt: row.placedAt,
      deliveredAt: row.deliveredAt ?? null,
      wantedBy: row.wantedBy ?? null,
    },
    select: { id: true, number: true },
  });
  await summariseNewOrder(order.id);
  return order;
}

/** A real photo through the image pipeline (AVIF, WebP and JPEG variants), on a product. */
export async function attachRealPhoto(productId: string) {
  const png = await sharp({
    create: { width: 400, height: 300, channels: 3, background: { r: 180, g: 120, b: 60 } },
  })
    .png()
    .toBuffer();
  const processed = await processImage(new Uint8Array(png));
  const assetId = await db.$transaction((tx) => storeImage(tx, processed));
  return db.productImage.create({ data: { productId, assetId, position: 0, alt: "foto" } });
}
