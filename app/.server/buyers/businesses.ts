import { db } from "../db/client";

/** The address an order form starts with: the business's default saved address, else its own. */
export async function getBusinessDefaultAddress(businessId: string): Promise<string> {
  const business = await db.business.findUnique({
    where: { id: businessId },
    select: {
      name: true,
      address: true,
      addresses: { where: { isDefault: true }, take: 1, select: { recipient: true, line: true } },
    },
  });
  const saved = business?.addresses[0];
  if (saved) return `${saved.recipient}, ${saved.line}`;
  return business?.address ? `${business.name}, ${business.address}` : "";
}

/** Where a business is (its village's centre), for "nearest first"; null when not known. */
export async function businessLocation(businessId: string) {
  const business = await db.business.findUnique({
    where: { id: businessId },
    select: { village: { select: { latitude: true, longitude: true } } },
  });
  const village = business?.village;
  return village && village.latitude !== null && village.longitude !== null
    ? { latitude: village.latitude, longitude: village.longitude }
    : null;
}
