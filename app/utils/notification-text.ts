import { isMessageKey, type MessageParams, type Translate } from "~/locales";
import { isOrderStatus, ORDER_STATUS_KEYS } from "./labels";
import { formatRupiah } from "./money";

/** A stored notification (catalog key and values as JSON) in the reader's words. */
export function notificationText(t: Translate, key: string, rawParams: string): string {
  if (!isMessageKey(key)) return "";
  const params = JSON.parse(rawParams) as MessageParams;
  const status =
    typeof params.status === "string" && isOrderStatus(params.status)
      ? t(ORDER_STATUS_KEYS[params.status])
      : params.status;
  const amount = typeof params.amount === "number" ? formatRupiah(params.amount) : params.amount;
  return t(key, {
    ...params,
    ...(status !== undefined ? { status } : {}),
    ...(amount !== undefined ? { amount } : {}),
  });
}
