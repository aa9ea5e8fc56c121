import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { resetWithCode, searchUsers, suspendUser, unsuspendUser } from "~/.server/admin/users";
import { requireAdmin } from "~/.server/auth/guards";
import { adminDone, adminInvalid, adminRefused } from "~/.server/http/admin-reply";
import { readForm } from "~/.server/http/form";
import { getLang } from "~/.server/http/lang";
import { pageParam } from "~/.server/http/responses";
import { AdminNotice, FormProblems, type AdminResult } from "~/components/admin";
import { SuspendSchema, UserIdSchema } from "~/forms/admin";
import type { MessageKey } from "~/locales";
import { useLang, useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { formatPhoneForDisplay } from "~/utils/phone";
import { formatDate, formatDateTime } from "~/utils/time";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "adm.users_title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const url = new URL(request.url);
  const q = url.searchParams.get("q") ?? "";
  const page = pageParam(url);
  return { q, page, ...(await searchUsers(q, page)) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { viewer } = await requireAdmin(request);
  const formData = await readForm(request);
  const intent = String(formData.get("intent") ?? "");
  const target = String(formData.get("userId") ?? "") || null;
  const lang = await getLang(request);
  if (intent === "suspend") {
    const submission = parseWithZod(formData, { schema: SuspendSchema });
    if (submission.status !== "success") return adminInvalid(intent, target, submission.reply);
    const done = await suspendUser(viewer.id, submission.value.userId, submission.value.reason);
    if (!done.ok) return adminRefused(intent, target, submission.reply, done, lang);
    return adminDone(intent, target, { key: "adm.suspended_done", params: { name: done.name } });
  }
  const submission = parseWithZod(formData, { schema: UserIdSchema });
  if (submission.status !== "success") return adminInvalid(intent, target, submission.reply);
  if (intent === "unsuspend") {
    const done = await unsuspendUser(viewer.id, submission.value.userId);
    if (!done.ok) return adminRefused(intent, target, submission.reply, done, lang);
    return adminDone(intent, target, { key: "adm.unsuspended_done", params: { name: done.name } });
  }
  if (intent === "reset") {
    const given = await resetWithCode(viewer.id, submission.value.userId);
    if (!given.ok) return adminRefused(intent, target, submission.reply, given, lang);
    return adminDone(
      intent,
      target,
      {
        key: "adm.reset_done",
        params: { name: given.name, phone: formatPhoneForDisplay(given.phone ?? "") },
      },
      { value: given.code, name: given.name, expiresAt: given.expiresAt.toISOString() },
    );
  }
  throw new Response("Bad request", { status: 400 });
}

const ROLE_KEYS: Record<string, MessageKey> = {
  group: "adm.role_group",
  business: "adm.role_business",
  tkm: "adm.role_tkm",
  village: "adm.role_village",
};

export default function AdminUsers() {
  const t = useT();
  const lang = useLang();
  const { q, page, pages, total, users } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as AdminResult;
  const pageLink = (n: number) => `/admin/pengguna?${new URLSearchParams({ q, page: String(n) }).toString()}`;
  return (
    <div className="space-y-4">
      <header>
        <h1 className="text-2xl font-bold">{t("adm.users_title")}</h1>
        <p className="text-stone-600">{t("adm.users_intro")}</p>
      </header>
      <Form method="get" className="card flex flex-wrap items-end gap-2" role="search">
        <div className="min-w-0 flex-1 space-y-1">
          <label htmlFor="user-q" className="block font-medium">
            {t("adm.users_search")}
          </label>
          <input
            id="user-q"
            name="q"
            type="search"
            defaultValue={q}
            className="field-input"
            maxLength={100}
          />
        </div>
        <button type="submit" className="btn-primary">
          {t("adm.search")}
        </button>
      </Form>
      <AdminNotice result={result} />
      <p className="text-sm text-stone-600">{t("adm.users_found", { count: total })}</p>
      {users.length === 0 ? (
        <p className="card text-stone-600">{t("adm.no_users")}</p>
      ) : (
        <ul className="space-y-3">
          {users.map((user) => (
            <li key={user.id} className="card space-y-2">
              <div className="flex flex-wrap items-baseline justify-between gap-x-2">
                <h2 className="font-bold">
                  {user.name}
                  {user.isAdmin ? (
                    <span className="ml-2 text-sm font-normal text-stone-500">{t("adm.is_admin")}</span>
                  ) : null}
                </h2>
                <span className="text-sm text-stone-500">
                  {t("adm.joined", { date: formatDate(user.createdAt, lang) })}
                </span>
              </div>
              <p className="text-sm text-stone-700 break-all">
                {[user.phone ? formatPhoneForDisplay(user.phone) : null, user.email]
                  .filter(Boolean)
                  .join(" · ")}
              </p>
              {user.roles.length > 0 ? (
                <ul className="flex flex-wrap gap-1 text-xs">
                  {user.roles.map((role, i) => (
                    <li key={i} className="rounded-full bg-stone-100 px-2 py-1">
                      {t(ROLE_KEYS[role.kind]!)}: {role.name}
                      {role.role ? ` (${t(`account.role.${role.role}` as MessageKey)})` : ""}
                    </li>
                  ))}
                </ul>
              ) : null}
              {user.suspendedAt ? (
                <p className="rounded-lg bg-red-50 p-2 text-sm text-red-800">
                  {t("adm.suspended_since", { time: formatDateTime(user.suspendedAt, lang) })}:{" "}
                  {user.suspendReason}
                </p>
              ) : null}
              {user.isAdmin ? null : (
                <div className="space-y-2">
                  <FormProblems result={result} intent="reset" target={user.id} />
                  <FormProblems result={result} intent="unsuspend" target={user.id} />
                  <div className="flex flex-wrap gap-2">
                    <Form method="post">
                      <input type="hidden" name="userId" value={user.id} />
                      <button type="submit" name="intent" value="reset" className="btn-secondary">
                        {t("adm.reset_button")}
                      </button>
                    </Form>
                    {user.suspendedAt ? (
                      <Form method="post">
                        <input type="hidden" name="userId" value={user.id} />
                        <button type="submit" name="intent" value="unsuspend" className="btn-secondary">
                          {t("adm.unsuspend_button")}
                        </button>
                      </Form>
                    ) : null}
                  </div>
                  {user.suspendedAt ? null : (
                    <details>
                      <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-red-800">
                        {t("adm.suspend_button")}
                      </summary>
                      <Form method="post" className="mt-2 space-y-2">
                        <input type="hidden" name="userId" value={user.id} />
                        <FormProblems result={result} intent="suspend" target={user.id} />
                        <label htmlFor={`reason-${user.id}`} className="block font-medium">
                          {t("adm.suspend_reason")}
                        </label>
                        <textarea
                          id={`reason-${user.id}`}
                          name="reason"
                          required
                          minLength={5}
                          maxLength={300}
                          rows={2}
                          className="field-input"
                        />
                        <button type="submit" name="intent" value="suspend" className="btn-danger">
                          {t("adm.suspend_confirm")}
                        </button>
                      </Form>
                    </details>
                  )}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {pages > 1 ? (
        <nav aria-label={t("adm.pages")} className="flex items-center justify-between">
          {page > 1 ? (
            <Link to={pageLink(page - 1)} className="link inline-flex min-h-11 items-center">
              ← {t("adm.previous")}
            </Link>
          ) : (
            <span />
          )}
          <span className="text-sm text-stone-600">{t("adm.page_of", { page, pages })}</span>
          {page < pages ? (
            <Link to={pageLink(page + 1)} className="link inline-flex min-h-11 items-center">
              {t("adm.next")} →
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
