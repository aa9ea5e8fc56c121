import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { pendingTransfers, reviewTransfer } from "~/.server/payments/transfers";
import { FormErrors } from "~/components/forms";
import { TransferReview } from "~/components/transfer-review";
import { ReviewTransferSchema } from "~/forms/order";
import { StandingSchema } from "~/forms/stewardship";
import { requireTkmOfficer } from "~/.server/auth/guards";
import { stageFacts } from "~/.server/groups/stage";
import { deriveStage } from "~/.server/groups/stage-rule";
import { changeStanding, groupStanding } from "~/.server/groups/verification";
import { getLang } from "~/.server/http/lang";
import { refusalResponse } from "~/.server/http/refusal";
import { StandingForms } from "~/components/standing";
import { GROUP_STAGE_KEYS } from "~/utils/labels";
import { z } from "~/forms/zod";
import { invariantResponse } from "~/.server/http/responses";
import { groupIncomeInArea } from "~/.server/reports/income";
import { readForm } from "~/.server/http/form";
import { OrderStatusBadge } from "~/components/order-view";
import { MonthlyBars } from "~/components/monthly-bars";
import { encodeMessage, useLang, useT } from "~/utils/i18n";
import { plainTitle } from "~/utils/meta";
import { formatRupiah } from "~/utils/money";
import { formatDate } from "~/utils/time";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? plainTitle(matches, data.group.name) : [];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { team } = await requireTkmOfficer(request);
  // A group outside the team's area is answered exactly like one that does not exist.
  const report = await groupIncomeInArea(team.areaPath, params.groupId ?? "", 12);
  invariantResponse(report);
  const tenant = { groupId: report.group.id };
  const [transfers, standing, facts] = await Promise.all([
    pendingTransfers(tenant),
    groupStanding({ areaPath: team.areaPath, groupId: report.group.id }),
    stageFacts(tenant),
  ]);
  invariantResponse(standing);
  return { ...report, transfers, standing, derivedStage: deriveStage(facts).stage };
}

const GroupPageSchema = z.discriminatedUnion("intent", [ReviewTransferSchema, StandingSchema]);

/** A TKM officer may confirm a reported transfer for a group in the team's area (the group's
 * treasurer may not have a phone with banking at hand), and verify or suspend the group. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, team } = await requireTkmOfficer(request);
  const submission = parseWithZod(await readForm(request), { schema: GroupPageSchema });
  if (submission.status !== "success") return Response.json(submission.reply(), { status: 400 });
  if (submission.value.intent === "standing") {
    // Only this page's group: another id in the form is answered as not found.
    const { entity, id, action, reason } = submission.value;
    if (entity !== "group" || id !== params.groupId) throw new Response("Not found", { status: 404 });
    const changed = await changeStanding({ areaPath: team.areaPath }, viewer.id, {
      entity,
      id,
      action,
      reason: reason ?? "",
    });
    if (!changed.ok) return refusalResponse(submission.reply, changed, await getLang(request));
    return redirect(`/tkm/kelompok/${params.groupId}`);
  }
  const reviewed = await reviewTransfer(
    { kind: "tkm", areaPath: team.areaPath, groupId: params.groupId ?? "" },
    viewer.id,
    submission.value.paymentId,
    submission.value.decision,
  );
  if (!reviewed.ok) {
    if (reviewed.key === "transfer.not_found") throw new Response("Not found", { status: 404 });
    return Response.json(submission.reply({ formErrors: [encodeMessage(reviewed.key, reviewed.params)] }), {
      status: 400,
    });
  }
  return redirect(`/tkm/kelompok/${params.groupId}`);
}

export default function TkmGroup() {
  const t = useT();
  const lang = useLang();
  const { group, months, income, orders, transfers, standing, derivedStage } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="space-y-4">
      <Link to="/tkm" className="link inline-flex min-h-11 items-center">
        ← {t("tkm.back")}
      </Link>
      <FormErrors
        errors={lastResult?.initialValue?.intent === "standing" ? null : (lastResult?.error?.[""] ?? null)}
      />
      <TransferReview transfers={transfers} showOrder />
      <header>
        <h1 className="text-2xl font-bold">{group.name}</h1>
        <p className="text-stone-600">
          {[group.rw ? `RW ${group.rw}` : null, group.village.name].filter(Boolean).join(", ")} ·{" "}
          {t("group.member_count", { count: group._count.members })} ·{" "}
          {t("tkm.active_products", { count: group._count.products })}
        </p>
        <p className="flex flex-wrap gap-x-4">
          <Link to={`/tkm/kelompok/${group.id}/kas`} className="link inline-flex min-h-11 items-center">
            {t("book.nav")}
          </Link>
          <Link to={`/tkm/kelompok/${group.id}/akun`} className="link inline-flex min-h-11 items-center">
            {t("account.manage_link")}
          </Link>
          <Link to={`/tkm/kelompok/${group.id}/awal`} className="link inline-flex min-h-11 items-center">
            {t("stew.nav.baseline")}
          </Link>
          <Link to={`/tkm/kelompok/${group.id}/tahap`} className="link inline-flex min-h-11 items-center">
            {t("stew.nav.stage")}
          </Link>
          <Link to={`/tkm/tanda/${group.id}`} className="link inline-flex min-h-11 items-center">
            {t("mon.nav.flags")}
          </Link>
          <Link to={`/tkm/lembaga?kelompok=${group.id}`} className="link inline-flex min-h-11 items-center">
            {t("mon.nav.support")}
          </Link>
          <a
            href={`/tkm/kelompok/${group.id}/proposal.pdf`}
            className="link inline-flex min-h-11 items-center"
            download
          >
            {t("rep.pack.link")}
          </a>
        </p>
        <p className="text-sm text-stone-600">
          {group.baselineMonthlyIncome !== null
            ? t("tkm.baseline", { amount: formatRupiah(group.baselineMonthlyIncome) })
            : t("stew.baseline.none")}
        </p>
        <p className="text-sm text-stone-600">
          {t("stew.stage.decided", { stage: t(GROUP_STAGE_KEYS[group.stage]) })} ·{" "}
          {t("stew.stage.rule_says", { stage: t(GROUP_STAGE_KEYS[derivedStage]) })}
        </p>
      </header>
      <section className="card" aria-labelledby="monthly">
        <h2 id="monthly" className="font-bold">
          {t("tkm.monthly_income")}
        </h2>
        <MonthlyBars months={months} amounts={income} baseline={group.baselineMonthlyIncome} />
      </section>
      <StandingForms
        entity="group"
        id={group.id}
        standing={standing}
        lastResult={lastResult?.initialValue?.intent === "standing" ? lastResult : undefined}
      />
      <section className="card" aria-labelledby="recent-orders">
        <h2 id="recent-orders" className="font-bold">
          {t("tkm.recent_orders")}
        </h2>
        {orders.length === 0 ? (
          <p className="text-stone-600">{t("orders.empty")}</p>
        ) : (
          <ul className="mt-2 divide-y divide-stone-100">
            {orders.map((order) => (
              <li
                key={order.number}
                className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm"
              >
                <span>
                  <strong>{order.number}</strong> · {order.business.name} · {formatDate(order.placedAt, lang)}{" "}
                  · {formatRupiah(order.total)}
                </span>
                <OrderStatusBadge status={order.status} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
