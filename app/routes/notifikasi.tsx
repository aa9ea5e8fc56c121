import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireViewer } from "~/.server/auth/guards";
import { publicOrigin } from "~/.server/http/origin";
import { listNotifications, markAllRead } from "~/.server/notifications/notifications";
import { useLang, useT } from "~/utils/i18n";
import { whatsAppChatLink, whatsAppShareLink } from "~/utils/delivery";
import { notificationText } from "~/utils/notification-text";
import { pageTitle } from "~/utils/meta";
import { formatDateTime } from "~/utils/time";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "notifications.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  return { notifications: await listNotifications(viewer.id), origin: publicOrigin };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  await markAllRead(viewer.id);
  return redirect("/notifikasi");
}

export default function Notifications() {
  const t = useT();
  const lang = useLang();
  const { notifications, origin } = useLoaderData<typeof loader>();
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
          {notifications.map((n) => {
            const text = notificationText(t, n.messageKey, n.params, lang);
            // One tap forwards it on WhatsApp: to the other party of the order when we know them.
            const message = `${text}\n${origin}${n.link}`;
            const wa = n.counterpartPhone
              ? whatsAppChatLink(n.counterpartPhone, message)
              : whatsAppShareLink(message);
            return (
              <li key={n.id} className={`card p-3 ${n.readAt ? "" : "border-brand-600"}`}>
                <Link to={n.link || "/"} className="font-medium hover:underline">
                  {text}
                </Link>
                <p className="flex flex-wrap items-center justify-between gap-2 text-sm text-stone-500">
                  {formatDateTime(n.createdAt, lang)}
                  <a
                    href={wa}
                    className="link inline-flex min-h-11 items-center"
                    target="_blank"
                    rel="noopener"
                  >
                    {t("notifications.forward_whatsapp")}
                  </a>
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
