import { randomBytes } from "node:crypto";
import { searchTextFor } from "~/.server/catalog/search-text";
import type { Db, Prisma } from "~/.server/db/client";
import { CATEGORIES } from "../../scripts/seed/data";
import { categoryName, type World } from "./match-world";

// The generated matching world (match-world.ts) written into a database: for the matcher's
// benchmark (scripts/bench/matching.ts) and for the test that the database side ranks exactly as
// the rules do (tests/integration/match-database.test.ts).

const DAY = 24 * 60 * 60 * 1000;

/** The demo's categories (scripts/seed/data.ts), parents and children, as a migrated database lacks them. */
export async function createDemoCategories(db: Db) {
  for (const [i, parent] of CATEGORIES.entries()) {
    const created = await db.category.create({
      data: { slug: parent.slug, nameId: parent.id, nameEn: parent.en, sortOrder: i },
    });
    for (const [j, child] of parent.children.entries()) {
      await db.category.create({
        data: { slug: child.slug, nameId: child.id, nameEn: child.en, sortOrder: j, parentId: created.id },
      });
    }
  }
}

const id = () => `mb${randomBytes(11).toString("hex")}`;

/** SQLite takes at most 999 values in one statement: 50 rows of up to 19 columns. */
async function inBatches<T>(rows: T[], write: (batch: T[]) => Promise<unknown>, size = 50) {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

/**
 * Writes the generated world into a migrated database that holds the demo categories, the regency
 * (by its code) and a buyer: districts and villages, groups, products, capacity booked, finished
 * orders with ratings (the track records), and recent requests the groups were matched to.
 * Returns the database id of each generated group.
 */
export async function seedWorld(db: Db, world: World, regencyCode = "32.17"): Promise<Map<string, string>> {
  const regency = await db.area.findUniqueOrThrow({
    where: { code: regencyCode },
    select: { id: true, path: true },
  });
  const categories = new Map(
    (await db.category.findMany({ select: { id: true, slug: true } })).map((c) => [c.slug, c.id]),
  );
  const buyer = await db.businessUser.findFirstOrThrow({
    select: { businessId: true, userId: true, business: { select: { villageId: true } } },
  });

  const districts = new Map<string, { id: string; path: string }>();
  const villageIds = new Map<string, string>();
  for (const village of world.villages) {
    const districtCode = village.code.split(".").slice(0, 3).join(".");
    let district = districts.get(districtCode);
    if (!district) {
      district = { id: id(), path: `${regency.path}${districtCode}/` };
      await db.area.create({
        data: {
          id: district.id,
          code: districtCode,
          name: `Kecamatan ${village.district}`,
          level: "DISTRICT",
          path: district.path,
          parentId: regency.id,
        },
      });
      districts.set(districtCode, district);
    }
    const villageId = id();
    villageIds.set(village.code, villageId);
    await db.area.create({
      data: {
        id: villageId,
        code: village.code,
        name: village.name,
        level: "VILLAGE",
        path: `${district.path}${village.code}/`,
        parentId: district.id,
        latitude: village.latitude,
        longitude: village.longitude,
      },
    });
  }

  const groupIds = new Map(world.groups.map((group) => [group.id, id()]));
  await inBatches(world.groups, (batch) =>
    db.group.createMany({
      data: batch.map((group) => ({
        id: groupIds.get(group.id) as string,
        slug: group.slug,
        name: group.name,
        villageId: villageIds.get(group.village.code) as string,
        verifiedAt: group.verifiedAt,
        joinedAt: group.verifiedAt,
        createdAt: group.verifiedAt,
      })),
    }),
  );

  const products: Prisma.ProductCreateManyInput[] = [];
  const bookings: { productId: string; week: string; booked: number }[] = [];
  world.groups.forEach((group, g) =>
    group.products.forEach((product, p) => {
      const productId = id();
      const search = searchTextFor({
        name: product.name,
        description: product.description,
        category: categoryName(product.category),
        group: group.name,
        village: group.village.name,
      });
      products.push({
        id: productId,
        groupId: groupIds.get(group.id) as string,
        categoryId: categories.get(product.category) as string,
        slug: `matchbench-${g + 1}-${p + 1}`,
        name: product.name,
        description: product.description,
        unit: product.unit,
        price: product.price,
        supplyMode: product.supplyMode,
        stock: product.stock,
        capacityPerWeek: product.capacityPerWeek,
        leadTimeDays: product.leadTimeDays,
        searchText: search.searchText,
        searchName: search.searchName,
      });
      for (const [week, booked] of product.bookedByWeek) bookings.push({ productId, week, booked });
    }),
  );
  await inBatches(products, (batch) => db.product.createMany({ data: batch }));
  await inBatches(bookings, (batch) => db.capacityBooking.createMany({ data: batch }));

  // Track records: each finished order delivered by its wanted date or a few days late; ratings.
  const orders: Prisma.OrderCreateManyInput[] = [];
  const ratings: { orderId: string; score: number }[] = [];
  world.groups.forEach((group, g) => {
    for (let i = 0; i < group.completedOrders; i++) {
      const placedAt = new Date(world.now.getTime() - (10 + ((i * 37) % 700)) * DAY);
      const wantedBy = new Date(placedAt.getTime() + 7 * DAY);
      const deliveredAt = new Date(wantedBy.getTime() + (i < group.onTimeOrders ? -DAY : 3 * DAY));
      const orderId = id();
      orders.push({
        id: orderId,
        number: `MB-${g + 1}-${i + 1}`,
        groupId: groupIds.get(group.id) as string,
        businessId: buyer.businessId,
        placedById: buyer.userId,
        status: "COMPLETED",
        paymentMethod: "BANK_TRANSFER",
        paymentStatus: "PAID",
        subtotal: 500_000,
        total: 500_000,
        amountPaid: 500_000,
        wantedBy,
        placedAt,
        deliveredAt,
        completedAt: deliveredAt,
      });
      if (i < group.ratingCount)
        ratings.push({ orderId, score: Math.max(1, Math.min(5, Math.round(group.ratingAverage ?? 4))) });
    }
  });
  await inBatches(orders, (batch) => db.order.createMany({ data: batch }));
  await inBatches(ratings, (batch) => db.rating.createMany({ data: batch }));

  // Recent chances: requests of the last 30 days each group was matched to.
  const requestIds = Array.from({ length: 60 }, () => id());
  await db.quoteRequest.createMany({
    data: requestIds.map((requestId, i) => ({
      id: requestId,
      number: `PMT-MB-${i + 1}`,
      businessId: buyer.businessId,
      createdById: buyer.userId,
      villageId: buyer.business.villageId,
      title: `Permintaan bench ${i + 1}`,
      quantity: 100,
      unit: "PCS" as const,
      neededBy: new Date(world.now.getTime() + 10 * DAY),
      closesAt: new Date(world.now.getTime() + 5 * DAY),
      createdAt: new Date(world.now.getTime() - (i % 28) * DAY),
    })),
  });
  const recipients = world.groups.flatMap((group, g) =>
    Array.from({ length: group.recentInvites }, (_, k) => ({
      requestId: requestIds[(g * 7 + k * 11) % requestIds.length] as string,
      groupId: groupIds.get(group.id) as string,
      source: "MATCHED" as const,
      rank: 1 + (k % 5),
      createdAt: new Date(world.now.getTime() - ((g + k) % 28) * DAY),
    })),
  );
  await inBatches(recipients, (batch) => db.requestRecipient.createMany({ data: batch }));
  return groupIds;
}
