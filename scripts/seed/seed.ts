import sharp from "sharp";
import { hashPassword } from "~/.server/auth/password";
import type { Db } from "~/.server/db/client";
import { issueInvoice } from "~/.server/documents/invoices";
import { rebuildSummaries } from "~/.server/ledger/summaries-rebuild";
import { processImage, storeImage } from "~/.server/images/pipeline";
import { priceForQuantity } from "~/utils/pricing";
import { searchTextFor } from "~/.server/catalog/search-text";
import { slugify } from "~/.server/catalog/slug";
import {
  ADMIN,
  BUSINESSES,
  CATEGORIES,
  DEMO_PASSWORD,
  DISTRICTS,
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

const DAY = 24 * 60 * 60 * 1000;

export async function isSeeded(db: Db): Promise<boolean> {
  return (await db.area.count({ where: { code: PROVINCE.code } })) > 0;
}

const RATING_COMMENTS = [
  "Rapi dan tepat waktu, tamu hotel suka.",
  "Rasanya enak, kemasan aman sampai toko.",
  "",
  "Pesanan sesuai, akan pesan lagi bulan depan.",
  "Kualitas bagus, pengiriman cepat.",
];

/** Every table, children first, for a reset. */
export async function wipe(db: Db) {
  await wipeMembersBooks(db);
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

  // Areas: province > regency > districts > villages, each with its code path.
  const province = await db.area.create({
    data: { code: PROVINCE.code, name: PROVINCE.name, level: "PROVINCE", path: `${PROVINCE.code}/` },
  });
  const regency = await db.area.create({
    data: {
      code: REGENCY.code,
      name: REGENCY.name,
      level: "REGENCY",
      path: `${province.path}${REGENCY.code}/`,
      parentId: province.id,
    },
  });
  const districts = new Map<string, { id: string; path: string }>();
  for (const d of DISTRICTS) {
    const area = await db.area.create({
      data: {
        code: d.code,
        name: d.name,
        level: "DISTRICT",
        path: `${regency.path}${d.code}/`,
        parentId: regency.id,
      },
    });
    districts.set(d.code, area);
  }
  const villages = new Map<string, { id: string; path: string }>();
  for (const v of VILLAGES) {
    const district = districts.get(v.district);
    if (!district) throw new Error(`No district ${v.district}`);
    const area = await db.area.create({
      data: {
        code: v.code,
        name: v.name,
        level: "VILLAGE",
        path: `${district.path}${v.code}/`,
        parentId: district.id,
        latitude: v.lat,
        longitude: v.lng,
      },
    });
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
    ownerId: string;
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
        verifiedAt: new Date(now.getTime() - 400 * DAY),
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
      ownerId: owner.id,
      buys: b.buys,
      onlyFrom: b.onlyFrom,
      address: `${b.name}, ${b.address}, ${b.village}, Lembang`,
      name: b.name,
    });
  }

  for (const team of TKM_TEAMS) {
    const area = (await db.area.findUniqueOrThrow({ where: { code: team.area }, select: { id: true } })).id;
    const created = await db.tkmTeam.create({
      data: { name: team.name, areaId: area, createdAt: new Date(now.getTime() - 420 * DAY) },
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

  for (const group of GROUPS) {
    await seedGroup(db, group, {
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
    ownerId: string;
    buys: string[];
    onlyFrom?: string[];
    address: string;
    name: string;
  }[];
  passwordHash: string;
  rand: () => number;
  now: Date;
};

async function seedGroup(db: Db, demo: DemoGroup, ctx: GroupContext) {
  // Ratings draw from their own stream, so adding them left the rest of the demo as it was.
  const rateRand = seededRandom(demo.name.length);
  const { rand, now } = ctx;
  const joinedAt = new Date(now.getTime() - 380 * DAY);
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
      baselineMonthlyIncome: demo.baseline,
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

  // A year of orders, growing from ordersPerMonth[0] to ordersPerMonth[1] a month.
  await db.$transaction(
    async (tx) => {
      for (let monthsAgo = 11; monthsAgo >= 0; monthsAgo--) {
        const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsAgo, 1, 2));
        const progress = (11 - monthsAgo) / 11;
        const count = Math.round(
          demo.ordersPerMonth[0] +
            (demo.ordersPerMonth[1] - demo.ordersPerMonth[0]) * progress +
            (rand() - 0.4),
        );
        for (let n = 0; n < count; n++) {
          const placedAt = new Date(
            monthStart.getTime() + Math.floor(rand() * 27) * DAY + Math.floor(rand() * 10) * 3600_000,
          );
          if (placedAt.getTime() > now.getTime() - 3600_000) continue;
          const product = products[Math.floor(rand() * products.length)];
          if (!product) continue;
          const fitting = ctx.businesses.filter(
            (b) => b.buys.includes(product.category) && (!b.onlyFrom || b.onlyFrom.includes(demo.slug)),
          );
          const buyer = (fitting.length ? fitting : ctx.businesses)[
            Math.floor(rand() * (fitting.length || ctx.businesses.length))
          ];
          if (!buyer) continue;
          const quantity = Math.max(
            product.min,
            Math.ceil((product.min * (1 + Math.floor(rand() * 4))) / product.multiple) * product.multiple,
          );
          const unitPrice = priceForQuantity({ price: product.price, tiers: product.tiers }, quantity);
          const total = unitPrice * quantity;
          const yymm = `${String(placedAt.getUTCFullYear()).slice(2)}${String(placedAt.getUTCMonth() + 1).padStart(2, "0")}`;
          const number = `JJR-${yymm}-${Array.from({ length: 5 }, () => NUMBER_ALPHABET[Math.floor(rand() * NUMBER_ALPHABET.length)]).join("")}`;
          const paymentMethod = rand() < 0.7 ? "BANK_TRANSFER" : "CASH_ON_DELIVERY";

          // The path an order takes; it stops where the steps reach today.
          const confirmedAt = new Date(placedAt.getTime() + (4 + rand() * 20) * 3600_000);
          const shippedAt = new Date(confirmedAt.getTime() + Math.max(1, product.leadTimeDays) * DAY);
          const receivedAt = new Date(shippedAt.getTime() + (3 + rand() * 20) * 3600_000);
          const rejected = rand() < 0.05;
          const steps: {
            status: "PLACED" | "CONFIRMED" | "SHIPPED" | "RECEIVED" | "COMPLETED" | "REJECTED";
            at: Date;
            actor: string | null;
          }[] = [{ status: "PLACED", at: placedAt, actor: buyer.ownerId }];
          if (rejected) {
            if (confirmedAt < now) steps.push({ status: "REJECTED", at: confirmedAt, actor: manager.id });
          } else {
            if (confirmedAt < now) steps.push({ status: "CONFIRMED", at: confirmedAt, actor: manager.id });
            if (shippedAt < now) steps.push({ status: "SHIPPED", at: shippedAt, actor: manager.id });
            if (receivedAt < now) {
              steps.push({ status: "RECEIVED", at: receivedAt, actor: buyer.ownerId });
              steps.push({ status: "COMPLETED", at: receivedAt, actor: null });
            }
          }
          const last = steps[steps.length - 1];
          if (!last) continue;
          const paid = last.status === "COMPLETED";
          const shipped = steps.some((s) => s.status === "SHIPPED");
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
              placedAt,
              confirmedAt: steps.find((s) => s.status === "CONFIRMED")?.at ?? null,
              shippedAt: steps.find((s) => s.status === "SHIPPED")?.at ?? null,
              deliveredAt: steps.find((s) => s.status === "RECEIVED")?.at ?? null,
              completedAt: paid ? receivedAt : null,
              rejectReason: rejected ? "Bahan baku sedang habis" : null,
              items: {
                create: {
                  productId: product.id,
                  productName: product.name,
                  unit: product.unit,
                  quantity,
                  unitPrice,
                  lineTotal: total,
                  quantityDelivered: paid ? quantity : 0,
                  quantityShipped: shipped ? quantity : 0,
                },
              },
              events: {
                create: steps.map((s, i) => ({
                  type: "status",
                  fromStatus: i > 0 ? steps[i - 1]?.status : null,
                  toStatus: s.status,
                  actorId: s.actor,
                  note: s.status === "REJECTED" ? "Bahan baku sedang habis" : "",
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
          if (paid) {
            const payment = await tx.payment.create({
              data: {
                orderId: order.id,
                groupId: group.id,
                method: paymentMethod,
                state: "SUCCEEDED",
                amount: total,
                reference: paymentMethod === "BANK_TRANSFER" ? `TRF${Math.floor(rand() * 1e8)}` : "",
                idempotencyKey: `seed:${order.number}`,
                recordedById: treasurer?.id ?? manager.id,
                receivedAt,
              },
            });
            await tx.orderEvent.create({
              data: {
                orderId: order.id,
                type: "payment",
                actorId: treasurer?.id ?? manager.id,
                note: String(total),
                createdAt: receivedAt,
              },
            });
            await tx.cashEntry.create({
              data: {
                groupId: group.id,
                kind: "INCOME",
                category: "ORDER",
                amount: total,
                occurredAt: receivedAt,
                description: order.number,
                paymentId: payment.id,
                recordedById: treasurer?.id ?? manager.id,
              },
            });
            // About half the buyers rate what they received (their own stream: the rest stays put).
            if (rateRand() < 0.5) {
              const score = rateRand() < 0.7 ? 5 : 4;
              await tx.rating.create({
                data: {
                  orderId: order.id,
                  score,
                  comment: RATING_COMMENTS[Math.floor(rateRand() * RATING_COMMENTS.length)] ?? "",
                  createdAt: new Date(receivedAt.getTime() + DAY),
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
          }
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
    { timeout: 120_000, maxWait: 20_000 },
  );
}
