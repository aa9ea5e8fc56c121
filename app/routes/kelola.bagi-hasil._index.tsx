import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { getLang } from "~/.server/http/lang";
import { readForm } from "~/.server/http/form";
import { refusalResponse } from "~/.server/http/refusal";
import { requireMembersOfficer } from "~/.server/members/access";
import {
  fundRateHistory,
  listDistributions,
  previewDistribution,
  saveDistribution,
  setFundRate,
} from "~/.server/members/distributions";
import { lastFullMonth, monthsPeriod, periodLastMoment } from "~/utils/month-period";
import { Field, FormErrors, typedValue, WholeNumberInput } from "~/components/forms";
import { MembersNav } from "~/components/members-nav";
import { DISTRIBUTION_BASES, PeriodSchema, SharingSchema } from "~/forms/members";
import { wibDateKey, wibNoon } from "~/utils/delivery";
import { encodeProblem, translateEncoded, useLang, useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { formatRupiah } from "~/utils/money";
import { formatDate } from "~/utils/time";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "members.sharing_title");

export async function loader({ request }: LoaderFunctionArgs) {
  const { tenant } = await requireMembersOfficer(request);
  const url = new URL(request.url);
  const asked = url.searchParams.has("dari")
    ? PeriodSchema.safeParse({
        from: url.searchParams.get("dari"),
        to: url.searchParams.get("sampai") || undefined,
        basis: url.searchParams.get("dasar") || undefined,
      })
    : null;
  const lang = await getLang(request);
  let proposal = null;
  let problem: string | null = null;
  if (asked?.success) {
    const period = monthsPeriod(asked.data.from, asked.data.to);
    const result = await previewDistribution(tenant, period, asked.data.basis);
    if (result.ok) proposal = { ...result.value, fromKey: period.fromKey, toKey: period.toKey };
    else problem = encodeProblem(result, lang);
  } else if (asked) {
    problem = encodeProblem({ key: "members.month_invalid" }, lang);
  }
  const [rates, distributions] = await Promise.all([fundRateHistory(tenant), listDistributions(tenant)]);
  return {
    defaultMonth: lastFullMonth(new Date()),
    asked: asked?.success ? asked.data : null,
    proposal,
    problem,
    rates,
    distributions,
    today: wibDateKey(new Date()),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { viewer, tenant } = await requireMembersOfficer(request);
  const submission = parseWithZod(await readForm(request), { schema: SharingSchema });
  if (submission.status !== "success") return Response.json(submission.reply(), { status: 400 });
  const value = submission.value;
  if (value.intent === "fund-rate") {
    // A rate applies from the start of its WIB day.
    const validFrom = new Date((wibNoon(value.validFrom) as Date).getTime() - 12 * 60 * 60 * 1000);
    const set = await setFundRate(tenant, viewer.id, {
      percent: value.percent,
      validFrom,
      reason: value.reason,
    });
    if (!set.ok) return refusalResponse(submission.reply, set, await getLang(request));
    return redirect("/kelola/bagi-hasil");
  }
  const period = monthsPeriod(value.from, value.to);
  const saved = await saveDistribution(tenant, viewer.id, {
    period,
    basis: value.basis,
    monthKey: value.from,
  });
  if (!saved.ok) return refusalResponse(submission.reply, saved, await getLang(request));
  return redirect(`/kelola/bagi-hasil/${saved.value}`);
}

export default function Sharing() {
  const t = useT();
  const lang = useLang();
  const { defaultMonth, asked, proposal, problem, rates, distributions, today } =
    useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const errors = lastResult?.error ?? {};
  const busy = useNavigation().state === "submitting";
  const current = rates[0];
  return (
    <div className="space-y-4">
      <Link to="/kelola" className="link inline-flex min-h-11 items-center">
        ← {t("manage.back")}
      </Link>
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">{t("members.sharing_title")}</h1>
        <p className="text-stone-600">{t("members.sharing_intro")}</p>
      </header>
      <MembersNav />
      <FormErrors errors={errors[""] ?? null} />

      <section aria-labelledby="propose-heading" className="card space-y-3">
        <h2 id="propose-heading" className="text-lg font-bold">
          {t("members.preview")}
        </h2>
        <Form method="get" className="grid grid-cols-2 items-end gap-3 sm:grid-cols-4">
          <div>
            <label htmlFor="p-from" className="block font-medium">
              {t("members.period_from")}
            </label>
            <input
              id="p-from"
              name="dari"
              type="month"
              className="field-input"
              defaultValue={asked?.from ?? defaultMonth}
              required
            />
          </div>
          <div>
            <label htmlFor="p-to" className="block font-medium">
              {t("members.period_to")}
            </label>
            <input
              id="p-to"
              name="sampai"
              type="month"
              className="field-input"
              defaultValue={asked?.to ?? ""}
            />
          </div>
          <div className="col-span-2 sm:col-span-1">
            <label htmlFor="p-basis" className="block font-medium">
              {t("members.basis")}
            </label>
            <select
              id="p-basis"
              name="dasar"
              className="field-input"
              defaultValue={asked?.basis ?? "QUANTITY"}
            >
              {DISTRIBUTION_BASES.map((basis) => (
                <option key={basis} value={basis}>
                  {t(`members.basis.${basis}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="btn-secondary col-span-2 sm:col-span-1">
            {t("members.preview")}
          </button>
        </Form>
        {problem ? (
          <p role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-amber-900">
            {translateEncoded(t, problem)}
          </p>
        ) : null}
        {proposal ? (
          <div className="space-y-3">
            <h3 className="font-bold">
              {t("members.proposal", {
                from: formatDate(proposal.period.from, lang),
                to: formatDate(periodLastMoment(new Date(proposal.period.to)), lang),
              })}
            </h3>
            <dl className="grid grid-cols-[1fr_auto] gap-x-3 gap-y-1 text-sm">
              <dt>{t("members.income")}</dt>
              <dd className="text-right tabular-nums">{formatRupiah(proposal.income)}</dd>
              <dt>{t("members.costs")}</dt>
              <dd className="text-right tabular-nums">−{formatRupiah(proposal.costs)}</dd>
              <dt>{t("members.fund_amount", { percent: proposal.fundPercent })}</dt>
              <dd className="text-right tabular-nums">−{formatRupiah(proposal.fundAmount)}</dd>
              <dt className="font-bold">{t("members.distributable")}</dt>
              <dd className="text-right font-bold tabular-nums">{formatRupiah(proposal.distributable)}</dd>
            </dl>
            <table className="w-full text-left text-sm">
              <thead>
                <tr className="border-b border-stone-200">
                  <th scope="col" className="py-2">
                    {t("members.member")}
                  </th>
                  <th scope="col" className="py-2 text-right">
                    {t("members.contribution")}
                  </th>
                  <th scope="col" className="py-2 text-right">
                    {t("members.share")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {proposal.shares.map((share) => (
                  <tr key={share.memberId} className="border-b border-stone-100">
                    <th scope="row" className="py-2 font-medium">
                      {share.name}
                    </th>
                    <td className="py-2 text-right tabular-nums">
                      {proposal.basis === "QUANTITY"
                        ? t("members.units_short", { count: share.contribution })
                        : t("members.hours_short", { count: share.contribution })}
                    </td>
                    <td className="py-2 text-right tabular-nums">{formatRupiah(share.amount)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Form method="post">
              <input type="hidden" name="intent" value="save" />
              <input type="hidden" name="from" value={proposal.fromKey} />
              <input type="hidden" name="to" value={proposal.toKey} />
              <input type="hidden" name="basis" value={proposal.basis} />
              <button type="submit" className="btn-primary" disabled={busy}>
                {t("members.save_proposal")}
              </button>
            </Form>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="list-heading" className="space-y-2">
        <h2 id="list-heading" className="text-lg font-bold">
          {t("members.distributions")}
        </h2>
        {distributions.length === 0 ? (
          <p className="card text-stone-600">{t("members.distributions_none")}</p>
        ) : (
          <ul className="divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white">
            {distributions.map((d) => (
              <li key={d.id} className="p-3">
                <Link to={`/kelola/bagi-hasil/${d.number}`} className="font-semibold hover:underline">
                  {d.number}
                </Link>
                <p className="text-sm text-stone-600">
                  {formatDate(d.periodFrom, lang)} –{" "}
                  {formatDate(periodLastMoment(new Date(d.periodTo)), lang)} ·{" "}
                  {t(`members.status.${d.status}`)} · {formatRupiah(d.distributable)}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="fund-heading" className="card space-y-3">
        <h2 id="fund-heading" className="text-lg font-bold">
          {t("members.fund_rate")}
        </h2>
        <p>
          {current ? t("members.fund_rate_now", { percent: current.percent }) : t("members.fund_rate_none")}
        </p>
        <Form method="post" className="grid grid-cols-2 items-end gap-3 sm:grid-cols-4">
          <input type="hidden" name="intent" value="fund-rate" />
          <Field
            label={t("members.fund_percent")}
            htmlFor="f-pct"
            errorId="f-pct-error"
            errors={errors.percent}
          >
            <WholeNumberInput
              id="f-pct"
              name="percent"
              min={0}
              max={100}
              defaultValue={typedValue(lastResult, "percent")}
              required
            />
          </Field>
          <Field
            label={t("members.valid_from")}
            htmlFor="f-from"
            errorId="f-from-error"
            errors={errors.validFrom}
          >
            <input
              id="f-from"
              name="validFrom"
              type="date"
              className="field-input"
              defaultValue={typedValue(lastResult, "validFrom") ?? today}
              required
            />
          </Field>
          <div className="col-span-2">
            <Field
              label={t("members.reason")}
              htmlFor="f-reason"
              errorId="f-reason-error"
              errors={errors.reason}
            >
              <input
                id="f-reason"
                name="reason"
                className="field-input"
                defaultValue={typedValue(lastResult, "reason")}
              />
            </Field>
          </div>
          <button type="submit" className="btn-secondary col-span-2 sm:col-span-1" disabled={busy}>
            {t("members.fund_rate_set")}
          </button>
        </Form>
        {rates.length > 0 ? (
          <table className="w-full text-left text-sm">
            <caption className="py-1 text-left font-semibold">{t("members.fund_history")}</caption>
            <thead>
              <tr className="border-b border-stone-200">
                <th scope="col" className="py-2">
                  {t("members.valid_from")}
                </th>
                <th scope="col" className="py-2 text-right">
                  %
                </th>
                <th scope="col" className="py-2">
                  {t("members.reason")}
                </th>
              </tr>
            </thead>
            <tbody>
              {rates.map((rate) => (
                <tr key={rate.id} className="border-b border-stone-100">
                  <td className="py-2">{formatDate(rate.validFrom, lang)}</td>
                  <td className="py-2 text-right tabular-nums">{rate.percent}</td>
                  <td className="py-2">{rate.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
