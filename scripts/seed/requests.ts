import type { Db, Tx } from "~/.server/db/client";
import type { DeclineReason } from "~/forms/quote";
import { rankForRequest } from "~/.server/matching/candidates";
import { addRecipients } from "~/.server/matching/requests";
import { newRequestNumber } from "~/.server/matching/request-state";
import { addWibDays, wibDateKey, wibNoon } from "~/utils/delivery";

// Demo requests for quotes: every state a buyer and a group meet (waiting, quoted, countered,
// declined, awarded, expired, cancelled), two needs no group can meet, so TKM's list of unmet
// requests shows something real, and one a group read a week ago and never answered. Groups are chosen by the matcher itself, as in the app.

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;

type Unit = "PCS" | "KG" | "PAK" | "LUSIN" | "BOTOL" | "TOPLES" | "LITER";

type DemoQuote = {
  group: string;
  unitPrice: number;
  tiers?: { minQuantity: number; unitPrice: number }[];
  /** Less than asked when the group cannot make it all. */
  quantity?: number;
  earliestInDays: number;
  validDays: number;
  note: string;
  counter?: { unitPrice: number; note: string };
  status?: "SUBMITTED" | "ACCEPTED" | "NOT_CHOSEN";
};

type DemoRequest = {
  business: string;
  title: string;
  description: string;
  category: string | null;
  quantity: number;
  unit: Unit;
  budgetPerUnit?: number;
  /** Days from now (negative: in the past). */
  postedDaysAgo: number;
  neededInDays: number;
  status: "OPEN" | "QUOTED" | "AWARDED" | "CANCELLED" | "EXPIRED";
  visibility?: "NEARBY" | "INVITED";
  invite?: string[];
  cancelReason?: string;
  quotes?: DemoQuote[];
  declines?: { group: string; reason: DeclineReason; note: string }[];
  /** [side, text, hours after posting] per group. */
  threads?: { group: string; messages: ["BUYER" | "GROUP", string, number][] }[];
  /** The group whose seen mark is left empty: a new request in its inbox. */
  unseenBy?: string[];
};

const REQUESTS: DemoRequest[] = [
  {
    business: "toko-oleh-oleh-rasa-lembang",
    title: "Dodol stroberi kemasan kotak untuk parsel Natal",
    description: "Kotak isi 250 g, label merek kami kami kirim sendiri. Tanggal kedaluwarsa minimal 3 bulan.",
    category: "olahan-stroberi",
    quantity: 300,
    unit: "PAK",
    budgetPerUnit: 17_000,
    postedDaysAgo: 0.1,
    neededInDays: 20,
    status: "OPEN",
    unseenBy: ["kube-mekar-sari"],
  },
  {
    business: "toko-oleh-oleh-rasa-lembang",
    title: "Besek bambu tutup untuk hampers akhir tahun",
    description: "Ukuran sedang (20 × 20 cm), warna alami, bersih tanpa serpihan.",
    category: "anyaman-bambu",
    quantity: 250,
    unit: "PCS",
    budgetPerUnit: 9_000,
    postedDaysAgo: 3,
    neededInDays: 24,
    status: "QUOTED",
    quotes: [
      {
        group: "kube-perempuan-mandiri",
        unitPrice: 9_500,
        tiers: [{ minQuantity: 200, unitPrice: 8_750 }],
        earliestInDays: 18,
        validDays: 10,
        note: "Bambu tali dari Cikole, dianyam rapat. Mulai 200 buah harga Rp 8.750.",
      },
    ],
    threads: [
      {
        group: "kube-perempuan-mandiri",
        messages: [
          ["BUYER", "Bu, bisa diberi pita merah di tutupnya?", 30],
          ["GROUP", "Bisa Bu, tambah Rp 500 per besek. Contohnya kami foto besok pagi.", 33],
          ["BUYER", "Baik, ditunggu fotonya.", 34],
        ],
      },
    ],
  },
  {
    business: "toko-oleh-oleh-rasa-lembang",
    title: "Keripik singkong balado untuk stok akhir tahun",
    description: "Kemasan 250 g, sudah ada label P-IRT.",
    category: "keripik",
    quantity: 400,
    unit: "PAK",
    budgetPerUnit: 11_000,
    postedDaysAgo: 5,
    neededInDays: 12,
    status: "QUOTED",
    quotes: [
      {
        group: "kube-saluyu",
        unitPrice: 12_500,
        earliestInDays: 9,
        validDays: 5,
        note: "Singkong dari kebun anggota, digoreng hari Senin–Kamis.",
        counter: { unitPrice: 11_500, note: "Kalau Rp 11.500 kami ambil semua 400 bungkus." },
      },
    ],
  },
  {
    business: "hotel-puncak-lembang",
    title: "Keset kain perca untuk 60 kamar",
    description: "Dua keset per kamar, warna krem atau cokelat, bisa dicuci mesin.",
    category: "tekstil",
    quantity: 120,
    unit: "PCS",
    postedDaysAgo: 4,
    neededInDays: 30,
    status: "QUOTED",
    invite: ["kube-berkah-rajut"],
    quotes: [
      {
        group: "kube-perempuan-mandiri",
        unitPrice: 35_000,
        tiers: [{ minQuantity: 100, unitPrice: 32_500 }],
        earliestInDays: 21,
        validDays: 14,
        note: "Perca katun dari konveksi Lembang, dijahit dobel di pinggir.",
      },
    ],
    declines: [
      {
        group: "kube-berkah-rajut",
        reason: "not_our_product",
        note: "Kami hanya membuat rajutan, belum membuat keset perca.",
      },
    ],
    threads: [
      {
        group: "kube-perempuan-mandiri",
        messages: [
          ["BUYER", "Apakah bisa dikirim bertahap, 60 dulu minggu depan?", 20],
          ["GROUP", "Bisa, 60 buah siap tanggal 10, sisanya seminggu kemudian.", 26],
        ],
      },
    ],
  },
  {
    business: "toko-oleh-oleh-rasa-lembang",
    title: "Tas rajut untuk suvenir seminar",
    description: "Tas kecil tali kur, warna biru dongker.",
    category: "rajutan",
    quantity: 60,
    unit: "PCS",
    postedDaysAgo: 45,
    neededInDays: -20,
    status: "AWARDED",
    quotes: [
      {
        group: "kube-berkah-rajut",
        unitPrice: 45_000,
        earliestInDays: 14,
        validDays: 10,
        note: "Benang kur lokal, tiap tas dirajut satu anggota.",
        status: "ACCEPTED",
      },
    ],
  },
  {
    business: "kafe-kebun-teh",
    title: "Yoghurt stroberi botol 250 ml untuk menu sarapan",
    description: "Dua kali seminggu, mulai bulan depan.",
    category: "olahan-susu",
    quantity: 200,
    unit: "BOTOL",
    postedDaysAgo: 25,
    neededInDays: -4,
    status: "EXPIRED",
    quotes: [
      {
        group: "kube-sauyunan",
        unitPrice: 9_000,
        earliestInDays: 6,
        validDays: 7,
        note: "Susu segar dari peternak Jayagiri, tanpa pengawet.",
        status: "SUBMITTED",
      },
    ],
  },
  {
    business: "toko-oleh-oleh-rasa-lembang",
    title: "Manisan stroberi untuk pameran UMKM",
    description: "Kemasan toples kecil.",
    category: "olahan-stroberi",
    quantity: 80,
    unit: "TOPLES",
    postedDaysAgo: 12,
    neededInDays: 6,
    status: "CANCELLED",
    cancelReason: "not_needed: pamerannya diundur ke tahun depan",
  },
  {
    business: "kopi-bukit-jayagiri",
    title: "Batik tulis motif Lembang untuk seragam barista",
    description: "Kain 2 meter per lembar, warna cokelat kopi.",
    category: null,
    quantity: 50,
    unit: "PCS",
    postedDaysAgo: 6,
    neededInDays: 25,
    status: "OPEN",
  },
  {
    business: "kopi-bukit-jayagiri",
    title: "Biji kopi arabika sangrai medium",
    description: "Kopi Puntang atau Manglayang, dikemas 1 kg, untuk seduh manual.",
    category: null,
    quantity: 20,
    unit: "KG",
    postedDaysAgo: 40,
    neededInDays: -12,
    status: "EXPIRED",
  },
  {
    business: "vila-cikole-asri",
    title: "Sabun herbal batang untuk kamar tamu",
    description: "Ukuran 30 g, kemasan kertas.",
    category: null,
    quantity: 300,
    unit: "PCS",
    postedDaysAgo: 9,
    neededInDays: 21,
    status: "OPEN",
  },
  {
    // Read by KUBE Sauyunan a week ago and neither quoted nor declined: TKM's "unanswered request".
    business: "kafe-kebun-teh",
    title: "Yoghurt plain 1 liter untuk smoothie",
    description: "Tanpa gula, 15 liter per minggu selama tiga bulan. Dikirim Senin dan Kamis pagi.",
    category: "olahan-susu",
    quantity: 60,
    unit: "LITER",
    budgetPerUnit: 28_000,
    postedDaysAgo: 8,
    neededInDays: 16,
    status: "OPEN",
    visibility: "INVITED",
    invite: ["kube-sauyunan"],
  },
  {
    business: "restoran-saung-sunda",
    title: "Bakul nasi anyaman bambu",
    description: "Diameter 18 cm, dengan alas daun.",
    category: "anyaman-bambu",
    quantity: 60,
    unit: "PCS",
    postedDaysAgo: 1,
    neededInDays: 18,
    status: "OPEN",
    visibility: "INVITED",
    invite: ["kube-perempuan-mandiri"],
    unseenBy: ["kube-perempuan-mandiri"],
  },
];

export async function seedRequests(db: Db, now: Date) {
  const categories = new Map(
    (await db.category.findMany({ select: { id: true, slug: true } })).map((c) => [c.slug, c.id]),
  );
  const groups = new Map(
    (
      await db.group.findMany({
        select: {
          id: true,
          slug: true,
          members: { where: { role: { in: ["KETUA", "SEKRETARIS"] } }, select: { userId: true } },
        },
      })
    ).map((g) => [g.slug, { id: g.id, managerId: g.members.find((m) => m.userId)?.userId ?? null }]),
  );
  const group = (slug: string) => {
    const found = groups.get(slug);
    if (!found) throw new Error(`No demo group ${slug}`);
    return found;
  };
  for (const demo of REQUESTS) {
    const business = await db.business.findUniqueOrThrow({
      where: { slug: demo.business },
      select: {
        id: true,
        users: { select: { userId: true }, take: 1 },
        addresses: {
          where: { isDefault: true },
          select: { id: true, villageId: true, line: true, recipient: true },
        },
      },
    });
    const buyerId = business.users[0]?.userId;
    const address = business.addresses[0];
    if (!buyerId || !address) throw new Error(`Demo business ${demo.business} has no user or address`);
    // An awarded request is one of the orders the seed placed between the two, told from its start:
    // posted four days before the order, for what the order holds, at the order's price.
    const awarded = demo.status === "AWARDED" ? await awardedOrder(db, business.id, demo) : null;
    if (awarded) Object.assign(demo, { quantity: awarded.quantity, unit: awarded.unit });
    const postedAt = awarded
      ? new Date(awarded.placedAt.getTime() - 4 * DAY)
      : new Date(now.getTime() - demo.postedDaysAgo * DAY);
    const neededBy = awarded?.wantedBy ?? (wibNoon(wibDateKey(addWibDays(now, demo.neededInDays))) as Date);
    // Quotes close at the end of the day before it is needed, as the form does by default.
    const closesAt = awarded ? awarded.placedAt : new Date(neededBy.getTime() - 12 * HOUR - 1);
    const visibility = demo.visibility ?? "NEARBY";
    const categoryId = demo.category ? (categories.get(demo.category) ?? null) : null;
    // Ranked as on the day it was posted, so the reasons read as the group saw them.
    const ranking = await rankForRequest(
      {
        title: demo.title,
        categoryId,
        quantity: demo.quantity,
        neededBy,
        villageId: address.villageId,
        radiusKm: 25,
      },
      postedAt,
      new Set((demo.invite ?? []).map((slug) => group(slug).id)),
    );
    await db.$transaction(async (tx) => {
      const request = await tx.quoteRequest.create({
        data: {
          number: newRequestNumber(postedAt),
          businessId: business.id,
          createdById: buyerId,
          categoryId,
          villageId: address.villageId,
          addressId: address.id,
          deliveryAddress: `${address.recipient}, ${address.line}`,
          title: demo.title,
          description: demo.description,
          quantity: demo.quantity,
          unit: demo.unit,
          budgetPerUnit: demo.budgetPerUnit ?? null,
          neededBy,
          closesAt,
          visibility,
          status: demo.status,
          cancelReason: demo.cancelReason ?? null,
          cancelledAt: demo.status === "CANCELLED" ? new Date(postedAt.getTime() + 2 * DAY) : null,
          expiredAt: demo.status === "EXPIRED" ? closesAt : null,
          awardedAt: awarded?.placedAt ?? null,
          createdAt: postedAt,
        },
        select: { id: true, number: true, title: true, quantity: true, unit: true },
      });
      const invites = (demo.invite ?? []).map((slug) => ({ id: group(slug).id }));
      const asked = await addRecipients(tx, request, ranking, visibility, invites);
      await tx.requestRecipient.updateMany({
        where: {
          requestId: request.id,
          groupId: { notIn: (demo.unseenBy ?? []).map((slug) => group(slug).id) },
        },
        data: { seenAt: new Date(postedAt.getTime() + 2 * HOUR) },
      });
      await tx.requestRecipient.updateMany({
        where: { requestId: request.id },
        data: { createdAt: postedAt },
      });
      for (const quote of demo.quotes ?? []) {
        const by = group(quote.group);
        if (!asked.includes(by.id)) {
          throw new Error(`${quote.group} quotes on "${demo.title}" but the matcher did not ask it`);
        }
        await seedQuote(tx, request, demo, quote, by, postedAt, now, awarded);
      }
      for (const decline of demo.declines ?? []) {
        const by = group(decline.group);
        await tx.requestRecipient.update({
          where: { requestId_groupId: { requestId: request.id, groupId: by.id } },
          data: {
            declinedAt: new Date(postedAt.getTime() + 5 * HOUR),
            // As declineRequest stores it (quotes.ts parseDecline reads it).
            declineReason: JSON.stringify({ reason: decline.reason, note: decline.note }),
          },
        });
      }
      for (const thread of demo.threads ?? []) {
        const by = group(thread.group);
        const messages = thread.messages.map(([side, body, hours]) => ({
          side,
          body,
          authorId: side === "BUYER" ? buyerId : by.managerId,
          createdAt: new Date(postedAt.getTime() + hours * HOUR),
        }));
        const last = messages.at(-1)?.createdAt ?? postedAt;
        await tx.requestThread.create({
          data: {
            requestId: request.id,
            groupId: by.id,
            lastMessageAt: last,
            // The buyer has read everything; the group has not yet read the buyer's last line.
            buyerReadAt: last,
            groupReadAt: messages.findLast((m) => m.side === "GROUP")?.createdAt ?? null,
            messages: { create: messages },
          },
        });
      }
    });
  }
}

type Awarded = {
  orderId: string;
  placedAt: Date;
  wantedBy: Date | null;
  productId: string;
  quantity: number;
  unit: Unit;
  unitPrice: number;
};

/** The latest finished one-line order of the business with the group that wins the request. */
async function awardedOrder(db: Db, businessId: string, demo: DemoRequest): Promise<Awarded> {
  const winner = demo.quotes?.find((quote) => quote.status === "ACCEPTED");
  const order = await db.order.findFirst({
    where: {
      businessId,
      group: { slug: winner?.group ?? "" },
      status: "COMPLETED",
      quote: null,
      items: { some: {} },
    },
    orderBy: { placedAt: "desc" },
    select: {
      id: true,
      placedAt: true,
      wantedBy: true,
      items: { select: { productId: true, quantity: true, unit: true, unitPrice: true }, take: 1 },
    },
  });
  const item = order?.items[0];
  if (!order || !item) throw new Error(`No demo order to award "${demo.title}" to`);
  return { orderId: order.id, placedAt: order.placedAt, wantedBy: order.wantedBy, ...item };
}

async function seedQuote(
  tx: Tx,
  request: { id: string; title: string },
  demo: DemoRequest,
  quote: DemoQuote,
  by: { id: string; managerId: string | null },
  postedAt: Date,
  now: Date,
  awarded: Awarded | null,
) {
  const won = quote.status === "ACCEPTED" && awarded ? awarded : null;
  const product = won
    ? { id: won.productId }
    : await tx.product.findFirstOrThrow({
        where: { groupId: by.id, ...(demo.category ? { category: { slug: demo.category } } : {}) },
        orderBy: { createdAt: "asc" },
        select: { id: true },
      });
  const quotedAt = new Date(postedAt.getTime() + 6 * HOUR);
  await tx.quote.create({
    data: {
      requestId: request.id,
      groupId: by.id,
      productId: product.id,
      createdById: by.managerId ?? (await tx.user.findFirstOrThrow({ select: { id: true } })).id,
      unitPrice: won ? won.unitPrice : quote.unitPrice,
      quantity: won ? won.quantity : (quote.quantity ?? demo.quantity),
      earliestDelivery:
        won?.wantedBy ?? (wibNoon(wibDateKey(addWibDays(postedAt, quote.earliestInDays))) as Date),
      validUntil: new Date(Math.max(quotedAt.getTime(), postedAt.getTime() + quote.validDays * DAY)),
      note: quote.note,
      status: quote.status ?? "SUBMITTED",
      counterUnitPrice: quote.counter?.unitPrice ?? null,
      counterNote: quote.counter?.note ?? null,
      counteredAt: quote.counter ? new Date(Math.min(now.getTime(), quotedAt.getTime() + DAY)) : null,
      orderId: won?.orderId ?? null,
      createdAt: quotedAt,
      tiers: { create: won ? [] : (quote.tiers ?? []) },
    },
  });
}
