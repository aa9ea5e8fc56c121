import type { GroupStage } from "../db/client";

// The rule that derives a group's Kemensos stage (Tumbuh / Berkembang / Maju) from what Jejaring
// records, with the reason behind each step. Pure: the facts are gathered by ./stage.ts. Why these
// criteria and thresholds, and what else was considered: docs/decisions/019-kube-stage-rule.md.

/** What the rule reads: the twelve complete WIB months before the one running now. */
export type StageFacts = {
  /** Months (of the twelve) in which the cash book shows earned income above zero. */
  monthsWithIncome: number;
  /** Average earned income per month over the last six of those months. */
  averageRecentIncome: number;
  /** The baseline (pendapatan awal) per month, or null when TKM has not recorded one. */
  baseline: number | null;
  /** Businesses that ordered (not refused or cancelled) in the twelve months. */
  distinctBuyers: number;
  /** Members with recorded work in the twelve months. */
  activeMembers: number;
  /** Orders delivered in the twelve months, and of those the ones on time. */
  delivered: number;
  onTime: number;
  /** Support from institutions (training, aid, permits, loans, exhibitions) in the twelve months. */
  supports: number;
};

export const STAGE_THRESHOLDS = {
  BERKEMBANG: { monthsWithIncome: 6, incomeOverBaseline: 1, distinctBuyers: 2, activeMembers: 3 },
  MAJU: {
    monthsWithIncome: 10,
    incomeOverBaseline: 2,
    distinctBuyers: 5,
    activeMembers: 5,
    minDeliveries: 5,
    onTimeShare: 0.8,
    supports: 1,
  },
} as const;

export type CriterionKey =
  | "months_with_income"
  | "income_over_baseline"
  | "distinct_buyers"
  | "active_members"
  | "on_time"
  | "supports";

/** One step of the rule: which stage it is needed for, whether it holds, the value and the bar. */
export type Criterion = {
  stage: Exclude<GroupStage, "TUMBUH">;
  key: CriterionKey;
  met: boolean;
  /** The measured value: a count, a ratio (income over baseline) or a share; null when unknown. */
  value: number | null;
  threshold: number;
};

export type StageVerdict = { stage: GroupStage; criteria: Criterion[] };

/** Income over baseline as a ratio; null when there is no baseline, or it is zero. */
function incomeRatio(facts: StageFacts): number | null {
  if (facts.baseline === null || facts.baseline === 0) return null;
  return facts.averageRecentIncome / facts.baseline;
}

/** Whether recent income is at least `times` the baseline (above it, when `strictly`). */
function grewBy(facts: StageFacts, times: number, strictly: boolean): boolean {
  if (facts.baseline === null) return false;
  // A baseline of zero (no income at all before joining): any income is growth, none is not.
  if (facts.baseline === 0) return facts.averageRecentIncome > 0;
  const target = facts.baseline * times;
  return strictly ? facts.averageRecentIncome > target : facts.averageRecentIncome >= target;
}

/**
 * Berkembang when every Berkembang criterion holds; Maju when, in addition, every Maju criterion
 * holds; else Tumbuh. Without a baseline, growth cannot be measured and the rule stays at Tumbuh
 * (TKM may override with a reason, or record the baseline first).
 */
export function deriveStage(facts: StageFacts): StageVerdict {
  const ratio = incomeRatio(facts);
  const b = STAGE_THRESHOLDS.BERKEMBANG;
  const m = STAGE_THRESHOLDS.MAJU;
  const onTimeShare = facts.delivered > 0 ? facts.onTime / facts.delivered : null;
  const criteria: Criterion[] = [
    {
      stage: "BERKEMBANG",
      key: "months_with_income",
      met: facts.monthsWithIncome >= b.monthsWithIncome,
      value: facts.monthsWithIncome,
      threshold: b.monthsWithIncome,
    },
    {
      stage: "BERKEMBANG",
      key: "income_over_baseline",
      met: grewBy(facts, b.incomeOverBaseline, true),
      value: ratio,
      threshold: b.incomeOverBaseline,
    },
    {
      stage: "BERKEMBANG",
      key: "distinct_buyers",
      met: facts.distinctBuyers >= b.distinctBuyers,
      value: facts.distinctBuyers,
      threshold: b.distinctBuyers,
    },
    {
      stage: "BERKEMBANG",
      key: "active_members",
      met: facts.activeMembers >= b.activeMembers,
      value: facts.activeMembers,
      threshold: b.activeMembers,
    },
    {
      stage: "MAJU",
      key: "months_with_income",
      met: facts.monthsWithIncome >= m.monthsWithIncome,
      value: facts.monthsWithIncome,
      threshold: m.monthsWithIncome,
    },
    {
      stage: "MAJU",
      key: "income_over_baseline",
      met: grewBy(facts, m.incomeOverBaseline, false),
      value: ratio,
      threshold: m.incomeOverBaseline,
    },
    {
      stage: "MAJU",
      key: "distinct_buyers",
      met: facts.distinctBuyers >= m.distinctBuyers,
      value: facts.distinctBuyers,
      threshold: m.distinctBuyers,
    },
    {
      stage: "MAJU",
      key: "active_members",
      met: facts.activeMembers >= m.activeMembers,
      value: facts.activeMembers,
      threshold: m.activeMembers,
    },
    {
      stage: "MAJU",
      key: "on_time",
      // Too few deliveries say nothing about reliability: below the minimum it does not hold.
      met: facts.delivered >= m.minDeliveries && onTimeShare !== null && onTimeShare >= m.onTimeShare,
      value: onTimeShare,
      threshold: m.onTimeShare,
    },
    {
      stage: "MAJU",
      key: "supports",
      met: facts.supports >= m.supports,
      value: facts.supports,
      threshold: m.supports,
    },
  ];
  const holds = (stage: Criterion["stage"]) => criteria.filter((c) => c.stage === stage).every((c) => c.met);
  const stage: GroupStage = holds("BERKEMBANG") ? (holds("MAJU") ? "MAJU" : "BERKEMBANG") : "TUMBUH";
  return { stage, criteria };
}
