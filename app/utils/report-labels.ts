import type { BaselineMethod } from "~/.server/db/generated/sqlite/enums";
import type { MessageKey } from "~/locales";

// Catalog keys for how a baseline was measured, as the reports print it (the kinds of institution
// and support have theirs in utils/institutions).

export const BASELINE_METHOD_REPORT_KEYS: Record<BaselineMethod, MessageKey> = {
  SURVEY: "rep.baseline_method.SURVEY",
  INTERVIEW: "rep.baseline_method.INTERVIEW",
  RECORDS: "rep.baseline_method.RECORDS",
  ESTIMATE: "rep.baseline_method.ESTIMATE",
};

/** The rows of the period report's before/after table, in the order they print. */
export const BEFORE_AFTER_KEYS = [
  "businesses",
  "links",
  "government",
  "otherInstitutions",
  "income",
  "activeMembers",
  "earningShare",
  "meetings",
  "followUpsDone",
] as const;

export type BeforeAfterKey = (typeof BEFORE_AFTER_KEYS)[number];

export const BEFORE_AFTER_LABEL_KEYS: Record<BeforeAfterKey, MessageKey> = {
  businesses: "rep.ba.businesses",
  links: "rep.ba.links",
  government: "rep.ba.government",
  otherInstitutions: "rep.ba.other_institutions",
  income: "rep.ba.income",
  activeMembers: "rep.ba.active_members",
  earningShare: "rep.ba.earning_share",
  meetings: "rep.ba.meetings",
  followUpsDone: "rep.ba.follow_ups_done",
};

/**
 * Each row's one-line definition. Where "in the period" is a dashboard indicator, its definition
 * is the indicator's own (monitoring/indicators), so the report and the dashboard say the same.
 */
export const BEFORE_AFTER_DEFINITION_KEYS: Record<BeforeAfterKey, MessageKey> = {
  businesses: "mon.def.buyers",
  links: "mon.def.links",
  government: "rep.ba.def.government",
  otherInstitutions: "rep.ba.def.other_institutions",
  income: "rep.ba.def.income",
  activeMembers: "mon.def.active_members",
  earningShare: "mon.def.earning_share",
  meetings: "rep.ba.def.meetings",
  followUpsDone: "rep.ba.def.follow_ups_done",
};
