import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { addAddress } from "~/.server/buyers/addresses";
import { addToCart } from "~/.server/cart/cart";
import { placeConsignment } from "~/.server/consignment/consignment";
import { db } from "~/.server/db/client";
import { action as addressAction } from "~/routes/alamat";
import { action as checkoutAction } from "~/routes/checkout";
import { action as signUpAction } from "~/routes/daftar";
import { loader as documentLoader } from "~/routes/dokumen.$number.$";
import { loader as documentPdfLoader } from "~/routes/dokumen.$number.pdf.$";
import { loader as imageLoader } from "~/routes/gambar.$hash";
import { action as groupConsignmentAction } from "~/routes/kelola.konsinyasi";
import { action as groupOrderAction, loader as groupOrderLoader } from "~/routes/kelola.pesanan.$number";
import { action as editProductAction, loader as editProductLoader } from "~/routes/kelola.produk.$id";
import { action as newProductAction } from "~/routes/kelola.produk.baru";
import { action as profileAction } from "~/routes/kelola.profil";
import { loader as groupPageLoader } from "~/routes/kelompok.$slug";
import { action as cartAction, loader as cartLoader } from "~/routes/keranjang";
import { action as reportConsignmentAction } from "~/routes/konsinyasi";
import { action as signInAction } from "~/routes/masuk";
import { loader as ordersLoader } from "~/routes/pesanan._index";
import { action as buyerOrderAction, loader as buyerOrderLoader } from "~/routes/pesanan.$number";
import { action as productAction, loader as productLoader } from "~/routes/produk.$slug";
import { loader as catalogLoader } from "~/routes/produk._index";
import { action as tkmGroupAction, loader as tkmGroupLoader } from "~/routes/tkm.kelompok.$groupId";
import { action as tempoAction } from "~/routes/tkm.pembeli";
import { attachPhoto, createTkmOfficer, createWorld, TEST_PASSWORD } from "../helpers/factories";
import { placedOrderNumber } from "../helpers/orders";
import { jsonOf, ORIGIN, sessionCookie, statusOf } from "../helpers/requests";
import { fieldValue, formEntries, HOSTILE_TEXT, seededRandom, type Random } from "../support/fuzz";

// Requests no browser on our pages sends: the wrong body for a form, a NUL byte where an id or a
// search word goes, and, from a seeded generator, every form's fields and every search parameter
// filled with hostile text. Each gets an answer below 500 and a refused one changes nothing. The
// suite runs on SQLite and on PostgreSQL, where a NUL byte used to reach the database as a 500.
//
// `redirectTo` (on /masuk and /bahasa) is left out here: its safe handling is another change's.

type World = Awaited<ReturnType<typeof createWorld>>;
type Handler = (args: LoaderFunctionArgs & ActionFunctionArgs) => Promise<unknown>;
type Body = "urlencoded" | "multipart";

let world: World;
let orderNumber = "";
let orderItemId = "";
/** Ids of rows the forms point at: cart line, address, consignment, photo. */
const ids = { cartItem: "", address: "", placement: "", photo: "" };
const cookies: Record<"buyer" | "manager" | "officer", string> = { buyer: "", manager: "", officer: "" };
let photo: File;

beforeAll(async () => {
  world = await createWorld();
  const { officer } = await createTkmOfficer(world.areas.regency.id);
  orderNumber = await placedOrderNumber(world.buyer, world.product.id, 20);
  orderItemId = (
    await db.orderItem.findFirstOrThrow({ where: { order: { number: orderNumber } }, select: { id: true } })
  ).id;
  await addToCart(world.buyer.business.id, world.product.id, 10);
  ids.cartItem = (await db.cartItem.findFirstOrThrow({ select: { id: true } })).id;
  const address = await addAddress(world.buyer.business.id, {
    recipient: "Bu Rina",
    line: "Jl. Raya Lembang 1",
    villageId: world.buyer.business.villageId,
  });
  ids.address = address?.id ?? "";
  await placeConsignment(world.home.group.id, world.home.manager.id, {
    productId: world.product.id,
    businessId: world.buyer.business.id,
    quantity: 10,
    unitPrice: 20_000,
    commissionPct: 10,
  });
  ids.placement = (await db.consignmentPlacement.findFirstOrThrow({ select: { id: true } })).id;
  ids.photo = (await attachPhoto(world.product.id)).id;
  cookies.buyer = await sessionCookie(world.buyer.buyer.id);
  cookies.manager = await sessionCookie(world.home.manager.id);
  cookies.officer = await sessionCookie(officer.id);
  const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: "#c87" } })
    .png()
    .toBuffer();
  photo = new File([new Uint8Array(png)], "foto.png", { type: "image/png" });
});

function post(path: string, who: keyof typeof cookies | null, body: BodyInit, contentType?: string) {
  const headers = new Headers({ Origin: ORIGIN });
  if (who) headers.set("Cookie", cookies[who]);
  if (contentType) headers.set("Content-Type", contentType);
  return new Request(`${ORIGIN}${path}`, { method: "POST", headers, body });
}

function get(path: string, who: keyof typeof cookies | null) {
  return new Request(`${ORIGIN}${path}`, { headers: who ? { Cookie: cookies[who] } : {} });
}

/** Calls a handler as Remix does; a thrown Response is the answer, anything else thrown is a 500. */
async function answer(handler: Handler, request: Request, params: Record<string, string> = {}) {
  try {
    return statusOf(await handler({ request, params, context: { clientAddress: "198.51.100.7" } }));
  } catch (error) {
    if (error instanceof Response) return error.status;
    return { status: 500, error: error instanceof Error ? error.message : String(error) };
  }
}

/** What a request could have changed: every table the forms write, and the rows they edit. */
async function snapshot() {
  const counts = await Promise.all([
    db.user.count(),
    db.business.count(),
    db.address.count(),
    db.product.count(),
    db.priceTier.count(),
    db.productImage.count(),
    db.cartItem.aggregate({ _count: { _all: true }, _sum: { quantity: true } }),
    db.order.count(),
    db.orderEvent.count(),
    db.payment.count(),
    db.orderProposal.count(),
    db.shipment.count(),
    db.rating.count(),
    db.consignmentPlacement.count(),
    db.consignmentReport.count(),
    db.cashEntry.count(),
    db.auditEvent.count(),
  ]);
  const rows = await Promise.all([
    db.group.findUniqueOrThrow({
      where: { id: world.home.group.id },
      select: { name: true, story: true, rw: true, phone: true, bankName: true, bankAccountNumber: true },
    }),
    db.product.findUniqueOrThrow({
      where: { id: world.product.id },
      select: { name: true, price: true, stock: true, status: true, pausedUntil: true, description: true },
    }),
    db.order.findUniqueOrThrow({
      where: { number: orderNumber },
      select: { status: true, amountPaid: true, total: true },
    }),
    db.business.findUniqueOrThrow({
      where: { id: world.buyer.business.id },
      select: { verifiedAt: true, paymentTermDays: true, creditLimit: true },
    }),
  ]);
  return { counts, rows };
}

describe("a body that is not the form the page sends", () => {
  it.each([
    ["/kelola/produk/baru", newProductAction, () => ({})],
    ["/kelola/produk/:id", editProductAction, () => ({ id: world.product.id })],
    ["/kelola/profil", profileAction, () => ({})],
  ] as const)("a URL-encoded post to %s gets 400 and changes nothing", async (path, handler, params) => {
    const before = await snapshot();
    const body = new URLSearchParams({ name: "Nama baru kelompok", categoryId: world.category.id });
    const status = await answer(
      handler as Handler,
      post(path.replace(":id", world.product.id), "manager", body),
      params(),
    );
    expect(status).toBe(400);
    expect(await snapshot()).toEqual(before);
  });

  it("a cut-off multipart body gets 400", async () => {
    const body = `--XX\r\nContent-Disposition: form-data; name="name"\r\n\r\nKeripik`;
    const status = await answer(
      profileAction as Handler,
      post("/kelola/profil", "manager", body, "multipart/form-data; boundary=XX"),
    );
    expect(status).toBe(400);
  });

  it("a post that is not a form at all gets 400", async () => {
    const before = await snapshot();
    const status = await answer(
      addressAction as Handler,
      post("/alamat", "buyer", "intent=add&recipient=Bu+Rina", "text/plain"),
    );
    expect(status).toBe(400);
    expect(await snapshot()).toEqual(before);
  });
});

describe("a NUL byte", () => {
  it("in a search parameter gets 400", async () => {
    expect(await answer(catalogLoader as Handler, get("/produk?kategori=keripik%00", null))).toBe(400);
  });

  it.each([
    ["a product's address", productLoader, "slug", null],
    ["a group's address", groupPageLoader, "slug", null],
    ["a listing being edited", editProductLoader, "id", "manager"],
    ["a group's order", groupOrderLoader, "number", "manager"],
    ["a buyer's order", buyerOrderLoader, "number", "buyer"],
    ["a group in the TKM report", tkmGroupLoader, "groupId", "officer"],
  ] as const)("in the id of %s gets 400", async (_, handler, param, who) => {
    expect(await answer(handler as Handler, get("/x", who), { [param]: "abc\0def" })).toBe(400);
  });

  it("in a form value gets 400 and changes nothing", async () => {
    const before = await snapshot();
    const address = new URLSearchParams({
      intent: "add",
      recipient: "Bu\0Rina",
      line: "Jl. Raya Lembang 2",
      villageId: world.buyer.business.villageId,
    });
    expect(await answer(addressAction as Handler, post("/alamat", "buyer", address))).toBe(400);
    const profile = new FormData();
    profile.set("name", "KUBE\0Melati");
    profile.set("story", "Cerita baru");
    expect(await answer(profileAction as Handler, post("/kelola/profil", "manager", profile))).toBe(400);
    expect(await snapshot()).toEqual(before);
  });
});

describe("values the generator found", () => {
  it("an impossible delivery date in the catalog filter is ignored", async () => {
    expect(await answer(catalogLoader as Handler, get("/produk?kirim_sebelum=2026-13-45", null))).toBe(200);
  });

  it("sorting by relevance with no search words lists the newest", async () => {
    expect(await answer(catalogLoader as Handler, get("/produk?urut=relevansi", null))).toBe(200);
  });

  it("an impossible pause date on a listing is refused with a message", async () => {
    const form = new FormData();
    for (const [name, values] of Object.entries(listingFields())) form.set(name, values[0] ?? "");
    form.set("intent", "save");
    form.set("existing[0].id", ids.photo);
    form.set("pausedUntil", "2026-02-30");
    const response = await editProductAction({
      request: post(`/kelola/produk/${world.product.id}`, "manager", form),
      params: { id: world.product.id },
      context: {},
    });
    expect(statusOf(response)).toBe(400);
    expect((await jsonOf(response)).error?.pausedUntil).toEqual(["form.date_invalid"]);
  });
});

// ---------------------------------------------------------------- fuzz

type FormTarget = {
  name: string;
  handler: Handler;
  path: () => string;
  params?: () => Record<string, string>;
  who: keyof typeof cookies | null;
  body: Body;
  fields: () => Record<string, readonly string[]>;
  /** Files the form may carry, besides its text fields. */
  files?: readonly string[];
};

const dates = ["2026-12-31", "2099-01-01", "2020-01-01"];
const whole = ["1", "10", "20", "250", "1000000"];

const FORMS: FormTarget[] = [
  {
    name: "sign in",
    handler: signInAction as Handler,
    path: () => "/masuk",
    who: null,
    body: "urlencoded",
    fields: () => ({
      identifier: [world.buyer.buyer.phone ?? "", "081234567890", "bu.rina@example.com"],
      password: [TEST_PASSWORD, "salah-sandi"],
    }),
  },
  {
    name: "sign up",
    handler: signUpAction as Handler,
    path: () => "/daftar",
    who: null,
    body: "urlencoded",
    fields: () => ({
      accountType: ["buyer", "group"],
      name: ["Bu Rina"],
      identifier: ["081299887766", "rina@example.com"],
      password: ["anyaman-bambu-08"],
      organisationName: ["Toko Rasa"],
      businessKind: ["KAFE", "HOTEL"],
      villageId: [world.areas.villageA1.id],
    }),
  },
  {
    name: "add to cart",
    handler: productAction as Handler,
    path: () => `/produk/${world.product.slug}`,
    params: () => ({ slug: world.product.slug }),
    who: "buyer",
    body: "urlencoded",
    fields: () => ({ quantity: whole }),
  },
  {
    name: "cart lines",
    handler: cartAction as Handler,
    path: () => "/keranjang",
    who: "buyer",
    body: "urlencoded",
    fields: () => ({ intent: ["update", "remove"], itemId: [ids.cartItem, ...knownIds()], quantity: whole }),
  },
  {
    name: "checkout",
    handler: checkoutAction as Handler,
    path: () => "/checkout",
    who: "buyer",
    body: "urlencoded",
    fields: () => ({
      version: ["stale"],
      address: ["new"],
      recipient: ["Bu Rina"],
      phone: ["0812-3456-7890"],
      line: ["Jl. Raya Lembang 1"],
      villageId: [world.buyer.business.villageId],
      paymentMethod: ["BANK_TRANSFER", "CASH_ON_DELIVERY", "TEMPO", "CARD"],
      "orders[0].groupId": [world.home.group.id],
      "orders[0].wantedBy": dates,
      "orders[0].note": ["Tolong dibungkus rapi"],
    }),
  },
  {
    name: "address book",
    handler: addressAction as Handler,
    path: () => "/alamat",
    who: "buyer",
    body: "urlencoded",
    fields: () => ({
      intent: ["add", "default", "delete"],
      label: ["Gudang"],
      recipient: ["Bu Rina"],
      phone: ["081234567890"],
      line: ["Jl. Raya Lembang 1"],
      villageId: [world.buyer.business.villageId],
      addressId: [ids.address, ...knownIds()],
    }),
  },
  {
    name: "a buyer's order",
    handler: buyerOrderAction as Handler,
    path: () => `/pesanan/${orderNumber}`,
    params: () => ({ number: orderNumber }),
    who: "buyer",
    body: "urlencoded",
    fields: () => ({
      intent: ["transition", "reorder", "answer_proposal", "transfer", "rate"],
      step: ["cancel", "mark_received"],
      reason: ["Tidak jadi"],
      [`quantities.${orderItemId}`]: whole,
      proposalId: knownIds(),
      answer: ["accept", "decline"],
      amount: whole,
      reference: ["BRI 123"],
      idempotencyKey: ["kunci-12345678"],
      score: ["1", "5"],
      comment: ["Enak"],
    }),
  },
  {
    name: "consignment report",
    handler: reportConsignmentAction as Handler,
    path: () => "/konsinyasi",
    who: "buyer",
    body: "urlencoded",
    fields: () => ({
      placementId: [ids.placement, ...knownIds()],
      quantitySold: whole,
      quantityReturned: whole,
    }),
  },
  {
    name: "new listing",
    handler: newProductAction as Handler,
    path: () => "/kelola/produk/baru",
    who: "manager",
    body: "multipart",
    fields: () => listingFields(),
    files: ["photos"],
  },
  {
    name: "editing a listing",
    handler: editProductAction as Handler,
    path: () => `/kelola/produk/${world.product.id}`,
    params: () => ({ id: world.product.id }),
    who: "manager",
    body: "multipart",
    fields: () => ({
      intent: ["save", "duplicate", "archive", "restore"],
      ...listingFields(),
      "existing[0].id": [ids.photo, ...knownIds()],
      "existing[0].position": ["1", "2"],
      "existing[0].remove": ["on"],
      mainPhoto: [ids.photo],
    }),
    files: ["photos"],
  },
  {
    name: "group profile",
    handler: profileAction as Handler,
    path: () => "/kelola/profil",
    who: "manager",
    body: "multipart",
    fields: () => ({
      name: ["KUBE Melati"],
      story: ["Kami menganyam bambu sejak 1998."],
      rw: ["3", "012"],
      phone: ["081234567890"],
      bankName: ["BRI"],
      bankAccountNumber: ["0123-4567-89"],
      bankAccountName: ["KUBE Melati"],
      removePhoto: ["on"],
    }),
    files: ["photo"],
  },
  {
    name: "consignment placing",
    handler: groupConsignmentAction as Handler,
    path: () => "/kelola/konsinyasi",
    who: "manager",
    body: "urlencoded",
    fields: () => ({
      intent: ["place", "paid"],
      productId: [world.product.id, world.otherProduct.id],
      businessId: [world.buyer.business.id],
      quantity: whole,
      unitPrice: whole,
      commissionPct: ["0", "10", "90"],
      reportId: knownIds(),
    }),
  },
  {
    name: "a group's order",
    handler: groupOrderAction as Handler,
    path: () => `/kelola/pesanan/${orderNumber}`,
    params: () => ({ number: orderNumber }),
    who: "manager",
    body: "urlencoded",
    fields: () => ({
      intent: ["transition", "review_transfer", "propose", "withdraw_proposal", "payment"],
      step: ["confirm", "reject", "start_production", "ship", "group_cancel"],
      reason: ["Stok habis"],
      [`quantities.${orderItemId}`]: whole,
      downPayment: whole,
      paymentId: knownIds(),
      decision: ["confirm", "decline"],
      [`lines.${orderItemId}.quantity`]: whole,
      [`lines.${orderItemId}.unitPrice`]: whole,
      wantedBy: dates,
      amount: whole,
      reference: ["Tunai"],
      idempotencyKey: ["kunci-87654321"],
    }),
  },
  {
    name: "TKM transfer review",
    handler: tkmGroupAction as Handler,
    path: () => `/tkm/kelompok/${world.home.group.id}`,
    params: () => ({ groupId: world.home.group.id }),
    who: "officer",
    body: "urlencoded",
    fields: () => ({ intent: ["review_transfer"], paymentId: knownIds(), decision: ["confirm", "decline"] }),
  },
  {
    name: "TKM tempo terms",
    handler: tempoAction as Handler,
    path: () => "/tkm/pembeli",
    who: "officer",
    body: "urlencoded",
    fields: () => ({
      businessId: [world.buyer.business.id],
      verified: ["on"],
      termDays: ["", "7", "14", "30"],
      creditLimit: whole,
    }),
  },
];

function listingFields(): Record<string, readonly string[]> {
  return {
    name: ["Besek bambu tutup"],
    categoryId: [world.category.id],
    unit: ["PCS", "PAK"],
    price: ["27000"],
    minOrderQuantity: ["20"],
    orderMultiple: ["1", "5"],
    supplyMode: ["READY_STOCK", "MADE_TO_ORDER"],
    stock: whole,
    capacityPerWeek: whole,
    leadTimeDays: ["0", "1", "90"],
    pausedUntil: dates,
    pirtNumber: ["2063217010123-27"],
    bpomNumber: ["MD 123"],
    description: ["Anyaman rapat."],
    status: ["DRAFT", "ACTIVE"],
    "tiers[0].minQuantity": ["50"],
    "tiers[0].unitPrice": ["25000"],
  };
}

/** Ids of real rows, so that hostile text sits next to values that reach deep into a handler. */
function knownIds() {
  return [world.product.id, world.product.slug, world.home.group.id, world.home.group.slug, orderNumber];
}

function fuzzedBody(random: Random, target: FormTarget): { body: BodyInit; contentType?: string } {
  const entries = formEntries(random, target.fields());
  // Now and then the other encoding, or none a form uses: a tool can send anything.
  const encoding = random.chance(0.1)
    ? random.pick(["urlencoded", "multipart", "text"] as const)
    : target.body;
  if (encoding === "text")
    return { body: entries.map(([k, v]) => `${k}=${v}`).join("&"), contentType: "text/plain" };
  if (encoding === "urlencoded") return { body: new URLSearchParams(entries) };
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  for (const name of target.files ?? []) {
    const choice = random.pick(["none", "empty", "photo", "junk"] as const);
    if (choice === "empty") form.append(name, new File([], ""));
    if (choice === "photo") form.append(name, photo);
    if (choice === "junk")
      form.append(name, new File([random.pick(HOSTILE_TEXT)], "x.png", { type: "image/png" }));
  }
  return { body: form };
}

type LoaderTarget = {
  name: string;
  handler: Handler;
  path: string;
  who: keyof typeof cookies | null;
  /** The search parameters the loader reads, each with plausible values. */
  search: () => Record<string, readonly string[]>;
  /** The route's own parameters (`:slug`, `:number`, `*`). */
  params: () => Record<string, readonly string[]>;
};

const LOADERS: LoaderTarget[] = [
  {
    name: "catalog",
    handler: catalogLoader as Handler,
    path: "/produk",
    who: "buyer",
    search: () => ({
      q: ["keripik", "besek bambu", "kopi"],
      kategori: [world.category.slug],
      wilayah: [world.areas.districtA.code, world.areas.villageA1.code],
      harga_min: ["0", "10000"],
      harga_maks: ["50000"],
      min_pesan: ["10"],
      stok: ["1"],
      kirim_sebelum: dates,
      urut: ["relevansi", "terbaru", "termurah", "termahal", "terdekat"],
      halaman: ["1", "2", "9999"],
    }),
    params: () => ({}),
  },
  {
    name: "cart",
    handler: cartLoader as Handler,
    path: "/keranjang",
    who: "buyer",
    search: () => ({ ditambah: [world.product.id, world.product.slug] }),
    params: () => ({}),
  },
  {
    name: "orders",
    handler: ordersLoader as Handler,
    path: "/pesanan",
    who: "buyer",
    search: () => ({ checkout: ["cs_test_123"] }),
    params: () => ({}),
  },
  {
    name: "a buyer's order",
    handler: buyerOrderLoader as Handler,
    path: "/pesanan/x",
    who: "buyer",
    search: () => ({ kartu: ["selesai", "batal"] }),
    params: () => ({ number: [orderNumber] }),
  },
  {
    name: "a product",
    handler: productLoader as Handler,
    path: "/produk/x",
    who: null,
    search: () => ({}),
    params: () => ({ slug: [world.product.slug] }),
  },
  {
    name: "a group",
    handler: groupPageLoader as Handler,
    path: "/kelompok/x",
    who: null,
    search: () => ({}),
    params: () => ({ slug: [world.home.group.slug] }),
  },
  {
    name: "a group's order",
    handler: groupOrderLoader as Handler,
    path: "/kelola/pesanan/x",
    who: "manager",
    search: () => ({}),
    params: () => ({ number: [orderNumber] }),
  },
  {
    name: "editing a listing",
    handler: editProductLoader as Handler,
    path: "/kelola/produk/x",
    who: "manager",
    search: () => ({}),
    params: () => ({ id: [world.product.id] }),
  },
  {
    name: "TKM group report",
    handler: tkmGroupLoader as Handler,
    path: "/tkm/kelompok/x",
    who: "officer",
    search: () => ({}),
    params: () => ({ groupId: [world.home.group.id] }),
  },
  {
    name: "an order paper",
    handler: documentLoader as Handler,
    path: "/dokumen/x/y",
    who: "buyer",
    search: () => ({}),
    params: () => ({ number: [orderNumber], "*": ["faktur", "surat-jalan"] }),
  },
  {
    name: "an order paper as PDF",
    handler: documentPdfLoader as Handler,
    path: "/dokumen/x/pdf/y",
    who: "manager",
    search: () => ({}),
    params: () => ({ number: [orderNumber], "*": ["faktur"] }),
  },
  {
    name: "an image",
    handler: imageLoader as Handler,
    path: "/gambar/x",
    who: null,
    search: () => ({}),
    params: () => ({ hash: ["0123456789abcdef0123456789abcdef"] }),
  },
];

// Another seed or more runs dig further: FUZZ_SEED=7 FUZZ_RUNS=200 npx vitest run <this file>.
const SEED = Number(process.env.FUZZ_SEED ?? 20_260_611);
const RUNS = Number(process.env.FUZZ_RUNS ?? 20);
/** Room for more runs than the default (about half a second each on PostgreSQL, snapshots included). */
const FUZZ_TIMEOUT_MS = Math.max(30_000, RUNS * 2_500);

describe("hostile input from a seeded generator", () => {
  it(
    "never gets a 5xx from any form's fields, and a refused one changes nothing",
    async () => {
      const random = seededRandom(SEED);
      const failures: string[] = [];
      for (const target of FORMS) {
        for (let run = 0; run < RUNS; run++) {
          const { body, contentType } = fuzzedBody(random, target);
          const shown = JSON.stringify(body instanceof FormData ? [...body.entries()] : String(body));
          const case_ = `${target.name} #${run} (seed ${SEED})`;
          const before = await snapshot();
          const status = await answer(
            target.handler,
            post(target.path(), target.who, body, contentType),
            target.params?.() ?? {},
          );
          if (typeof status !== "number" || status >= 500) {
            failures.push(`${case_}: ${JSON.stringify(status)} for ${shown.slice(0, 400)}`);
          } else if (status >= 400 && JSON.stringify(await snapshot()) !== JSON.stringify(before)) {
            failures.push(`${case_}: ${status} but something changed, for ${shown.slice(0, 400)}`);
          }
        }
      }
      expect(failures).toEqual([]);
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    "never gets a 5xx from any search parameter or id in the address",
    async () => {
      const random = seededRandom(SEED + 1);
      const failures: string[] = [];
      for (const target of LOADERS) {
        for (let run = 0; run < RUNS; run++) {
          const search = new URLSearchParams(formEntries(random, target.search()));
          const params = Object.fromEntries(
            Object.entries(target.params()).map(([name, plausible]) => [
              name,
              fieldValue(random, [...plausible, ...knownIds()]),
            ]),
          );
          const status = await answer(target.handler, get(`${target.path}?${search}`, target.who), params);
          if (typeof status !== "number" || status >= 500)
            failures.push(
              `${target.name} #${run} (seed ${SEED + 1}): ${JSON.stringify(status)} for ?${search} ${JSON.stringify(params)}`,
            );
        }
      }
      expect(failures).toEqual([]);
    },
    FUZZ_TIMEOUT_MS,
  );
});
