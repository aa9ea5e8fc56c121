import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { addVillageOfficial, listVillageOfficials, removeVillageOfficial } from "~/.server/admin/teams";
import { requireAdmin } from "~/.server/auth/guards";
import { adminDone, adminInvalid, adminRefused } from "~/.server/http/admin-reply";
import { readForm } from "~/.server/http/form";
import { getLang } from "~/.server/http/lang";
import { AdminNotice, AdminSection, FormProblems, type AdminResult } from "~/components/admin";
import { PersonFields } from "~/components/admin-person";
import { OfficialSchema, RemoveOfficialSchema } from "~/forms/admin";
import { useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { formatPhoneForDisplay } from "~/utils/phone";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "adm.officials_title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return { officials: await listVillageOfficials() };
}

export async function action({ request }: ActionFunctionArgs) {
  const { viewer } = await requireAdmin(request);
  const formData = await readForm(request);
  const intent = String(formData.get("intent") ?? "");
  const lang = await getLang(request);
  if (intent === "add") {
    const submission = parseWithZod(formData, { schema: OfficialSchema });
    if (submission.status !== "success") return adminInvalid(intent, null, submission.reply);
    const added = await addVillageOfficial(viewer.id, submission.value);
    if (!added.ok) return adminRefused(intent, null, submission.reply, added, lang);
    return adminDone(
      intent,
      null,
      { key: "adm.official_added", params: { name: added.name } },
      added.code ? { value: added.code, name: added.name, expiresAt: added.expiresAt.toISOString() } : null,
    );
  }
  if (intent === "remove") {
    const target = String(formData.get("officialId") ?? "") || null;
    const submission = parseWithZod(formData, { schema: RemoveOfficialSchema });
    if (submission.status !== "success") return adminInvalid(intent, target, submission.reply);
    const done = await removeVillageOfficial(viewer.id, submission.value.officialId);
    if (!done.ok) return adminRefused(intent, target, submission.reply, done, lang);
    return adminDone(intent, target, { key: "adm.official_removed" });
  }
  throw new Response("Bad request", { status: 400 });
}

export default function AdminVillageOfficials() {
  const t = useT();
  const { officials } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as AdminResult;
  return (
    <div className="space-y-4">
      <header>
        <h1 className="text-2xl font-bold">{t("adm.officials_title")}</h1>
        <p className="text-stone-600">{t("adm.officials_intro")}</p>
      </header>
      <AdminNotice result={result} />
      <AdminSection title={t("adm.official_add")} id="new-official">
        <Form method="post" className="space-y-2">
          <FormProblems result={result} intent="add" />
          <div className="space-y-1">
            <label htmlFor="official-area" className="block font-medium">
              {t("adm.village_code")}
            </label>
            <input
              id="official-area"
              name="areaCode"
              required
              maxLength={20}
              inputMode="decimal"
              className="field-input"
              placeholder="32.17.01.2008"
            />
          </div>
          <PersonFields idPrefix="official" />
          <button type="submit" name="intent" value="add" className="btn-primary">
            {t("adm.official_add")}
          </button>
        </Form>
      </AdminSection>
      {officials.length === 0 ? (
        <p className="card text-stone-600">{t("adm.officials_none")}</p>
      ) : (
        <ul className="card divide-y divide-stone-100">
          {officials.map((o) => (
            <li key={o.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span>
                <span className="font-medium">{o.user.name}</span>
                {o.position ? <span className="text-stone-600"> · {o.position}</span> : null}
                <span className="block text-sm text-stone-500">
                  {o.area.name}
                  {o.area.parent ? `, ${o.area.parent.name}` : ""} ·{" "}
                  <span className="font-mono">{o.area.code}</span>
                  {o.user.phone ? ` · ${formatPhoneForDisplay(o.user.phone)}` : ""}
                  {o.user.suspendedAt ? ` · ${t("adm.suspended")}` : ""}
                </span>
                <FormProblems result={result} intent="remove" target={o.id} />
              </span>
              <Form method="post">
                <input type="hidden" name="officialId" value={o.id} />
                <button type="submit" name="intent" value="remove" className="btn-secondary">
                  {t("adm.remove")}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
