import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireTkmOfficer } from "~/.server/auth/guards";
import { invariantResponse } from "~/.server/http/responses";
import { meetingMinutes } from "~/.server/meetings/meetings";
import printCss from "~/styles/minutes-print.css?url";
import { useLang, useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { formatDate, formatDateTime } from "~/utils/time";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "meet.minutes");

export const links: LinksFunction = () => [{ rel: "stylesheet", href: printCss, media: "print" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { team } = await requireTkmOfficer(request);
  // Another team's meeting is answered exactly like one that does not exist.
  const minutes = await meetingMinutes({ teamId: team.id, areaPath: team.areaPath }, params.id ?? "");
  invariantResponse(minutes);
  const saved = new URL(request.url).searchParams.get("tersimpan");
  return {
    minutes,
    saved: saved === "rapat" || saved === "sama" ? saved : null,
    printedAt: new Date().toISOString(),
  };
}

/** The minutes of a meeting (notulen rapat), to read on a phone or to print and sign. */
export default function MeetingMinutes() {
  const t = useT();
  const lang = useLang();
  const { minutes, saved, printedAt } = useLoaderData<typeof loader>();
  return (
    <div className="minutes space-y-4">
      <nav className="flex flex-wrap gap-x-4 print:hidden" aria-label={t("meet.minutes")}>
        <Link to="/tkm/rapat" className="link inline-flex min-h-11 items-center">
          ← {t("meet.back")}
        </Link>
      </nav>
      {saved ? (
        <p
          role="status"
          className="rounded-lg border border-brand-600 bg-brand-50 p-3 text-brand-800 print:hidden"
        >
          {t(saved === "sama" ? "meet.saved_duplicate" : "meet.saved")}
        </p>
      ) : null}
      <header className="space-y-1">
        <p className="text-sm text-stone-600">
          {minutes.team.name} · {minutes.team.area.name}
        </p>
        <h1 className="text-2xl font-bold">
          {t("meet.minutes_title", { date: formatDate(minutes.heldAt, lang) })}
        </h1>
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-sm">
          <dt className="text-stone-600">{t("meet.date")}</dt>
          <dd>{formatDate(minutes.heldAt, lang)}</dd>
          {minutes.place ? (
            <>
              <dt className="text-stone-600">{t("meet.place")}</dt>
              <dd>{minutes.place}</dd>
            </>
          ) : null}
          <dt className="text-stone-600">{t("meet.recorded_by")}</dt>
          <dd>{minutes.recordedBy?.name ?? "—"}</dd>
        </dl>
        <p className="print:hidden">
          <button type="button" className="btn-secondary" onClick={() => window.print()}>
            {t("meet.print")}
          </button>
        </p>
      </header>

      <section aria-labelledby="attendees" className="card space-y-1">
        <h2 id="attendees" className="font-bold">
          {t("meet.attendees_n", { count: minutes.attendeeCount })}
        </h2>
        <ol className="list-decimal pl-6">
          {minutes.attendeeList.map((name, index) => (
            <li key={`${index}-${name}`}>{name}</li>
          ))}
        </ol>
      </section>

      {minutes.notes ? (
        <section aria-labelledby="notes" className="card space-y-1">
          <h2 id="notes" className="font-bold">
            {t("meet.notes")}
          </h2>
          <p className="whitespace-pre-line">{minutes.notes}</p>
        </section>
      ) : null}

      <section aria-labelledby="decisions" className="card space-y-1">
        <h2 id="decisions" className="font-bold">
          {t("meet.decisions")}
        </h2>
        {minutes.decisions.length === 0 ? (
          <p className="text-stone-600">{t("meet.no_decisions")}</p>
        ) : (
          <ol className="list-decimal pl-6">
            {minutes.decisions.map((decision) => (
              <li key={decision.id}>{decision.text}</li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="followups" className="card space-y-1">
        <h2 id="followups" className="font-bold">
          {t("meet.followups_set")}
        </h2>
        {minutes.followUps.length === 0 ? (
          <p className="text-stone-600">{t("meet.no_followups")}</p>
        ) : (
          <ol className="space-y-2">
            {minutes.followUps.map((followUp) => (
              <li key={followUp.id} className="border-b border-stone-100 pb-2">
                <p className="font-medium">{followUp.text}</p>
                <p className="text-sm text-stone-600">
                  {t("meet.owner_is", { owner: followUp.owner })} ·{" "}
                  {t("meet.due_on", { date: formatDate(followUp.dueOn, lang) })}
                  {followUp.group ? ` · ${followUp.group.name}` : ""}
                </p>
                <p className="text-sm">
                  {followUp.doneAt
                    ? t("meet.done_on", { date: formatDate(followUp.doneAt, lang), note: followUp.doneNote })
                    : t("meet.still_open_one")}
                </p>
              </li>
            ))}
          </ol>
        )}
      </section>

      {minutes.closed.length > 0 ? (
        <section aria-labelledby="closed" className="card space-y-1">
          <h2 id="closed" className="font-bold">
            {t("meet.closed_here")}
          </h2>
          <ol className="space-y-2">
            {minutes.closed.map((followUp) => (
              <li key={followUp.id} className="border-b border-stone-100 pb-2">
                <p className="font-medium">{followUp.text}</p>
                <p className="text-sm text-stone-600">
                  {t("meet.owner_is", { owner: followUp.owner })} ·{" "}
                  {t("meet.from_meeting", { date: formatDate(followUp.meeting.heldAt, lang) })}
                </p>
                <p className="text-sm">{followUp.doneNote}</p>
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      <footer className="hidden grid-cols-2 gap-8 pt-10 text-sm print:grid">
        <p>
          {t("meet.sign_chair")}
          <br />
          <br />
          <br />( ............................ )
        </p>
        <p>
          {t("meet.sign_secretary")}
          <br />
          <br />
          <br />( ............................ )
        </p>
      </footer>
      <p className="text-xs text-stone-500">
        {t("meet.printed_at", { when: formatDateTime(printedAt, lang) })}
      </p>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
