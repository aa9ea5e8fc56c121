import { getDistricts, getProvinces, getRegencies, getVillages } from "idn-area-data";
import { audit } from "../audit/audit";
import { db as appDb, type AreaLevel, type Db } from "../db/client";
import { isUniqueViolation } from "../db/errors";

// Indonesia's areas from the published dataset idn-area-data (Kemendagri codes, dotted:
// "32" > "32.17" > "32.17.01" > "32.17.01.2008"). Our Area.code is that code and Area.path the
// chain of codes from the province down, each followed by "/" ("32/32.17/32.17.01/"), so "inside
// an area" stays one prefix match. The import upserts by code: a row that exists keeps its id (groups,
// businesses and teams stay attached), its coordinates and its path; only its name follows the
// dataset. Running it twice changes nothing.

export type AreaRow = { code: string; name: string; level: AreaLevel };

export type AreaImportResult = { rows: number; created: number; renamed: number; unchanged: number };

const LEVELS: readonly AreaLevel[] = ["PROVINCE", "REGENCY", "DISTRICT", "VILLAGE"];
const BATCH = 500;
const ATTEMPTS = 3;

/** The level a dotted code names: one part a province, four a village. */
export function levelOfCode(code: string): AreaLevel | null {
  if (!/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/.test(code)) return null;
  return LEVELS[code.split(".").length - 1] ?? null;
}

function parentCode(code: string): string | null {
  const cut = code.lastIndexOf(".");
  return cut < 0 ? null : code.slice(0, cut);
}

/** The dataset's provinces, for the admin's choice of what to import. */
export async function datasetProvinces(): Promise<{ code: string; name: string }[]> {
  return (await getProvinces()).map((p) => ({ code: p.code, name: p.name }));
}

/** The dataset's rows for one province (or one regency, "32.17"), or for the whole country. */
export async function datasetAreas(scope?: string): Promise<AreaRow[]> {
  const inside = (code: string) => !scope || code === scope || code.startsWith(`${scope}.`);
  const covers = (code: string) => inside(code) || Boolean(scope?.startsWith(`${code}.`));
  const [provinces, regencies, districts, villages] = await Promise.all([
    getProvinces(),
    getRegencies(),
    getDistricts(),
    getVillages(),
  ]);
  const rows: AreaRow[] = [];
  for (const [level, list] of [
    ["PROVINCE", provinces],
    ["REGENCY", regencies],
    ["DISTRICT", districts],
    ["VILLAGE", villages],
  ] as const) {
    for (const area of list) {
      // A regency's import brings its province along, so the tree above it is whole.
      if (covers(area.code) && levelOfCode(area.code) === level) {
        rows.push({ code: area.code, name: area.name.trim(), level });
      }
    }
  }
  return rows;
}

type Known = Map<string, { id: string; path: string }>;
type Existing = Map<string, { id: string; name: string; path: string }>;

/** Every code's first two digits are its province: "inside these provinces" is a few prefix matches. */
function provincesOf(rows: AreaRow[]) {
  const provinces = [...new Set(rows.map((r) => r.code.slice(0, 2)))];
  return { OR: provinces.map((p) => ({ code: { startsWith: p } })) };
}

/**
 * Upserts the rows by code, a level at a time (parents before children), in batches of 500,
 * each batch in one transaction. What exists is read once up front (one prefix query, not one
 * lookup per batch: a long IN list is slow through the PostgreSQL adapter). A row whose parent is
 * neither in the rows nor in the database is refused before anything is written. Two imports at
 * once cannot duplicate a code (the unique index decides); the batch that loses the race reads its
 * codes again and is retried.
 */
export async function importAreas(
  rows: AreaRow[],
  options: { actorId: string | null; scope: string; db?: Db },
): Promise<{ ok: true; result: AreaImportResult } | { ok: false; missingParent: string }> {
  const db = options.db ?? appDb;
  const sorted = [...rows].sort(
    (a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level) || a.code.localeCompare(b.code),
  );
  const inProvinces = provincesOf(sorted);
  const existing: Existing = new Map();
  const known: Known = new Map();
  for (const area of await db.area.findMany({
    where: inProvinces,
    select: { id: true, code: true, name: true, path: true },
  })) {
    existing.set(area.code, area);
    known.set(area.code, area);
  }
  const inRows = new Set(sorted.map((r) => r.code));
  const missing = sorted
    .map((r) => parentCode(r.code))
    .find((c): c is string => c !== null && !inRows.has(c) && !known.has(c));
  if (missing) return { ok: false, missingParent: missing };

  const result: AreaImportResult = { rows: sorted.length, created: 0, renamed: 0, unchanged: 0 };
  // One level at a time, so every batch finds its parents already written.
  for (const level of LEVELS) {
    const ofLevel = sorted.filter((r) => r.level === level);
    let created = 0;
    for (let start = 0; start < ofLevel.length; start += BATCH) {
      const counts = await importBatch(db, ofLevel.slice(start, start + BATCH), existing, known);
      result.created += counts.created;
      result.renamed += counts.renamed;
      result.unchanged += counts.unchanged;
      created += counts.created;
    }
    if (created > 0) {
      // The new rows' ids, for their children's parent and path: one read for the level.
      for (const area of await db.area.findMany({
        where: { level, ...inProvinces },
        select: { id: true, code: true, path: true },
      })) {
        known.set(area.code, area);
      }
    }
  }
  await db.$transaction(async (tx) => {
    await audit(tx, {
      actorId: options.actorId,
      action: "areas.import",
      entityType: "Area",
      entityId: options.scope,
      data: { ...result },
    });
  });
  return { ok: true, result };
}

async function importBatch(db: Db, batch: AreaRow[], existing: Existing, known: Known) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.$transaction(async (tx) => {
        const counts = { created: 0, renamed: 0, unchanged: 0 };
        const toCreate = [];
        for (const row of batch) {
          const found = existing.get(row.code);
          if (found) {
            if (found.name === row.name) {
              counts.unchanged += 1;
            } else {
              await tx.area.update({
                where: { id: found.id },
                data: { name: row.name },
                select: { id: true },
              });
              counts.renamed += 1;
            }
            continue;
          }
          const up = parentCode(row.code);
          const parent = up ? known.get(up) : null;
          if (up && !parent) throw new Error(`Area ${row.code} came before its parent ${up}`);
          toCreate.push({
            code: row.code,
            name: row.name,
            level: row.level,
            path: `${parent ? parent.path : ""}${row.code}/`,
            parentId: parent ? parent.id : null,
          });
        }
        if (toCreate.length > 0) await tx.area.createMany({ data: toCreate });
        counts.created = toCreate.length;
        return counts;
      });
    } catch (error) {
      // Another import wrote some of these codes first: read them, and go again with them as existing rows.
      if (attempt < ATTEMPTS && isUniqueViolation(error)) {
        for (const area of await db.area.findMany({
          where: { code: { in: batch.map((r) => r.code) } },
          select: { id: true, code: true, name: true, path: true },
        })) {
          existing.set(area.code, area);
          known.set(area.code, area);
        }
        continue;
      }
      throw error;
    }
  }
}
