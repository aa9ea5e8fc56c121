// The group's sales dashboard over ten years of daily books: `tsx scripts/bench/dashboard.ts` with
// DATABASE_URL set to a migrated database (SQLite or PostgreSQL). Makes one group with ten years of
// daily cash-book lines (sales, a refund now and then, materials, transport, dues), a daily order
// with its line and delivery, 300 buyers, tempo invoices and konsinyasi reports; and twenty other
// groups with the same daily books beside it, so the group's rows are a slice of a bigger table.
// Then times in process, in the same run:
// - the dashboard (groupDashboard: comparisons, twelve months, top products, what is owed);
// - the baseline: a plain indexed query, the group's latest 20 cash-book lines (the book's first read).
// Prints one JSON line. `npm run bench` runs it on both databases (run.ts).
import { randomBytes } from "node:crypto";
import { db, disconnectDb } from "~/.server/db/client";
import { groupDashboard } from "~/.server/reports/dashboard";
import { seededRandom } from "../seed/random";

const YEARS = 10;
const DAYS = YEARS * 365;
const OTHER_GROUPS = 20;
const BUYERS = 300;
const PRODUCTS = 12;
const ROUNDS = 200;
const WARM_UP = 10;
const BATCH = 2_000;
const DAY = 24 * 60 * 60 * 1000;

const rand = seededRandom(11);
const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)] as T;
const id = () => `d${randomBytes(12).toString("hex")}`;
const tag = randomBytes(3).toString("hex");
const now = new Date();

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function time(run: () => Promise<unknown>) {
  for (let i = 0; i < WARM_UP; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function inBatches<T>(rows: T[], write: (batch: T[]) => Promise<unknown>) {
  for (let start = 0; start < rows.length; start += BATCH) await write(rows.slice(start, start + BATCH));
}

const village = await db.area.findFirstOrThrow({ where: { level: "VILLAGE" }, select: { id: true } });
const category = await db.category.findFirstOrThrow({
  where: { parentId: { not: null } },
  select: { id: true },
});
const user = await db.user.create({
  data: {
    name: "Bench dasbor",
    phone: `+62897${tag}${Math.floor(rand() * 1000)}`.slice(0, 15),
    passwordHash: "x",
  },
  select: { id: true },
});

const groups = Array.from({ length: OTHER_GROUPS + 1 }, (_, g) => ({
  id: id(),
  slug: `kube-dasbor-${tag}-${g}`,
  name: `KUBE Dasbor ${g}`,
  villageId: village.id,
}));
await db.group.createMany({ data: groups });
const measured = groups[0]!;

// Ten years of daily cash-book lines for every group.
const started = Date.now();
let cashLines = 0;
for (const group of groups) {
  const lines = [];
  for (let day = 0; day < DAYS; day++) {
    const occurredAt = new Date(now.getTime() - day * DAY - Math.floor(rand() * DAY));
    const base = { groupId: group.id, occurredAt, recordedById: user.id };
    lines.push({
      ...base,
      kind: "INCOME" as const,
      category: "ORDER" as const,
      amount: 50_000 + Math.floor(rand() * 400_000),
    });
    if (rand() < 0.3)
      lines.push({
        ...base,
        kind: "EXPENSE" as const,
        category: "MATERIALS" as const,
        amount: 20_000 + Math.floor(rand() * 100_000),
      });
    if (rand() < 0.2)
      lines.push({
        ...base,
        kind: "EXPENSE" as const,
        category: "TRANSPORT" as const,
        amount: 10_000 + Math.floor(rand() * 30_000),
      });
    if (rand() < 0.1)
      lines.push({
        ...base,
        kind: "INCOME" as const,
        category: "OTHER_SALES" as const,
        amount: 10_000 + Math.floor(rand() * 90_000),
      });
    if (rand() < 0.05)
      lines.push({ ...base, kind: "INCOME" as const, category: "SAVINGS" as const, amount: 10_000 });
    if (rand() < 0.02)
      lines.push({
        ...base,
        kind: "EXPENSE" as const,
        category: "REFUND" as const,
        amount: 5_000 + Math.floor(rand() * 40_000),
      });
  }
  cashLines += lines.length;
  await inBatches(lines, (batch) => db.cashEntry.createMany({ data: batch }));
}

// The measured group's trade: products, buyers, a daily order with one line, delivered.
const products = Array.from({ length: PRODUCTS }, (_, p) => ({
  id: id(),
  groupId: measured.id,
  categoryId: category.id,
  slug: `bench-dasbor-${tag}-${p}`,
  name: `Produk dasbor ${p}`,
  unit: "PCS" as const,
  price: 10_000 + p * 2_500,
  leadTimeDays: p % 7,
  stock: 100,
}));
await db.product.createMany({ data: products });
const buyers = Array.from({ length: BUYERS }, (_, b) => ({
  id: id(),
  slug: `bench-dasbor-${tag}-${b}`,
  name: `Usaha dasbor ${b}`,
  kind: "TOKO_OLEH_OLEH" as const,
  villageId: village.id,
}));
await db.business.createMany({ data: buyers });
const orders = [];
const items = [];
const invoices = [];
for (let day = 0; day < DAYS; day++) {
  const placedAt = new Date(now.getTime() - day * DAY - Math.floor(rand() * DAY));
  const product = pick(products);
  const quantity = 1 + Math.floor(rand() * 50);
  const total = quantity * product.price;
  const roll = rand();
  const tempo = roll < 0.1;
  const orderId = id();
  orders.push({
    id: orderId,
    number: `D-${tag}-${day}`,
    groupId: measured.id,
    businessId: pick(buyers).id,
    placedById: user.id,
    status:
      roll < 0.9 ? ("COMPLETED" as const) : roll < 0.95 ? ("REJECTED" as const) : ("CANCELLED" as const),
    paymentMethod: tempo ? ("TEMPO" as const) : ("BANK_TRANSFER" as const),
    subtotal: total,
    total,
    amountPaid: tempo && rand() < 0.3 ? 0 : total,
    placedAt,
    wantedBy: rand() < 0.5 ? new Date(placedAt.getTime() + 7 * DAY) : null,
    deliveredAt: roll < 0.9 ? new Date(placedAt.getTime() + Math.floor(rand() * 10) * DAY) : null,
    dueAt: tempo ? new Date(placedAt.getTime() + 30 * DAY) : null,
  });
  items.push({
    id: id(),
    orderId,
    productId: product.id,
    productName: product.name,
    unit: "PCS" as const,
    quantity,
    unitPrice: product.price,
    lineTotal: total,
  });
  if (tempo) {
    invoices.push({ orderId, groupId: measured.id, year: 2000 + day, sequence: day, number: `TAG/${day}` });
  }
}
await inBatches(orders, (batch) => db.order.createMany({ data: batch }));
await inBatches(items, (batch) => db.orderItem.createMany({ data: batch }));
await inBatches(invoices, (batch) => db.invoice.createMany({ data: batch }));
const placements = products.slice(0, 4).map((product) => ({
  id: id(),
  groupId: measured.id,
  businessId: pick(buyers).id,
  productId: product.id,
  quantityPlaced: 10_000,
  unitPrice: product.price,
}));
await db.consignmentPlacement.createMany({ data: placements });
await db.consignmentReport.createMany({
  data: Array.from({ length: YEARS * 12 }, (_, m) => ({
    placementId: pick(placements).id,
    periodEnd: new Date(now.getTime() - m * 30 * DAY),
    quantitySold: 10,
    amountDue: 100_000,
    reportedById: user.id,
    paidAt: m < 3 ? null : new Date(now.getTime() - m * 30 * DAY + 5 * DAY),
  })),
});
const seedSeconds = (Date.now() - started) / 1000;
// Statistics as a running database keeps them (PostgreSQL's autovacuum, SQLite's optimize): right
// after a bulk load PostgreSQL plans with none, and a first run here was ten times slower for it.
await db.$executeRawUnsafe("ANALYZE");

const baselineBefore = await time(() =>
  db.cashEntry.findMany({
    where: { groupId: measured.id },
    orderBy: { occurredAt: "desc" },
    take: 20,
    select: { id: true, kind: true, category: true, amount: true, occurredAt: true, description: true },
  }),
);
const dashboard = await time(() => groupDashboard({ groupId: measured.id }, now));
const baselineAfter = await time(() =>
  db.cashEntry.findMany({
    where: { groupId: measured.id },
    orderBy: { occurredAt: "desc" },
    take: 20,
    select: { id: true, kind: true, category: true, amount: true, occurredAt: true, description: true },
  }),
);
const groupLines = await db.cashEntry.count({ where: { groupId: measured.id } });
console.log(
  JSON.stringify({
    years: YEARS,
    groupLines,
    cashLines,
    orders: orders.length,
    seedSeconds,
    dashboard,
    baseline: {
      p50: Math.max(baselineBefore.p50, baselineAfter.p50),
      p95: Math.max(baselineBefore.p95, baselineAfter.p95),
    },
  }),
);
await disconnectDb();
