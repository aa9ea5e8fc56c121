import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { getLang } from "~/.server/http/lang";
import { readForm } from "~/.server/http/form";
import { refusalResponse } from "~/.server/http/refusal";
import { mayPayOut, requireMembersOfficer } from "~/.server/members/access";
import {
  approveDistribution,
  cancelDistribution,
  distributionActions,
  distributionDetail,
  recordPayout,
} from "~/.server/members/distributions";
import { periodLastMoment } from "~/utils/month-period";
import { Field, FormErrors, MoneyInput, typedValue } from "~/components/forms";
import { MembersNav } from "~/components/members-nav";
import { DistributionSchema } from "~/forms/members";
import { useLang, useT } from "~/utils/i18n";
import { plainTitle } from "~/utils/meta";
import { formatRupiah } from "~/utils/money";
import { formatDate } from "~/utils/time";

export const meta: MetaFunction = ({ matches, params }) => plainTitle(matches, params.number ?? "");

function notFound(): never {
  throw new Response("Not found", { status: 404 });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { tenant, role } = await requireMembersOfficer(request);
  const distribution = (await distributionDetail(tenant, params.number ?? "")) ?? notFound();
  return { distribution, actions: distributionActions(distribution, role) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, tenant, role } = await requireMembersOfficer(request);
  const form = await readForm(request);
  // Paying out needs the bendahara (or ketua); the other intents any officer of the group.
  if (form.get("intent") === "pay" && !mayPayOut(role)) notFound();
  const submission = parseWithZod(form, { schema: DistributionSchema });
  if (submission.status !== "success") return Response.json(submission.reply(), { status: 400 });
  const number = params.number ?? "";
  const value = submission.value;
  const result =
    value.intent === "approve"
      ? await approveDistribution(tenant, viewer.id, number)
      : value.intent === "cancel"
        ? await cancelDistribution(tenant, viewer.id, number, value.reason)
        : await recordPayout(tenant, viewer.id, { number, shareId: value.shareId, amount: value.amount });
  if (!result.ok) return refusalResponse(submission.reply, result, await getLang(request));
  return redirect(`/kelola/bagi-hasil/${number}`);
}

export default function DistributionPage() {
  const t = useT();
  const lang = useLang();
  const { distribution: d, actions } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const errors = lastResult?.error ?? {};
  const busy = useNavigation().state === "submitting";
  const payingShare = lastResult?.initialValue?.shareId;
  return (
    <div className="space-y-4">
      <Link to="/kelola/bagi-hasil" className="link inline-flex min-h-11 items-center">
        ← {t("members.sharing_title")}
      </Link>
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">{d.number}</h1>
        <p className="text-stone-600">
          {formatDate(d.periodFrom, lang)} – {formatDate(periodLastMoment(new Date(d.periodTo)), lang)} ·{" "}
          {t(`members.basis.${d.basis}`)} · <strong>{t(`members.status.${d.status}`)}</strong>
        </p>
        {d.cancelReason ? (
          <p className="text-stone-700">{t("members.cancelled_because", { reason: d.cancelReason })}</p>
        ) : null}
      </header>
      <MembersNav />
      <FormErrors errors={errors[""] ?? null} />
      <dl className="card grid grid-cols-[1fr_auto] gap-x-3 gap-y-1 text-sm">
        <dt>{t("members.income")}</dt>
        <dd className="text-right tabular-nums">{formatRupiah(d.income)}</dd>
        <dt>{t("members.costs")}</dt>
        <dd className="text-right tabular-nums">−{formatRupiah(d.costs)}</dd>
        <dt>{t("members.fund_amount", { percent: d.fundPercent })}</dt>
        <dd className="text-right tabular-nums">−{formatRupiah(d.fundAmount)}</dd>
        <dt className="font-bold">{t("members.distributable")}</dt>
        <dd className="text-right font-bold tabular-nums">{formatRupiah(d.distributable)}</dd>
      </dl>

      <ul className="space-y-3">
        {d.shares.map((share) => (
          <li key={share.id} className="card space-y-2">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <p className="font-semibold">{share.member.name}</p>
              <p className="tabular-nums">{formatRupiah(share.amount)}</p>
            </div>
            <p className="text-sm text-stone-600">
              {d.basis === "QUANTITY"
                ? t("members.units_short", { count: share.contribution })
                : t("members.hours_short", { count: share.contribution })}{" "}
              · {t("members.paid")} {formatRupiah(share.paid)} ·{" "}
              {share.remaining === 0 && d.status === "APPROVED"
                ? t("members.paid_in_full")
                : `${t("members.remaining")} ${formatRupiah(share.remaining)}`}
            </p>
            <Link
              to={`/kelola/bagi-hasil/${d.number}/slip/${share.member.id}`}
              className="link inline-flex min-h-11 items-center"
            >
              {t("members.slip")}: {share.member.name}
            </Link>
            {actions.pay && share.remaining > 0 ? (
              <Form method="post" className="flex flex-wrap items-end gap-2">
                <input type="hidden" name="intent" value="pay" />
                <input type="hidden" name="shareId" value={share.id} />
                <Field
                  label={`${t("members.pay_amount")}: ${share.member.name}`}
                  htmlFor={`pay-${share.id}`}
                  errorId={`pay-${share.id}-error`}
                  errors={payingShare === share.id ? errors.amount : null}
                >
                  <MoneyInput
                    id={`pay-${share.id}`}
                    name="amount"
                    defaultValue={
                      payingShare === share.id ? typedValue(lastResult, "amount") : String(share.remaining)
                    }
                    required
                  />
                </Field>
                <button type="submit" className="btn-primary" disabled={busy}>
                  {t("members.pay")}
                </button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>

      {actions.approve ? (
        <Form method="post" className="card space-y-2">
          <input type="hidden" name="intent" value="approve" />
          <p className="text-sm text-stone-600">{t("members.approve_hint")}</p>
          <button type="submit" className="btn-primary" disabled={busy}>
            {t("members.approve")}
          </button>
        </Form>
      ) : null}
      {actions.cancel ? (
        <details className="card" open={lastResult?.initialValue?.intent === "cancel"}>
          <summary className="flex min-h-11 cursor-pointer items-center font-bold">
            {t("members.cancel")}
          </summary>
          <Form method="post" className="mt-2 space-y-3">
            <input type="hidden" name="intent" value="cancel" />
            <Field
              label={t("members.cancel_reason")}
              htmlFor="c-reason"
              errorId="c-reason-error"
              errors={errors.reason}
            >
              <input
                id="c-reason"
                name="reason"
                className="field-input"
                defaultValue={typedValue(lastResult, "reason")}
                required
              />
            </Field>
            <button type="submit" className="btn-secondary" disabled={busy}>
              {t("members.cancel")}
            </button>
          </Form>
        </details>
      ) : null}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
