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
