import { audit } from "../audit/audit";
import { db, type Prisma, type SupportKind, type Tx } from "../db/client";
import { lockRow } from "../db/locks";
import { recordAidReceived, reverseAidReceived } from "../ledger/aid";
import { amountRule, writesToBook } from "~/utils/institutions";
import { wibDateKey, wibNoon } from "~/utils/delivery";
import { wibMonthStart } from "~/utils/time";
import { groupsInside, visibleInstitutions, type AreaTenant, type Refusal } from "./institutions";

// What institutions gave the groups (dukungan): a training, aid in money or in kind, an exhibition,
// a permit (P-IRT, halal), a loan — dated, per group, with the amount where there is one. Aid in
// money is the group's cash as well: its AID line is written in the group's book in the same
// transaction (ledger/aid.ts) and linked from the Support; removing or correcting it takes the line
// back the ledger's way (a reversing line) and, for a correction, writes the right one.

const EARLIEST_DAY = "2000-01-01";
const WEEK = 7 * 24 * 60 * 60 * 1000;

export type SupportInput = {
  formKey: string;
  institutionId: string;
  groupId: string;
  kind: SupportKind;
  title: string;
  date: string;
  amount: number | null;
  note: string;
};

export type SupportWriteResult = { ok: true; id: string | null; duplicate: boolean } | Refusal;

/** The checks that need no database; the first problem, on its field. */
function supportProblem(
  input: { kind: SupportKind; date: string; amount: number | null; title: string },
  now: Date,
): Refusal | null {
  const rule = amountRule(input.kind);
  if (rule === "required" && input.amount === null) {
    return { ok: false, key: "inst.amount_required", field: "amount" };
  }
  if (rule === "refused" && input.amount !== null) {
    return { ok: false, key: "inst.amount_refused", field: "amount" };
  }
  if (input.amount !== null && (!Number.isSafeInteger(input.amount) || input.amount < 1)) {
    return { ok: false, key: "form.positive", field: "amount" };
  }
  if (!input.title.trim()) return { ok: false, key: "form.required", field: "title" };
  if (!wibNoon(input.date) || input.date < EARLIEST_DAY) {
    return { ok: false, key: "form.date_invalid", field: "date" };
  }
  if (input.date > wibDateKey(now)) return { ok: false, key: "inst.date_future", field: "date" };
  return null;
}

/** Was this form (its key) already recorded for the group? The audit event carries the key. */
async function formAlreadyRecorded(tx: Tx, groupId: string, formKey: string, now: Date) {
  const found = await tx.auditEvent.findFirst({
    where: {
      groupId,
      entityType: "Support",
      createdAt: { gte: new Date(now.getTime() - WEEK) },
      // Letters, digits and dashes only (the form schema): it cannot act as a pattern.
      data: { contains: `"formKey":"${formKey}"` },
    },
    select: { entityId: true },
  });
  return found;
}

/**
 * Records what an institution gave a group of the team's area. An institution or group the team
 * cannot see is "not found". The group's row is locked first, so a form sent twice (the same key)
 * is one Support and one cash line, even when both arrive at once.
 */
export async function recordSupport(
  tenant: AreaTenant,
  actorId: string,
  input: SupportInput,
  now = new Date(),
): Promise<SupportWriteResult> {
  const problem = supportProblem(input, now);
  if (problem) return problem;
  const [institution, group] = await Promise.all([
    db.institution.findFirst({
      where: { id: input.institutionId, ...visibleInstitutions(tenant) },
      select: { id: true, name: true },
    }),
    db.group.findFirst({ where: { id: input.groupId, ...groupsInside(tenant) }, select: { id: true } }),
  ]);
  if (!institution || !group) return { ok: false, key: "inst.not_found", notFound: true };
  return db.$transaction(async (tx) => {
    if (!(await lockRow(tx, "Group", { id: group.id }))) {
      return { ok: false, key: "inst.not_found", notFound: true };
    }
    const earlier = await formAlreadyRecorded(tx, group.id, input.formKey, now);
    if (earlier) return { ok: true, id: earlier.entityId, duplicate: true };
    const title = input.title.trim();
    const cashEntryId = writesToBook(input.kind)
      ? await recordAidReceived(tx, {
          groupId: group.id,
          amount: input.amount as number,
          occurredAt: wibNoon(input.date) as Date,
          description: title,
          giver: institution.name,
          actorId,
          now,
        })
      : null;
    const support = await tx.support.create({
      data: {
        institutionId: institution.id,
        groupId: group.id,
        kind: input.kind,
        title,
        date: wibNoon(input.date) as Date,
        amount: input.amount,
        note: input.note.trim(),
        cashEntryId,
        recordedById: actorId,
        createdAt: now,
      },
      select: { id: true },
    });
    await audit(tx, {
      actorId,
      action: "support.record",
      entityType: "Support",
      entityId: support.id,
      groupId: group.id,
      data: {
        formKey: input.formKey,
        institutionId: institution.id,
        kind: input.kind,
        title,
        date: input.date,
        amount: input.amount,
        cashEntryId,
      },
    });
    return { ok: true, id: support.id, duplicate: false };
  });
}

const SUPPORT_ROW = {
  id: true,
  institutionId: true,
  groupId: true,
  kind: true,
  title: true,
  date: true,
  amount: true,
  note: true,
  cashEntryId: true,
} as const satisfies Prisma.SupportSelect;

/** A support of a group in the area, read after the group's lock; null when gone or outside. */
async function lockedSupport(tx: Tx, tenant: AreaTenant, supportId: string) {
  const found = await tx.support.findFirst({
    where: { id: supportId, group: groupsInside(tenant) },
    select: { groupId: true },
  });
  if (!found || !(await lockRow(tx, "Group", { id: found.groupId }))) return null;
  return tx.support.findFirst({ where: { id: supportId, groupId: found.groupId }, select: SUPPORT_ROW });
}

/**
 * Removes a support recorded by mistake, with the reason. Aid in money takes its line back in the
 * group's book (a reversing line; the book keeps both). The audit event keeps what was removed.
 * A support already removed (a second click) is "not found".
 */
export async function removeSupport(
  tenant: AreaTenant,
  actorId: string,
  input: { supportId: string; reason: string },
  now = new Date(),
): Promise<SupportWriteResult> {
  const reason = input.reason.trim();
  if (reason.length < 3) return { ok: false, key: "inst.reason_required", field: "reason" };
  return db.$transaction(async (tx) => {
    const support = await lockedSupport(tx, tenant, input.supportId);
    if (!support) return { ok: false, key: "inst.not_found", notFound: true };
    const reversed = support.cashEntryId
      ? await reverseAidReceived(tx, {
          groupId: support.groupId,
          entryId: support.cashEntryId,
          reason,
          actorId,
          now,
        })
      : null;
    await tx.support.delete({ where: { id: support.id }, select: { id: true } });
    await audit(tx, {
      actorId,
      action: "support.remove",
      entityType: "Support",
      entityId: support.id,
      groupId: support.groupId,
      data: { removed: { ...support, date: support.date.toISOString() }, reason, reversed },
    });
    return { ok: true, id: support.id, duplicate: false };
  });
}

/**
 * Corrects a support's title, date, amount or note, with the reason. When aid in money changes its
 * amount or date, the old book line is taken back and the right one written (the Support then links
 * the new line): the book shows the mistake and its correction, as a treasurer's would.
 */
export async function correctSupport(
  tenant: AreaTenant,
  actorId: string,
  input: {
    supportId: string;
    title: string;
    date: string;
    amount: number | null;
    note: string;
    reason: string;
  },
  now = new Date(),
): Promise<SupportWriteResult> {
  const reason = input.reason.trim();
  if (reason.length < 3) return { ok: false, key: "inst.reason_required", field: "reason" };
  return db.$transaction(async (tx): Promise<SupportWriteResult> => {
    const support = await lockedSupport(tx, tenant, input.supportId);
    if (!support) return { ok: false, key: "inst.not_found", notFound: true };
    const problem = supportProblem({ ...input, kind: support.kind }, now);
    if (problem) return problem;
    const date = wibNoon(input.date) as Date;
    const title = input.title.trim();
    let cashEntryId = support.cashEntryId;
    const moneyChanged = support.amount !== input.amount || wibDateKey(support.date) !== input.date;
    if (writesToBook(support.kind) && moneyChanged) {
      if (support.cashEntryId) {
        await reverseAidReceived(tx, {
          groupId: support.groupId,
          entryId: support.cashEntryId,
          reason,
          actorId,
          now,
        });
      }
      const institution = await tx.institution.findUniqueOrThrow({
        where: { id: support.institutionId },
        select: { name: true },
      });
      cashEntryId = await recordAidReceived(tx, {
        groupId: support.groupId,
        amount: input.amount as number,
        occurredAt: date,
        description: title,
        giver: institution.name,
        actorId,
        now,
      });
    }
    await tx.support.update({
      where: { id: support.id },
      data: { title, date, amount: input.amount, note: input.note.trim(), cashEntryId },
      select: { id: true },
    });
    await audit(tx, {
      actorId,
      action: "support.correct",
      entityType: "Support",
      entityId: support.id,
      groupId: support.groupId,
      data: {
        before: { ...support, date: support.date.toISOString() },
        after: { title, date: input.date, amount: input.amount, note: input.note.trim(), cashEntryId },
        reason,
      },
    });
    return { ok: true, id: support.id, duplicate: false };
  });
}

// ------------------------------------------------------------------ reading

/** What the list shows of the support: the group filter, the kind and the WIB year. */
export type SupportFilter = { groupId: string | null; kind: SupportKind | null; year: number | null };

function supportWhere(tenant: AreaTenant, filter: SupportFilter): Prisma.SupportWhereInput {
  const where: Prisma.SupportWhereInput = {
    group: groupsInside(tenant),
    institution: visibleInstitutions(tenant),
  };
  if (filter.groupId) where.groupId = filter.groupId;
  if (filter.kind) where.kind = filter.kind;
  if (filter.year) {
    where.date = { gte: wibMonthStart(`${filter.year}-01`), lt: wibMonthStart(`${filter.year + 1}-01`) };
  }
  return where;
}

const SUPPORT_LIST_SELECT = {
  id: true,
  kind: true,
  title: true,
  date: true,
  amount: true,
  note: true,
  cashEntryId: true,
  institution: { select: { id: true, name: true, kind: true } },
  group: { select: { id: true, name: true } },
} as const satisfies Prisma.SupportSelect;

export type SupportRow = Prisma.SupportGetPayload<{ select: typeof SUPPORT_LIST_SELECT }>;

/**
 * The institutions the team sees, each with what it gave groups of the area under the filter (how
 * many times, aid in money and loans summed), and the supports themselves, newest first. With a
 * filter, institutions that gave nothing under it are left out.
 */
export async function institutionsWithSupport(tenant: AreaTenant, filter: SupportFilter) {
  const filtered = filter.groupId !== null || filter.kind !== null || filter.year !== null;
  const [institutions, supports, earliest] = await Promise.all([
    db.institution.findMany({
      where: visibleInstitutions(tenant),
      select: { id: true, name: true, kind: true, area: { select: { name: true } } },
      orderBy: { name: "asc" },
    }),
    db.support.findMany({
      where: supportWhere(tenant, filter),
      select: SUPPORT_LIST_SELECT,
      orderBy: [{ date: "desc" }, { createdAt: "desc" }],
    }),
    db.support.aggregate({
      where: supportWhere(tenant, { groupId: null, kind: null, year: null }),
      _min: { date: true },
    }),
  ]);
  const totals = new Map<string, { count: number; aidMoney: number; loans: number; lastDate: Date | null }>();
  for (const support of supports) {
    const row = totals.get(support.institution.id) ?? { count: 0, aidMoney: 0, loans: 0, lastDate: null };
    row.count += 1;
    if (support.kind === "AID_MONEY") row.aidMoney += support.amount ?? 0;
    if (support.kind === "LOAN") row.loans += support.amount ?? 0;
    if (!row.lastDate || support.date > row.lastDate) row.lastDate = support.date;
    totals.set(support.institution.id, row);
  }
  const rows = institutions
    .map((institution) => ({
      ...institution,
      ...(totals.get(institution.id) ?? { count: 0, aidMoney: 0, loans: 0, lastDate: null }),
    }))
    .filter((row) => !filtered || row.count > 0);
  const thisYear = Number(wibDateKey(new Date()).slice(0, 4));
  const firstYear = earliest._min.date ? Number(wibDateKey(earliest._min.date).slice(0, 4)) : thisYear;
  const years: number[] = [];
  for (let year = thisYear; year >= firstYear; year--) years.push(year);
  return { institutions: rows, supports, years };
}

/** What one institution gave the groups of the area, newest first. */
export function supportsOfInstitution(tenant: AreaTenant, institutionId: string) {
  return db.support.findMany({
    where: { institutionId, group: groupsInside(tenant) },
    select: SUPPORT_LIST_SELECT,
    orderBy: [{ date: "desc" }, { createdAt: "desc" }],
  });
}

/**
 * What institutions gave one group, newest first, for pages that show a group (TKM's group page,
 * the proposal data pack). A group outside the area has none to show: the list is empty.
 */
export function supportsForGroup(groupId: string, areaPath: string) {
  return db.support.findMany({
    where: { groupId, group: groupsInside({ areaPath }) },
    select: SUPPORT_LIST_SELECT,
    orderBy: [{ date: "desc" }, { createdAt: "desc" }],
  });
}

/** Visible institutions for the support form's choice, by name. */
export function institutionChoices(tenant: AreaTenant) {
  return db.institution.findMany({
    where: visibleInstitutions(tenant),
    select: { id: true, name: true, kind: true },
    orderBy: { name: "asc" },
  });
}
