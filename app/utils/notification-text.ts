import { isMessageKey, type Lang, type MessageParams, type Translate } from "~/locales";
import { wibNoon } from "./delivery";
import { formatDate } from "./time";
import { isOrderStatus, ORDER_STATUS_KEYS } from "./labels";
import { formatRupiah } from "./money";

/** A stored notification (catalog key and values as JSON) in the reader's words. */
export function notificationText(t: Translate, key: string, rawParams: string, lang: Lang): string {
  if (!isMessageKey(key)) return "";
  const params = JSON.parse(rawParams) as MessageParams;
  const status =
    typeof params.status === "string" && isOrderStatus(params.status)
      ? t(ORDER_STATUS_KEYS[params.status])
      : params.status;
  const amount = typeof params.amount === "number" ? formatRupiah(params.amount) : params.amount;
  const day = typeof params.date === "string" ? wibNoon(params.date) : null;
  return t(key, {
    ...params,
    ...(day ? { date: formatDate(day, lang) } : {}),
    ...(status !== undefined ? { status } : {}),
    ...(amount !== undefined ? { amount } : {}),
  });
}
