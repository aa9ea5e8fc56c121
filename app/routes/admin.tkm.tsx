import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { addOfficer, createTeam, listTeams, removeOfficer } from "~/.server/admin/teams";
import { requireAdmin } from "~/.server/auth/guards";
import { adminDone, adminInvalid, adminRefused } from "~/.server/http/admin-reply";
import { readForm } from "~/.server/http/form";
import { getLang } from "~/.server/http/lang";
import { AdminNotice, AdminSection, FormProblems, type AdminResult } from "~/components/admin";
import { PersonFields } from "~/components/admin-person";
import { OfficerSchema, RemoveOfficerSchema, TeamSchema } from "~/forms/admin";
import { useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { formatPhoneForDisplay } from "~/utils/phone";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "adm.teams_title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return { teams: await listTeams() };
}

export async function action({ request }: ActionFunctionArgs) {
  const { viewer } = await requireAdmin(request);
  const formData = await readForm(request);
  const intent = String(formData.get("intent") ?? "");
  const target = String(formData.get("teamId") ?? "") || null;
  const lang = await getLang(request);
  if (intent === "create") {
    const submission = parseWithZod(formData, { schema: TeamSchema });
    if (submission.status !== "success") return adminInvalid(intent, null, submission.reply);
    const done = await createTeam(viewer.id, submission.value);
    if (!done.ok) return adminRefused(intent, null, submission.reply, done, lang);
    return adminDone(intent, null, { key: "adm.team_created", params: { name: submission.value.name } });
  }
  if (intent === "add") {
    const submission = parseWithZod(formData, { schema: OfficerSchema });
    if (submission.status !== "success") return adminInvalid(intent, target, submission.reply);
    const { teamId, ...person } = submission.value;
    const added = await addOfficer(viewer.id, teamId, person);
    if (!added.ok) return adminRefused(intent, target, submission.reply, added, lang);
    return adminDone(
      intent,
      target,
      { key: "adm.officer_added", params: { name: added.name } },
      added.code ? { value: added.code, name: added.name, expiresAt: added.expiresAt.toISOString() } : null,
    );
  }
  if (intent === "remove") {
    const submission = parseWithZod(formData, { schema: RemoveOfficerSchema });
    if (submission.status !== "success") return adminInvalid(intent, target, submission.reply);
    const done = await removeOfficer(viewer.id, submission.value.teamId, submission.value.officerId);
    if (!done.ok) return adminRefused(intent, target, submission.reply, done, lang);
    return adminDone(intent, target, { key: "adm.officer_removed" });
  }
  throw new Response("Bad request", { status: 400 });
}

export default function AdminTeams() {
  const t = useT();
  const { teams } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as AdminResult;
  return (
    <div className="space-y-4">
      <header>
        <h1 className="text-2xl font-bold">{t("adm.teams_title")}</h1>
        <p className="text-stone-600">{t("adm.teams_intro")}</p>
      </header>
      <AdminNotice result={result} />
      <AdminSection title={t("adm.team_new")} id="new-team">
        <Form method="post" className="space-y-2">
          <FormProblems result={result} intent="create" />
          <div className="grid gap-2 sm:grid-cols-2">
            <div className="space-y-1">
              <label htmlFor="team-name" className="block font-medium">
                {t("adm.team_name")}
              </label>
              <input id="team-name" name="name" required maxLength={100} className="field-input" />
            </div>
            <div className="space-y-1">
              <label htmlFor="team-area" className="block font-medium">
                {t("adm.area_code")}
              </label>
              <input
                id="team-area"
                name="areaCode"
                required
                maxLength={20}
                inputMode="decimal"
                className="field-input"
                placeholder="32.17.01"
              />
              <p className="text-sm text-stone-500">
                {t("adm.area_code_hint")}{" "}
                <Link to="/admin/wilayah" className="link">
                  {t("adm.areas")}
                </Link>
              </p>
            </div>
          </div>
          <button type="submit" name="intent" value="create" className="btn-primary">
            {t("adm.team_create")}
          </button>
        </Form>
      </AdminSection>
      {teams.length === 0 ? <p className="card text-stone-600">{t("adm.teams_none")}</p> : null}
      {teams.map((team) => (
        <section key={team.id} className="card space-y-3" aria-labelledby={`team-${team.id}`}>
          <header>
            <h2 id={`team-${team.id}`} className="text-lg font-bold">
              {team.name}
            </h2>
            <p className="text-sm text-stone-600">
              {team.area.name} · <span className="font-mono">{team.area.code}</span>
            </p>
          </header>
          <FormProblems result={result} intent="remove" target={team.id} />
          {team.officers.length === 0 ? (
            <p className="text-stone-600">{t("adm.no_officers")}</p>
          ) : (
            <ul className="divide-y divide-stone-100">
              {team.officers.map((officer) => (
                <li key={officer.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <span>
                    <span className="font-medium">{officer.user.name}</span>
                    {officer.position ? <span className="text-stone-600"> · {officer.position}</span> : null}
                    <span className="block text-sm text-stone-500">
                      {officer.user.phone ? formatPhoneForDisplay(officer.user.phone) : ""}
                      {officer.user.suspendedAt ? ` · ${t("adm.suspended")}` : ""}
                    </span>
                  </span>
                  <Form method="post">
                    <input type="hidden" name="teamId" value={team.id} />
                    <input type="hidden" name="officerId" value={officer.id} />
                    <button type="submit" name="intent" value="remove" className="btn-secondary">
                      {t("adm.remove")}
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
          )}
          <details>
            <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-brand-800">
              {t("adm.officer_add")}
            </summary>
            <Form method="post" className="mt-2 space-y-2">
              <input type="hidden" name="teamId" value={team.id} />
              <FormProblems result={result} intent="add" target={team.id} />
              <PersonFields idPrefix={`officer-${team.id}`} />
              <button type="submit" name="intent" value="add" className="btn-primary">
                {t("adm.officer_add")}
              </button>
            </Form>
          </details>
        </section>
      ))}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
