import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireTkmOfficer } from "~/.server/auth/guards";
import { readForm } from "~/.server/http/form";
import { getLang } from "~/.server/http/lang";
import { refusalResponse } from "~/.server/http/refusal";
import { areaGroups } from "~/.server/institutions/institutions";
import { openFollowUps, recordMeeting, typedLines } from "~/.server/meetings/meetings";
import { newIdempotencyKey } from "~/.server/payments/record";
import { Field, FieldErrors, FormErrors } from "~/components/forms";
import { AgendaList } from "~/components/meetings";
import { MeetingSchema, NEW_FOLLOW_UP_ROWS } from "~/forms/meetings";
import { wibDateKey } from "~/utils/delivery";
import { useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "meet.new");

export async function loader({ request }: LoaderFunctionArgs) {
  const { team } = await requireTkmOfficer(request);
  const [agenda, groups] = await Promise.all([
    openFollowUps(team.id),
    areaGroups({ areaPath: team.areaPath }),
  ]);
  return { team, agenda, groups, formKey: newIdempotencyKey(), today: wibDateKey(new Date()) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { viewer, team } = await requireTkmOfficer(request);
  const submission = parseWithZod(await readForm(request), { schema: MeetingSchema });
  if (submission.status !== "success") return Response.json(submission.reply(), { status: 400 });
  const value = submission.value;
  const result = await recordMeeting({ teamId: team.id, areaPath: team.areaPath }, viewer.id, {
    formKey: value.formKey,
    date: value.date,
    place: value.place,
    attendees: typedLines(value.attendees),
    notes: value.notes,
    decisions: typedLines(value.decisions),
    followUps: value.followUps
      .filter((row) => row.text !== "")
      .map((row) => ({ text: row.text, owner: row.owner, dueOn: row.dueOn, groupId: row.groupId ?? null })),
    closed: value.agenda.filter((row) => row.done).map((row) => ({ followUpId: row.id, note: row.note })),
  });
  if (!result.ok) return refusalResponse(submission.reply, result, await getLang(request));
  return redirect(`/tkm/rapat/${result.id}?tersimpan=${result.duplicate ? "sama" : "rapat"}`);
}

type Reply = { initialValue?: Record<string, unknown> | null; error?: Record<string, string[] | null> };

/** What was typed at a nested name ("followUps", 0, "text") before the server refused the form. */
function typedAt(reply: Reply | undefined, ...path: (string | number)[]): string | undefined {
  let value: unknown = reply?.initialValue;
  for (const step of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string | number, unknown>)[step];
  }
  return typeof value === "string" ? value : undefined;
}

export default function NewMeeting() {
  const t = useT();
  const { agenda, groups, formKey, today } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>() as Reply | undefined;
  const busy = useNavigation().state === "submitting";
  const errors = lastResult?.error ?? {};
  return (
    <div className="space-y-4">
      <Link to="/tkm/rapat" className="link inline-flex min-h-11 items-center">
        ← {t("meet.back")}
      </Link>
      <header>
        <h1 className="text-2xl font-bold">{t("meet.new")}</h1>
        <p className="text-stone-600">{t("meet.new_intro")}</p>
      </header>
      <Form method="post" className="space-y-4">
        <input type="hidden" name="formKey" value={formKey} />
        <FormErrors errors={errors[""] ?? null} />

        <section aria-labelledby="agenda" className="space-y-2">
          <h2 id="agenda" className="text-xl font-bold">
            {t("meet.agenda")}
          </h2>
          <p className="text-sm text-stone-600">{t("meet.agenda_hint")}</p>
          <AgendaList
            items={agenda}
            extra={(item, index) => (
              <div className="space-y-2 border-t border-stone-200 pt-2">
                <input type="hidden" name={`agenda[${index}].id`} value={item.id} />
                <label className="flex min-h-11 items-center gap-3">
                  <input
                    type="checkbox"
                    name={`agenda[${index}].done`}
                    defaultChecked={typedAt(lastResult, "agenda", index, "done") === "on"}
                    className="size-5"
                  />
                  {t("meet.mark_done")}
                </label>
                <Field
                  label={t("meet.done_note")}
                  htmlFor={`agenda-${index}-note`}
                  errorId={`agenda-${index}-note-error`}
                  errors={errors[`agenda[${index}].note`]}
                >
                  <input
                    id={`agenda-${index}-note`}
                    name={`agenda[${index}].note`}
                    className="field-input"
                    maxLength={300}
                    defaultValue={typedAt(lastResult, "agenda", index, "note")}
                    aria-describedby={`agenda-${index}-note-error`}
                  />
                </Field>
              </div>
            )}
          />
        </section>

        <section aria-labelledby="meeting" className="card space-y-3">
          <h2 id="meeting" className="text-xl font-bold">
            {t("meet.details")}
          </h2>
          <div className="grid gap-3 sm:grid-cols-2">
            <Field
              label={t("meet.date")}
              htmlFor="meeting-date"
              errorId="meeting-date-error"
              errors={errors.date}
            >
              <input
                id="meeting-date"
                name="date"
                type="date"
                className="field-input"
                max={today}
                required
                defaultValue={typedAt(lastResult, "date") ?? today}
                aria-describedby="meeting-date-error"
              />
            </Field>
            <Field
              label={t("meet.place")}
              htmlFor="meeting-place"
              errorId="meeting-place-error"
              errors={errors.place}
            >
              <input
                id="meeting-place"
                name="place"
                className="field-input"
                maxLength={120}
                defaultValue={typedAt(lastResult, "place")}
                aria-describedby="meeting-place-error"
              />
            </Field>
          </div>
          <Field
            label={t("meet.attendees")}
            htmlFor="meeting-attendees"
            errorId="meeting-attendees-error"
            errors={errors.attendees}
            hint={t("meet.one_per_line")}
          >
            <textarea
              id="meeting-attendees"
              name="attendees"
              className="field-input"
              rows={5}
              required
              defaultValue={typedAt(lastResult, "attendees")}
              aria-describedby="meeting-attendees-error"
            />
          </Field>
          <Field
            label={t("meet.notes")}
            htmlFor="meeting-notes"
            errorId="meeting-notes-error"
            errors={errors.notes}
          >
            <textarea
              id="meeting-notes"
              name="notes"
              className="field-input"
              rows={4}
              defaultValue={typedAt(lastResult, "notes")}
              aria-describedby="meeting-notes-error"
            />
          </Field>
          <Field
            label={t("meet.decisions")}
            htmlFor="meeting-decisions"
            errorId="meeting-decisions-error"
            errors={errors.decisions}
            hint={t("meet.one_per_line")}
          >
            <textarea
              id="meeting-decisions"
              name="decisions"
              className="field-input"
              rows={4}
              defaultValue={typedAt(lastResult, "decisions")}
              aria-describedby="meeting-decisions-error"
            />
          </Field>
        </section>

        <section aria-labelledby="new-followups" className="space-y-2">
          <h2 id="new-followups" className="text-xl font-bold">
            {t("meet.new_followups")}
          </h2>
          <p className="text-sm text-stone-600">{t("meet.new_followups_hint")}</p>
          <ol className="space-y-2">
            {Array.from({ length: NEW_FOLLOW_UP_ROWS }, (_, index) => {
              const id = `followup-${index}`;
              const rowError = (name: string) => errors[`followUps[${index}].${name}`];
              return (
                <li key={index} className="card space-y-2">
                  <p className="font-medium">{t("meet.followup_n", { n: index + 1 })}</p>
                  <Field
                    label={t("meet.followup_text")}
                    htmlFor={`${id}-text`}
                    errorId={`${id}-text-error`}
                    errors={rowError("text")}
                  >
                    <input
                      id={`${id}-text`}
                      name={`followUps[${index}].text`}
                      className="field-input"
                      maxLength={300}
                      defaultValue={typedAt(lastResult, "followUps", index, "text")}
                      aria-describedby={`${id}-text-error`}
                    />
                  </Field>
                  <div className="grid gap-2 sm:grid-cols-3">
                    <Field
                      label={t("meet.owner")}
                      htmlFor={`${id}-owner`}
                      errorId={`${id}-owner-error`}
                      errors={rowError("owner")}
                    >
                      <input
                        id={`${id}-owner`}
                        name={`followUps[${index}].owner`}
                        className="field-input"
                        maxLength={80}
                        defaultValue={typedAt(lastResult, "followUps", index, "owner")}
                        aria-describedby={`${id}-owner-error`}
                      />
                    </Field>
                    <Field
                      label={t("meet.due")}
                      htmlFor={`${id}-due`}
                      errorId={`${id}-due-error`}
                      errors={rowError("dueOn")}
                    >
                      <input
                        id={`${id}-due`}
                        name={`followUps[${index}].dueOn`}
                        type="date"
                        className="field-input"
                        defaultValue={typedAt(lastResult, "followUps", index, "dueOn")}
                        aria-describedby={`${id}-due-error`}
                      />
                    </Field>
                    <Field
                      label={t("meet.group_optional")}
                      htmlFor={`${id}-group`}
                      errorId={`${id}-group-error`}
                      errors={rowError("groupId")}
                    >
                      <select
                        id={`${id}-group`}
                        name={`followUps[${index}].groupId`}
                        className="field-input"
                        defaultValue={typedAt(lastResult, "followUps", index, "groupId") ?? ""}
                        aria-describedby={`${id}-group-error`}
                      >
                        <option value="">{t("meet.no_group")}</option>
                        {groups.map((group) => (
                          <option key={group.id} value={group.id}>
                            {group.name}
                          </option>
                        ))}
                      </select>
                    </Field>
                  </div>
                </li>
              );
            })}
          </ol>
          <FieldErrors id="followups-error" errors={errors.followUps} />
        </section>

        <button type="submit" className="btn-primary w-full sm:w-auto" disabled={busy}>
          {t("meet.save")}
        </button>
      </Form>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
