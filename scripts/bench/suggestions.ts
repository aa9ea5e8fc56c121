// Suggestions over 100,000 past orders: `tsx scripts/bench/suggestions.ts` with DATABASE_URL set to
// a migrated, seeded database (SQLite or PostgreSQL). Verifies the bulk groups (or makes 1,000 with
// ten products each when the bulk seed did not run), adds 2,000 businesses and 100,000 orders among
// them (1,000 of them the measured buyer's), then times in process, in the same run:
// - suggestions for that buyer (suggestGroupsForBuyer) and for one group (suggestBusinessesForGroup);
// - the baseline: a plain indexed query, the buyer's latest 20 orders (its orders page's first read).
// Prints one JSON line.
import { randomBytes } from "node:crypto";
import { db, disconnectDb } from "~/.server/db/client";
import { suggestBusinessesForGroup, suggestGroupsForBuyer } from "~/.server/matching/suggestions";
import { seededRandom } from "../seed/random";

const ORDERS = Number(process.env.BENCH_SUGGEST_ORDERS ?? 100_000);
const BUYER_ORDERS = 1_000;
const BUSINESSES = 2_000;
const GROUPS = 1_000;
const ROUNDS = 200;
const BATCH = 1_000;
const DAY = 24 * 60 * 60 * 1000;

const rand = seededRandom(7);
const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)] as T;
const id = () => `s${randomBytes(12).toString("hex")}`;
const tag = randomBytes(3).toString("hex");
const now = new Date();

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function time(run: () => Promise<unknown>) {
  for (let i = 0; i < 10; i++) await run(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

// 1. Groups: the bulk seed's, verified; or 1,000 made here.
const villages = await db.area.findMany({
  where: { level: "VILLAGE", latitude: { not: null } },
  select: { id: true },
});
const categories = await db.category.findMany({ where: { parentId: { not: null } }, select: { id: true } });
const verifiedAt = new Date(now.getTime() - 300 * DAY);
let bulk = await db.group.updateMany({
  where: { slug: { startsWith: "kube-bench-" } },
  data: { verifiedAt },
});
if (bulk.count < GROUPS) {
  const groups = Array.from({ length: GROUPS }, (_, g) => ({
    id: id(),
    slug: `kube-bench-s${tag}-${g}`,
    name: `KUBE Bench S${g}`,
    villageId: pick(villages).id,
    verifiedAt,
  }));
  await db.group.createMany({ data: groups });
  for (let start = 0; start < groups.length; start += 100) {
    await db.product.createMany({
      data: groups.slice(start, start + 100).flatMap((group, g) =>
        Array.from({ length: 10 }, (_, p) => ({
          id: id(),
          groupId: group.id,
          categoryId: pick(categories).id,
          slug: `bench-s${tag}-${start + g}-${p}`,
          name: `Produk bench ${p}`,
          unit: "PCS" as const,
          price: 20_000,
          stock: 100,
        })),
      ),
    });
  }
  bulk = { count: GROUPS };
}
const products = await db.product.findMany({
  where: { group: { slug: { startsWith: "kube-bench-" } }, status: "ACTIVE" },
  select: { id: true, groupId: true, name: true },
});

// 2. Businesses and one user who placed every order.
const user = await db.user.create({
  data: {
    name: "Bench suggest",
    phone: `+62898${tag}${Math.floor(rand() * 1000)}`.slice(0, 15),
    passwordHash: "x",
  },
  select: { id: true },
});
const businesses = Array.from({ length: BUSINESSES }, (_, b) => ({
  id: id(),
  slug: `bench-suggest-${tag}-${b}`,
  name: `Usaha bench ${b}`,
  kind: pick(["KAFE", "HOTEL", "TOKO_OLEH_OLEH", "RESTORAN", "KATERING"] as const),
  villageId: pick(villages).id,
}));
await db.business.createMany({ data: businesses });
const buyer = businesses[0]!;

// 3. 100,000 orders with one line each; the buyer's 1,000 over the last two years.
const started = Date.now();
for (let start = 0; start < ORDERS; start += BATCH) {
  const orders = [];
  const items = [];
  for (let i = start; i < Math.min(ORDERS, start + BATCH); i++) {
    const business = i < BUYER_ORDERS ? buyer : pick(businesses);
    const product = pick(products);
    const placedAt = new Date(now.getTime() - Math.floor(rand() * 730) * DAY);
    const roll = rand();
    const status = roll < 0.8 ? "COMPLETED" : roll < 0.9 ? "REJECTED" : "PLACED";
    const quantity = 1 + Math.floor(rand() * 100);
    const total = quantity * 20_000;
    const orderId = id();
    orders.push({
      id: orderId,
      number: `JJR-S${tag}-${i}`,
      groupId: product.groupId,
      businessId: business.id,
      placedById: user.id,
      status: status as "COMPLETED" | "REJECTED" | "PLACED",
      paymentMethod: "BANK_TRANSFER" as const,
      subtotal: total,
      total,
      placedAt,
      wantedBy: new Date(placedAt.getTime() + 7 * DAY),
      deliveredAt:
        status === "COMPLETED" ? new Date(placedAt.getTime() + (rand() < 0.85 ? 6 : 9) * DAY) : null,
    });
    items.push({
      orderId,
      productId: product.id,
      productName: product.name,
      unit: "PCS" as const,
      quantity,
      unitPrice: 20_000,
      lineTotal: total,
    });
  }
  await db.order.createMany({ data: orders });
  await db.orderItem.createMany({ data: items });
}
const seconds = (Date.now() - started) / 1000;
const orderCount = await db.order.count();
const group = products[0]!.groupId;

// 4. Timings, the baseline first and last so drift in the machine's speed shows.
const baselineQuery = () =>
  db.order.findMany({
    where: { businessId: buyer.id },
    orderBy: { placedAt: "desc" },
    take: 20,
    select: { id: true, number: true, total: true, status: true, placedAt: true },
  });
const baselineBefore = await time(baselineQuery);
const sample = await suggestGroupsForBuyer({ businessId: buyer.id }, { limit: 4 });
const forBuyer = await time(() => suggestGroupsForBuyer({ businessId: buyer.id }, { limit: 4 }));
const groupSample = await suggestBusinessesForGroup({ groupId: group });
const forGroup = await time(() => suggestBusinessesForGroup({ groupId: group }));
const baselineAfter = await time(baselineQuery);
const baseline = {
  p50: (baselineBefore.p50 + baselineAfter.p50) / 2,
  p95: (baselineBefore.p95 + baselineAfter.p95) / 2,
};

console.log(
  JSON.stringify({
    orders: orderCount,
    buyerOrders: BUYER_ORDERS,
    groups: bulk.count,
    seedSeconds: seconds,
    baseline,
    forBuyer: { ...forBuyer, shown: sample.suggestions.length },
    forGroup: { ...forGroup, shown: groupSample.suggestions.length },
  }),
);
await disconnectDb();
