import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { getLang } from "~/.server/http/lang";
import { readForm } from "~/.server/http/form";
import { refusalResponse } from "~/.server/http/refusal";
import { requireMembersOfficer } from "~/.server/members/access";
import { memberIncome } from "~/.server/members/distributions";
import { findMember, markMemberLeft, updateMember } from "~/.server/members/members";
import { Field, FormErrors, typedValue } from "~/components/forms";
import { MembersNav } from "~/components/members-nav";
import { MEMBER_ROLES, MemberSchema } from "~/forms/members";
import { wibDateKey, wibNoon } from "~/utils/delivery";
import { useLang, useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { formatRupiah } from "~/utils/money";
import { formatPhoneForDisplay } from "~/utils/phone";
import { formatDate, formatMonth, wibMonthKey } from "~/utils/time";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "members.title");

function notFound(): never {
  throw new Response("Not found", { status: 404 });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { tenant } = await requireMembersOfficer(request);
  const member = (await findMember(tenant, params.id ?? "")) ?? notFound();
  const shares = await memberIncome(tenant, member.id);
  // Income by month: a share counts in the month its period starts; a payout in the month paid.
  const months = new Map<string, { share: number; paid: number }>();
  for (const share of shares) {
    const key = wibMonthKey(share.distribution.periodFrom);
    const row = months.get(key) ?? { share: 0, paid: 0 };
    row.share += share.amount;
    months.set(key, row);
    for (const payout of share.payouts) {
      const paidKey = wibMonthKey(payout.paidAt);
      const paidRow = months.get(paidKey) ?? { share: 0, paid: 0 };
      paidRow.paid += payout.amount;
      months.set(paidKey, paidRow);
    }
  }
  const byMonth = [...months.entries()]
    .sort(([a], [b]) => b.localeCompare(a))
    .map(([key, row]) => ({ key, ...row }));
  return { member, shares, byMonth, today: wibDateKey(new Date()) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, tenant, role } = await requireMembersOfficer(request);
  const submission = parseWithZod(await readForm(request), { schema: MemberSchema });
  if (submission.status !== "success") return Response.json(submission.reply(), { status: 400 });
  const value = submission.value;
  if (value.intent === "add" || value.memberId !== params.id) notFound();
  const result =
    value.intent === "left"
      ? await markMemberLeft(tenant, viewer.id, value.memberId, wibNoon(value.leftAt) as Date)
      : await updateMember(tenant, { id: viewer.id, role }, value.memberId, {
          name: value.name,
          rw: value.rw,
          phone: value.phone,
          role: value.role,
          joinedAt: wibNoon(value.joinedAt) as Date,
        });
  if (!result.ok) return refusalResponse(submission.reply, result, await getLang(request));
  return redirect(`/kelola/anggota/${value.memberId}`);
}

export default function Member() {
  const t = useT();
  const lang = useLang();
  const { member, shares, byMonth, today } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const errors = lastResult?.error ?? {};
  const busy = useNavigation().state === "submitting";
  return (
    <div className="space-y-4">
      <Link to="/kelola/anggota" className="link inline-flex min-h-11 items-center">
        ← {t("members.back")}
      </Link>
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">{member.name}</h1>
        <p className="text-stone-600">
          {[
            t(`members.role.${member.role}`),
            member.rw,
            member.phone ? formatPhoneForDisplay(member.phone) : t("members.no_phone"),
            `${t("members.joined")} ${formatDate(member.joinedAt, lang)}`,
            member.leftAt ? t("members.left_on", { date: formatDate(member.leftAt, lang) }) : null,
          ]
            .filter(Boolean)
            .join(" · ")}
        </p>
      </header>
      <MembersNav />
      <FormErrors errors={errors[""] ?? null} />

      <section aria-labelledby="income-heading" className="card space-y-2">
        <h2 id="income-heading" className="text-lg font-bold">
          {t("members.income_by_month")}
        </h2>
        {byMonth.length === 0 ? (
          <p className="text-stone-600">{t("members.income_none")}</p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="border-b border-stone-200">
                <th scope="col" className="py-2">
                  {t("members.month")}
                </th>
                <th scope="col" className="py-2 text-right">
                  {t("members.share")}
                </th>
                <th scope="col" className="py-2 text-right">
                  {t("members.paid")}
                </th>
              </tr>
            </thead>
            <tbody>
              {byMonth.map((row) => (
                <tr key={row.key} className="border-b border-stone-100">
                  <th scope="row" className="py-2 font-medium">
                    {formatMonth(row.key, lang)}
                  </th>
                  <td className="py-2 text-right tabular-nums">{formatRupiah(row.share)}</td>
                  <td className="py-2 text-right tabular-nums">{formatRupiah(row.paid)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {shares.length > 0 ? (
          <ul className="space-y-1">
            {shares.map((share) => (
              <li key={share.id}>
                <Link
                  to={`/kelola/bagi-hasil/${share.distribution.number}/slip/${member.id}`}
                  className="link inline-flex min-h-11 items-center"
                >
                  {t("members.slip")} {share.distribution.number} · {formatRupiah(share.amount)}
                </Link>
              </li>
            ))}
          </ul>
        ) : null}
      </section>

      <details className="card" open={lastResult?.initialValue?.intent === "update"}>
        <summary className="flex min-h-11 cursor-pointer items-center font-bold">{t("members.edit")}</summary>
        <Form method="post" className="mt-2 space-y-3">
          <input type="hidden" name="intent" value="update" />
          <input type="hidden" name="memberId" value={member.id} />
          <Field label={t("members.name")} htmlFor="e-name" errorId="e-name-error" errors={errors.name}>
            <input
              id="e-name"
              name="name"
              className="field-input"
              defaultValue={typedValue(lastResult, "name") ?? member.name}
              required
            />
          </Field>
          <div className="grid gap-3 sm:grid-cols-2">
            <Field
              label={t("members.rw")}
              htmlFor="e-rw"
              errorId="e-rw-error"
              errors={errors.rw}
              hint={t("members.rw_hint")}
            >
              <input
                id="e-rw"
                name="rw"
                inputMode="numeric"
                className="field-input"
                defaultValue={typedValue(lastResult, "rw") ?? member.rw?.replace(/^RW /, "") ?? ""}
              />
            </Field>
            <Field label={t("members.phone")} htmlFor="e-phone" errorId="e-phone-error" errors={errors.phone}>
              <input
                id="e-phone"
                name="phone"
                type="tel"
                className="field-input"
                defaultValue={
                  typedValue(lastResult, "phone") ?? (member.phone ? formatPhoneForDisplay(member.phone) : "")
                }
              />
            </Field>
            <Field label={t("members.role")} htmlFor="e-role" errorId="e-role-error" errors={errors.role}>
              <select
                id="e-role"
                name="role"
                className="field-input"
                defaultValue={typedValue(lastResult, "role") ?? member.role}
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
              htmlFor="e-joined"
              errorId="e-joined-error"
              errors={errors.joinedAt}
            >
              <input
                id="e-joined"
                name="joinedAt"
                type="date"
                className="field-input"
                defaultValue={typedValue(lastResult, "joinedAt") ?? wibDateKey(new Date(member.joinedAt))}
                required
              />
            </Field>
          </div>
          <button type="submit" className="btn-primary" disabled={busy}>
            {t("members.save")}
          </button>
        </Form>
      </details>

      {member.leftAt ? null : (
        <details className="card" open={lastResult?.initialValue?.intent === "left"}>
          <summary className="flex min-h-11 cursor-pointer items-center font-bold">
            {t("members.mark_left")}
          </summary>
          <Form method="post" className="mt-2 space-y-3">
            <p className="text-sm text-stone-600">{t("members.mark_left_hint")}</p>
            <input type="hidden" name="intent" value="left" />
            <input type="hidden" name="memberId" value={member.id} />
            <Field
              label={t("members.left_date")}
              htmlFor="l-date"
              errorId="l-date-error"
              errors={errors.leftAt}
            >
              <input
                id="l-date"
                name="leftAt"
                type="date"
                className="field-input"
                defaultValue={typedValue(lastResult, "leftAt") ?? today}
                required
              />
            </Field>
            <button type="submit" className="btn-secondary" disabled={busy}>
              {t("members.mark_left")}
            </button>
          </Form>
        </details>
      )}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
