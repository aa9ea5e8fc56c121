import { audit } from "../audit/audit";
import { db, type InstitutionKind, type Prisma } from "../db/client";
import type { DomainRefusal } from "../http/refusal";

// The institutions around the groups (DPMD, DKUKM, DISDALDUK KB P3A, the village government, PKK,
// BUMDes, banks, training providers, CSR programmes). An institution belongs to an area: a regency
// office serves every village below it, a village's BUMDes only that village. A TKM team therefore
// sees the institutions of its own area, of the areas inside it, and of the areas above it (the
// offices that serve it) — never those of a neighbouring village or district.

/** The team's area: every function takes it, so no caller can forget to scope a query. */
export type AreaTenant = { areaPath: string };

export type Refusal = { ok: false } & DomainRefusal;

/** "P/R/D/V/" → ["P/", "P/R/", "P/R/D/"]: the paths of the areas above. */
export function ancestorPaths(areaPath: string): string[] {
  const parts = areaPath.split("/").filter(Boolean);
  return parts.slice(0, -1).map((_, index) => `${parts.slice(0, index + 1).join("/")}/`);
}

/** Institutions a team of this area sees: its own area's, those inside it and those above it. */
export function visibleInstitutions(tenant: AreaTenant): Prisma.InstitutionWhereInput {
  return {
    area: {
      OR: [{ path: { startsWith: tenant.areaPath } }, { path: { in: ancestorPaths(tenant.areaPath) } }],
    },
  };
}

/** Groups whose village lies inside the area: the only groups a team records support for. */
export function groupsInside(tenant: AreaTenant): Prisma.GroupWhereInput {
  return { village: { path: { startsWith: tenant.areaPath } } };
}

/** The groups of the area, by name: the choices of the group filter and forms. */
export function areaGroups(tenant: AreaTenant) {
  return db.group.findMany({
    where: groupsInside(tenant),
    select: { id: true, name: true, village: { select: { name: true } } },
    orderBy: { name: "asc" },
  });
}

/** Where a new institution may belong: the team's area, the areas above it and those just below. */
export async function institutionAreaChoices(tenant: AreaTenant) {
  const areas = await db.area.findMany({
    where: {
      OR: [
        { path: { in: [...ancestorPaths(tenant.areaPath), tenant.areaPath] } },
        { parent: { path: tenant.areaPath } },
      ],
    },
    select: { id: true, name: true, level: true, path: true },
  });
  // Highest first (the regency before the district before its villages), then by name.
  return areas.sort(
    (a, b) => a.path.split("/").length - b.path.split("/").length || a.name.localeCompare(b.name),
  );
}

export type InstitutionInput = { name: string; kind: InstitutionKind; areaId: string; contact: string };

async function checkInstitution(
  tenant: AreaTenant,
  input: InstitutionInput,
  exceptId: string | null,
): Promise<Refusal | null> {
  const choices = await institutionAreaChoices(tenant);
  if (!choices.some((area) => area.id === input.areaId)) {
    return { ok: false, key: "form.choose_one", field: "areaId" };
  }
  // The same name twice in one team's list is a typing slip, not a second office.
  const seen = await db.institution.findMany({
    where: { ...visibleInstitutions(tenant), ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { name: true },
  });
  const wanted = normalisedName(input.name);
  if (seen.some((row) => normalisedName(row.name) === wanted)) {
    return { ok: false, key: "inst.name_taken", field: "name" };
  }
  return null;
}

function normalisedName(name: string) {
  return name.trim().replace(/\s+/g, " ").toLocaleLowerCase("id");
}

/** Records an institution the team works with. Audited. */
export async function createInstitution(
  tenant: AreaTenant,
  actorId: string,
  input: InstitutionInput,
): Promise<{ ok: true; id: string } | Refusal> {
  const problem = await checkInstitution(tenant, input, null);
  if (problem) return problem;
  return db.$transaction(async (tx) => {
    const created = await tx.institution.create({
      data: {
        name: input.name.trim().replace(/\s+/g, " "),
        kind: input.kind,
        areaId: input.areaId,
        contact: input.contact.trim(),
      },
      select: { id: true },
    });
    await audit(tx, {
      actorId,
      action: "institution.create",
      entityType: "Institution",
      entityId: created.id,
      data: { name: input.name.trim(), kind: input.kind, areaId: input.areaId },
    });
    return { ok: true as const, id: created.id };
  });
}

/** Corrects an institution's name, kind, area or contact. One the team cannot see is "not found". */
export async function updateInstitution(
  tenant: AreaTenant,
  actorId: string,
  institutionId: string,
  input: InstitutionInput,
): Promise<{ ok: true; id: string } | Refusal> {
  const existing = await db.institution.findFirst({
    where: { id: institutionId, ...visibleInstitutions(tenant) },
    select: { id: true, name: true, kind: true, areaId: true, contact: true },
  });
  if (!existing) return { ok: false, key: "inst.not_found", notFound: true };
  const problem = await checkInstitution(tenant, input, existing.id);
  if (problem) return problem;
  return db.$transaction(async (tx) => {
    await tx.institution.update({
      where: { id: existing.id },
      data: {
        name: input.name.trim().replace(/\s+/g, " "),
        kind: input.kind,
        areaId: input.areaId,
        contact: input.contact.trim(),
      },
      select: { id: true },
    });
    await audit(tx, {
      actorId,
      action: "institution.update",
      entityType: "Institution",
      entityId: existing.id,
      data: { before: existing, after: { ...input, name: input.name.trim() } },
    });
    return { ok: true as const, id: existing.id };
  });
}

/** One institution the team can see, with where it belongs; null otherwise. */
export function institutionInArea(tenant: AreaTenant, institutionId: string) {
  return db.institution.findFirst({
    where: { id: institutionId, ...visibleInstitutions(tenant) },
    select: {
      id: true,
      name: true,
      kind: true,
      contact: true,
      areaId: true,
      area: { select: { name: true, level: true } },
    },
  });
}
