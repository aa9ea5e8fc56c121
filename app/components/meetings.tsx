import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useLang, useT } from "~/utils/i18n";
import { formatDate } from "~/utils/time";

export type AgendaItem = {
  id: string;
  text: string;
  owner: string;
  dueOn: Date | string;
  overdue: boolean;
  group: { id: string; name: string } | null;
  meeting: { id: string; heldAt: Date | string };
};

/**
 * The open follow-ups of the team's earlier meetings, earliest due first, overdue ones marked in
 * words (not colour alone). `extra` adds a row's form fields (the meeting form's "done" box).
 */
export function AgendaList({
  items,
  extra,
}: {
  items: AgendaItem[];
  extra?: (item: AgendaItem, index: number) => ReactNode;
}) {
  const t = useT();
  const lang = useLang();
  if (items.length === 0) return <p className="card text-stone-600">{t("meet.agenda_empty")}</p>;
  return (
    <ol className="space-y-2">
      {items.map((item, index) => (
        <li key={item.id} className={`card space-y-1 ${item.overdue ? "border-l-4 border-l-red-600" : ""}`}>
          <p className="font-medium">{item.text}</p>
          <p className="text-sm text-stone-600">
            {t("meet.owner_is", { owner: item.owner })} ·{" "}
            <span className={item.overdue ? "font-semibold text-red-700" : undefined}>
              {t(item.overdue ? "meet.overdue_since" : "meet.due_on", { date: formatDate(item.dueOn, lang) })}
            </span>
            {item.group ? ` · ${item.group.name}` : ""}
          </p>
          <p className="text-sm">
            <Link to={`/tkm/rapat/${item.meeting.id}`} className="link">
              {t("meet.from_meeting", { date: formatDate(item.meeting.heldAt, lang) })}
            </Link>
          </p>
          {extra ? extra(item, index) : null}
        </li>
      ))}
    </ol>
  );
}
