import { describe, expect, it } from "vitest";
import { deriveStage, STAGE_THRESHOLDS, type StageFacts } from "~/.server/groups/stage-rule";
import { BaselineMethod, GroupStage } from "~/.server/db/generated/sqlite/enums";
import { BASELINE_METHODS, GROUP_STAGES } from "~/forms/stewardship";

// The stage rule (docs/decisions/019-kube-stage-rule.md), boundary by boundary: each criterion
// exactly at its threshold and one step below, everything else held where the stage is reached.

const B = STAGE_THRESHOLDS.BERKEMBANG;
const M = STAGE_THRESHOLDS.MAJU;

/** Exactly at every Berkembang bar, below every Maju bar that differs. */
const berkembang: StageFacts = {
  monthsWithIncome: B.monthsWithIncome,
  averageRecentIncome: 1_000_001,
  baseline: 1_000_000,
  distinctBuyers: B.distinctBuyers,
  activeMembers: B.activeMembers,
  delivered: 0,
  onTime: 0,
  supports: 0,
};

/** Exactly at every Maju bar. */
const maju: StageFacts = {
  monthsWithIncome: M.monthsWithIncome,
  averageRecentIncome: 2_000_000,
  baseline: 1_000_000,
  distinctBuyers: M.distinctBuyers,
  activeMembers: M.activeMembers,
  delivered: M.minDeliveries,
  onTime: Math.ceil(M.minDeliveries * M.onTimeShare),
  supports: M.supports,
};

describe("the KUBE stage rule", () => {
  it("a new group with nothing recorded is Tumbuh, every criterion unmet", () => {
    const verdict = deriveStage({
      monthsWithIncome: 0,
      averageRecentIncome: 0,
      baseline: null,
      distinctBuyers: 0,
      activeMembers: 0,
      delivered: 0,
      onTime: 0,
      supports: 0,
    });
    expect(verdict.stage).toBe("TUMBUH");
    expect(verdict.criteria.every((c) => !c.met)).toBe(true);
  });

  it("is Berkembang exactly at every Berkembang bar", () => {
    expect(deriveStage(berkembang).stage).toBe("BERKEMBANG");
  });

  it("is Maju exactly at every Maju bar", () => {
    const verdict = deriveStage(maju);
    expect(verdict.stage).toBe("MAJU");
    expect(verdict.criteria.every((c) => c.met)).toBe(true);
  });

  it.each([
    ["one month with income too few", { monthsWithIncome: B.monthsWithIncome - 1 }],
    ["income equal to the baseline, not above it", { averageRecentIncome: 1_000_000 }],
    ["no baseline to measure growth against", { baseline: null }],
    ["one buyer only", { distinctBuyers: B.distinctBuyers - 1 }],
    ["one active member too few", { activeMembers: B.activeMembers - 1 }],
  ] as const)("falls back to Tumbuh with %s", (_, change) => {
    const verdict = deriveStage({ ...berkembang, ...change });
    expect(verdict.stage).toBe("TUMBUH");
    expect(verdict.criteria.filter((c) => c.stage === "BERKEMBANG" && !c.met)).toHaveLength(1);
  });

  it.each([
    ["one month with income too few", { monthsWithIncome: M.monthsWithIncome - 1 }, "months_with_income"],
    [
      "income one rupiah under twice the baseline",
      { averageRecentIncome: 1_999_999 },
      "income_over_baseline",
    ],
    ["one buyer too few", { distinctBuyers: M.distinctBuyers - 1 }, "distinct_buyers"],
    ["one active member too few", { activeMembers: M.activeMembers - 1 }, "active_members"],
    [
      "one delivery too few to judge",
      { delivered: M.minDeliveries - 1, onTime: M.minDeliveries - 1 },
      "on_time",
    ],
    ["one late delivery too many", { delivered: 10, onTime: 7 }, "on_time"],
    ["no support from any institution", { supports: 0 }, "supports"],
  ] as const)("stays Berkembang with %s", (_, change, failing) => {
    const verdict = deriveStage({ ...maju, ...change });
    expect(verdict.stage).toBe("BERKEMBANG");
    expect(verdict.criteria.filter((c) => !c.met).map((c) => c.key)).toEqual([failing]);
  });

  it("counts on time at exactly the share: 8 of 10 holds", () => {
    expect(deriveStage({ ...maju, delivered: 10, onTime: 8 }).stage).toBe("MAJU");
  });

  it("reads a baseline of zero as growth when there is any income, and none when there is none", () => {
    expect(deriveStage({ ...maju, baseline: 0, averageRecentIncome: 1 }).stage).toBe("MAJU");
    expect(deriveStage({ ...berkembang, baseline: 0, averageRecentIncome: 0 }).stage).toBe("TUMBUH");
  });

  it("reports the measured value beside each bar", () => {
    const verdict = deriveStage({ ...maju, delivered: 10, onTime: 9 });
    const onTime = verdict.criteria.find((c) => c.key === "on_time");
    expect(onTime).toMatchObject({ value: 0.9, threshold: M.onTimeShare, met: true });
    const growth = verdict.criteria.find((c) => c.stage === "MAJU" && c.key === "income_over_baseline");
    expect(growth).toMatchObject({ value: 2, threshold: 2 });
  });
});

describe("the stewardship forms' enums", () => {
  it("match the database's", () => {
    expect([...BASELINE_METHODS].sort()).toEqual(Object.values(BaselineMethod).sort());
    expect([...GROUP_STAGES].sort()).toEqual(Object.values(GroupStage).sort());
  });
});
