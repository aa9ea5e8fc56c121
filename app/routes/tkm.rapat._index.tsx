import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireTkmOfficer } from "~/.server/auth/guards";
import { openFollowUps, teamMeetings } from "~/.server/meetings/meetings";
import { AgendaList } from "~/components/meetings";
import { useLang, useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { formatDate } from "~/utils/time";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "meet.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const { team } = await requireTkmOfficer(request);
  const tenant = { teamId: team.id, areaPath: team.areaPath };
  const [meetings, agenda] = await Promise.all([teamMeetings(tenant), openFollowUps(team.id)]);
  return { team, meetings, agenda };
}

export default function Meetings() {
  const t = useT();
  const lang = useLang();
  const { team, meetings, agenda } = useLoaderData<typeof loader>();
  const overdue = agenda.filter((item) => item.overdue).length;
  return (
    <div className="space-y-4">
      <Link to="/tkm" className="link inline-flex min-h-11 items-center">
        ← {t("tkm.back")}
      </Link>
      <header>
        <h1 className="text-2xl font-bold">{t("meet.title")}</h1>
        <p className="text-stone-600">{t("meet.intro", { team: team.name })}</p>
        <p className="flex flex-wrap gap-2 pt-2">
          <Link to="/tkm/rapat/baru" className="btn-primary">
            {t("meet.new")}
          </Link>
          <Link to="/tkm/lembaga" className="btn-secondary">
            {t("inst.title")}
          </Link>
        </p>
      </header>

      <section aria-labelledby="agenda" className="space-y-2">
        <h2 id="agenda" className="text-xl font-bold">
          {t("meet.agenda")}
        </h2>
        {agenda.length > 0 ? (
          <p className="text-stone-600">
            {t("meet.agenda_count", { count: agenda.length })}
            {overdue > 0 ? ` · ${t("meet.overdue_count", { count: overdue })}` : ""}
          </p>
        ) : null}
        <AgendaList items={agenda} />
      </section>

      <section aria-labelledby="meetings" className="space-y-2">
        <h2 id="meetings" className="text-xl font-bold">
          {t("meet.list")}
        </h2>
        {meetings.length === 0 ? (
          <p className="card text-stone-600">{t("meet.none")}</p>
        ) : (
          <ol className="space-y-2">
            {meetings.map((meeting) => (
              <li key={meeting.id} className="card space-y-1">
                <Link to={`/tkm/rapat/${meeting.id}`} className="link font-bold">
                  {t("meet.meeting_on", { date: formatDate(meeting.heldAt, lang) })}
                </Link>
                <p className="text-sm text-stone-600">
                  {[
                    meeting.place,
                    t("meet.attendee_count", { count: meeting.attendeeCount }),
                    t("meet.decision_count", { count: meeting._count.decisions }),
                    t("meet.followup_count", { count: meeting._count.followUps }),
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </p>
                {meeting.openFollowUps > 0 ? (
                  <p className="text-sm">{t("meet.still_open", { count: meeting.openFollowUps })}</p>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
