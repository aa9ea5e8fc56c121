import type { BaselineMethod, InstitutionKind, SupportKind } from "~/.server/db/generated/sqlite/enums";
import type { MessageKey } from "~/locales";

// Catalog keys for the monitoring values the reports print (institutions, what they gave, how a
// baseline was measured), so every label in a report or export goes through the catalogs.

export const INSTITUTION_KIND_REPORT_KEYS: Record<InstitutionKind, MessageKey> = {
  DPMD: "rep.institution_kind.DPMD",
  DKUKM: "rep.institution_kind.DKUKM",
  DISDALDUK: "rep.institution_kind.DISDALDUK",
  VILLAGE_GOVERNMENT: "rep.institution_kind.VILLAGE_GOVERNMENT",
  PKK: "rep.institution_kind.PKK",
  BUMDES: "rep.institution_kind.BUMDES",
  BANK: "rep.institution_kind.BANK",
  TRAINING_PROVIDER: "rep.institution_kind.TRAINING_PROVIDER",
  CSR: "rep.institution_kind.CSR",
  OTHER: "rep.institution_kind.OTHER",
};

export const SUPPORT_KIND_REPORT_KEYS: Record<SupportKind, MessageKey> = {
  TRAINING: "rep.support_kind.TRAINING",
  AID_MONEY: "rep.support_kind.AID_MONEY",
  AID_KIND: "rep.support_kind.AID_KIND",
  EXHIBITION: "rep.support_kind.EXHIBITION",
  PERMIT: "rep.support_kind.PERMIT",
  LOAN: "rep.support_kind.LOAN",
};

export const BASELINE_METHOD_REPORT_KEYS: Record<BaselineMethod, MessageKey> = {
  SURVEY: "rep.baseline_method.SURVEY",
  INTERVIEW: "rep.baseline_method.INTERVIEW",
  RECORDS: "rep.baseline_method.RECORDS",
  ESTIMATE: "rep.baseline_method.ESTIMATE",
};
