// The cash book's benchmark: a group with ten years of daily lines (about 4,400: most days one,
// some two, with corrections), and its book page (the /kelola/kas loader, in process, no HTTP:
// session, permission, page of 50 with its running balance, totals, months, members) asked for
// page 1, deep pages, a month and a category. Beside it, in the same run and interleaved, a
// baseline: one plain indexed query, the group's 50 newest lines. Reports p50/p95 on SQLite and
// on PostgreSQL.
//
//   npx tsx scripts/bench/book.ts                 SQLite (a file in the temp folder)
//   npx tsx scripts/bench/book.ts --postgres      and PostgreSQL: BENCH_POSTGRES_URL, or the CI
//                                                 server; makes and drops jejaring_bookbench
//   npx tsx scripts/bench/book.ts --measure       (internal) seed and measure DATABASE_URL,
//                                                 print one JSON line
// `npm run bench` runs it too (run.ts), on PostgreSQL when BENCH_POSTGRES_URL is set.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { measureOnBoth } from "./child";
import type { Prisma } from "~/.server/db/client";

const YEARS = 10;
const CALLS = 300;
const WARM_UP = 20;
const TARGET_P95_MS = 100;
const DEFAULT_POSTGRES = "postgresql://jejaring_ci:jejaring_ci@localhost:5432/postgres";
const PG_DATABASE = "jejaring_bookbench";
const DAY = 24 * 60 * 60 * 1000;

type Stats = { p50: number; p95: number; max: number };
export type BookBenchResult = {
  database: string;
  lines: number;
  calls: number;
  page: Stats;
  baseline: Stats;
};

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function stats(times: number[]): Stats {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted[sorted.length - 1] ?? 0 };
}

/** In a child process whose DATABASE_URL names a migrated, empty database: seed, then measure. */
async function measure(): Promise<BookBenchResult> {
  const { db, dbKind, disconnectDb } = await import("~/.server/db/client");
  const { createSession } = await import("~/.server/auth/session");
  const { loader } = await import("~/routes/kelola.kas._index");
  const village = await db.area.create({
    data: { code: "bench.book", name: "Desa Bench", level: "VILLAGE", path: "bench.book" },
    select: { id: true },
  });
  const ketua = await db.user.create({
    data: { name: "Ketua Bench", phone: "+62899000000999", passwordHash: "x" },
    select: { id: true },
  });
  const group = await db.group.create({
    data: {
      slug: "kube-bench-buku",
      name: "KUBE Bench Buku",
      villageId: village.id,
      members: {
        create: [
          { userId: ketua.id, name: "Ketua Bench", role: "KETUA" },
          ...Array.from({ length: 11 }, (_, i) => ({ name: `Anggota ${i + 1}`, role: "ANGGOTA" as const })),
        ],
      },
    },
    select: { id: true },
  });
  const categories = ["OTHER_SALES", "MATERIALS", "TRANSPORT", "SAVINGS", "IKS", "EQUIPMENT"] as const;
  const start = Date.now() - YEARS * 365 * DAY;
  const rows: Prisma.CashEntryCreateManyInput[] = [];
  for (let day = 0; day < YEARS * 365; day++) {
    const perDay = day % 5 === 0 ? 2 : 1;
    for (let k = 0; k < perDay; k++) {
      const category = categories[(day * 7 + k) % categories.length] ?? "OTHER";
      const expense = category === "MATERIALS" || category === "TRANSPORT" || category === "EQUIPMENT";
      rows.push({
        groupId: group.id,
        kind: expense ? ("EXPENSE" as const) : ("INCOME" as const),
        category,
        amount: 5_000 + ((day * 37 + k * 11) % 200) * 1_000,
        occurredAt: new Date(start + day * DAY + k * 60_000),
        createdAt: new Date(start + day * DAY + k * 60_000),
        description: `Baris ${day}-${k}`,
        recordedById: ketua.id,
      });
    }
  }
  for (let i = 0; i < rows.length; i += 1000)
    await db.cashEntry.createMany({ data: rows.slice(i, i + 1000) });
  // Some corrections, as a real book has.
  const toCorrect = await db.cashEntry.findMany({
    where: { groupId: group.id, category: "MATERIALS" },
    select: { id: true, amount: true, category: true },
    take: 40,
  });
  await db.cashEntry.createMany({
    data: toCorrect.map((line, i) => ({
      groupId: group.id,
      kind: "INCOME" as const,
      category: line.category,
      amount: line.amount,
      occurredAt: new Date(start + (i * 90 + 1) * DAY),
      description: "Koreksi",
      reason: "Salah catat",
      reversesId: line.id,
      recordedById: ketua.id,
    })),
  });
  if (dbKind === "postgres") await db.$executeRawUnsafe("ANALYZE");
  const lines = await db.cashEntry.count({ where: { groupId: group.id } });
  const cookie = (await createSession(ketua.id)).split(";")[0] ?? "";
  const pages = Math.ceil(lines / 50);
  const now = new Date();
  const months = Array.from({ length: 24 }, (_, i) => {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i * 5, 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
  });
  const queries = Array.from({ length: CALLS + WARM_UP }, (_, i) => {
    switch (i % 4) {
      case 0:
        return "";
      case 1:
        return `?page=${1 + ((i * 13) % pages)}`;
      case 2:
        return `?bulan=${months[i % months.length]}`;
      default:
        return `?kategori=${categories[i % categories.length]}&page=${1 + (i % 5)}`;
    }
  });
  const pageTimes: number[] = [];
  const baselineTimes: number[] = [];
  for (const [i, query] of queries.entries()) {
    let t0 = performance.now();
    await db.cashEntry.findMany({
      where: { groupId: group.id },
      orderBy: { occurredAt: "desc" },
      take: 50,
      select: { id: true, kind: true, amount: true, occurredAt: true, description: true },
    });
    const baseline = performance.now() - t0;
    t0 = performance.now();
    const result = await loader({
      request: new Request(`http://localhost/kelola/kas${query}`, { headers: { Cookie: cookie } }),
      params: {},
      context: {},
    });
    const page = performance.now() - t0;
    if (result instanceof Response) throw new Error(`the book page answered ${result.status}`);
    if (i >= WARM_UP) {
      baselineTimes.push(baseline);
      pageTimes.push(page);
    }
  }
  const result: BookBenchResult = {
    database: dbKind === "postgres" ? "PostgreSQL" : "SQLite",
    lines,
    calls: pageTimes.length,
    page: stats(pageTimes),
    baseline: stats(baselineTimes),
  };
  await disconnectDb();
  return result;
}

/** Runs the bench on SQLite and, given a server URL, on PostgreSQL; returns the report's section. */
export async function bookBench(options: {
  postgresUrl?: string | null;
  log?: (text: string) => void;
}): Promise<{ lines: string[]; results: BookBenchResult[] }> {
  const log = options.log ?? ((text: string) => console.log(`[bench] ${text}`));
  const results = await measureOnBoth<BookBenchResult>({
    script: "scripts/bench/book.ts",
    label: "cash book",
    sqliteFile: "jejaring-bookbench.db",
    pgDatabase: PG_DATABASE,
    postgresUrl: options.postgresUrl,
    log,
  });

  const ms = (value: number) => value.toFixed(1);
  const lines = [
    "## Cash book (buku kas)",
    "",
    `In process (the /kelola/kas loader, no HTTP or rendering), ${CALLS} calls after ${WARM_UP} to warm up: page 1, deep pages, a month, a category (pages 1–5). One group with ${YEARS} years of daily lines. Baseline: one indexed query, the group's 50 newest lines, interleaved in the same run.`,
    "",
    "| database | lines | book page p50 / p95 ms | baseline p50 / p95 ms | × baseline p95 |",
    "| --- | ---: | ---: | ---: | ---: |",
    ...results.map(
      (r) =>
        `| ${r.database} | ${r.lines} | ${ms(r.page.p50)} / ${ms(r.page.p95)} | ${ms(r.baseline.p50)} / ${ms(r.baseline.p95)} | ${(r.page.p95 / r.baseline.p95).toFixed(1)} |`,
    ),
    ...(options.postgresUrl ? [] : ["| PostgreSQL | not run (set BENCH_POSTGRES_URL) | | | |"]),
    "",
    ...results.map(
      (r) =>
        `- book page p95 ≤ ${TARGET_P95_MS} ms on ${r.database}: ${ms(r.page.p95)} ms — ${r.page.p95 <= TARGET_P95_MS ? "met" : "NOT met"}`,
    ),
    "",
  ];
  return { lines, results };
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  if (process.argv.includes("--measure")) {
    console.log(JSON.stringify(await measure()));
  } else {
    const postgresUrl = process.argv.includes("--postgres")
      ? (process.env.BENCH_POSTGRES_URL ?? DEFAULT_POSTGRES)
      : null;
    const { lines } = await bookBench({ postgresUrl });
    console.log(lines.join("\n"));
  }
}
