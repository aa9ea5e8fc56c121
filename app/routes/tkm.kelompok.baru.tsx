import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireTkmOfficer } from "~/.server/auth/guards";
import { registerGroup, villagesInArea } from "~/.server/groups/registration";
import { readForm } from "~/.server/http/form";
import { getLang } from "~/.server/http/lang";
import { Field, FormErrors, typedValue } from "~/components/forms";
import { REGISTER_ROLES, REGISTER_ROWS, RegisterGroupSchema } from "~/forms/stewardship";
import { encodeProblem, useLang, useT } from "~/utils/i18n";
import type { MessageKey } from "~/locales";
import { pageTitle } from "~/utils/meta";
import { formatDateTime } from "~/utils/time";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "stew.register.title");

// TKM registers a group and its people on their behalf (members without phones need only a name).
// The answer is the page itself, not a redirect, when officers were given sign-in codes: the codes
// are shown once, here, and kept only as hashes.

/** Rows shown at first; without JavaScript the form still offers them all. */
const FIRST_ROWS = 8;

export async function loader({ request }: LoaderFunctionArgs) {
  const { team } = await requireTkmOfficer(request);
  return { villages: await villagesInArea({ areaPath: team.areaPath }) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { viewer, team } = await requireTkmOfficer(request);
  const submission = parseWithZod(await readForm(request), { schema: RegisterGroupSchema });
  if (submission.status !== "success")
    return Response.json({ reply: submission.reply(), done: null }, { status: 400 });
  const value = submission.value;
  const registered = await registerGroup({ areaPath: team.areaPath }, viewer.id, {
    name: value.name,
    villageId: value.villageId,
    rw: value.rw ?? null,
    people: value.people.map((person) => ({
      name: person.name,
      role: person.role,
      phone: person.phone ?? null,
    })),
    verified: value.verified ?? false,
    giveCodes: value.giveCodes ?? false,
  });
  if (!registered.ok) {
    const message = encodeProblem(registered, await getLang(request));
    const reply = registered.field
      ? submission.reply({ fieldErrors: { [registered.field]: [message] } })
      : submission.reply({ formErrors: [message] });
    return Response.json({ reply, done: null }, { status: 400 });
  }
  return Response.json(
    {
      reply: null,
      done: {
        groupId: registered.groupId,
        name: value.name,
        codes: registered.codes,
        codeProblems: registered.codeProblems,
      },
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

/** What the action answers after registering (JSON: dates arrive as text). */
type Registered = {
  groupId: string;
  name: string;
  codes: { name: string; code: string; expiresAt: string }[];
  codeProblems: { name: string; key: MessageKey }[];
};

export default function RegisterGroup() {
  const t = useT();
  const lang = useLang();
  const { villages } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const reply = result?.reply ?? undefined;
  const errors = reply?.error ?? {};
  const done: Registered | null = result?.done ?? null;
  if (done) {
    return (
      <div className="space-y-4">
        <Link to="/tkm" className="link inline-flex min-h-11 items-center">
          ← {t("tkm.back")}
        </Link>
        <div role="status" className="card space-y-3 border-brand-600 bg-brand-50">
          <p className="font-bold">{t("stew.register.done", { name: done.name })}</p>
          {done.codes.length > 0 ? (
            <>
              <p>{t("stew.register.codes")}</p>
              <ul className="space-y-2">
                {done.codes.map((given) => (
                  <li key={given.name}>
                    <p className="font-medium">{t("account.code_for", { name: given.name })}</p>
                    <p className="font-mono text-2xl font-bold tracking-widest">
                      {given.code.slice(0, 4)} {given.code.slice(4)}
                    </p>
                    <p className="text-sm">
                      {t("account.code_until", { when: formatDateTime(given.expiresAt, lang) })}
                    </p>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {done.codeProblems.map((problem) => (
            <p key={problem.name} className="text-sm text-red-800">
              {t("stew.register.code_problem", { name: problem.name })} {t(problem.key)}
            </p>
          ))}
          <Link to={`/tkm/kelompok/${done.groupId}`} className="btn-primary inline-flex">
            {t("stew.register.to_group")}
          </Link>
        </div>
      </div>
    );
  }
  return (
    <div className="space-y-4">
      <Link to="/tkm" className="link inline-flex min-h-11 items-center">
        ← {t("tkm.back")}
      </Link>
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">{t("stew.register.title")}</h1>
        <p className="text-stone-600">{t("stew.register.intro")}</p>
      </header>
      {villages.length === 0 ? (
        <p className="card text-stone-600">{t("stew.register.no_villages")}</p>
      ) : (
        <Form method="post" className="card space-y-3">
          <FormErrors errors={errors[""] ?? null} />
          <Field label={t("stew.register.name")} htmlFor="r-name" errorId="r-name-error" errors={errors.name}>
            <input
              id="r-name"
              name="name"
              required
              maxLength={80}
              className="field-input"
              defaultValue={typedValue(reply, "name") ?? ""}
              aria-invalid={errors.name?.length ? true : undefined}
              aria-describedby={errors.name?.length ? "r-name-error" : undefined}
            />
          </Field>
          <div className="grid gap-3 sm:grid-cols-[2fr_1fr]">
            <Field
              label={t("stew.register.village")}
              htmlFor="r-village"
              errorId="r-village-error"
              errors={errors.villageId}
            >
              <select
                id="r-village"
                name="villageId"
                className="field-input"
                defaultValue={typedValue(reply, "villageId")}
              >
                {villages.map((village) => (
                  <option key={village.id} value={village.id}>
                    {village.parent ? `${village.name} (${village.parent.name})` : village.name}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t("stew.register.rw")} htmlFor="r-rw" errorId="r-rw-error" errors={errors.rw}>
              <input
                id="r-rw"
                name="rw"
                inputMode="numeric"
                maxLength={6}
                className="field-input"
                defaultValue={typedValue(reply, "rw") ?? ""}
              />
            </Field>
          </div>
          <fieldset className="space-y-2">
            <legend className="font-medium">{t("stew.register.people")}</legend>
            <p className="text-sm text-stone-600">{t("stew.register.people_hint")}</p>
            <FormErrors errors={errors.people ?? null} />
            <PeopleRows reply={reply} />
          </fieldset>
          <label className="flex min-h-11 items-center gap-3">
            <input
              type="checkbox"
              name="verified"
              className="size-5"
              defaultChecked={reply ? typedValue(reply, "verified") === "on" : true}
            />
            {t("stew.register.verified")}
          </label>
          <label className="flex min-h-11 items-center gap-3">
            <input
              type="checkbox"
              name="giveCodes"
              className="size-5"
              defaultChecked={reply ? typedValue(reply, "giveCodes") === "on" : false}
            />
            {t("stew.register.give_codes")}
          </label>
          <button type="submit" className="btn-primary w-full sm:w-auto" disabled={busy}>
            {t("stew.register.submit")}
          </button>
        </Form>
      )}
    </div>
  );
}

type Reply = {
  initialValue?: Record<string, unknown> | null;
  error?: Record<string, string[] | null> | null;
};

/** Rows for the group's people: the first few shown, the rest folded away until needed. */
function PeopleRows({ reply }: { reply: Reply | undefined }) {
  const t = useT();
  const errors = reply?.error ?? {};
  const rowValue = (index: number, field: string) => typedValue(reply, `people[${index}].${field}`);
  const rows = Array.from({ length: REGISTER_ROWS }, (_, index) => {
    const rowErrors = [
      ...(errors[`people[${index}].name`] ?? []),
      ...(errors[`people[${index}].role`] ?? []),
      ...(errors[`people[${index}].phone`] ?? []),
    ];
    const node = (
      <div key={index}>
        <p className="text-xs text-stone-500">{t("stew.register.person", { n: index + 1 })}</p>
        <div className="grid gap-2 rounded-lg border border-stone-200 p-2 sm:grid-cols-3">
          <label className="text-sm">
            <span className="block">{t("stew.register.person_name")}</span>
            <input
              name={`people[${index}].name`}
              maxLength={80}
              className="field-input"
              defaultValue={rowValue(index, "name") ?? ""}
            />
          </label>
          <label className="text-sm">
            <span className="block">{t("stew.register.person_role")}</span>
            <select
              name={`people[${index}].role`}
              className="field-input"
              defaultValue={rowValue(index, "role") ?? (index === 0 ? "KETUA" : "ANGGOTA")}
            >
              {REGISTER_ROLES.map((role) => (
                <option key={role} value={role}>
                  {t(`account.role.${role}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm">
            <span className="block">{t("stew.register.person_phone")}</span>
            <input
              name={`people[${index}].phone`}
              type="tel"
              className="field-input"
              defaultValue={rowValue(index, "phone") ?? ""}
            />
          </label>
          {rowErrors.length > 0 ? (
            <div className="sm:col-span-3">
              <FormErrors errors={rowErrors} />
            </div>
          ) : null}
        </div>
      </div>
    );
    return { typed: rowErrors.length > 0 || Boolean(rowValue(index, "name")), node };
  });
  const later = rows.slice(FIRST_ROWS);
  return (
    <>
      {rows.slice(0, FIRST_ROWS).map((row) => row.node)}
      <details open={later.some((row) => row.typed)}>
        <summary className="flex min-h-11 cursor-pointer items-center font-medium">
          {t("stew.register.more_rows", { from: FIRST_ROWS + 1, to: REGISTER_ROWS })}
        </summary>
        <div className="space-y-2">{later.map((row) => row.node)}</div>
      </details>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
