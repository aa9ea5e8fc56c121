// The matcher's benchmark: ranking one request (rankForRequest, in process, no HTTP) over 1,000
// generated groups with 10 products each (tests/support/match-world.ts: KUBE in villages across
// Kabupaten Bandung Barat, with stock, capacity, bookings, orders, ratings and recent invites), on
// SQLite and on PostgreSQL. Beside it, in the same run and for the same requests, a baseline: the
// plain catalog search for the request's words (searchCatalog, page 1). Reports p50/p95 over 250
// varied requests, and how well the rankings agree with the generator's labels.
//
//   npx tsx scripts/bench/matching.ts                 SQLite (a file in the temp folder)
//   npx tsx scripts/bench/matching.ts --postgres      and PostgreSQL: BENCH_POSTGRES_URL, or the CI
//                                                     server; makes and drops jejaring_matchbench
//   npx tsx scripts/bench/matching.ts --measure       (internal) seed and measure DATABASE_URL,
//                                                     print one JSON line
// `npm run bench` runs it too (run.ts), on PostgreSQL when BENCH_POSTGRES_URL is set.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { measureOnBoth } from "./child";
import { generateWorld } from "../../tests/support/match-world";
import { seedWorld } from "../../tests/support/match-world-db";

const GROUPS = 1000;
const PRODUCTS_PER_GROUP = 10;
const REQUESTS = 250;
const WARM_UP = 20;
const TARGET_P95_MS = 100;
const DEFAULT_POSTGRES = "postgresql://jejaring_ci:jejaring_ci@localhost:5432/postgres";
const PG_DATABASE = "jejaring_matchbench";

type Stats = { p50: number; p95: number; max: number };
export type MatchingResult = {
  database: string;
  groups: number;
  products: number;
  orders: number;
  seedSeconds: number;
  requests: number;
  rank: Stats;
  baseline: Stats;
  /** Mean groups ranked, and left out with a reason, per request. */
  ranked: number;
  excluded: number;
  precisionAt3: number;
  recallAt5: number;
};

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function stats(times: number[]): Stats {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted[sorted.length - 1] ?? 0 };
}

/** In a child process whose DATABASE_URL names a migrated database with the demo: seed, then measure. */
async function measure(): Promise<MatchingResult> {
  const { db, dbKind, disconnectDb } = await import("~/.server/db/client");
  const { rankForRequest } = await import("~/.server/matching/candidates");
  const { searchCatalog } = await import("~/.server/catalog/search");
  const world = generateWorld({
    seed: 20261203,
    groups: GROUPS,
    productsPerGroup: PRODUCTS_PER_GROUP,
    requests: REQUESTS,
    now: new Date(),
  });
  const started = Date.now();
  const groupIds = await seedWorld(db, world);
  const seedSeconds = (Date.now() - started) / 1000;
  if (dbKind === "postgres") await db.$executeRawUnsafe("ANALYZE");
  const worldIdOf = new Map([...groupIds].map(([worldId, dbId]) => [dbId, worldId]));
  const categories = new Map(
    (await db.category.findMany({ select: { id: true, slug: true } })).map((c) => [c.slug, c.id]),
  );
  const villages = new Map(
    (await db.area.findMany({ where: { level: "VILLAGE" }, select: { id: true, code: true } })).map((a) => [
      a.code,
      a.id,
    ]),
  );
  const asked = world.requests.map((request) => ({
    request,
    toMatch: {
      title: request.title,
      categoryId: request.category ? (categories.get(request.category) ?? null) : null,
      quantity: request.quantity,
      neededBy: request.neededBy,
      villageId: villages.get(request.village.code) as string,
      radiusKm: request.radiusKm,
    },
  }));

  for (const { request, toMatch } of asked.slice(0, WARM_UP)) {
    await searchCatalog({ text: request.title, page: 1 }, world.now);
    await rankForRequest(toMatch, world.now);
  }
  const rankTimes: number[] = [];
  const baselineTimes: number[] = [];
  let ranked = 0;
  let excluded = 0;
  let precision = 0;
  let recall = 0;
  // Interleaved, so a drift in the shared machine's speed touches both alike.
  for (const { request, toMatch } of asked) {
    let t0 = performance.now();
    await searchCatalog({ text: request.title, page: 1 }, world.now);
    baselineTimes.push(performance.now() - t0);
    t0 = performance.now();
    const ranking = await rankForRequest(toMatch, world.now);
    rankTimes.push(performance.now() - t0);
    ranked += ranking.matches.length;
    excluded += ranking.excluded.length;
    const top = ranking.matches.map((match) => worldIdOf.get(match.groupId) ?? match.groupId);
    const top3 = top.slice(0, 3);
    const top5 = top.slice(0, 5);
    precision += top3.length ? top3.filter((g) => request.invite.includes(g)).length / top3.length : 0;
    recall += top5.filter((g) => request.invite.includes(g)).length / Math.min(5, request.invite.length);
  }
  const result: MatchingResult = {
    database: dbKind === "postgres" ? "PostgreSQL" : "SQLite",
    groups: await db.group.count(),
    products: await db.product.count(),
    orders: await db.order.count(),
    seedSeconds,
    requests: asked.length,
    rank: stats(rankTimes),
    baseline: stats(baselineTimes),
    ranked: ranked / asked.length,
    excluded: excluded / asked.length,
    precisionAt3: precision / asked.length,
    recallAt5: recall / asked.length,
  };
  await disconnectDb();
  return result;
}

/** Runs the bench on SQLite and, given a server URL, on PostgreSQL; returns the report's section. */
export async function matchingBench(options: {
  postgresUrl?: string | null;
  log?: (text: string) => void;
}): Promise<{ lines: string[]; results: MatchingResult[] }> {
  const log = options.log ?? ((text: string) => console.log(`[bench] ${text}`));
  const results = await measureOnBoth<MatchingResult>({
    script: "scripts/bench/matching.ts",
    label: "matching",
    sqliteFile: "jejaring-matchbench.db",
    pgDatabase: PG_DATABASE,
    postgresUrl: options.postgresUrl,
    log,
  });

  const ms = (value: number) => value.toFixed(1);
  const lines = [
    "## Matching a request",
    "",
    `In process (no HTTP): \`rankForRequest\` for ${REQUESTS} generated requests (after ${WARM_UP} to warm up), one at a time, over ${GROUPS} generated groups with ${PRODUCTS_PER_GROUP} products each (tests/support/match-world.ts; villages across Kabupaten Bandung Barat, stock, capacity booked, finished orders and ratings, recent invites) plus the demo. Baseline: the plain catalog search (\`searchCatalog\`, page 1) for the same request's title, interleaved with it in the same run. P@3 / R@5: the rankings against the generator's labels (decision 010).`,
    "",
    "| database | groups | products | orders | rank p50 ms | rank p95 ms | max ms | search p50 ms | search p95 ms | p95 × search | ranked / left out | P@3 | R@5 | target p95 ≤ 100 ms |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ...results.map(
      (r) =>
        `| ${r.database} | ${r.groups} | ${r.products} | ${r.orders} | ${ms(r.rank.p50)} | ${ms(r.rank.p95)} | ${ms(r.rank.max)} | ${ms(r.baseline.p50)} | ${ms(r.baseline.p95)} | ${(r.rank.p95 / Math.max(0.001, r.baseline.p95)).toFixed(2)} | ${r.ranked.toFixed(1)} / ${r.excluded.toFixed(1)} | ${r.precisionAt3.toFixed(3)} | ${r.recallAt5.toFixed(3)} | ${r.rank.p95 <= TARGET_P95_MS ? "met" : "NOT met"} |`,
    ),
    ...(results.some((r) => r.database === "PostgreSQL")
      ? []
      : ["| PostgreSQL | not run (pass --postgres or set BENCH_POSTGRES_URL) | | | | | | | | | | | | |"]),
    "",
  ];
  return { lines, results };
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain && process.argv.includes("--measure")) {
  console.log(JSON.stringify(await measure()));
  process.exit(0);
} else if (isMain) {
  const flag = process.argv.find((arg) => arg.startsWith("--postgres"));
  const postgresUrl = flag
    ? flag.includes("=")
      ? flag.slice(flag.indexOf("=") + 1)
      : (process.env.BENCH_POSTGRES_URL ?? DEFAULT_POSTGRES)
    : null;
  const { lines } = await matchingBench({ postgresUrl });
  const report = [
    `# Matching benchmark ${new Date().toISOString().slice(0, 10)}`,
    "",
    `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "unknown CPU"}, Node ${process.version}.`,
    "",
    ...lines,
  ].join("\n");
  const out = path.join("bench", "results", `${new Date().toISOString().slice(0, 10)}-matching.md`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, report);
  console.log(`\n${report}\nWritten to ${out}`);
  process.exit(0);
}
