import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireViewer } from "~/.server/auth/guards";
import { listNotifications, markAllRead } from "~/.server/notifications/notifications";
import { isMessageKey, type MessageParams } from "~/locales";
import { useLang, useT } from "~/utils/i18n";
import { isOrderStatus, ORDER_STATUS_KEYS } from "~/utils/labels";
import { pageTitle } from "~/utils/meta";
import { formatRupiah } from "~/utils/money";
import { formatDateTime } from "~/utils/time";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "notifications.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  return { notifications: await listNotifications(viewer.id) };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  await markAllRead(viewer.id);
  return redirect("/notifikasi");
}

export default function Notifications() {
  const t = useT();
  const lang = useLang();
  const { notifications } = useLoaderData<typeof loader>();
  const render = (key: string, raw: string) => {
    if (!isMessageKey(key)) return "";
    const params = JSON.parse(raw) as MessageParams;
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
  };
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("notifications.title")}</h1>
        {notifications.some((n) => !n.readAt) ? (
          <Form method="post">
            <button type="submit" className="btn-secondary">
              {t("notifications.mark_all_read")}
            </button>
          </Form>
        ) : null}
      </div>
      {notifications.length === 0 ? (
        <p className="card text-stone-600">{t("notifications.empty")}</p>
      ) : (
        <ul className="space-y-2">
          {notifications.map((n) => (
            <li key={n.id} className={`card p-3 ${n.readAt ? "" : "border-brand-600"}`}>
              <Link to={n.link || "/"} className="font-medium hover:underline">
                {render(n.messageKey, n.params)}
              </Link>
              <p className="text-sm text-stone-500">{formatDateTime(n.createdAt, lang)}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
