import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { getGroupPage } from "~/.server/catalog/groups";
import { searchCatalog } from "~/.server/catalog/search";
import { db } from "~/.server/db/client";
import { action, loader } from "~/routes/kelola.profil";
import { createUser, createWorld } from "../helpers/factories";
import { callAction, callLoader, jsonOf, request, statusOf } from "../helpers/requests";

type World = Awaited<ReturnType<typeof createWorld>>;

const complete = {
  name: "KUBE Mawar Jayagiri",
  story: "Sepuluh ibu di RW 05 merajut tas sejak 2021.",
  rw: "05",
  phone: "0812 3456 7890",
  bankName: "BRI",
  bankAccountNumber: "0123-4567-890",
  bankAccountName: "KUBE Mawar",
};

function profileForm(fields: Record<string, string>, photo?: { bytes: Uint8Array; name: string }) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  if (photo) form.set("photo", new File([new Uint8Array(photo.bytes)], photo.name, { type: "image/jpeg" }));
  return form;
}

async function save(userId: string, form: FormData) {
  return callAction(action, await request("/kelola/profil", { userId, form }));
}

async function groupOf(world: World) {
  return db.group.findUniqueOrThrow({
    where: { id: world.home.group.id },
    select: {
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
    },
  });
}

async function photo(color: string) {
  return sharp({ create: { width: 800, height: 600, channels: 3, background: color } })
    .jpeg()
    .toBuffer();
}

describe("the group profile", () => {
  it("saves what buyers see; the search finds the new name and the page address stays", async () => {
    const world = await createWorld();
    const treasurer = await createUser({ name: "Bendahara" });
    await db.groupMember.create({
      data: { groupId: world.home.group.id, userId: treasurer.id, name: treasurer.name, role: "BENDAHARA" },
    });
    const before = await groupOf(world); // the factory's group banks at BRI, account 0123
    const response = await save(world.home.manager.id, profileForm(complete));
    expect(statusOf(response)).toBe(302);
    expect((response as Response).headers.get("Location")).toBe("/kelola/profil?tersimpan=1");
    expect(await groupOf(world)).toEqual({
      ...before,
      name: "KUBE Mawar Jayagiri",
      story: complete.story,
      rw: "05",
      phone: "+6281234567890",
      bankName: "BRI",
      bankAccountNumber: "01234567890",
      bankAccountName: "KUBE Mawar",
    });
    const found = await searchCatalog({
      text: "mawar jayagiri",
      areaPath: world.areas.villageA1.path,
      page: 1,
    });
    expect(found.products.map((p) => p.id)).toEqual([world.product.id]);
    expect(found.products[0]?.group.name).toBe("KUBE Mawar Jayagiri");

    // Both managers hear that money would now go to another account; the trail keeps its last digits.
    const told = await db.notification.findMany({
      where: { messageKey: "notify.bank_changed", userId: { in: [world.home.manager.id, treasurer.id] } },
      select: { userId: true, params: true },
    });
    expect(told).toHaveLength(2);
    expect(JSON.parse(told[0]?.params ?? "{}")).toEqual({ account: "••••7890" });
    const trail = await db.auditEvent.findMany({
      where: { action: "group.profile_update", groupId: world.home.group.id },
      select: { actorId: true, data: true },
    });
    expect(trail).toHaveLength(1);
    expect(trail[0]?.actorId).toBe(world.home.manager.id);
    expect(JSON.parse(trail[0]?.data ?? "{}")).toEqual({
      changed: ["name", "story", "rw", "phone", "bankAccountNumber", "bankAccountName"],
      account: { from: "••••0123", to: "••••7890" },
    });

    // The same form again changes nothing and says so.
    const again = await save(world.home.manager.id, profileForm(complete));
    expect((again as Response).headers.get("Location")).toBe("/kelola/profil?tersimpan=0");
    expect(
      await db.auditEvent.count({ where: { action: "group.profile_update", groupId: world.home.group.id } }),
    ).toBe(1);
  });

  it.each<[string, Record<string, string>, string, string]>([
    ["a phone that is not Indonesian", { phone: "12345" }, "phone", "checkout.phone_invalid"],
    [
      "letters in the account number",
      { bankAccountNumber: "12ab34" },
      "bankAccountNumber",
      "group_profile.account_invalid",
    ],
    ["a bank without a holder", { bankAccountName: "" }, "bankAccountName", "group_profile.bank_incomplete"],
    ["an RW that is not a number", { rw: "lima" }, "rw", "group_profile.rw_invalid"],
    ["no name", { name: "" }, "name", "form.required"],
    ["a story of 1,501 letters", { story: "a".repeat(1501) }, "story", "form.too_long"],
  ])("refuses %s with a message and changes nothing", async (_case, change, field, message) => {
    const world = await createWorld();
    const before = await groupOf(world);
    const response = await save(world.home.manager.id, profileForm({ ...complete, ...change }));
    expect(statusOf(response)).toBe(400);
    expect((await jsonOf(response)).error?.[field]).toEqual([message]);
    expect(await groupOf(world)).toEqual(before);
  });

  it("takes a photo through the image pipeline, refuses a file that is not one, and removes it", async () => {
    const world = await createWorld();
    const refused = await save(
      world.home.manager.id,
      profileForm(complete, { bytes: new TextEncoder().encode("bukan foto"), name: "foto.jpg" }),
    );
    expect(statusOf(refused)).toBe(400);
    expect((await jsonOf(refused)).error?.photo).toEqual(["image.wrong_type"]);
    expect((await groupOf(world)).name).not.toBe(complete.name);

    const saved = await save(
      world.home.manager.id,
      profileForm(complete, { bytes: await photo("#884422"), name: "kube.jpg" }),
    );
    expect(statusOf(saved)).toBe(302);
    const { photoId, slug } = await groupOf(world);
    expect(await db.imageVariant.count({ where: { assetId: photoId ?? "" } })).toBe(9);
    expect((await getGroupPage(slug))?.photo?.src).toMatch(/^\/gambar\/[0-9a-f]{32}$/);

    await save(world.home.manager.id, profileForm({ ...complete, removePhoto: "on" }));
    expect((await groupOf(world)).photoId).toBeNull();
    expect((await getGroupPage(slug))?.photo).toBeNull();
  });

  it("is only for the group's own managers; a group named in the form is ignored", async () => {
    const world = await createWorld();
    const before = await groupOf(world);
    const asBuyer = await save(world.buyer.buyer.id, profileForm(complete));
    expect(statusOf(asBuyer)).toBe(403);
    expect(
      statusOf(await callLoader(loader, await request("/kelola/profil", { userId: world.buyer.buyer.id }))),
    ).toBe(403);

    const asOther = await save(
      world.other.manager.id,
      profileForm({ ...complete, name: "KUBE Lain", groupId: world.home.group.id }),
    );
    expect(statusOf(asOther)).toBe(302);
    expect(await groupOf(world)).toEqual(before);
    expect((await db.group.findUniqueOrThrow({ where: { id: world.other.group.id } })).name).toBe(
      "KUBE Lain",
    );
  });

  it("lets the group allow its members' names in the proposal pack, and take it back, with an audit event", async () => {
    const world = await createWorld();
    expect((await groupOf(world)).shareMemberNames).toBe(false);
    expect(
      statusOf(await save(world.home.manager.id, profileForm({ ...complete, shareMemberNames: "on" }))),
    ).toBe(302);
    expect((await groupOf(world)).shareMemberNames).toBe(true);
    const allowed = await db.auditEvent.findFirstOrThrow({
      where: { action: "group.profile_update", entityId: world.home.group.id },
      orderBy: { createdAt: "desc" },
    });
    expect(JSON.parse(allowed.data).changed).toContain("shareMemberNames");
    // An unticked box sends nothing: the names are withheld again.
    expect(statusOf(await save(world.home.manager.id, profileForm(complete)))).toBe(302);
    expect((await groupOf(world)).shareMemberNames).toBe(false);
  });
});
