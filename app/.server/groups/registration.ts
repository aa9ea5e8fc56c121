import type { MessageKey } from "~/locales";
import { normalizeIndonesianPhone } from "~/utils/phone";
import { audit } from "../audit/audit";
import { giveSignInCode } from "../auth/member-accounts";
import { uniqueSlug } from "../catalog/slug";
import { db, type MemberRole } from "../db/client";
import { isUniqueViolation } from "../db/errors";

// TKM registers a group and its people on their behalf: many members have no phone, and officers
// may have no account yet. Optionally each officer with a phone gets an account and a one-time
// sign-in code at once (auth/member-accounts), shown once to the officer registering.

type Refusal = { ok: false; key: MessageKey; field?: string; params?: Record<string, string | number> };

export type RegistrationInput = {
  name: string;
  villageId: string;
  rw: string | null;
  people: { name: string; role: MemberRole; phone: string | null }[];
  verified: boolean;
  giveCodes: boolean;
};

export type GivenCode = { name: string; code: string; expiresAt: Date };
export type CodeProblem = { name: string; key: MessageKey };

/** The villages inside the area, for the form's choice. */
export async function villagesInArea(area: { areaPath: string }) {
  return db.area.findMany({
    where: { level: "VILLAGE", path: { startsWith: area.areaPath } },
    orderBy: [{ parent: { name: "asc" } }, { name: "asc" }],
    take: 500,
    select: { id: true, name: true, parent: { select: { name: true } } },
  });
}

export async function registerGroup(
  area: { areaPath: string },
  actorId: string,
  input: RegistrationInput,
  now = new Date(),
): Promise<{ ok: true; groupId: string; codes: GivenCode[]; codeProblems: CodeProblem[] } | Refusal> {
  const village = await db.area.findFirst({
    where: { id: input.villageId, level: "VILLAGE", path: { startsWith: area.areaPath } },
    select: { id: true },
  });
  // A village outside the area is refused like one that does not exist, on the field.
  if (!village) return { ok: false, key: "stew.register.village_unknown", field: "villageId" };
  if (!input.people.some((person) => person.role === "KETUA")) {
    return { ok: false, key: "stew.register.needs_ketua", field: "people" };
  }
  if (input.people.filter((person) => person.role === "KETUA").length > 1) {
    return { ok: false, key: "stew.register.one_ketua", field: "people" };
  }
  const phones = input.people.map((person) => (person.phone ? normalizeIndonesianPhone(person.phone) : null));
  const given = phones.filter((phone): phone is string => phone !== null);
  if (new Set(given).size !== given.length) {
    return { ok: false, key: "stew.register.phone_twice", field: "people" };
  }
  const name = input.name.trim();
  const twin = await db.group.findFirst({
    where: { villageId: village.id, name },
    select: { id: true },
  });
  if (twin) return { ok: false, key: "stew.register.name_taken", field: "name" };

  // The group keeps its RW as digits ("08", shown "RW 08"); members keep "RW 08", as members.ts does.
  const rw = input.rw ? input.rw.replace(/\D/g, "").padStart(2, "0") : null;
  const slug = await uniqueSlug(name, async (candidate) =>
    Boolean(await db.group.findUnique({ where: { slug: candidate }, select: { id: true } })),
  );
  const created = await db
    .$transaction(async (tx) => {
      const group = await tx.group.create({
        data: {
          slug,
          name,
          villageId: village.id,
          rw,
          verifiedAt: input.verified ? now : null,
          joinedAt: now,
          createdAt: now,
          members: {
            create: input.people.map((person, index) => ({
              name: person.name.trim(),
              role: person.role,
              phone: phones[index] ?? null,
              rw: rw ? `RW ${rw}` : null,
              joinedAt: now,
            })),
          },
        },
        select: { id: true, members: { select: { id: true, name: true, role: true, phone: true } } },
      });
      await audit(tx, {
        actorId,
        action: "group.register",
        entityType: "Group",
        entityId: group.id,
        groupId: group.id,
        data: {
          name,
          villageId: village.id,
          people: input.people.length,
          officers: input.people.filter((person) => person.role !== "ANGGOTA").length,
          verified: input.verified,
        },
      });
      return group;
    })
    .catch((error: unknown) => {
      // Another registration took the same slug a moment earlier.
      if (isUniqueViolation(error)) return null;
      throw error;
    });
  if (!created) return { ok: false, key: "stew.register.try_again" };

  const codes: GivenCode[] = [];
  const codeProblems: CodeProblem[] = [];
  if (input.giveCodes) {
    const giver = { kind: "tkm" as const, areaPath: area.areaPath, groupId: created.id };
    for (const member of created.members) {
      if (member.role === "ANGGOTA" || !member.phone) continue;
      const result = await giveSignInCode(giver, actorId, member.id, now);
      if (result.ok) codes.push({ name: member.name, code: result.code, expiresAt: result.expiresAt });
      else codeProblems.push({ name: member.name, key: result.key });
    }
  }
  return { ok: true, groupId: created.id, codes, codeProblems };
}
