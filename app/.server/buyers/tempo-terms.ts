import { audit } from "../audit/audit";
import { db } from "../db/client";
import { tempoOutstanding } from "../orders/tempo";

// Tempo terms are granted by the TKM team for businesses in its area: verified, how many days,
// and the most a business may owe on tempo at once.

function inArea(areaPath: string) {
  return { village: { path: { startsWith: areaPath } } };
}

export async function listBusinessesInArea(areaPath: string, now = new Date()) {
  const businesses = await db.business.findMany({
    where: inArea(areaPath),
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      kind: true,
      verifiedAt: true,
      paymentTermDays: true,
      creditLimit: true,
      village: { select: { name: true } },
    },
  });
  return Promise.all(
    businesses.map(async (business) => ({
      ...business,
      outstanding: await tempoOutstanding(db, business.id),
      overdue: await db.order.count({
        where: {
          businessId: business.id,
          paymentMethod: "TEMPO",
          paymentStatus: { in: ["UNPAID", "PARTIALLY_PAID"] },
          dueAt: { lt: now },
        },
      }),
    })),
  );
}

export type TempoTermsInput = { verified: boolean; termDays?: number; creditLimit: number };

/** Sets a business's terms; false when the business is not in the team's area. */
export async function setTempoTerms(
  areaPath: string,
  actorId: string,
  businessId: string,
  input: TempoTermsInput,
  now = new Date(),
) {
  const business = await db.business.findFirst({
    where: { id: businessId, ...inArea(areaPath) },
    select: { id: true, verifiedAt: true, paymentTermDays: true, creditLimit: true },
  });
  if (!business) return false;
  const data = {
    verifiedAt: input.verified ? (business.verifiedAt ?? now) : null,
    paymentTermDays: input.verified && input.termDays ? input.termDays : null,
    creditLimit: input.verified && input.termDays ? input.creditLimit : 0,
  };
  await db.$transaction(async (tx) => {
    await tx.business.update({ where: { id: business.id }, data, select: { id: true } });
    await audit(tx, {
      actorId,
      action: "business.tempo_terms",
      entityType: "Business",
      entityId: business.id,
      businessId: business.id,
      data: {
        before: {
          verified: business.verifiedAt !== null,
          termDays: business.paymentTermDays,
          creditLimit: business.creditLimit,
        },
        after: { verified: input.verified, termDays: data.paymentTermDays, creditLimit: data.creditLimit },
      },
    });
  });
  return true;
}
