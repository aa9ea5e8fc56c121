import { describe, expect, it } from "vitest";
import { db } from "~/.server/db/client";
import { action as addressAction } from "~/routes/alamat";
import { createWorld } from "../helpers/factories";
import { callAction, jsonOf, request, statusOf } from "../helpers/requests";

type World = Awaited<ReturnType<typeof createWorld>>;

const book = (world: World, form: Record<string, string>, userId = world.buyer.buyer.id) =>
  request("/alamat", { userId, form }).then((req) => callAction(addressAction, req));

const saved = (businessId: string) =>
  db.address.findMany({
    where: { businessId },
    orderBy: { label: "asc" },
    select: { id: true, label: true, isDefault: true, phone: true },
  });

describe("the address book", () => {
  it("adds addresses (the first is the default), moves the default, and removes one", async () => {
    const world = await createWorld();
    const add = (label: string) =>
      book(world, {
        intent: "add",
        label,
        recipient: "Bu Rina",
        phone: "0812 3333 4444",
        line: "Jl. Raya Lembang 5",
        villageId: world.areas.villageA1.id,
      });
    expect(statusOf(await add("Gudang"))).toBe(302);
    expect(statusOf(await add("Toko"))).toBe(302);
    let [gudang, toko] = await saved(world.buyer.business.id);
    expect([gudang?.isDefault, toko?.isDefault, gudang?.phone]).toEqual([true, false, "+6281233334444"]);
    await book(world, { intent: "default", addressId: toko!.id });
    [gudang, toko] = await saved(world.buyer.business.id);
    expect([gudang?.isDefault, toko?.isDefault]).toEqual([false, true]);
    await book(world, { intent: "delete", addressId: toko!.id });
    expect(await saved(world.buyer.business.id)).toEqual([
      { id: gudang!.id, label: "Gudang", isDefault: true, phone: "+6281233334444" },
    ]);
  });

  it("refuses bad input and other businesses' addresses, changing nothing", async () => {
    const world = await createWorld();
    await book(world, {
      intent: "add",
      recipient: "Bu Rina",
      line: "Jl. Raya Lembang 5",
      villageId: world.areas.villageA1.id,
    });
    const before = await saved(world.buyer.business.id);
    const bad = await book(world, { intent: "add", recipient: "B", phone: "123", line: "Jl", villageId: "" });
    expect(statusOf(bad)).toBe(400);
    expect((await jsonOf(bad)).error).toMatchObject({
      recipient: ["form.required"],
      phone: ["checkout.phone_invalid"],
      line: ["form.too_short"],
      villageId: ["form.choose_one"],
    });
    const mine = before[0]!.id;
    expect(
      statusOf(await book(world, { intent: "delete", addressId: mine }, world.otherBuyer.buyer.id)),
    ).toBe(404);
    expect(
      statusOf(await book(world, { intent: "default", addressId: mine }, world.otherBuyer.buyer.id)),
    ).toBe(404);
    expect(await saved(world.buyer.business.id)).toEqual(before);
  });
});
