import type {
  BusinessKind,
  GroupStage,
  OrderStatus,
  PaymentMethod,
  PaymentStatus,
  ProductStatus,
  ProductUnit,
  RequestStatus,
} from "~/.server/db/generated/sqlite/enums";
import type { MessageKey } from "~/locales";

// Catalog keys for the values the database stores, so every label goes through the catalogs.

export const BUSINESS_KIND_KEYS: Record<BusinessKind, MessageKey> = {
  TOKO_OLEH_OLEH: "business.kind.TOKO_OLEH_OLEH",
  KAFE: "business.kind.KAFE",
  RESTORAN: "business.kind.RESTORAN",
  HOTEL: "business.kind.HOTEL",
  KATERING: "business.kind.KATERING",
  KANTOR: "business.kind.KANTOR",
  LAINNYA: "business.kind.LAINNYA",
};

export const UNIT_KEYS: Record<ProductUnit, MessageKey> = {
  PCS: "unit.PCS",
  KG: "unit.KG",
  PAK: "unit.PAK",
  LUSIN: "unit.LUSIN",
  BOTOL: "unit.BOTOL",
  TOPLES: "unit.TOPLES",
  LITER: "unit.LITER",
};

export const ORDER_STATUS_KEYS: Record<OrderStatus, MessageKey> = {
  PLACED: "order.status.PLACED",
  CONFIRMED: "order.status.CONFIRMED",
  IN_PRODUCTION: "order.status.IN_PRODUCTION",
  SHIPPED: "order.status.SHIPPED",
  RECEIVED: "order.status.RECEIVED",
  COMPLETED: "order.status.COMPLETED",
  REJECTED: "order.status.REJECTED",
  CANCELLED: "order.status.CANCELLED",
};

export const PAYMENT_METHOD_KEYS: Record<PaymentMethod, MessageKey> = {
  BANK_TRANSFER: "payment.method.BANK_TRANSFER",
  CASH_ON_DELIVERY: "payment.method.CASH_ON_DELIVERY",
  CARD: "payment.method.CARD",
  TEMPO: "payment.method.TEMPO",
  CONSIGNMENT: "payment.method.CONSIGNMENT",
};

export const PAYMENT_STATUS_KEYS: Record<PaymentStatus, MessageKey> = {
  UNPAID: "payment.status.UNPAID",
  PARTIALLY_PAID: "payment.status.PARTIALLY_PAID",
  PAID: "payment.status.PAID",
  REFUNDED: "payment.status.REFUNDED",
};

export function isOrderStatus(value: string): value is OrderStatus {
  return value in ORDER_STATUS_KEYS;
}

export const GROUP_STAGE_KEYS: Record<GroupStage, MessageKey> = {
  TUMBUH: "group.stage.TUMBUH",
  BERKEMBANG: "group.stage.BERKEMBANG",
  MAJU: "group.stage.MAJU",
};

export const PRODUCT_STATUS_KEYS: Record<ProductStatus, MessageKey> = {
  DRAFT: "product.status.DRAFT",
  ACTIVE: "product.status.ACTIVE",
  ARCHIVED: "product.status.ARCHIVED",
};

export const REQUEST_STATUS_KEYS: Record<RequestStatus, MessageKey> = {
  OPEN: "request.status.OPEN",
  QUOTED: "request.status.QUOTED",
  AWARDED: "request.status.AWARDED",
  CANCELLED: "request.status.CANCELLED",
  EXPIRED: "request.status.EXPIRED",
};

const CANCEL_REASON_CODES = ["found_supplier", "not_needed", "price", "date", "other"] as const;

/**
 * A request's stored cancel reason in the reader's words: stored as the reason's code, "code: note",
 * or (for "other") the buyer's own words.
 */
export function cancelReasonText(stored: string, t: (key: MessageKey) => string): string {
  const [code, ...rest] = stored.split(": ");
  if (code && (CANCEL_REASON_CODES as readonly string[]).includes(code)) {
    const label = t(`request.cancel_reason.${code}` as MessageKey);
    return rest.length ? `${label}: ${rest.join(": ")}` : label;
  }
  return stored;
}
