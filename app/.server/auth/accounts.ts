import type { z } from "zod";
import { isUniqueViolation } from "../db/errors";
import type { SignUpSchema } from "~/forms/auth";
import { parseIdentifier, type Identifier } from "~/utils/identifier";
import { audit } from "../audit/audit";
import { db } from "../db/client";
import { uniqueSlug } from "../catalog/slug";
import { burnPasswordCheck, hashPassword, verifyPassword } from "./password";
import { closeSignInAttempt, openSignInAttempt } from "./rate-limit";

function whereIdentifier(identifier: Identifier) {
  return identifier.kind === "phone" ? { phone: identifier.value } : { email: identifier.value };
}

export type SignInResult =
  | { ok: true; userId: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "suspended" }
  | { ok: false; reason: "rate_limited"; retryAfterMs: number };

/** Checks the password, slowed down by the failures counted in ./rate-limit. */
export async function signIn(
  rawIdentifier: string,
  password: string,
  address: string | null,
  now = new Date(),
): Promise<SignInResult> {
  const identifier = parseIdentifier(rawIdentifier);
  if (!identifier) return { ok: false, reason: "invalid" };
  const opened = await openSignInAttempt(identifier.value, address, now);
  if (!opened.ok) return { ok: false, reason: "rate_limited", retryAfterMs: opened.retryAfterMs };

  const user = await db.user.findUnique({
    where: whereIdentifier(identifier),
    select: { id: true, passwordHash: true, suspendedAt: true },
  });
  const valid = user
    ? await verifyPassword(user.passwordHash, password)
    : (await burnPasswordCheck(password), false);
  await closeSignInAttempt(opened.attempt, valid, now);
  if (!user || !valid) return { ok: false, reason: "invalid" };
  // Told only to whoever knows the password: a stranger cannot learn that an account is suspended.
  if (user.suspendedAt) return { ok: false, reason: "suspended" };
  return { ok: true, userId: user.id };
}

export type SignUpInput = z.infer<typeof SignUpSchema>;
export type SignUpResult =
  | { ok: true; userId: string }
  | { ok: false; field: "identifier" | "villageId"; message: "auth.identifier_taken" | "form.choose_one" };

/**
 * Creates the account with what it runs: a buyer gets a business (as owner), a group manager a
 * KUBE (as ketua), not yet verified by TKM.
 */
export async function signUp(input: SignUpInput): Promise<SignUpResult> {
  const identifier = parseIdentifier(input.identifier);
  if (!identifier) return { ok: false, field: "identifier", message: "auth.identifier_taken" };
  const village = await db.area.findFirst({
    where: { id: input.villageId, level: "VILLAGE" },
    select: { id: true },
  });
  if (!village) return { ok: false, field: "villageId", message: "form.choose_one" };
  const taken = await db.user.findUnique({ where: whereIdentifier(identifier), select: { id: true } });
  if (taken) return { ok: false, field: "identifier", message: "auth.identifier_taken" };

  const passwordHash = await hashPassword(input.password);
  const slug = await uniqueSlug(input.organisationName, async (candidate) =>
    input.accountType === "buyer"
      ? (await db.business.count({ where: { slug: candidate } })) > 0
      : (await db.group.count({ where: { slug: candidate } })) > 0,
  );
  try {
    const userId = await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { name: input.name, passwordHash, ...whereIdentifier(identifier) },
        select: { id: true },
      });
      if (input.accountType === "buyer") {
        const business = await tx.business.create({
          data: {
            slug,
            name: input.organisationName,
            kind: input.businessKind ?? "LAINNYA",
            villageId: village.id,
            phone: identifier.kind === "phone" ? identifier.value : null,
            users: { create: { userId: user.id, role: "OWNER" } },
          },
          select: { id: true },
        });
        await audit(tx, {
          actorId: user.id,
          action: "business.create",
          entityType: "Business",
          entityId: business.id,
          businessId: business.id,
        });
      } else {
        const group = await tx.group.create({
          data: {
            slug,
            name: input.organisationName,
            villageId: village.id,
            phone: identifier.kind === "phone" ? identifier.value : null,
            members: { create: { userId: user.id, name: input.name, role: "KETUA" } },
          },
          select: { id: true },
        });
        await audit(tx, {
          actorId: user.id,
          action: "group.create",
          entityType: "Group",
          entityId: group.id,
          groupId: group.id,
        });
      }
      await audit(tx, { actorId: user.id, action: "user.sign_up", entityType: "User", entityId: user.id });
      return user.id;
    });
    return { ok: true, userId };
  } catch (error) {
    // Two sign-ups with the same number at once: the unique index decides, the loser is told.
    if (isUniqueViolation(error)) {
      return { ok: false, field: "identifier", message: "auth.identifier_taken" };
    }
    throw error;
  }
}
