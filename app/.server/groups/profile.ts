import type { GroupProfileInput } from "~/forms/group";
import { accountDigits } from "~/forms/group";
import { normalizeIndonesianPhone } from "~/utils/phone";
import { audit } from "../audit/audit";
import { refreshSearchText } from "../catalog/search-index";
import { db } from "../db/client";
import { imageRef, processImage, storeImage } from "../images/pipeline";
import { notifyGroupManagers } from "../notifications/notifications";

const PROFILE_SELECT = {
  name: true,
  slug: true,
  story: true,
  rw: true,
  phone: true,
  bankName: true,
  bankAccountNumber: true,
  bankAccountName: true,
  photoId: true,
  shareMemberNames: true,
} as const;

/** What the group's managers edit on its profile page. */
export async function getGroupProfile(groupId: string) {
  const group = await db.group.findUniqueOrThrow({
    where: { id: groupId },
    select: {
      ...PROFILE_SELECT,
      village: { select: { name: true } },
      photo: { select: { variants: { select: { hash: true, width: true, height: true, format: true } } } },
    },
  });
  const { photo, ...rest } = group;
  return { ...rest, photo: photo ? imageRef(photo.variants) : null };
}

/** "0123456789" → "••••6789": enough for a manager to recognise an account in the audit trail. */
function lastDigits(account: string | null) {
  return account ? `••••${account.slice(-4)}` : null;
}

/**
 * Saves what a group tells buyers about itself. A new photo goes through the image pipeline
 * before anything is written (a refused one throws ImageRejected and changes nothing). The
 * slug stays, so links already shared keep working; a new name is written into the group's
 * products' search text in the same transaction. A change of bank account is told to every
 * manager of the group (money would go elsewhere), and every change leaves an audit event.
 * Returns the names of the fields that changed.
 */
export async function updateGroupProfile(
  groupId: string,
  actorId: string,
  input: Omit<GroupProfileInput, "photo" | "removePhoto">,
  photo: { add: Uint8Array | null; remove: boolean },
): Promise<string[]> {
  const processed = photo.add ? await processImage(photo.add) : null;
  return db.$transaction(async (tx) => {
    const before = await tx.group.findUniqueOrThrow({ where: { id: groupId }, select: PROFILE_SELECT });
    const fields = {
      name: input.name,
      story: input.story ?? "",
      rw: input.rw || null,
      phone: input.phone ? normalizeIndonesianPhone(input.phone) : null,
      bankName: input.bankName || null,
      bankAccountNumber: input.bankAccountNumber ? accountDigits(input.bankAccountNumber) : null,
      bankAccountName: input.bankAccountName || null,
      shareMemberNames: input.shareMemberNames === "on",
    };
    const photoId = processed ? await storeImage(tx, processed) : photo.remove ? null : before.photoId;
    const changed = (Object.keys(fields) as (keyof typeof fields)[]).filter(
      (field) => fields[field] !== before[field],
    );
    const allChanged: string[] = photoId !== before.photoId ? [...changed, "photo"] : changed;
    if (allChanged.length === 0) return allChanged;

    await tx.group.update({ where: { id: groupId }, data: { ...fields, photoId }, select: { id: true } });
    if (changed.includes("name")) await refreshSearchText(tx, { groupId });
    const bankChanged = changed.some((field) => field.startsWith("bank"));
    if (bankChanged) {
      await notifyGroupManagers(
        tx,
        groupId,
        "notify.bank_changed",
        { account: lastDigits(fields.bankAccountNumber) ?? "—" },
        "/kelola/profil",
      );
    }
    await audit(tx, {
      actorId,
      action: "group.profile_update",
      entityType: "Group",
      entityId: groupId,
      groupId,
      data: {
        changed: allChanged,
        ...(bankChanged
          ? {
              account: {
                from: lastDigits(before.bankAccountNumber),
                to: lastDigits(fields.bankAccountNumber),
              },
            }
          : {}),
      },
    });
    return allChanged;
  });
}
