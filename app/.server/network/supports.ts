import { wibMonthKey, wibMonthStart } from "~/utils/time";
import { db } from "../db/client";
import type { InstitutionKind } from "../db/client";
import { addMonths } from "../monitoring/months";

// What institutions gave the groups of an area, per group, institution and WIB month: the
// group–institution links of the network picture. The institution may sit anywhere (a regency's
// DKUKM supports a village's group); the group must lie inside the area.

export type SupportMonthFact = {
  groupId: string;
  institutionId: string;
  institutionKind: InstitutionKind;
  month: string;
  supports: number;
  /** Sum of the amounts recorded (aid in money, a loan); supports without one add nothing. */
  amount: number;
};

export async function supportMonthFacts(
  areaPath: string,
  from: string,
  to: string,
): Promise<SupportMonthFact[]> {
  const rows = await db.support.findMany({
    where: {
      group: { village: { path: { startsWith: areaPath } } },
      date: { gte: wibMonthStart(from), lt: wibMonthStart(addMonths(to, 1)) },
    },
    select: {
      groupId: true,
      institutionId: true,
      date: true,
      amount: true,
      institution: { select: { kind: true } },
    },
  });
  const facts = new Map<string, SupportMonthFact>();
  for (const row of rows) {
    const month = wibMonthKey(row.date);
    const key = `${row.groupId} ${row.institutionId} ${month}`;
    const fact = facts.get(key) ?? {
      groupId: row.groupId,
      institutionId: row.institutionId,
      institutionKind: row.institution.kind,
      month,
      supports: 0,
      amount: 0,
    };
    fact.supports += 1;
    fact.amount += row.amount ?? 0;
    facts.set(key, fact);
  }
  return [...facts.values()];
}

/** Institutions' names, for TKM only (the caller decides). */
export async function institutionNames(ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.institution.findMany({
    where: { id: { in: ids } },
    select: { id: true, name: true },
  });
  return new Map(rows.map((row) => [row.id, row.name]));
}
