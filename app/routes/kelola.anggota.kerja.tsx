import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { getLang } from "~/.server/http/lang";
import { readForm } from "~/.server/http/form";
import { refusalResponse } from "~/.server/http/refusal";
import { requireMembersOfficer } from "~/.server/members/access";
import {
  deleteContribution,
  listContributions,
  ordersToRecordWorkFor,
  recordContribution,
} from "~/.server/members/contributions";
import { listMembers } from "~/.server/members/members";
import { monthsPeriod } from "~/utils/month-period";
import { Field, FormErrors, typedValue, WholeNumberInput } from "~/components/forms";
import { MembersNav } from "~/components/members-nav";
import { WorkSchema } from "~/forms/members";
import { wibDateKey, wibNoon } from "~/utils/delivery";
import { useLang, useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { formatDate, wibMonthKey } from "~/utils/time";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "members.work_title");

export async function loader({ request }: LoaderFunctionArgs) {
  const { tenant } = await requireMembersOfficer(request);
  const asked = new URL(request.url).searchParams.get("bulan") ?? "";
  const month = /^\d{4}-(0[1-9]|1[0-2])$/.test(asked) ? asked : wibMonthKey(new Date());
  const [members, orders, work] = await Promise.all([
    listMembers(tenant),
    ordersToRecordWorkFor(tenant),
    listContributions(tenant, monthsPeriod(month)),
  ]);
  return {
    month,
    members: members.filter((m) => !m.leftAt).map((m) => ({ id: m.id, name: m.name })),
    orders: orders.map((o) => ({ id: o.id, number: o.number })),
    work,
    totals: {
      quantity: work.reduce((sum, w) => sum + w.quantity, 0),
      hours: work.reduce((sum, w) => sum + w.hours, 0),
    },
    today: wibDateKey(new Date()),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { viewer, tenant } = await requireMembersOfficer(request);
  const submission = parseWithZod(await readForm(request), { schema: WorkSchema });
  if (submission.status !== "success") return Response.json(submission.reply(), { status: 400 });
  const value = submission.value;
  const result =
    value.intent === "delete"
      ? await deleteContribution(tenant, viewer.id, value.contributionId)
      : await recordContribution(tenant, viewer.id, {
          memberId: value.memberId,
          orderId: value.orderId || undefined,
          date: wibNoon(value.date) as Date,
          quantity: value.quantity,
          hours: value.hours,
          note: value.note,
        });
  if (!result.ok) return refusalResponse(submission.reply, result, await getLang(request));
  const month =
    value.intent === "record" ? value.date.slice(0, 7) : new URL(request.url).searchParams.get("bulan");
  return redirect(month ? `/kelola/anggota/kerja?bulan=${month}` : "/kelola/anggota/kerja");
}

export default function MembersWork() {
  const t = useT();
  const lang = useLang();
  const { month, members, orders, work, totals, today } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const errors = lastResult?.error ?? {};
  const busy = useNavigation().state === "submitting";
  return (
    <div className="space-y-4">
      <Link to="/kelola" className="link inline-flex min-h-11 items-center">
        ← {t("manage.back")}
      </Link>
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">{t("members.work_title")}</h1>
        <p className="text-stone-600">{t("members.work_intro")}</p>
      </header>
      <MembersNav />
      <FormErrors errors={errors[""] ?? null} />
      <section aria-labelledby="record-heading" className="card space-y-3">
        <h2 id="record-heading" className="text-lg font-bold">
          {t("members.work_record")}
        </h2>
        {members.length === 0 ? (
          <p className="text-stone-600">{t("members.none")}</p>
        ) : (
          <Form method="post" className="space-y-3">
            <input type="hidden" name="intent" value="record" />
            <Field
              label={t("members.member")}
              htmlFor="w-member"
              errorId="w-member-error"
              errors={errors.memberId}
            >
              <select
                id="w-member"
                name="memberId"
                className="field-input"
                defaultValue={typedValue(lastResult, "memberId")}
                required
              >
                <option value="">{t("form.choose")}</option>
                {members.map((member) => (
                  <option key={member.id} value={member.id}>
                    {member.name}
                  </option>
                ))}
              </select>
            </Field>
            <Field
              label={t("members.order")}
              htmlFor="w-order"
              errorId="w-order-error"
              errors={errors.orderId}
            >
              <select
                id="w-order"
                name="orderId"
                className="field-input"
                defaultValue={typedValue(lastResult, "orderId") ?? ""}
              >
                <option value="">{t("members.no_order")}</option>
                {orders.map((order) => (
                  <option key={order.id} value={order.id}>
                    {order.number}
                  </option>
                ))}
              </select>
            </Field>
            <div className="grid grid-cols-2 items-end gap-3 sm:grid-cols-3">
              <div className="col-span-2 sm:col-span-1">
                <Field label={t("members.date")} htmlFor="w-date" errorId="w-date-error" errors={errors.date}>
                  <input
                    id="w-date"
                    name="date"
                    type="date"
                    className="field-input"
                    defaultValue={typedValue(lastResult, "date") ?? today}
                    required
                  />
                </Field>
              </div>
              <Field
                label={t("members.quantity")}
                htmlFor="w-qty"
                errorId="w-qty-error"
                errors={errors.quantity}
              >
                <WholeNumberInput
                  id="w-qty"
                  name="quantity"
                  min={0}
                  defaultValue={typedValue(lastResult, "quantity")}
                />
              </Field>
              <Field
                label={t("members.hours")}
                htmlFor="w-hours"
                errorId="w-hours-error"
                errors={errors.hours}
              >
                <WholeNumberInput
                  id="w-hours"
                  name="hours"
                  min={0}
                  defaultValue={typedValue(lastResult, "hours")}
                />
              </Field>
            </div>
            <Field label={t("members.note")} htmlFor="w-note" errorId="w-note-error" errors={errors.note}>
              <input
                id="w-note"
                name="note"
                className="field-input"
                defaultValue={typedValue(lastResult, "note")}
              />
            </Field>
            <button type="submit" className="btn-primary" disabled={busy}>
              {t("members.work_record")}
            </button>
          </Form>
        )}
      </section>
      <section aria-labelledby="list-heading" className="space-y-2">
        <h2 id="list-heading" className="text-lg font-bold">
          {t("members.nav_work")}
        </h2>
        <Form method="get" className="flex flex-wrap items-end gap-2">
          <div>
            <label htmlFor="w-month" className="block font-medium">
              {t("members.month")}
            </label>
            <input id="w-month" name="bulan" type="month" className="field-input" defaultValue={month} />
          </div>
          <button type="submit" className="btn-secondary">
            {t("members.show")}
          </button>
        </Form>
        {work.length === 0 ? (
          <p className="card text-stone-600">{t("members.work_none")}</p>
        ) : (
          <>
            <p className="text-sm text-stone-700">
              {t("members.total")}: {t("members.units_short", { count: totals.quantity })} ·{" "}
              {t("members.hours_short", { count: totals.hours })}
            </p>
            <ul className="divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white">
              {work.map((entry) => (
                <li key={entry.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
                  <div>
                    <p className="font-semibold">{entry.member.name}</p>
                    <p className="text-sm text-stone-600">
                      {[
                        formatDate(entry.date, lang),
                        entry.order?.number,
                        entry.quantity > 0 ? t("members.units_short", { count: entry.quantity }) : null,
                        entry.hours > 0 ? t("members.hours_short", { count: entry.hours }) : null,
                        entry.note || null,
                      ]
                        .filter(Boolean)
                        .join(" · ")}
                    </p>
                  </div>
                  <Form method="post" action={`/kelola/anggota/kerja?bulan=${month}`}>
                    <input type="hidden" name="intent" value="delete" />
                    <input type="hidden" name="contributionId" value={entry.id} />
                    <button
                      type="submit"
                      className="btn-secondary"
                      disabled={busy}
                      aria-label={`${t("members.delete_confirm")}: ${entry.member.name}, ${formatDate(entry.date, lang)}`}
                    >
                      {t("members.delete")}
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
