import { describe, expect, it } from "vitest";
import { db } from "~/.server/db/client";
import { expireRequests } from "~/.server/matching/requests";
import { action as cancelAction } from "~/routes/permintaan.$number.batal";
import { action as editAction, loader as editLoader } from "~/routes/permintaan.$number.ubah";
import { loader as listLoader } from "~/routes/permintaan._index";
import { action as newAction } from "~/routes/permintaan.baru";
import { addWibDays, wibDateKey, wibNoon } from "~/utils/delivery";
import { formatDate } from "~/utils/time";
import { createProduct, createWorld } from "../helpers/factories";
import { addRecipient, createRequest } from "../helpers/matching";
import { callAction, callLoader, request, statusOf } from "../helpers/requests";

// Posting, editing, cancelling and expiring a request for quotes, through the routes as a signed-in
// buyer, with the rows read back from the database.

type World = Awaited<ReturnType<typeof createWorld>>;

const inDays = (days: number) => wibDateKey(addWibDays(new Date(), days));

/** The small world with both groups verified, placed on the map, and an address for the buyer. */
async function matchingWorld() {
  const world = await createWorld();
  // Jayagiri (A1) and the buyer's village (A2) 3 km apart; B1 60 km away.
  await db.area.update({
    where: { id: world.areas.villageA1.id },
    data: { latitude: -6.8, longitude: 107.62 },
  });
  await db.area.update({
    where: { id: world.areas.villageA2.id },
    data: { latitude: -6.82, longitude: 107.64 },
  });
  await db.area.update({
    where: { id: world.areas.villageB1.id },
    data: { latitude: -7.3, longitude: 107.8 },
  });
  const verifiedAt = new Date(Date.now() - 400 * 24 * 60 * 60 * 1000);
  await db.group.updateMany({
    where: { id: { in: [world.home.group.id, world.other.group.id] } },
    data: { verifiedAt },
  });
  const address = await db.address.create({
    data: {
      businessId: world.buyer.business.id,
      label: "Toko",
      recipient: "Bu Sari",
      line: "Jl. Raya Lembang 12",
      villageId: world.areas.villageA2.id,
      isDefault: true,
    },
  });
  return { ...world, address };
}

function requestForm(world: World & { address: { id: string } }, overrides: Record<string, string> = {}) {
  return {
    intent: "post",
    title: "Besek bambu untuk hampers",
    categoryId: world.category.id,
    quantity: "50",
    unit: "PCS",
    neededBy: inDays(20),
    addressId: world.address.id,
    visibility: "NEARBY",
    radiusKm: "25",
    ...overrides,
  };
}

function multipart(fields: Record<string, string | string[]>) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const one of ([] as string[]).concat(value)) form.append(name, one);
  }
  return form;
}

async function post(
  world: Awaited<ReturnType<typeof matchingWorld>>,
  fields: Record<string, string | string[]>,
  userId = world.buyer.buyer.id,
) {
  return callAction(
    newAction,
    await request("/permintaan/baru", { userId, form: multipart({ ...requestForm(world), ...fields }) }),
  );
}

async function errorsOf(response: unknown) {
  expect(response).toBeInstanceOf(Response);
  const body = (await (response as Response).clone().json()) as {
    reply: { error?: Record<string, string[] | null> };
  };
  return body.reply.error ?? {};
}

describe("posting a request", () => {
  it("sends it to the groups that can make it, with the matcher's reasons, and tells their managers", async () => {
    const world = await matchingWorld();
    const response = await post(world, {});
    expect(statusOf(response)).toBe(302);
    const location = (response as Response).headers.get("Location") ?? "";
    const number = location.split("/")[2]?.split("?")[0] ?? "";
    expect(number).toMatch(/^PMT-\d{4}-[A-Z0-9]{5}$/);

    const stored = await db.quoteRequest.findUniqueOrThrow({
      where: { number },
      include: { recipients: true },
    });
    expect(stored).toMatchObject({
      businessId: world.buyer.business.id,
      createdById: world.buyer.buyer.id,
      quantity: 50,
      status: "OPEN",
      villageId: world.areas.villageA2.id,
      addressId: world.address.id,
    });
    expect(stored.deliveryAddress).toContain("Jl. Raya Lembang 12");
    // The far group (about 60 km) is left out; the near one is asked, with reasons.
    expect(stored.recipients.map((r) => r.groupId)).toEqual([world.home.group.id]);
    const [recipient] = stored.recipients;
    expect(recipient).toMatchObject({ source: "MATCHED", rank: 1 });
    const reasons = JSON.parse(recipient?.reasons ?? "[]") as { key: string }[];
    expect(reasons.map((r) => r.key)).toContain("match.reason.text");
    expect(reasons.map((r) => r.key)).toContain("match.reason.distance");

    const notes = await db.notification.findMany({ where: { userId: world.home.manager.id } });
    expect(notes).toEqual([
      expect.objectContaining({ messageKey: "request.notify_matched", link: `/kelola/permintaan/${number}` }),
    ]);
    expect(await db.notification.count({ where: { userId: world.other.manager.id } })).toBe(0);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: stored.id } });
    expect(audit.action).toBe("request.post");
  });

  it("takes quotes through the closing day the buyer chose, and shows that day", async () => {
    const world = await matchingWorld();
    const result = await post(world, { closesOn: inDays(10) });
    expect(statusOf(result)).toBe(302);
    const posted = await db.quoteRequest.findFirstOrThrow({
      where: { businessId: world.buyer.business.id },
      select: { closesAt: true },
    });
    expect(wibDateKey(posted.closesAt)).toBe(inDays(10));
    expect(formatDate(posted.closesAt, "id")).toBe(formatDate(wibNoon(inDays(10)) as Date, "id"));
  });

  it("shows who would receive it before sending, and writes nothing", async () => {
    const world = await matchingWorld();
    const response = await post(world, { intent: "preview" });
    expect(statusOf(response)).toBe(200);
    const data = response as {
      preview: {
        matches: { groupId: string; receives: boolean }[];
        excluded: { groupId: string; reason: { key: string } }[];
      };
    };
    expect(data.preview.matches).toEqual([
      expect.objectContaining({ groupId: world.home.group.id, receives: true }),
    ]);
    expect(data.preview.excluded).toContainEqual(
      expect.objectContaining({
        groupId: world.other.group.id,
        reason: expect.objectContaining({ key: "match.excluded.too_far" }),
      }),
    );
    expect(await db.quoteRequest.count({ where: { businessId: world.buyer.business.id } })).toBe(0);
  });

  it("keeps to the area the buyer chose, and says why a group outside it was left out", async () => {
    const world = await matchingWorld();
    // Both groups in reach; only district B chosen.
    await db.area.update({
      where: { id: world.areas.villageB1.id },
      data: { latitude: -6.83, longitude: 107.65 },
    });
    const preview = (await post(world, { intent: "preview", areaId: world.areas.districtB.id })) as {
      preview: { matches: { groupId: string }[]; excluded: { groupId: string; reason: { key: string } }[] };
    };
    expect(preview.preview.matches.map((m) => m.groupId)).toEqual([world.other.group.id]);
    expect(preview.preview.excluded).toContainEqual(
      expect.objectContaining({
        groupId: world.home.group.id,
        reason: { key: "match.excluded.outside_area", params: { area: "Parongpong" } },
      }),
    );
    expect(statusOf(await post(world, { areaId: world.areas.districtB.id }))).toBe(302);
    const stored = await db.quoteRequest.findFirstOrThrow({
      where: { businessId: world.buyer.business.id },
      include: { recipients: true },
    });
    expect(stored.areaId).toBe(world.areas.districtB.id);
    expect(stored.recipients.map((r) => r.groupId)).toEqual([world.other.group.id]);
    expect(statusOf(await post(world, { areaId: "no-such-area", title: "Lain" }))).toBe(400);
  });

  it("never sends it to a group that is not verified", async () => {
    const world = await matchingWorld();
    await db.group.update({ where: { id: world.home.group.id }, data: { verifiedAt: null } });
    expect(statusOf(await post(world, {}))).toBe(302);
    expect(await db.requestRecipient.count({ where: { groupId: world.home.group.id } })).toBe(0);
  });

  it("sends an invited-only request to the invited groups alone, however far", async () => {
    const world = await matchingWorld();
    expect(statusOf(await post(world, { visibility: "INVITED", invite: [world.other.group.id] }))).toBe(302);
    const recipients = await db.requestRecipient.findMany({
      where: { request: { businessId: world.buyer.business.id } },
    });
    expect(recipients).toEqual([
      expect.objectContaining({ groupId: world.other.group.id, source: "INVITED", rank: null }),
    ]);
    // The buyer sees why the matcher would not have asked it.
    expect(JSON.parse(recipients[0]?.reasons ?? "[]")).toEqual([
      expect.objectContaining({ key: "match.excluded.too_far" }),
    ]);
    expect(
      await db.notification.count({
        where: { userId: world.other.manager.id, messageKey: "request.notify_invited" },
      }),
    ).toBe(1);
  });

  it("posts the same form sent twice once, also when both arrive together", async () => {
    const world = await matchingWorld();
    const first = await post(world, {});
    const second = await post(world, {});
    expect((second as Response).headers.get("Location")).toBe((first as Response).headers.get("Location"));
    const together = await Promise.all([
      post(world, { title: "Tikar pandan" }),
      post(world, { title: "Tikar pandan" }),
    ]);
    expect(together.map(statusOf)).toEqual([302, 302]);
    expect(await db.quoteRequest.count({ where: { businessId: world.buyer.business.id } })).toBe(2);
    expect(
      await db.requestRecipient.count({ where: { request: { businessId: world.buyer.business.id } } }),
    ).toBe(2);
  });

  it("posts it anew when the same request was cancelled in between", async () => {
    const world = await matchingWorld();
    const first = await post(world, {});
    const number = (first as Response).headers.get("Location")?.split("/")[2]?.split("?")[0] ?? "";
    await db.quoteRequest.update({ where: { number }, data: { status: "CANCELLED" } });
    const again = await post(world, {});
    expect(statusOf(again)).toBe(302);
    expect((again as Response).headers.get("Location")).not.toContain(number);
    expect(
      await db.quoteRequest.count({ where: { businessId: world.buyer.business.id, status: "OPEN" } }),
    ).toBe(1);
  });

  it("refuses bad input with a message for the field, and stores nothing", async () => {
    const world = await matchingWorld();
    const otherAddress = await db.address.create({
      data: {
        businessId: world.otherBuyer.business.id,
        label: "Lain",
        recipient: "Orang lain",
        line: "Jl. Lain 1",
        villageId: world.areas.villageA2.id,
      },
    });
    const cases: [Record<string, string | string[]>, string, string][] = [
      [{ neededBy: inDays(0) }, "neededBy", "request.needed_by_future"],
      [{ neededBy: inDays(-3) }, "neededBy", "request.needed_by_future"],
      [{ neededBy: inDays(400) }, "neededBy", "request.needed_by_too_far"],
      [{ closesOn: inDays(25) }, "closesOn", "request.closes_after_needed"],
      [{ closesOn: inDays(-1) }, "closesOn", "request.closes_past"],
      [{ addressId: otherAddress.id }, "addressId", "form.choose_one"],
      [{ quantity: "-5" }, "quantity", "form.positive"],
      [{ quantity: "99999999" }, "quantity", "form.too_large"],
      [{ budgetPerUnit: "dua ribu" }, "budgetPerUnit", "form.money_invalid"],
      [{ visibility: "INVITED" }, "invite", "request.invite_required"],
      [{ invite: ["no-such-group"] }, "invite", "request.invite_unknown"],
      [{ categoryId: "no-such-category" }, "categoryId", "form.choose_one"],
      [{ title: "ab" }, "title", "form.too_short"],
      [{ neededBy: "2026-02-30" }, "neededBy", "form.date_invalid"],
    ];
    for (const [fields, field, key] of cases) {
      const response = await post(world, fields);
      expect(statusOf(response), JSON.stringify(fields)).toBe(400);
      expect((await errorsOf(response))[field]?.[0], JSON.stringify(fields)).toContain(key);
    }
    expect(await db.quoteRequest.count({ where: { businessId: world.buyer.business.id } })).toBe(0);
    expect(await db.notification.count({ where: { userId: world.home.manager.id } })).toBe(0);
  });

  it("is for buyers only", async () => {
    const world = await matchingWorld();
    expect(statusOf(await post(world, {}, world.home.manager.id))).toBe(403);
    expect(await db.quoteRequest.count()).toBeGreaterThanOrEqual(0);
    expect(await db.quoteRequest.count({ where: { createdById: world.home.manager.id } })).toBe(0);
  });
});

describe("editing a request", () => {
  async function edit(
    world: Awaited<ReturnType<typeof matchingWorld>>,
    number: string,
    fields: Record<string, string>,
    userId = world.buyer.buyer.id,
  ) {
    return callAction(
      editAction,
      await request(`/permintaan/${number}/ubah`, { userId, form: { ...requestForm(world), ...fields } }),
      { number },
    );
  }

  it("changes it while no group has quoted, asks groups it now fits and tells the ones that had it", async () => {
    const world = await matchingWorld();
    await createProduct(world.home.group.id, world.category.id, { name: "Tikar pandan" });
    const posted = await post(world, { visibility: "INVITED", invite: [world.home.group.id] });
    const number = (posted as Response).headers.get("Location")?.split("/")[2]?.split("?")[0] ?? "";
    const response = await edit(world, number, {
      title: "Tikar pandan",
      quantity: "80",
      visibility: "INVITED",
      invite: world.home.group.id,
    });
    expect(statusOf(response)).toBe(302);
    const stored = await db.quoteRequest.findUniqueOrThrow({ where: { number } });
    expect(stored).toMatchObject({ title: "Tikar pandan", quantity: 80 });
    expect(
      await db.notification.count({
        where: { userId: world.home.manager.id, messageKey: "request.notify_changed" },
      }),
    ).toBe(1);
    expect(await db.auditEvent.count({ where: { entityId: stored.id, action: "request.edit" } })).toBe(1);
  });

  it("is refused once a quote exists, and for another business's request", async () => {
    const world = await matchingWorld();
    const stored = await createRequest(
      world.buyer.business.id,
      world.buyer.buyer.id,
      world.areas.villageA2.id,
    );
    await addRecipient(stored.id, world.home.group.id);
    await db.quote.create({
      data: {
        requestId: stored.id,
        groupId: world.home.group.id,
        productId: world.product.id,
        createdById: world.home.manager.id,
        unitPrice: 9000,
        quantity: 200,
        earliestDelivery: addWibDays(new Date(), 10),
        validUntil: addWibDays(new Date(), 10),
      },
    });
    const refused = await edit(world, stored.number, { title: "Sesuatu yang lain" });
    expect(statusOf(refused)).toBe(400);
    expect(JSON.stringify(await errorsOf(refused))).toContain("request.has_quotes");
    const other = await edit(world, stored.number, { title: "Sesuatu yang lain" }, world.otherBuyer.buyer.id);
    expect(statusOf(other)).toBe(404);
    const loaded = await callLoader(
      editLoader,
      await request(`/permintaan/${stored.number}/ubah`, { userId: world.otherBuyer.buyer.id }),
      { number: stored.number },
    );
    expect(statusOf(loaded)).toBe(404);
    expect((await db.quoteRequest.findUniqueOrThrow({ where: { id: stored.id } })).title).toBe(stored.title);
  });
});

describe("cancelling a request", () => {
  async function cancel(number: string, userId: string, form: Record<string, string>) {
    return callAction(cancelAction, await request(`/permintaan/${number}/batal`, { userId, form }), {
      number,
    });
  }

  it("needs a reason, closes its quotes and tells every group that had it", async () => {
    const world = await matchingWorld();
    const stored = await createRequest(
      world.buyer.business.id,
      world.buyer.buyer.id,
      world.areas.villageA2.id,
      { status: "QUOTED" },
    );
    await addRecipient(stored.id, world.home.group.id);
    await addRecipient(stored.id, world.other.group.id, "INVITED", null);
    const quote = await db.quote.create({
      data: {
        requestId: stored.id,
        groupId: world.home.group.id,
        productId: world.product.id,
        createdById: world.home.manager.id,
        unitPrice: 9000,
        quantity: 200,
        earliestDelivery: addWibDays(new Date(), 10),
        validUntil: addWibDays(new Date(), 10),
      },
    });
    expect(statusOf(await cancel(stored.number, world.buyer.buyer.id, { reason: "other" }))).toBe(400);
    expect(statusOf(await cancel(stored.number, world.buyer.buyer.id, { reason: "found_supplier" }))).toBe(
      302,
    );
    const after = await db.quoteRequest.findUniqueOrThrow({ where: { id: stored.id } });
    expect(after).toMatchObject({ status: "CANCELLED", cancelReason: "found_supplier" });
    expect((await db.quote.findUniqueOrThrow({ where: { id: quote.id } })).status).toBe("NOT_CHOSEN");
    for (const manager of [world.home.manager, world.other.manager]) {
      expect(
        await db.notification.count({
          where: { userId: manager.id, messageKey: "request.notify_cancelled" },
        }),
      ).toBe(1);
    }
    const again = await cancel(stored.number, world.buyer.buyer.id, { reason: "found_supplier" });
    expect(statusOf(again)).toBe(400);
    expect(JSON.stringify(await (again as Response).json())).toContain("request.already_cancelled");
  });

  it("is 404 for another business, and refused once the request expired", async () => {
    const world = await matchingWorld();
    const stored = await createRequest(
      world.buyer.business.id,
      world.buyer.buyer.id,
      world.areas.villageA2.id,
    );
    expect(statusOf(await cancel(stored.number, world.otherBuyer.buyer.id, { reason: "price" }))).toBe(404);
    await db.quoteRequest.update({
      where: { id: stored.id },
      data: { closesAt: new Date(Date.now() - 1000) },
    });
    const late = await cancel(stored.number, world.buyer.buyer.id, { reason: "price" });
    expect(statusOf(late)).toBe(400);
    expect((await db.quoteRequest.findUniqueOrThrow({ where: { id: stored.id } })).status).toBe("OPEN");
  });
});

describe("expiry", () => {
  it("ends requests past their close date once, telling the buyer once, however many servers run it", async () => {
    const world = await matchingWorld();
    const past = await createRequest(
      world.buyer.business.id,
      world.buyer.buyer.id,
      world.areas.villageA2.id,
      {
        closesAt: new Date(Date.now() - 60_000),
      },
    );
    const open = await createRequest(world.buyer.business.id, world.buyer.buyer.id, world.areas.villageA2.id);
    await Promise.all([expireRequests(), expireRequests()]);
    expect((await db.quoteRequest.findUniqueOrThrow({ where: { id: past.id } })).status).toBe("EXPIRED");
    expect((await db.quoteRequest.findUniqueOrThrow({ where: { id: open.id } })).status).toBe("OPEN");
    expect(
      await db.notification.count({
        where: { userId: world.buyer.buyer.id, messageKey: "request.notify_expired" },
      }),
    ).toBe(1);
  });
});

describe("the buyer's list", () => {
  it("shows the business's own requests by state, with counts, and nobody else's", async () => {
    const world = await matchingWorld();
    await createRequest(world.buyer.business.id, world.buyer.buyer.id, world.areas.villageA2.id, {
      title: "Masih buka",
    });
    await createRequest(world.buyer.business.id, world.buyer.buyer.id, world.areas.villageA2.id, {
      title: "Sudah lewat",
      closesAt: new Date(Date.now() - 1000),
    });
    await createRequest(world.otherBuyer.business.id, world.otherBuyer.buyer.id, world.areas.villageA2.id, {
      title: "Milik orang lain",
    });
    const data = (await callLoader(
      listLoader,
      await request("/permintaan", { userId: world.buyer.buyer.id }),
    )) as {
      requests: { title: string; state: string }[];
      counts: Record<string, number>;
    };
    expect(data.requests.map((r) => r.title)).toEqual(["Masih buka"]);
    expect(data.counts).toEqual({ aktif: 1, selesai: 0, berakhir: 1 });
    const ended = (await callLoader(
      listLoader,
      await request("/permintaan?tab=berakhir", { userId: world.buyer.buyer.id }),
    )) as {
      requests: { title: string; state: string }[];
    };
    expect(ended.requests).toEqual([expect.objectContaining({ title: "Sudah lewat", state: "EXPIRED" })]);
  });
});
