import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireGroupManager } from "~/.server/auth/guards";
import { groupInbox } from "~/.server/matching/quotes";
import { MatchReasons, QUOTE_STATUS_KEYS, REQUEST_STATE_KEYS } from "~/components/request-summary";
import { useLang, useT } from "~/utils/i18n";
import { BUSINESS_KIND_KEYS, UNIT_KEYS } from "~/utils/labels";
import { pageTitle } from "~/utils/meta";
import { formatDate } from "~/utils/time";

// The group's "Permintaan" inbox: requests for quotes it was sent to.

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "inbox.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const { group } = await requireGroupManager(request);
  return { inbox: await groupInbox({ groupId: group.id }) };
}

type Row = Awaited<ReturnType<typeof groupInbox>>["new"][number];

function InboxRow({ row }: { row: Row }) {
  const t = useT();
  const lang = useLang();
  return (
    <li className={`card space-y-1 p-3 ${row.unseen && row.section === "new" ? "border-brand-600" : ""}`}>
      <Link
        to={`/kelola/permintaan/${row.number}`}
        className="inline-flex min-h-11 items-center text-lg font-bold hover:underline"
      >
        {row.title}
      </Link>
      <p className="text-sm">
        {row.unseen && row.section === "new" ? (
          <span className="mr-2 rounded-full bg-brand-700 px-2 text-xs text-white">
            {t("inbox.new_badge")}
          </span>
        ) : null}
        {row.quantity} {t(UNIT_KEYS[row.unit])} ·{" "}
        {t("inbox.needed_by", { date: formatDate(row.neededBy, lang) })}
      </p>
      <p className="text-sm text-stone-600">
        {row.business.name} · {t(BUSINESS_KIND_KEYS[row.business.kind])} · {row.business.village.name}
      </p>
      <p className="text-sm">
        <MatchReasons reasons={row.reasons} />
      </p>
      <p className="flex flex-wrap gap-x-3 text-sm">
        <span>{t(REQUEST_STATE_KEYS[row.state] ?? "quote.request_state.OPEN")}</span>
        {row.quoteStatus ? (
          <span>{t("inbox.your_quote", { status: t(QUOTE_STATUS_KEYS[row.quoteStatus]!) })}</span>
        ) : null}
        {row.declined ? <span>{t("inbox.declined")}</span> : null}
        {row.unread > 0 ? (
          <span className="rounded-full bg-brand-700 px-2 text-xs text-white">
            {t("inbox.unread_n", { count: row.unread })}
          </span>
        ) : null}
      </p>
    </li>
  );
}

function Section({ id, title, rows, empty }: { id: string; title: string; rows: Row[]; empty: string }) {
  return (
    <section aria-labelledby={id} className="space-y-2">
      <h2 id={id} className="text-xl font-bold">
        {title} ({rows.length})
      </h2>
      {rows.length === 0 ? (
        <p className="text-stone-600">{empty}</p>
      ) : (
        <ul className="space-y-2">
          {rows.map((row) => (
            <InboxRow key={row.number} row={row} />
          ))}
        </ul>
      )}
    </section>
  );
}

export default function GroupInbox() {
  const t = useT();
  const { inbox } = useLoaderData<typeof loader>();
  const nothing = inbox.new.length + inbox.quoted.length + inbox.closed.length === 0;
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">{t("inbox.title")}</h1>
        <p className="text-stone-600">{t("inbox.lead")}</p>
      </header>
      {nothing ? (
        <div className="card space-y-2">
          <p className="font-medium">{t("inbox.empty_title")}</p>
          <p className="text-stone-600">{t("inbox.empty_body")}</p>
          <Link to="/kelola/profil" className="link inline-flex min-h-11 items-center">
            {t("inbox.empty_profile_link")}
          </Link>
        </div>
      ) : (
        <>
          <Section
            id="inbox-new"
            title={t("inbox.section_new")}
            rows={inbox.new}
            empty={t("inbox.section_new_empty")}
          />
          <Section
            id="inbox-quoted"
            title={t("inbox.section_quoted")}
            rows={inbox.quoted}
            empty={t("inbox.section_quoted_empty")}
          />
          <Section
            id="inbox-closed"
            title={t("inbox.section_closed")}
            rows={inbox.closed}
            empty={t("inbox.section_closed_empty")}
          />
        </>
      )}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
