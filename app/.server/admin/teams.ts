import { audit } from "../audit/audit";
import { CODE_VALID_MS } from "../auth/member-accounts";
import { db } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import { accountForRole, roleAccountHashes, type AdminRefusal } from "./users";

// TKM teams (a team watches one area and everything inside it) and the village government's
// officials (read-only monitoring of one village). The admin names people by phone: an existing
// account is added as it is; for a phone with no account she also gives a name, and the new
// account gets a one-time sign-in code to pass on. One person is in at most one team, because
// her TKM pages show one area.

type Added = { ok: true; userId: string; code: string | null; expiresAt: Date; name: string };

export async function listTeams() {
  const teams = await db.tkmTeam.findMany({
    orderBy: [{ area: { path: "asc" } }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      createdAt: true,
      area: { select: { code: true, name: true, level: true } },
      officers: {
        orderBy: { user: { name: "asc" } },
        select: {
          id: true,
          position: true,
          user: { select: { id: true, name: true, phone: true, suspendedAt: true } },
        },
      },
    },
  });
  return teams;
}

/** An area by its code, at one of the levels allowed. */
async function areaByCode(code: string, levels: readonly string[]) {
  const area = await db.area.findUnique({
    where: { code: code.trim() },
    select: { id: true, level: true, name: true },
  });
  return area && levels.includes(area.level) ? area : null;
}

export async function createTeam(adminId: string, input: { name: string; areaCode: string }) {
  const area = await areaByCode(input.areaCode, ["PROVINCE", "REGENCY", "DISTRICT", "VILLAGE"]);
  if (!area) return { ok: false, key: "adm.area_unknown", field: "areaCode" } satisfies AdminRefusal;
  const team = await db.$transaction(async (tx) => {
    const created = await tx.tkmTeam.create({
      data: { name: input.name, areaId: area.id },
      select: { id: true },
    });
    await audit(tx, {
      actorId: adminId,
      action: "tkm_team.create",
      entityType: "TkmTeam",
      entityId: created.id,
      data: { name: input.name, area: input.areaCode.trim() },
    });
    return created;
  });
  return { ok: true as const, teamId: team.id };
}

export async function addOfficer(
  adminId: string,
  teamId: string,
  input: { phone: string; name?: string; position?: string },
  now = new Date(),
): Promise<Added | AdminRefusal> {
  const team = await db.tkmTeam.findUnique({ where: { id: teamId }, select: { id: true } });
  if (!team) return { ok: false, key: "adm.not_found", notFound: true };
  const hashes = await roleAccountHashes();
  try {
    return await db.$transaction(async (tx): Promise<Added | AdminRefusal> => {
      const account = await accountForRole(
        tx,
        { phone: input.phone, name: input.name, adminId, ...hashes },
        now,
      );
      if (!account.ok) return account;
      const inTeam = await tx.tkmOfficer.findFirst({
        where: { userId: account.userId },
        select: { teamId: true },
      });
      if (inTeam)
        return {
          ok: false,
          key: inTeam.teamId === teamId ? "adm.already_officer" : "adm.in_other_team",
          field: "phone",
        };
      const officer = await tx.tkmOfficer.create({
        data: { teamId, userId: account.userId, position: input.position ?? "" },
        select: { id: true, user: { select: { name: true } } },
      });
      await audit(tx, {
        actorId: adminId,
        action: "tkm_team.add_officer",
        entityType: "TkmTeam",
        entityId: teamId,
        data: {
          userId: account.userId,
          officerId: officer.id,
          newAccount: account.created,
          codeId: account.codeId,
        },
      });
      return {
        ok: true,
        userId: account.userId,
        code: account.created ? hashes.code : null,
        expiresAt: new Date(now.getTime() + CODE_VALID_MS),
        name: officer.user.name,
      };
    });
  } catch (error) {
    // The same phone sent twice at once: the unique indexes let one through.
    if (isUniqueViolation(error)) return { ok: false, key: "adm.try_again" };
    throw error;
  }
}

export async function removeOfficer(adminId: string, teamId: string, officerId: string) {
  return db.$transaction(async (tx) => {
    const removed = await tx.tkmOfficer.deleteMany({ where: { id: officerId, teamId } });
    if (removed.count !== 1)
      return { ok: false, key: "adm.not_found", notFound: true } satisfies AdminRefusal;
    await audit(tx, {
      actorId: adminId,
      action: "tkm_team.remove_officer",
      entityType: "TkmTeam",
      entityId: teamId,
      data: { officerId },
    });
    return { ok: true as const };
  });
}

export async function listVillageOfficials() {
  return db.villageOfficial.findMany({
    orderBy: [{ area: { path: "asc" } }, { user: { name: "asc" } }],
    select: {
      id: true,
      position: true,
      area: { select: { code: true, name: true, parent: { select: { name: true } } } },
      user: { select: { id: true, name: true, phone: true, suspendedAt: true } },
    },
  });
}

export async function addVillageOfficial(
  adminId: string,
  input: { areaCode: string; phone: string; name?: string; position?: string },
  now = new Date(),
): Promise<Added | AdminRefusal> {
  const village = await areaByCode(input.areaCode, ["VILLAGE"]);
  if (!village) return { ok: false, key: "adm.village_unknown", field: "areaCode" };
  const hashes = await roleAccountHashes();
  try {
    return await db.$transaction(async (tx): Promise<Added | AdminRefusal> => {
      const account = await accountForRole(
        tx,
        { phone: input.phone, name: input.name, adminId, ...hashes },
        now,
      );
      if (!account.ok) return account;
      // Her monitoring pages show one village.
      const already = await tx.villageOfficial.findFirst({
        where: { userId: account.userId },
        select: { id: true },
      });
      if (already) return { ok: false, key: "adm.already_official", field: "phone" };
      const official = await tx.villageOfficial.create({
        data: { areaId: village.id, userId: account.userId, position: input.position ?? "" },
        select: { id: true, user: { select: { name: true } } },
      });
      await audit(tx, {
        actorId: adminId,
        action: "village_official.add",
        entityType: "VillageOfficial",
        entityId: official.id,
        data: {
          userId: account.userId,
          area: input.areaCode.trim(),
          newAccount: account.created,
          codeId: account.codeId,
        },
      });
      return {
        ok: true,
        userId: account.userId,
        code: account.created ? hashes.code : null,
        expiresAt: new Date(now.getTime() + CODE_VALID_MS),
        name: official.user.name,
      };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, key: "adm.try_again" };
    throw error;
  }
}

export async function removeVillageOfficial(adminId: string, officialId: string) {
  return db.$transaction(async (tx) => {
    const official = await tx.villageOfficial.findUnique({
      where: { id: officialId },
      select: { id: true, userId: true, areaId: true },
    });
    if (!official) return { ok: false, key: "adm.not_found", notFound: true } satisfies AdminRefusal;
    const removed = await tx.villageOfficial.deleteMany({ where: { id: officialId } });
    if (removed.count !== 1)
      return { ok: false, key: "adm.not_found", notFound: true } satisfies AdminRefusal;
    await audit(tx, {
      actorId: adminId,
      action: "village_official.remove",
      entityType: "VillageOfficial",
      entityId: officialId,
      data: { userId: official.userId, areaId: official.areaId },
    });
    return { ok: true as const };
  });
}
