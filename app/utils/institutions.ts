import type { InstitutionKind, SupportKind } from "~/.server/db/generated/sqlite/enums";
import type { MessageKey } from "~/locales";

// What the institution and support pages may offer, safe for the browser: the kinds, their catalog
// keys, and which kinds of support carry an amount.

export const INSTITUTION_KINDS = [
  "DPMD",
  "DKUKM",
  "DISDALDUK",
  "VILLAGE_GOVERNMENT",
  "PKK",
  "BUMDES",
  "BANK",
  "TRAINING_PROVIDER",
  "CSR",
  "OTHER",
] as const satisfies readonly InstitutionKind[];

export const SUPPORT_KINDS = [
  "TRAINING",
  "AID_MONEY",
  "AID_KIND",
  "EXHIBITION",
  "PERMIT",
  "LOAN",
] as const satisfies readonly SupportKind[];

export const INSTITUTION_KIND_KEYS: Record<InstitutionKind, MessageKey> = {
  DPMD: "inst.kind.DPMD",
  DKUKM: "inst.kind.DKUKM",
  DISDALDUK: "inst.kind.DISDALDUK",
  VILLAGE_GOVERNMENT: "inst.kind.VILLAGE_GOVERNMENT",
  PKK: "inst.kind.PKK",
  BUMDES: "inst.kind.BUMDES",
  BANK: "inst.kind.BANK",
  TRAINING_PROVIDER: "inst.kind.TRAINING_PROVIDER",
  CSR: "inst.kind.CSR",
  OTHER: "inst.kind.OTHER",
};

export const SUPPORT_KIND_KEYS: Record<SupportKind, MessageKey> = {
  TRAINING: "inst.support.TRAINING",
  AID_MONEY: "inst.support.AID_MONEY",
  AID_KIND: "inst.support.AID_KIND",
  EXHIBITION: "inst.support.EXHIBITION",
  PERMIT: "inst.support.PERMIT",
  LOAN: "inst.support.LOAN",
};

export type AmountRule = "required" | "optional" | "refused";

/**
 * Whether a support has an amount: money given or lent always does; aid in kind may carry what the
 * goods are worth; a training, an exhibition or a permit has none (a number there means nothing).
 */
export function amountRule(kind: SupportKind): AmountRule {
  if (kind === "AID_MONEY" || kind === "LOAN") return "required";
  if (kind === "AID_KIND") return "optional";
  return "refused";
}

/** Only aid in money is the group's cash: it is written in the group's book (an AID line). */
export function writesToBook(kind: SupportKind): boolean {
  return kind === "AID_MONEY";
}

export function isSupportKind(value: string): value is SupportKind {
  return (SUPPORT_KINDS as readonly string[]).includes(value);
}

export function isInstitutionKind(value: string): value is InstitutionKind {
  return (INSTITUTION_KINDS as readonly string[]).includes(value);
}
