import { calendarDate } from "./fields";
import { z } from "./zod";

// The meeting form: attendees and decisions one per line; a few rows for new follow-ups (a row
// left blank is no follow-up; a row half filled is asked to be completed); the agenda's open
// follow-ups, each with a box to mark it done and what was done. The domain
// (app/.server/meetings) checks the team, the area and the dates again.

const formKey = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, "book.form_expired");
const optionalId = z
  .string()
  .regex(/^[A-Za-z0-9]{1,64}$/, "form.choose_one")
  .optional();

/** How many rows for new follow-ups the form offers (enough for one meeting; it works without JavaScript). */
export const NEW_FOLLOW_UP_ROWS = 5;

const FollowUpRow = z
  .object({
    text: z.string().trim().max(300, "form.too_long").default(""),
    owner: z.string().trim().max(80, "form.too_long").default(""),
    dueOn: z.string().trim().default(""),
    groupId: optionalId,
  })
  .superRefine((row, ctx) => {
    const filled = row.text !== "" || row.owner !== "" || row.dueOn !== "";
    if (!filled) return;
    if (row.text === "") ctx.addIssue({ code: "custom", path: ["text"], message: "form.required" });
    if (row.owner === "") ctx.addIssue({ code: "custom", path: ["owner"], message: "meet.owner_required" });
    if (row.dueOn === "") ctx.addIssue({ code: "custom", path: ["dueOn"], message: "meet.due_required" });
    else if (!calendarDate().safeParse(row.dueOn).success) {
      ctx.addIssue({ code: "custom", path: ["dueOn"], message: "form.date_invalid" });
    }
  });

const AgendaRow = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9]{1,64}$/, "meet.followup_unknown"),
    done: z.literal("on").optional(),
    note: z.string().trim().max(300, "form.too_long").default(""),
  })
  .superRefine((row, ctx) => {
    if (row.done && row.note.length < 2) {
      ctx.addIssue({ code: "custom", path: ["note"], message: "meet.done_note_required" });
    }
  });

export const MeetingSchema = z
  .object({
    formKey,
    date: z.string({ error: "form.required" }).pipe(calendarDate()),
    place: z.string().trim().max(120, "form.too_long").default(""),
    attendees: z
      .string({ error: "meet.attendees_required" })
      .max(5_000, "form.too_long")
      .refine((text) => text.trim() !== "", "meet.attendees_required"),
    notes: z.string().trim().max(5_000, "form.too_long").default(""),
    decisions: z.string().max(5_000, "form.too_long").default(""),
    followUps: z.array(FollowUpRow).max(NEW_FOLLOW_UP_ROWS, "form.too_long").default([]),
    agenda: z.array(AgendaRow).max(200).default([]),
  })
  .superRefine((meeting, ctx) => {
    // Dates as "YYYY-MM-DD" compare as text; a follow-up is due on or after the meeting.
    meeting.followUps.forEach((row, index) => {
      if (row.dueOn !== "" && row.dueOn < meeting.date) {
        ctx.addIssue({
          code: "custom",
          path: ["followUps", index, "dueOn"],
          message: "meet.due_before_meeting",
        });
      }
    });
  });
