import { useT } from "~/utils/i18n";
import { GROUP_STAGE_KEYS } from "~/utils/labels";
import { formatRupiah } from "~/utils/money";

// The stage rule's reasons, criterion by criterion, grouped by the stage they are needed for
// (see app/.server/groups/stage-rule.ts and docs/decisions/019-kube-stage-rule.md).

type Criterion = {
  stage: "BERKEMBANG" | "MAJU";
  key:
    | "months_with_income"
    | "income_over_baseline"
    | "distinct_buyers"
    | "active_members"
    | "on_time"
    | "supports";
  met: boolean;
  value: number | null;
  threshold: number;
};

type Facts = {
  averageRecentIncome: number;
  baseline: number | null;
  delivered: number;
  onTime: number;
};

const percent = (share: number) => `${Math.round(share * 100)}%`;

export function StageCriteria({
  criteria,
  facts,
  minDeliveries,
}: {
  criteria: Criterion[];
  facts: Facts;
  minDeliveries: number;
}) {
  const t = useT();
  function describe(c: Criterion): string {
    const value = c.value ?? 0;
    switch (c.key) {
      case "months_with_income":
        return t("stew.criterion.months_with_income", { value, threshold: c.threshold });
      case "income_over_baseline": {
        const head =
          c.stage === "MAJU"
            ? t("stew.criterion.income_over_baseline.MAJU", { threshold: c.threshold })
            : t("stew.criterion.income_over_baseline.BERKEMBANG");
        const now =
          facts.baseline === null
            ? t("stew.criterion.no_baseline")
            : t("stew.criterion.income_now", {
                income: formatRupiah(facts.averageRecentIncome),
                baseline: formatRupiah(facts.baseline),
              });
        return `${head} — ${now}`;
      }
      case "distinct_buyers":
        return t("stew.criterion.distinct_buyers", { value, threshold: c.threshold });
      case "active_members":
        return t("stew.criterion.active_members", { value, threshold: c.threshold });
      case "on_time":
        return t("stew.criterion.on_time", {
          onTime: facts.onTime,
          delivered: facts.delivered,
          share: percent(c.threshold),
          min: minDeliveries,
        });
      case "supports":
        return t("stew.criterion.supports", { value, threshold: c.threshold });
    }
  }
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      {(["BERKEMBANG", "MAJU"] as const).map((stage) => (
        <section key={stage} className="card space-y-2" aria-labelledby={`needs-${stage}`}>
          <h2 id={`needs-${stage}`} className="font-bold">
            {t("stew.stage.needs_for", { stage: t(GROUP_STAGE_KEYS[stage]) })}
          </h2>
          <ul className="space-y-2 text-sm">
            {criteria
              .filter((c) => c.stage === stage)
              .map((c) => (
                <li key={c.key} className="flex gap-2">
                  <span
                    aria-hidden="true"
                    className={`mt-0.5 inline-flex size-5 shrink-0 items-center justify-center rounded-full text-xs font-bold ${
                      c.met ? "bg-brand-700 text-white" : "bg-stone-200 text-stone-700"
                    }`}
                  >
                    {c.met ? "✓" : "–"}
                  </span>
                  <span>
                    {describe(c)}
                    <span className={`ml-1 font-semibold ${c.met ? "text-brand-800" : "text-stone-600"}`}>
                      ({c.met ? t("stew.stage.met") : t("stew.stage.not_met")})
                    </span>
                  </span>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
