import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { getLang } from "~/.server/http/lang";
import { readForm } from "~/.server/http/form";
import { refusalResponse } from "~/.server/http/refusal";
import { requireMembersOfficer } from "~/.server/members/access";
import { addMember, listMembers } from "~/.server/members/members";
import { Field, FormErrors, typedValue } from "~/components/forms";
import { MembersNav } from "~/components/members-nav";
import { MEMBER_ROLES, MemberSchema } from "~/forms/members";
import { wibDateKey, wibNoon } from "~/utils/delivery";
import { useLang, useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { formatPhoneForDisplay } from "~/utils/phone";
import { formatDate } from "~/utils/time";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "members.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const { tenant } = await requireMembersOfficer(request);
  return { members: await listMembers(tenant), today: wibDateKey(new Date()) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { viewer, tenant } = await requireMembersOfficer(request);
  const submission = parseWithZod(await readForm(request), { schema: MemberSchema });
  if (submission.status !== "success") return Response.json(submission.reply(), { status: 400 });
  if (submission.value.intent !== "add") throw new Response("Not found", { status: 404 });
  const { name, rw, phone, role, joinedAt } = submission.value;
  const added = await addMember(tenant, viewer.id, {
    name,
    rw,
    phone,
    role,
    joinedAt: wibNoon(joinedAt) as Date,
  });
  if (!added.ok) return refusalResponse(submission.reply, added, await getLang(request));
  return redirect(`/kelola/anggota#m-${added.value}`);
}

export default function Members() {
  const t = useT();
  const lang = useLang();
  const { members, today } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const errors = lastResult?.error ?? {};
  const busy = useNavigation().state === "submitting";
  const present = members.filter((m) => !m.leftAt);
  const left = members.filter((m) => m.leftAt);
  return (
    <div className="space-y-4">
      <Link to="/kelola" className="link inline-flex min-h-11 items-center">
        ← {t("manage.back")}
      </Link>
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">{t("members.title")}</h1>
        <p className="text-stone-600">{t("members.intro")}</p>
      </header>
      <MembersNav />
      <FormErrors errors={errors[""] ?? null} />
      <details className="card" open={members.length === 0 || Boolean(lastResult)}>
        <summary className="flex min-h-11 cursor-pointer items-center font-bold">
          + {t("members.add")}
        </summary>
        <Form method="post" className="mt-2 space-y-3">
          <input type="hidden" name="intent" value="add" />
          <Field label={t("members.name")} htmlFor="m-name" errorId="m-name-error" errors={errors.name}>
            <input
              id="m-name"
              name="name"
              className="field-input"
              autoComplete="off"
              defaultValue={typedValue(lastResult, "name")}
              aria-describedby={errors.name ? "m-name-error" : undefined}
              required
            />
          </Field>
          <div className="grid gap-3 sm:grid-cols-2">
            <Field
              label={t("members.rw")}
              htmlFor="m-rw"
              errorId="m-rw-error"
              errors={errors.rw}
              hint={t("members.rw_hint")}
            >
              <input
                id="m-rw"
                name="rw"
                inputMode="numeric"
                className="field-input"
                defaultValue={typedValue(lastResult, "rw")}
              />
            </Field>
            <Field label={t("members.phone")} htmlFor="m-phone" errorId="m-phone-error" errors={errors.phone}>
              <input
                id="m-phone"
                name="phone"
                type="tel"
                className="field-input"
                defaultValue={typedValue(lastResult, "phone")}
              />
            </Field>
            <Field label={t("members.role")} htmlFor="m-role" errorId="m-role-error" errors={errors.role}>
              <select
                id="m-role"
                name="role"
                className="field-input"
                defaultValue={typedValue(lastResult, "role") ?? "ANGGOTA"}
              >
                {MEMBER_ROLES.map((role) => (
                  <option key={role} value={role}>
                    {t(`members.role.${role}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field
              label={t("members.joined")}
              htmlFor="m-joined"
              errorId="m-joined-error"
              errors={errors.joinedAt}
            >
              <input
                id="m-joined"
                name="joinedAt"
                type="date"
                className="field-input"
                defaultValue={typedValue(lastResult, "joinedAt") ?? today}
                required
              />
            </Field>
          </div>
          <button type="submit" className="btn-primary" disabled={busy}>
            {t("members.save")}
          </button>
        </Form>
      </details>
      <section aria-labelledby="present-heading" className="space-y-2">
        <h2 id="present-heading" className="text-lg font-bold">
          {t("members.active_count", { count: present.length })}
        </h2>
        {members.length === 0 ? <p className="card text-stone-600">{t("members.none")}</p> : null}
        <ul className="divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white">
          {present.map((member) => (
            <li key={member.id} id={`m-${member.id}`} className="p-3">
              <Link to={`/kelola/anggota/${member.id}`} className="font-semibold hover:underline">
                {member.name}
              </Link>
              <p className="text-sm text-stone-600">
                {[
                  t(`members.role.${member.role}`),
                  member.rw,
                  member.phone ? formatPhoneForDisplay(member.phone) : t("members.no_phone"),
                  `${t("members.joined")} ${formatDate(member.joinedAt, lang)}`,
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </p>
            </li>
          ))}
        </ul>
      </section>
      {left.length > 0 ? (
        <section aria-labelledby="left-heading" className="space-y-2">
          <h2 id="left-heading" className="text-lg font-bold">
            {t("members.left_list")}
          </h2>
          <ul className="divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white">
            {left.map((member) => (
              <li key={member.id} id={`m-${member.id}`} className="p-3">
                <Link to={`/kelola/anggota/${member.id}`} className="font-semibold hover:underline">
                  {member.name}
                </Link>
                <p className="text-sm text-stone-600">
                  {[
                    member.rw,
                    member.leftAt ? t("members.left_on", { date: formatDate(member.leftAt, lang) }) : null,
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
