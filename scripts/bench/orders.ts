// Order placement under load: `tsx scripts/bench/orders.ts <seconds>` with DATABASE_URL set to a
// migrated, seeded database (SQLite or PostgreSQL). Ten buyers check out carts of two products
// drawn from the same twenty (overlapping, so they contend for the same rows), concurrently,
// for the given time. Beside it, in the same run, a baseline: the floor of any order, one
// transaction with one conditional stock update and one insert, at the same concurrency.
// Prints one JSON line.
import { randomBytes } from "node:crypto";
import { addToCart } from "~/.server/cart/cart";
import { db, disconnectDb } from "~/.server/db/client";
import { checkout } from "~/.server/checkout/checkout";
import { getCart } from "~/.server/cart/cart";
import { wibDateKey } from "~/utils/delivery";

const SECONDS = Number(process.argv[2] ?? 10);
const BUYERS = 10;
const PRODUCTS = 20;

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const group = await db.group.findFirstOrThrow({
  orderBy: { createdAt: "asc" },
  select: { id: true, villageId: true },
});
const category = await db.category.findFirstOrThrow({
  where: { parentId: { not: null } },
  select: { id: true },
});
const tag = randomBytes(3).toString("hex");
const products: { id: string }[] = [];
for (let i = 0; i < PRODUCTS; i++) {
  products.push(
    await db.product.create({
      data: {
        groupId: group.id,
        categoryId: category.id,
        slug: `bench-order-${tag}-${i}`,
        name: `Produk bench ${i}`,
        unit: "PCS",
        price: 10_000 + i * 500,
        minOrderQuantity: 1,
        stock: 1_000_000_000,
      },
      select: { id: true },
    }),
  );
}
const buyers: { userId: string; businessId: string; addressId: string }[] = [];
for (let i = 0; i < BUYERS; i++) {
  const user = await db.user.create({
    data: {
      name: `Bench ${i}`,
      phone: `+62899${tag.slice(0, 4)}${String(i).padStart(3, "0")}`.slice(0, 15),
      passwordHash: "x",
    },
    select: { id: true },
  });
  const business = await db.business.create({
    data: {
      slug: `bench-${tag}-${i}`,
      name: `Bench ${i}`,
      kind: "KAFE",
      villageId: group.villageId,
      users: { create: { userId: user.id } },
      addresses: {
        create: {
          label: "Utama",
          recipient: "Bench",
          line: "Jl. Bench 1",
          villageId: group.villageId,
          isDefault: true,
        },
      },
    },
    select: { id: true, addresses: { select: { id: true } } },
  });
  buyers.push({ userId: user.id, businessId: business.id, addressId: business.addresses[0]!.id });
}

/** Each of the ten workers is one buyer (its own cart), running `worker` until time is up. */
async function measure(worker: (buyer: number, round: number) => Promise<boolean>) {
  const latencies: number[] = [];
  let ok = 0;
  let refused = 0;
  const until = Date.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: BUYERS }, async (_, index) => {
      let round = 0;
      while (Date.now() < until) {
        const t0 = performance.now();
        const placed = await worker(index, round++);
        latencies.push(performance.now() - t0);
        if (placed) ok += 1;
        else refused += 1;
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return {
    perSecond: ok / SECONDS,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    ok,
    refused,
  };
}

const baselineProduct = products[0]!.id;
const baseline = await measure(async () => {
  await db.$transaction(async (tx) => {
    await tx.product.updateMany({
      where: { id: baselineProduct, stock: { gte: 1 } },
      data: { stock: { decrement: 1 } },
    });
    await tx.auditEvent.create({
      data: { action: "bench", entityType: "Bench", entityId: tag },
      select: { id: true },
    });
  });
  return true;
});

const placement = await measure(async (index, round) => {
  const buyer = buyers[index]!;
  const a = products[(index * 3 + round) % PRODUCTS]!.id;
  const b = products[(index * 7 + round * 3 + 1) % PRODUCTS]!.id;
  await addToCart(buyer.businessId, a, 2);
  if (b !== a) await addToCart(buyer.businessId, b, 3);
  const cart = await getCart(buyer.businessId);
  const result = await checkout(buyer.businessId, buyer.userId, {
    version: cart.version,
    address: buyer.addressId,
    paymentMethod: "BANK_TRANSFER",
    orders: cart.groups.map((g) => ({
      groupId: g.group.id,
      wantedBy: g.earliest ? wibDateKey(g.earliest) : "2099-01-01",
    })),
  });
  return result.ok;
});

console.log(JSON.stringify({ baseline, placement }));
await disconnectDb();
