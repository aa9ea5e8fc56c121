import sharp from "sharp";
import { datasetAreas, importAreas } from "~/.server/admin/areas-import";
import { hashPassword } from "~/.server/auth/password";
import type { Db, Tx } from "~/.server/db/client";
import { issueInvoice } from "~/.server/documents/invoices";
import { rebuildSummaries } from "~/.server/ledger/summaries-rebuild";
import { processImage, storeImage } from "~/.server/images/pipeline";
import { addWibDays } from "~/utils/delivery";
import { priceForQuantity } from "~/utils/pricing";
import { lastWibMonths, wibMonthKey, wibMonthStart } from "~/utils/time";
import { searchTextFor } from "~/.server/catalog/search-text";
import { slugify } from "~/.server/catalog/slug";
import {
  ADMIN,
  BUSINESSES,
  CATEGORIES,
  DEMO_PASSWORD,
  GROUPS,
  PROVINCE,
  REGENCY,
  TKM_TEAMS,
  VILLAGES,
  type DemoGroup,
} from "./data";
import { groupIllustration, productIllustration } from "./illustrations";
import { seededRandom } from "./random";
import { seedBooks } from "./books";
import { seedMembersBooks, wipeMembersBooks } from "./members";
import { seedRequests } from "./requests";
import { seedVillageOfficials, wipeVillageOfficials } from "./village";
import { seedInstitutions, wipeInstitutions } from "./institutions";
import { seedStewardship, wipeStewardship } from "./stewardship";
import { reviewFor } from "./reviews";

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;
/** How far back the demo's orders go, in WIB months (this one included). */
const HISTORY_MONTHS = 18;
/** A shrinking group's income N months ago, as [least, most] shares of its peak 4 months ago. */
const SHRINKING_BANDS: Record<number, [number, number]> = { 3: [0.68, 0.82], 2: [0.45, 0.58], 1: [0.3, 0.4] };
/** The quiet group has sold nothing for this many days. */
const QUIET_DAYS = 70;

export async function isSeeded(db: Db): Promise<boolean> {
  return (await db.area.count({ where: { code: PROVINCE.code } })) > 0;
}

/** Every table, children first, for a reset. */
export async function wipe(db: Db) {
  await wipeInstitutions(db);
  await wipeMembersBooks(db);
  await wipeVillageOfficials(db);
  await wipeStewardship(db);
  await db.$transaction([
    db.groupBuyerMonth.deleteMany(),
    db.groupMonth.deleteMany(),
    db.auditEvent.deleteMany(),
    db.notification.deleteMany(),
    db.outboxEmail.deleteMany(),
    db.rating.deleteMany(),
    db.invoice.deleteMany(),
    db.invoiceCounter.deleteMany(),
    db.memberContribution.deleteMany(),
    db.consignmentReport.deleteMany(),
    db.cashEntry.deleteMany(),
    db.payment.deleteMany(),
    db.providerEvent.deleteMany(),
    db.orderEvent.deleteMany(),
    db.shipmentLine.deleteMany(),
    db.shipment.deleteMany(),
    db.orderItem.deleteMany(),
    db.threadMessage.deleteMany(),
    db.requestThread.deleteMany(),
    db.requestRecipient.deleteMany(),
    db.quoteTier.deleteMany(),
    db.quote.deleteMany(),
    db.order.deleteMany(),
    db.quoteRequest.deleteMany(),
    db.cartItem.deleteMany(),
    db.cart.deleteMany(),
    db.consignmentPlacement.deleteMany(),
    db.productImage.deleteMany(),
    db.priceTier.deleteMany(),
    db.capacityBooking.deleteMany(),
    db.product.deleteMany(),
    db.groupMember.deleteMany(),
    db.group.deleteMany(),
    db.imageVariant.deleteMany(),
    db.imageAsset.deleteMany(),
    db.address.deleteMany(),
    db.businessUser.deleteMany(),
    db.business.deleteMany(),
    db.tkmOfficer.deleteMany(),
    db.tkmTeam.deleteMany(),
    db.category.deleteMany(),
    db.session.deleteMany(),
    db.loginAttempt.deleteMany(),
    db.user.deleteMany(),
    db.area.updateMany({ data: { parentId: null } }),
    db.area.deleteMany(),
  ]);
}

function categoryName(slug: string): string {
  const child = CATEGORIES.flatMap((parent) => parent.children).find((c) => c.slug === slug);
  if (!child) throw new Error(`No category ${slug}`);
  return child.id;
}

const NUMBER_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

function e164(localPhone: string) {
  return `+62${localPhone.slice(1)}`;
}

async function svgToImage(svg: string) {
  const png = await sharp(Buffer.from(svg)).png().toBuffer();
  return processImage(new Uint8Array(png));
}

/**
 * Writes the demo: areas, categories, groups with members and products, buyers, TKM teams and a
 * year of orders, payments and cash-book lines ending `now`.
 */
export async function seedDemo(db: Db, now = new Date()) {
  const rand = seededRandom(20261127);
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  // Areas: all of Kabupaten Bandung Barat (with its province) from the published dataset, then
  // the demo villages' coordinates, which the dataset does not carry.
  const imported = await importAreas(await datasetAreas(REGENCY.code), {
    actorId: null,
    scope: REGENCY.code,
    db,
  });
  if (!imported.ok) throw new Error(`Areas: no parent ${imported.missingParent}`);
  const villages = new Map<string, { id: string; path: string }>();
  for (const v of VILLAGES) {
    const area = await db.area.update({
      where: { code: v.code },
      data: { latitude: v.lat, longitude: v.lng },
      select: { id: true, path: true, name: true },
    });
    if (area.name !== v.name) throw new Error(`Area ${v.code} is ${area.name} in the dataset, not ${v.name}`);
    villages.set(v.name, area);
  }
  const village = (name: string) => {
    const found = villages.get(name);
    if (!found) throw new Error(`No village ${name}`);
    return found;
  };

  const categories = new Map<string, string>();
  for (const [i, parent] of CATEGORIES.entries()) {
    const created = await db.category.create({
      data: { slug: parent.slug, nameId: parent.id, nameEn: parent.en, sortOrder: i },
    });
    for (const [j, child] of parent.children.entries()) {
      const c = await db.category.create({
        data: { slug: child.slug, nameId: child.id, nameEn: child.en, sortOrder: j, parentId: created.id },
      });
      categories.set(child.slug, c.id);
    }
  }

  await db.user.create({ data: { name: ADMIN.name, email: ADMIN.email, passwordHash, isAdmin: true } });

  const businesses: {
    id: string;
    slug: string;
    ownerId: string;
    /** Days of tempo it buys on; null when it pays on delivery. */
    termDays: number | null;
    creditLimit: number | null;
    buys: string[];
    onlyFrom?: string[];
    address: string;
    name: string;
  }[] = [];
  for (const b of BUSINESSES) {
    const owner = await db.user.create({
      data: { name: b.owner.name, phone: e164(b.owner.phone), passwordHash },
    });
    const business = await db.business.create({
      data: {
        slug: b.slug,
        name: b.name,
        kind: b.kind,
        villageId: village(b.village).id,
        address: b.address,
        phone: e164(b.owner.phone),
        verifiedAt: new Date(now.getTime() - (HISTORY_MONTHS * 31 + 30) * DAY),
        // Hotels and caterers buy on terms (tempo), as they do with their other suppliers.
        ...(b.kind === "HOTEL" || b.kind === "KATERING"
          ? { paymentTermDays: 14, creditLimit: 5_000_000 }
          : {}),
        users: { create: { userId: owner.id, role: "OWNER" } },
        addresses: {
          create: {
            label: "Utama",
            recipient: b.name,
            phone: e164(b.owner.phone),
            line: b.address,
            villageId: village(b.village).id,
            isDefault: true,
          },
        },
      },
    });
    businesses.push({
      id: business.id,
      slug: b.slug,
      ownerId: owner.id,
      termDays: business.paymentTermDays,
      creditLimit: business.creditLimit,
      buys: b.buys,
      onlyFrom: b.onlyFrom,
      address: `${b.name}, ${b.address}, ${b.village}, Lembang`,
      name: b.name,
    });
  }

  for (const team of TKM_TEAMS) {
    const area = (await db.area.findUniqueOrThrow({ where: { code: team.area }, select: { id: true } })).id;
    const created = await db.tkmTeam.create({
      data: {
        name: team.name,
        areaId: area,
        createdAt: new Date(now.getTime() - (HISTORY_MONTHS * 31 + 40) * DAY),
      },
    });
    for (const officer of team.officers) {
      const user = await db.user.create({
        data: { name: officer.name, phone: e164(officer.phone), passwordHash },
      });
      await db.tkmOfficer.create({
        data: { teamId: created.id, userId: user.id, position: officer.position },
      });
    }
  }

  await seedVillageOfficials(db, passwordHash);

  // What each buyer owes on tempo today, across the groups it buys from.
  const owed = new Map<string, number>();
  for (const group of GROUPS) {
    await seedGroup(db, group, {
      owed,
      village: village(group.village).id,
      categories,
      businesses,
      passwordHash,
      rand,
      now,
    });
  }
  await seedConsignment(db, businesses, now);
  await seedRequests(db, now);
  await seedBooks(db, now);
  await seedMembersBooks(db, now);
  await seedInstitutions(db, now);
  // Baselines (Group.baselineMonthlyIncome mirrors them), stage decisions, a group awaiting TKM.
  await seedStewardship(db, now);
  // Last: the (group, month) summaries from everything written above (seeded in bulk, not by the app).
  await rebuildSummaries(db);
}

/**
 * One konsinyasi placement to show the ledger: KUBE Perempuan Mandiri's first ready-stock product
 * at the first shop, placed three weeks ago, one week reported and paid, one reported and unpaid.
 */
async function seedConsignment(db: Db, businesses: { id: string; ownerId: string }[], now: Date) {
  const shop = businesses[0];
  const product = await db.product.findFirst({
    where: { group: { slug: "kube-perempuan-mandiri" }, supplyMode: "READY_STOCK", stock: { gte: 40 } },
    orderBy: { createdAt: "asc" },
    select: { id: true, groupId: true, name: true, price: true },
  });
  if (!shop || !product) return;
  const day = 24 * 60 * 60 * 1000;
  const placement = await db.consignmentPlacement.create({
    data: {
      groupId: product.groupId,
      businessId: shop.id,
      productId: product.id,
      quantityPlaced: 40,
      unitPrice: product.price,
      commissionPct: 20,
      placedAt: new Date(now.getTime() - 21 * day),
      quantityAccounted: 18,
    },
  });
  await db.product.update({ where: { id: product.id }, data: { stock: { decrement: 40 } } });
  const paidDue = Math.round((10 * product.price * 80) / 100);
  const entry = await db.cashEntry.create({
    data: {
      groupId: product.groupId,
      kind: "INCOME",
      category: "CONSIGNMENT",
      amount: paidDue,
      occurredAt: new Date(now.getTime() - 12 * day),
      description: product.name,
    },
  });
  await db.consignmentReport.create({
    data: {
      placementId: placement.id,
      periodEnd: new Date(now.getTime() - 14 * day),
      quantitySold: 10,
      amountDue: paidDue,
      reportedById: shop.ownerId,
      createdAt: new Date(now.getTime() - 14 * day),
      paidAt: new Date(now.getTime() - 12 * day),
      cashEntryId: entry.id,
    },
  });
  await db.consignmentReport.create({
    data: {
      placementId: placement.id,
      periodEnd: new Date(now.getTime() - 7 * day),
      quantitySold: 6,
      quantityReturned: 2,
      amountDue: Math.round((6 * product.price * 80) / 100),
      reportedById: shop.ownerId,
      createdAt: new Date(now.getTime() - 7 * day),
    },
  });
}

type GroupContext = {
  village: string;
  categories: Map<string, string>;
  businesses: {
    id: string;
    slug: string;
    ownerId: string;
    termDays: number | null;
    creditLimit: number | null;
    buys: string[];
    onlyFrom?: string[];
    address: string;
    name: string;
  }[];
  passwordHash: string;
  rand: () => number;
  now: Date;
  owed: Map<string, number>;
};

async function seedGroup(db: Db, demo: DemoGroup, ctx: GroupContext) {
  // Ratings draw from their own stream, so adding them left the rest of the demo as it was.
  const rateRand = seededRandom(demo.name.length);
  const { rand, now } = ctx;
  // Joined a little before the first month of history.
  const joinedAt = new Date(now.getTime() - (HISTORY_MONTHS * 31 + 10) * DAY);
  const firstProduct = demo.products[0];
  const photo = await svgToImage(
    groupIllustration(firstProduct ? firstProduct.colors : ["#6a994e", "#386641"]),
  );
  const photoId = await db.$transaction((tx) => storeImage(tx, photo));
  const manager = await db.user.create({
    data: { name: demo.manager.name, phone: e164(demo.manager.phone), passwordHash: ctx.passwordHash },
  });
  const treasurer = demo.treasurer
    ? await db.user.create({
        data: {
          name: demo.treasurer.name,
          phone: e164(demo.treasurer.phone),
          passwordHash: ctx.passwordHash,
        },
      })
    : null;
  const group = await db.group.create({
    data: {
      slug: demo.slug,
      name: demo.name,
      villageId: ctx.village,
      rw: demo.rw,
      story: demo.story,
      stage: demo.stage,
      phone: e164(demo.manager.phone),
      bankName: demo.bank[0],
      bankAccountNumber: demo.bank[1],
      bankAccountName: demo.name,
      photoId,
      verifiedAt: joinedAt,
      joinedAt,
      createdAt: joinedAt,
    },
  });
  const memberIds: string[] = [];
  const managerMember = await db.groupMember.create({
    data: {
      groupId: group.id,
      userId: manager.id,
      name: demo.manager.name,
      role: demo.manager.role,
      joinedAt,
    },
  });
  memberIds.push(managerMember.id);
  if (treasurer && demo.treasurer) {
    const m = await db.groupMember.create({
      data: {
        groupId: group.id,
        userId: treasurer.id,
        name: demo.treasurer.name,
        role: "BENDAHARA",
        joinedAt,
      },
    });
    memberIds.push(m.id);
  }
  for (const name of demo.members) {
    const m = await db.groupMember.create({ data: { groupId: group.id, name, role: "ANGGOTA", joinedAt } });
    memberIds.push(m.id);
  }

  const products: {
    id: string;
    name: string;
    unit: DemoGroup["products"][number]["unit"];
    price: number;
    min: number;
    multiple: number;
    category: string;
    tiers: { minQuantity: number; unitPrice: number }[];
    leadTimeDays: number;
  }[] = [];
  for (const [index, p] of demo.products.entries()) {
    const categoryId = ctx.categories.get(p.category);
    if (!categoryId) throw new Error(`No category ${p.category}`);
    const image = await svgToImage(productIllustration(p.motif, p.colors, rand));
    const tiers = (p.tiers ?? []).map(([minQuantity, unitPrice]) => ({ minQuantity, unitPrice }));
    const created = await db.$transaction(async (tx) => {
      const assetId = await storeImage(tx, image);
      return tx.product.create({
        data: {
          groupId: group.id,
          categoryId,
          slug: slugify(p.name),
          name: p.name,
          description: p.description,
          unit: p.unit,
          price: p.price,
          minOrderQuantity: p.min,
          orderMultiple: p.multiple ?? 1,
          supplyMode: p.madeToOrder ? "MADE_TO_ORDER" : "READY_STOCK",
          stock: p.stock,
          capacityPerWeek: p.madeToOrder?.capacityPerWeek ?? null,
          leadTimeDays: p.madeToOrder?.leadTimeDays ?? 1,
          ...searchTextFor({
            name: p.name,
            description: p.description,
            category: categoryName(p.category),
            group: demo.name,
            village: demo.village,
          }),
          halalCertificate: p.halal ?? null,
          pirtNumber: p.pirt ?? null,
          status: "ACTIVE",
          createdAt: new Date(joinedAt.getTime() + index * DAY),
          tiers: { create: tiers },
          images: { create: { assetId, position: 0, alt: p.name } },
        },
      });
    });
    products.push({
      id: created.id,
      name: p.name,
      unit: p.unit,
      price: p.price,
      min: p.min,
      multiple: p.multiple ?? 1,
      category: p.category,
      tiers,
      leadTimeDays: created.leadTimeDays,
    });
  }

  // Eighteen months of orders, told as the group's history goes (data.ts `history`): the count per
  // month runs from ordersPerMonth[0] to ordersPerMonth[1]; a growing group's income rises each of
  // the last four complete months, a shrinking one's falls three months running, a quiet one sells
  // nothing for the last ten weeks. Buyers ask for a day; some orders come after it (the group's
  // lateShare), and their reviews say so. Hotels and caterers pay on tempo after the goods arrive.
  const history = demo.history;
  const months = lastWibMonths(now, HISTORY_MONTHS);
  const quietSince = new Date(now.getTime() - QUIET_DAYS * DAY);
  // Earned income from orders by WIB month of payment, as the book will show it.
  const income = new Map<string, number>();
  const incomeOf = (month: string | undefined) => (month ? (income.get(month) ?? 0) : 0);
  let lateDebt = rand();
  let unpaidOwed = 0;

  type Plan = {
    placedAt: Date;
    product: (typeof products)[number];
    buyer: GroupContext["businesses"][number];
    quantity: number;
    unitPrice: number;
    total: number;
    paymentMethod: "BANK_TRANSFER" | "CASH_ON_DELIVERY" | "TEMPO";
    confirmedAt: Date;
    wantedBy: Date;
    shippedAt: Date;
    receivedAt: Date;
    dueAt: Date | null;
    /** When the money came in, or null when it has not (yet). */
    paidAt: Date | null;
    late: { days: number; reason: string } | null;
    rejected: boolean;
  };

  /** One order placed at `placedAt`, its path decided up front so its income can be weighed. */
  const plan = (placedAt: Date, recent: boolean, forced?: { buyer: string }): Plan | null => {
    const fits = (b: GroupContext["businesses"][number], category: string) =>
      b.buys.includes(category) && (!b.onlyFrom || b.onlyFrom.includes(demo.slug));
    const forcedBuyer = forced && ctx.businesses.find((b) => b.slug === forced.buyer);
    const choices = forcedBuyer ? products.filter((p) => fits(forcedBuyer, p.category)) : products;
    const product = choices[Math.floor(rand() * choices.length)];
    if (!product) return null;
    const fitting = ctx.businesses.filter((b) => fits(b, product.category));
    const buyer =
      forcedBuyer ??
      (fitting.length ? fitting : ctx.businesses)[
        Math.floor(rand() * (fitting.length || ctx.businesses.length))
      ];
    if (!buyer) return null;
    const quantity = Math.max(
      product.min,
      Math.ceil((product.min * (1 + Math.floor(rand() * 4))) / product.multiple) * product.multiple,
    );
    const unitPrice = priceForQuantity({ price: product.price, tiers: product.tiers }, quantity);
    const total = unitPrice * quantity;
    let onTempo =
      buyer.termDays !== null &&
      (forced !== undefined || rand() < 0.6) &&
      !(history.trend === "quiet" && placedAt.getTime() > quietSince.getTime() - 30 * DAY);
    let paymentMethod: Plan["paymentMethod"] = onTempo
      ? "TEMPO"
      : rand() < 0.7
        ? "BANK_TRANSFER"
        : "CASH_ON_DELIVERY";

    const confirmedAt = new Date(placedAt.getTime() + (4 + rand() * 20) * HOUR);
    // The day the buyer asks for: the lead time, a day to deliver, and some room to spare.
    const wantedBy = addWibDays(placedAt, product.leadTimeDays + 1 + Math.floor(rand() * 4));
    // Late by the group's share, spread evenly (carried over from order to order), not in clumps.
    lateDebt +=
      (recent ? (history.lateShareRecent ?? history.lateShare) : history.lateShare) * (0.75 + rand() / 2);
    let late: Plan["late"] = null;
    let shippedAt: Date;
    let receivedAt: Date;
    if (lateDebt >= 1) {
      lateDebt -= 1;
      const days = 1 + Math.floor(rand() * 4);
      const reason = history.lateReasons[Math.floor(rand() * history.lateReasons.length)] ?? "";
      late = { days, reason };
      receivedAt = new Date(wantedBy.getTime() + days * DAY - rand() * 4 * HOUR);
      shippedAt = new Date(receivedAt.getTime() - (3 + rand() * 17) * HOUR);
    } else {
      shippedAt = new Date(confirmedAt.getTime() + Math.max(1, product.leadTimeDays) * DAY);
      receivedAt = new Date(shippedAt.getTime() + (3 + rand() * 20) * HOUR);
      if (receivedAt.getTime() > wantedBy.getTime() - HOUR) {
        receivedAt = new Date(wantedBy.getTime() - (1 + rand() * 3) * HOUR);
        if (shippedAt.getTime() > receivedAt.getTime() - 3 * HOUR) {
          shippedAt = new Date(receivedAt.getTime() - 3 * HOUR);
        }
      }
    }
    // A forced order is the story's own (the hotel's open invoice): never turned down.
    const rejected = !forced && rand() < 0.05;
    let dueAt = onTempo ? new Date(receivedAt.getTime() + (buyer.termDays ?? 14) * DAY) : null;
    let paidAt: Date | null = onTempo
      ? new Date(receivedAt.getTime() + (3 + Math.floor(rand() * 10)) * DAY + rand() * 8 * HOUR)
      : receivedAt;
    // The buyer who stopped paying: its tempo invoices of the last three months are still open.
    if (
      onTempo &&
      buyer.slug === history.overdueBuyer &&
      receivedAt.getTime() > now.getTime() - 100 * DAY &&
      unpaidOwed + total <= 2_000_000
    ) {
      paidAt = null;
    }
    if (rejected || (paidAt && paidAt.getTime() >= now.getTime())) paidAt = null;
    // A buyer at its credit limit gets no more tempo: it pays this one by transfer on delivery.
    const owed = ctx.owed.get(buyer.id) ?? 0;
    if (onTempo && !rejected && paidAt === null && owed + total > (buyer.creditLimit ?? 0)) {
      onTempo = false;
      paymentMethod = "BANK_TRANSFER";
      dueAt = null;
      paidAt = receivedAt.getTime() < now.getTime() ? receivedAt : null;
    }
    return {
      placedAt,
      product,
      buyer,
      quantity,
      unitPrice,
      total,
      paymentMethod,
      confirmedAt,
      wantedBy,
      shippedAt,
      receivedAt,
      dueAt,
      paidAt,
      late,
      rejected,
    };
  };

  const write = async (tx: Tx, p: Plan) => {
    const { placedAt, product, buyer, quantity, unitPrice, total, paymentMethod, confirmedAt } = p;
    const { shippedAt, receivedAt, paidAt } = p;
    const yymm = `${String(placedAt.getUTCFullYear()).slice(2)}${String(placedAt.getUTCMonth() + 1).padStart(2, "0")}`;
    const number = `JJR-${yymm}-${Array.from({ length: 5 }, () => NUMBER_ALPHABET[Math.floor(rand() * NUMBER_ALPHABET.length)]).join("")}`;
    // The path an order takes; it stops where the steps reach today.
    const steps: {
      status: "PLACED" | "CONFIRMED" | "SHIPPED" | "RECEIVED" | "COMPLETED" | "REJECTED";
      at: Date;
      actor: string | null;
      note?: string;
    }[] = [{ status: "PLACED", at: placedAt, actor: buyer.ownerId }];
    if (p.rejected) {
      if (confirmedAt < now) steps.push({ status: "REJECTED", at: confirmedAt, actor: manager.id });
    } else {
      if (confirmedAt < now) steps.push({ status: "CONFIRMED", at: confirmedAt, actor: manager.id });
      if (shippedAt < now) {
        steps.push({
          status: "SHIPPED",
          at: shippedAt,
          actor: manager.id,
          note: p.late ? `Maaf terlambat: ${p.late.reason}` : "",
        });
      }
      if (receivedAt < now) steps.push({ status: "RECEIVED", at: receivedAt, actor: buyer.ownerId });
      if (paidAt && receivedAt < now) steps.push({ status: "COMPLETED", at: paidAt, actor: null });
    }
    const last = steps[steps.length - 1];
    if (!last) return;
    const paid = paidAt !== null && last.status === "COMPLETED";
    const shipped = steps.some((s) => s.status === "SHIPPED");
    const received = steps.some((s) => s.status === "RECEIVED");
    const order = await tx.order.create({
      data: {
        number,
        groupId: group.id,
        businessId: buyer.id,
        placedById: buyer.ownerId,
        status: last.status,
        paymentMethod,
        paymentStatus: paid ? "PAID" : "UNPAID",
        subtotal: total,
        total,
        amountPaid: paid ? total : 0,
        deliveryAddress: buyer.address,
        wantedBy: p.wantedBy,
        dueAt: received ? p.dueAt : null,
        placedAt,
        confirmedAt: steps.find((s) => s.status === "CONFIRMED")?.at ?? null,
        shippedAt: steps.find((s) => s.status === "SHIPPED")?.at ?? null,
        deliveredAt: received ? receivedAt : null,
        completedAt: paid ? paidAt : null,
        rejectReason: p.rejected ? "Bahan baku sedang habis" : null,
        items: {
          create: {
            productId: product.id,
            productName: product.name,
            unit: product.unit,
            quantity,
            unitPrice,
            lineTotal: total,
            quantityDelivered: received ? quantity : 0,
            quantityShipped: shipped ? quantity : 0,
          },
        },
        events: {
          create: steps.map((s, i) => ({
            type: "status",
            fromStatus: i > 0 ? steps[i - 1]?.status : null,
            toStatus: s.status,
            actorId: s.actor,
            note: s.status === "REJECTED" ? "Bahan baku sedang habis" : (s.note ?? ""),
            createdAt: s.at,
          })),
        },
      },
      select: { id: true, number: true, groupId: true, items: { select: { id: true } } },
    });
    if (steps.some((s) => s.status === "CONFIRMED")) await issueInvoice(tx, order, confirmedAt);
    if (shipped) {
      await tx.shipment.create({
        data: {
          orderId: order.id,
          sequence: 1,
          shippedAt,
          lines: { create: order.items.map((item) => ({ orderItemId: item.id, quantity })) },
        },
      });
    }
    if (paymentMethod === "TEMPO" && !paid && !p.rejected) {
      unpaidOwed += total;
      ctx.owed.set(buyer.id, (ctx.owed.get(buyer.id) ?? 0) + total);
    }
    if (!received || !paid || !paidAt) return;
    const recorder = treasurer?.id ?? manager.id;
    const payment = await tx.payment.create({
      data: {
        orderId: order.id,
        groupId: group.id,
        method: paymentMethod,
        state: "SUCCEEDED",
        amount: total,
        reference: paymentMethod === "CASH_ON_DELIVERY" ? "" : `TRF${Math.floor(rand() * 1e8)}`,
        idempotencyKey: `seed:${order.number}`,
        recordedById: recorder,
        receivedAt: paidAt,
      },
    });
    await tx.orderEvent.create({
      data: { orderId: order.id, type: "payment", actorId: recorder, note: String(total), createdAt: paidAt },
    });
    await tx.cashEntry.create({
      data: {
        groupId: group.id,
        kind: "INCOME",
        category: "ORDER",
        amount: total,
        occurredAt: paidAt,
        description: order.number,
        paymentId: payment.id,
        recordedById: recorder,
      },
    });
    const month = wibMonthKey(paidAt);
    income.set(month, incomeOf(month) + total);
    // About half the buyers rate what they received (their own stream), in words that fit it.
    if (rateRand() < 0.5) {
      const review = reviewFor(product.category, p.late, rateRand);
      await tx.rating.create({
        data: {
          orderId: order.id,
          score: review.score,
          comment: review.comment,
          createdAt: new Date(Math.min(paidAt.getTime() + DAY, now.getTime() - HOUR)),
        },
      });
    }
    // Who made it: two or three members share the work.
    const makers = 2 + Math.floor(rand() * 2);
    for (let k = 0; k < makers; k++) {
      const memberId = memberIds[Math.floor(rand() * memberIds.length)];
      if (!memberId) continue;
      await tx.memberContribution.create({
        data: {
          groupId: group.id,
          memberId,
          orderId: order.id,
          productId: product.id,
          quantity: Math.ceil(quantity / makers),
          date: shippedAt,
        },
      });
    }
  };

  await db.$transaction(
    async (tx) => {
      for (const [index, month] of months.entries()) {
        const monthsAgo = months.length - 1 - index;
        // 09:00 WIB on the first of the month.
        const monthStart = new Date(wibMonthStart(month).getTime() + 9 * HOUR);
        const previous = incomeOf(months[index - 1]);
        const progress = index / (months.length - 1);
        const [first, lastCount] = demo.ordersPerMonth;
        let count = Math.round(first + (lastCount - first) * progress + (rand() - 0.4));
        // The last four complete months and this one: where the trends must read true. A growing
        // group is steered over five complete months, a shrinking one over four (its peak first).
        const recent = monthsAgo <= 4;
        const steered =
          monthsAgo >= 1 &&
          ((history.trend === "growing" && monthsAgo <= 5) || (history.trend === "shrinking" && recent));
        if (history.trend === "shrinking" && recent) {
          count = Math.max(1, Math.round(lastCount * ([0.3, 0.4, 0.55, 0.75, 1][monthsAgo] ?? 1)));
        }
        // Growing: at least 6% above last month (and more than the book's other sales can add),
        // not much more. Shrinking: from its peak four months ago down to about 80%, 50% and 35%
        // of it, each month below the one before.
        const peak = incomeOf(months[months.length - 5]);
        const band = SHRINKING_BANDS[monthsAgo];
        const floor =
          history.trend === "growing"
            ? previous * 1.06 + 150_000
            : history.trend === "shrinking" && band
              ? band[0] * peak
              : 0;
        const ceiling =
          history.trend === "growing"
            ? floor + Math.max(250_000, floor * 0.08)
            : history.trend === "shrinking" && band
              ? Math.min(band[1] * peak, previous * 0.92)
              : Infinity;
        // In steered months orders are placed early enough to be paid within the month, and as
        // many as it takes to reach the month's floor.
        const lastDay = steered ? 10 : 27;
        let placed = 0;
        const tries = steered ? count * 6 + 40 : count;
        for (let attempt = 0; attempt < tries; attempt++) {
          const short = steered && incomeOf(month) < floor;
          if (placed >= count && !short) break;
          const day = Math.floor(rand() * lastDay);
          const placedAt = new Date(monthStart.getTime() + day * DAY + Math.floor(rand() * 10) * HOUR);
          if (placedAt.getTime() > now.getTime() - HOUR) continue;
          if (history.trend === "quiet" && placedAt.getTime() > quietSince.getTime() - 14 * DAY) continue;
          // The shrinking group's oldest open invoice: an order from the hotel two months ago.
          const forced =
            history.overdueBuyer && history.trend === "shrinking" && monthsAgo === 2 && placed === 0
              ? { buyer: history.overdueBuyer }
              : undefined;
          const p = plan(placedAt, recent, forced);
          if (!p) continue;
          if (steered && p.paidAt) {
            if (wibMonthKey(p.paidAt) !== month) continue;
            if (incomeOf(month) + p.total > ceiling) continue;
          }
          await write(tx, p);
          placed++;
        }
        // The books beside the orders: solidarity dues in, materials out.
        const bookDay = new Date(monthStart.getTime() + 4 * DAY);
        if (bookDay < now) {
          await tx.cashEntry.create({
            data: {
              groupId: group.id,
              kind: "INCOME",
              category: "IKS",
              amount: 5_000 * memberIds.length,
              occurredAt: bookDay,
              description: "Iuran kesetiakawanan sosial",
              recordedById: treasurer?.id ?? manager.id,
            },
          });
          await tx.cashEntry.create({
            data: {
              groupId: group.id,
              kind: "EXPENSE",
              category: "MATERIALS",
              amount: 150_000 + Math.floor(rand() * 20) * 10_000,
              occurredAt: new Date(bookDay.getTime() + DAY),
              description: "Bahan baku",
              recordedById: treasurer?.id ?? manager.id,
            },
          });
        }
      }
    },
    { timeout: 180_000, maxWait: 20_000 },
  );
}
