import { audit } from "../audit/audit";
import { db, type Tx } from "../db/client";
import { lockRow } from "../db/locks";
import type { DomainRefusal } from "../http/refusal";
import { wibDateKey, wibNoon } from "~/utils/delivery";

// TKM's routine meetings (rapat rutin): the date, who came, the notes, what was decided, and the
// follow-ups — each with an owner and a due date, maybe about one group — that stay on the agenda of
// the next meetings until one of them marks it done, with a note. The minutes (notulen) are printed.

/** The team: its meetings are its own; groups named in follow-ups lie inside its area. */
export type TeamTenant = { teamId: string; areaPath: string };

type Refusal = { ok: false } & DomainRefusal;

const EARLIEST_DAY = "2000-01-01";
const WEEK = 7 * 24 * 60 * 60 * 1000;

export type NewFollowUp = { text: string; owner: string; dueOn: string; groupId: string | null };

export type MeetingInput = {
  formKey: string;
  date: string;
  place: string;
  attendees: string[];
  notes: string;
  decisions: string[];
  followUps: NewFollowUp[];
  /** Earlier follow-ups marked done at this meeting, each with what was done. */
  closed: { followUpId: string; note: string }[];
};

/** Lines a person typed, one item per line: trimmed, blank lines dropped. */
export function typedLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim().replace(/\s+/g, " "))
    .filter((line) => line !== "");
}

function meetingProblem(input: MeetingInput, now: Date): Refusal | null {
  if (!wibNoon(input.date) || input.date < EARLIEST_DAY) {
    return { ok: false, key: "form.date_invalid", field: "date" };
  }
  if (input.date > wibDateKey(now)) return { ok: false, key: "meet.date_future", field: "date" };
  if (input.attendees.length === 0) return { ok: false, key: "meet.attendees_required", field: "attendees" };
  // The form's schema puts these on their rows; here they guard every other caller.
  for (const followUp of input.followUps) {
    if (!followUp.text.trim() || !followUp.owner.trim())
      return { ok: false, key: "meet.followup_incomplete" };
    if (!wibNoon(followUp.dueOn)) return { ok: false, key: "form.date_invalid" };
    if (followUp.dueOn < input.date) return { ok: false, key: "meet.due_before_meeting" };
  }
  const ids = input.closed.map((closed) => closed.followUpId);
  if (new Set(ids).size !== ids.length) return { ok: false, key: "meet.followup_unknown" };
  if (input.closed.some((closed) => closed.note.trim().length < 2)) {
    return { ok: false, key: "meet.done_note_required" };
  }
  return null;
}

/**
 * Records a meeting of the team: its decisions and new follow-ups, and the earlier follow-ups it
 * closed, in one transaction with its audit event. A group outside the area, or a follow-up of
 * another team, is "not found"; one already closed (by another officer meanwhile) is refused. The
 * team's row is locked first, so a form sent twice is one meeting even when both arrive at once.
 */
export async function recordMeeting(
  tenant: TeamTenant,
  actorId: string,
  input: MeetingInput,
  now = new Date(),
): Promise<{ ok: true; id: string; duplicate: boolean } | Refusal> {
  const problem = meetingProblem(input, now);
  if (problem) return problem;
  const groupIds = [...new Set(input.followUps.map((f) => f.groupId).filter((id): id is string => !!id))];
  return db.$transaction(async (tx) => {
    if (!(await lockRow(tx, "TkmTeam", { id: tenant.teamId }))) {
      return { ok: false, key: "meet.not_found", notFound: true };
    }
    const earlier = await tx.auditEvent.findFirst({
      where: {
        entityType: "TkmMeeting",
        action: "meeting.record",
        createdAt: { gte: new Date(now.getTime() - WEEK) },
        data: { contains: `"formKey":"${input.formKey}"` },
      },
      select: { entityId: true },
    });
    if (earlier) return { ok: true, id: earlier.entityId, duplicate: true };
    if (groupIds.length > 0) {
      const inside = await tx.group.count({
        where: { id: { in: groupIds }, village: { path: { startsWith: tenant.areaPath } } },
      });
      if (inside !== groupIds.length) return { ok: false, key: "meet.not_found", notFound: true };
    }
    const closing = await closableFollowUps(
      tx,
      tenant,
      input.closed.map((c) => c.followUpId),
    );
    if (closing.length !== input.closed.length) return { ok: false, key: "meet.not_found", notFound: true };
    if (closing.some((followUp) => followUp.doneAt !== null)) {
      return { ok: false, key: "meet.already_done" };
    }
    const meeting = await tx.tkmMeeting.create({
      data: {
        teamId: tenant.teamId,
        heldAt: wibNoon(input.date) as Date,
        place: input.place.trim(),
        attendees: input.attendees.join("\n"),
        attendeeCount: input.attendees.length,
        notes: input.notes.trim(),
        recordedById: actorId,
        createdAt: now,
        decisions: { create: input.decisions.map((text, sortOrder) => ({ text, sortOrder })) },
        followUps: {
          create: input.followUps.map((followUp) => ({
            text: followUp.text.trim(),
            owner: followUp.owner.trim(),
            dueOn: wibNoon(followUp.dueOn) as Date,
            groupId: followUp.groupId,
          })),
        },
      },
      select: { id: true },
    });
    for (const closed of input.closed) {
      await tx.followUp.update({
        where: { id: closed.followUpId },
        data: { doneAt: now, doneNote: closed.note.trim() },
        select: { id: true },
      });
    }
    await audit(tx, {
      actorId,
      action: "meeting.record",
      entityType: "TkmMeeting",
      entityId: meeting.id,
      data: {
        formKey: input.formKey,
        teamId: tenant.teamId,
        date: input.date,
        attendeeCount: input.attendees.length,
        decisions: input.decisions.length,
        followUps: input.followUps.length,
        closed: input.closed.map((c) => ({ id: c.followUpId, note: c.note.trim() })),
      },
    });
    return { ok: true, id: meeting.id, duplicate: false };
  });
}

function closableFollowUps(tx: Tx, tenant: TeamTenant, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return tx.followUp.findMany({
    where: { id: { in: ids }, meeting: { teamId: tenant.teamId } },
    select: { id: true, doneAt: true },
  });
}

/**
 * The team's open follow-ups, the next meeting's agenda: the earliest due first, each with the
 * meeting that decided it, the group it is about, and whether its due date has passed (WIB).
 */
export async function openFollowUps(teamId: string, now = new Date()) {
  const rows = await db.followUp.findMany({
    where: { doneAt: null, meeting: { teamId } },
    select: {
      id: true,
      text: true,
      owner: true,
      dueOn: true,
      group: { select: { id: true, name: true } },
      meeting: { select: { id: true, heldAt: true } },
    },
    orderBy: [{ dueOn: "asc" }, { id: "asc" }],
  });
  const today = wibDateKey(now);
  return rows.map((row) => ({ ...row, overdue: wibDateKey(row.dueOn) < today }));
}

export type OpenFollowUp = Awaited<ReturnType<typeof openFollowUps>>[number];

/** The team's meetings, newest first, with how much each decided and how much is still open. */
export async function teamMeetings(tenant: TeamTenant) {
  const meetings = await db.tkmMeeting.findMany({
    where: { teamId: tenant.teamId },
    select: {
      id: true,
      heldAt: true,
      place: true,
      attendeeCount: true,
      _count: { select: { decisions: true, followUps: true } },
    },
    orderBy: [{ heldAt: "desc" }, { createdAt: "desc" }],
  });
  const open = await db.followUp.groupBy({
    by: ["meetingId"],
    where: { doneAt: null, meeting: { teamId: tenant.teamId } },
    _count: true,
  });
  const openOf = new Map(open.map((row) => [row.meetingId, row._count]));
  return meetings.map((meeting) => ({ ...meeting, openFollowUps: openOf.get(meeting.id) ?? 0 }));
}

/**
 * A meeting's minutes (notulen): who came, the notes, the decisions, the follow-ups it set (with
 * what became of them) and the earlier ones it closed. Another team's meeting is null.
 */
export async function meetingMinutes(tenant: TeamTenant, meetingId: string) {
  const meeting = await db.tkmMeeting.findFirst({
    where: { id: meetingId, teamId: tenant.teamId },
    select: {
      id: true,
      heldAt: true,
      place: true,
      attendees: true,
      attendeeCount: true,
      notes: true,
      createdAt: true,
      team: { select: { name: true, area: { select: { name: true } } } },
      recordedBy: { select: { name: true } },
      decisions: { select: { id: true, text: true }, orderBy: { sortOrder: "asc" } },
      followUps: {
        select: {
          id: true,
          text: true,
          owner: true,
          dueOn: true,
          doneAt: true,
          doneNote: true,
          group: { select: { name: true } },
        },
        orderBy: [{ dueOn: "asc" }, { id: "asc" }],
      },
    },
  });
  if (!meeting) return null;
  const recorded = await db.auditEvent.findFirst({
    where: { entityType: "TkmMeeting", entityId: meeting.id, action: "meeting.record" },
    select: { data: true },
  });
  const closedIds = closedAt(recorded?.data);
  const closed = closedIds.length
    ? await db.followUp.findMany({
        where: { id: { in: closedIds }, meeting: { teamId: tenant.teamId } },
        select: {
          id: true,
          text: true,
          owner: true,
          dueOn: true,
          doneNote: true,
          group: { select: { name: true } },
          meeting: { select: { id: true, heldAt: true } },
        },
        orderBy: [{ dueOn: "asc" }, { id: "asc" }],
      })
    : [];
  return { ...meeting, attendeeList: typedLines(meeting.attendees), closed };
}

/** The ids of the follow-ups a meeting closed, as its audit event recorded them. */
function closedAt(data: string | undefined): string[] {
  if (!data) return [];
  try {
    const parsed: unknown = JSON.parse(data);
    if (!parsed || typeof parsed !== "object" || !("closed" in parsed) || !Array.isArray(parsed.closed))
      return [];
    return parsed.closed
      .map((item: unknown) => (item && typeof item === "object" && "id" in item ? item.id : null))
      .filter((id): id is string => typeof id === "string");
  } catch {
    return [];
  }
}
