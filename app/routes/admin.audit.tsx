import { parseWithZod } from "@conform-to/zod/v4";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { searchAuditLog } from "~/.server/admin/audit-log";
import { requireAdmin } from "~/.server/auth/guards";
import { allErrors, FormErrors } from "~/components/forms";
import { AuditSearchSchema } from "~/forms/admin";
import { useLang, useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { formatDateTime } from "~/utils/time";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "adm.audit_title");

const FIELDS = ["action", "entityType", "entityId", "actor", "group", "from", "to"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const url = new URL(request.url);
  const submission = parseWithZod(url.searchParams, { schema: AuditSearchSchema });
  const typed = Object.fromEntries(FIELDS.map((f) => [f, url.searchParams.get(f) ?? ""]));
  if (submission.status !== "success") {
    return { typed, errors: allErrors(submission.reply()), events: [], next: null };
  }
  const found = await searchAuditLog(submission.value);
  return {
    typed,
    errors: null,
    events: found.events.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() })),
    next: found.next,
  };
}

export default function AdminAudit() {
  const t = useT();
  const lang = useLang();
  const { typed, errors, events, next } = useLoaderData<typeof loader>();
  const nextLink = next
    ? `/admin/audit?${new URLSearchParams({ ...Object.fromEntries(Object.entries(typed).filter(([, v]) => v)), before: next }).toString()}`
    : null;
  const label = (f: (typeof FIELDS)[number]) => t(`adm.audit_${f}` as const);
  return (
    <div className="space-y-4">
      <header>
        <h1 className="text-2xl font-bold">{t("adm.audit_title")}</h1>
        <p className="text-stone-600">{t("adm.audit_intro")}</p>
      </header>
      <Form method="get" className="card space-y-3" role="search">
        <FormErrors errors={errors} />
        <div className="grid gap-3 sm:grid-cols-2">
          {FIELDS.map((f) => (
            <div key={f} className="space-y-1">
              <label htmlFor={`audit-${f}`} className="block font-medium">
                {label(f)}
              </label>
              <input
                id={`audit-${f}`}
                name={f}
                type={f === "from" || f === "to" ? "date" : "text"}
                defaultValue={typed[f]}
                className="field-input"
                maxLength={100}
              />
            </div>
          ))}
        </div>
        <p className="text-sm text-stone-500">{t("adm.audit_hint")}</p>
        <button type="submit" className="btn-primary">
          {t("adm.search")}
        </button>
      </Form>
      {events.length === 0 ? (
        <p className="card text-stone-600">{t("adm.audit_none")}</p>
      ) : (
        <ol className="space-y-2">
          {events.map((e) => (
            <li key={e.id} className="card space-y-1 text-sm">
              <div className="flex flex-wrap justify-between gap-x-2">
                <span className="font-mono font-bold break-all">{e.action}</span>
                <time dateTime={e.createdAt} className="text-stone-500">
                  {formatDateTime(e.createdAt, lang)}
                </time>
              </div>
              <p className="break-all">
                {e.entityType} <span className="font-mono text-stone-600">{e.entityId}</span>
              </p>
              <p className="text-stone-600">
                {t("adm.audit_by", { name: e.actor?.name ?? t("adm.audit_system") })}
                {e.groupId ? ` · ${t("adm.audit_group_id")} ${e.groupId}` : ""}
                {e.businessId ? ` · ${t("adm.audit_business_id")} ${e.businessId}` : ""}
              </p>
              {e.data && e.data !== "{}" ? (
                <pre className="overflow-x-auto whitespace-pre-wrap break-all rounded bg-stone-50 p-2 text-xs">
                  {e.data}
                </pre>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {nextLink ? (
        <Link to={nextLink} className="link inline-flex min-h-11 items-center">
          {t("adm.audit_older")} →
        </Link>
      ) : null}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
