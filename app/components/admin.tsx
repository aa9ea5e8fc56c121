import { NavLink } from "@remix-run/react";
import type { ReactNode } from "react";
import { allErrors, FormErrors } from "~/components/forms";
import type { MessageKey, MessageParams } from "~/locales";
import { useLang, useT } from "~/utils/i18n";
import { formatDateTime } from "~/utils/time";

/** What an admin action answered (see app/.server/http/admin-reply.ts), as the page receives it. */
export type AdminResult =
  | {
      intent: string;
      target: string | null;
      reply: unknown;
      done: { key: MessageKey; params?: MessageParams } | null;
      code: { value: string; name: string; expiresAt: string } | null;
    }
  | undefined;

/** The errors of the form that was sent, if it is this one. */
export function errorsFor(result: AdminResult, intent: string, target: string | null = null) {
  if (!result || result.intent !== intent || result.target !== target) return null;
  return allErrors(result.reply as { error?: Record<string, string[] | null> } | undefined);
}

export function FormProblems({
  result,
  intent,
  target = null,
}: {
  result: AdminResult;
  intent: string;
  target?: string | null;
}) {
  return <FormErrors errors={errorsFor(result, intent, target)} />;
}

/** The green line that says what was done, and a one-time code when one was made. */
export function AdminNotice({ result }: { result: AdminResult }) {
  const t = useT();
  const lang = useLang();
  if (!result?.done) return null;
  return (
    <div role="status" className="rounded-lg border border-green-300 bg-green-50 p-3 text-green-900">
      <p>{t(result.done.key, result.done.params)}</p>
      {result.code ? (
        <p className="mt-2">
          {t("adm.code_for", { name: result.code.name })}{" "}
          <strong className="font-mono text-xl tracking-widest">{result.code.value}</strong>
          <br />
          <span className="text-sm">
            {t("adm.code_until", { time: formatDateTime(result.code.expiresAt, lang) })}
          </span>
        </p>
      ) : null}
    </div>
  );
}

const subNavClass = ({ isActive }: { isActive: boolean }) =>
  `inline-flex min-h-11 items-center rounded-lg px-3 text-sm font-medium ${
    isActive ? "bg-brand-100 text-brand-800" : "text-stone-700 hover:bg-stone-100"
  }`;

export function AdminNav() {
  const t = useT();
  const links: [string, MessageKey][] = [
    ["/admin", "adm.overview"],
    ["/admin/wilayah", "adm.areas"],
    ["/admin/kategori", "adm.categories"],
    ["/admin/tkm", "adm.teams"],
    ["/admin/desa", "adm.officials"],
    ["/admin/pengguna", "adm.users"],
    ["/admin/audit", "adm.audit"],
  ];
  return (
    <nav aria-label={t("adm.nav")} className="-mx-1 flex gap-1 overflow-x-auto whitespace-nowrap">
      {links.map(([to, key]) => (
        <NavLink key={to} to={to} end={to === "/admin"} className={subNavClass}>
          {t(key)}
        </NavLink>
      ))}
    </nav>
  );
}

export function AdminSection({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="card space-y-3">
      <h2 id={id} className="text-lg font-bold">
        {title}
      </h2>
      {children}
    </section>
  );
}
