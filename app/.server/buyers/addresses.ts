import { formatPhoneForDisplay, normalizeIndonesianPhone } from "~/utils/phone";
import { db } from "../db/client";

// A business's saved delivery addresses: chosen or added at checkout, managed on /alamat. Orders
// copy the address as text, so changing or removing one never changes an order.

export function addressText(address: {
  recipient: string;
  phone: string | null;
  line: string;
  village: { name: string };
}): string {
  return [
    // The phone as people here write and dial it (0812-…), for the courier reading the surat jalan.
    address.recipient + (address.phone ? ` (${formatPhoneForDisplay(address.phone)})` : ""),
    address.line,
    address.village.name,
  ]
    .filter(Boolean)
    .join(", ");
}

/** Saved addresses of a business, the default first. */
export async function listAddresses(businessId: string) {
  const addresses = await db.address.findMany({
    where: { businessId },
    orderBy: [{ isDefault: "desc" }, { label: "asc" }],
    select: {
      id: true,
      label: true,
      recipient: true,
      phone: true,
      line: true,
      isDefault: true,
      village: { select: { name: true } },
    },
  });
  return addresses.map((address) => ({ ...address, text: addressText(address) }));
}

export type AddressInput = {
  label?: string;
  recipient: string;
  phone?: string;
  line: string;
  villageId: string;
};

/** Adds an address; the first one becomes the default. Null when the village is not one we know. */
export async function addAddress(businessId: string, input: AddressInput) {
  const village = await db.area.findFirst({
    where: { id: input.villageId, level: "VILLAGE" },
    select: { id: true },
  });
  if (!village) return null;
  const isDefault = (await db.address.count({ where: { businessId } })) === 0;
  return db.address.create({
    data: {
      businessId,
      label: input.label?.trim() || input.line.slice(0, 40),
      recipient: input.recipient,
      phone: input.phone ? normalizeIndonesianPhone(input.phone) : null,
      line: input.line,
      villageId: village.id,
      isDefault,
    },
    select: { id: true },
  });
}

/** Makes one of the business's addresses the default (and no other). False when it is not theirs. */
export async function setDefaultAddress(businessId: string, addressId: string) {
  return db.$transaction(async (tx) => {
    const address = await tx.address.findFirst({
      where: { id: addressId, businessId },
      select: { id: true },
    });
    if (!address) return false;
    await tx.address.updateMany({ where: { businessId, isDefault: true }, data: { isDefault: false } });
    await tx.address.update({ where: { id: address.id }, data: { isDefault: true }, select: { id: true } });
    return true;
  });
}

/** Removes an address of the business; when it was the default, the next one becomes it. */
export async function deleteAddress(businessId: string, addressId: string) {
  return db.$transaction(async (tx) => {
    const address = await tx.address.findFirst({
      where: { id: addressId, businessId },
      select: { id: true, isDefault: true },
    });
    if (!address) return false;
    await tx.address.delete({ where: { id: address.id } });
    if (address.isDefault) {
      const next = await tx.address.findFirst({
        where: { businessId },
        orderBy: { label: "asc" },
        select: { id: true },
      });
      if (next)
        await tx.address.update({ where: { id: next.id }, data: { isDefault: true }, select: { id: true } });
    }
    return true;
  });
}
