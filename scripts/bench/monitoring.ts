// TKM monitoring over a district (issue 12, "Exactness and scale"): 500 groups, 5,000 businesses and
// 1,000,000 orders over three years, with their payments and cash-book lines (order income, a
// refund now and then, monthly materials and transport). The rows are written straight into the
// tables in bulk (multi-row batches; a fixture, as the seed is: the app never writes them but one
// by one through its own functions), then the (group, month) summaries are built once by
// rebuildSummaries, as the seed does. Then, in the same run, 30 calls each after 3 to warm up:
// - the baseline: a single-row primary-key read (a group by id);
// - the facts alone: monitoring/facts groupMonthFacts for a month, a quarter and a year;
// - the pages' loaders for the whole district as its TKM team sees it: the dashboard (indicators,
//   charts, groups table and flags) for this month and the last 12 months, the network picture of
//   the last 12 months laid out afresh and from the layout cache, and the period report;
// and, once each, the rebuild and the summaries' reconcile check (EXCEPT both ways).
// BENCH_MONITORING_REUSE=1 on a database an earlier `--measure` filled skips the fill.
// `tsx scripts/bench/monitoring.ts [--postgres[=URL]]` writes bench/results/<date>-monitoring.md;
// scripts/bench/run.ts includes it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { measureOnBoth } from "./child";

const GROUPS = Number(process.env.BENCH_MONITORING_GROUPS ?? 500);
const BUSINESSES = Number(process.env.BENCH_MONITORING_BUSINESSES ?? 5_000);
const ORDERS = Number(process.env.BENCH_MONITORING_ORDERS ?? 1_000_000);
const MONTHS = 36;
const BUYERS_PER_GROUP = 12;
const ROUNDS = 30;
const WARM_UP = 3;
const TARGET_MS = 300;
const DEFAULT_POSTGRES = "postgresql://jejaring_ci:jejaring_ci@localhost:5432/postgres";
const PG_DATABASE = "jejaring_monitoringbench";
const DAY = 24 * 60 * 60 * 1000;

type Timing = { p50: number; p95: number; rows: number };

export type MonitoringBenchResult = {
  database: string;
  nodeEnv: string;
  groups: number;
  businesses: number;
  orders: number;
  payments: number;
  cashLines: number;
  groupMonths: number;
  links: number;
  fillSeconds: number;
  rebuildSeconds: number;
  checkSeconds: number;
  checkDifferences: number;
  timings: Record<string, Timing>;
};

type Value = string | number | null;
type Table = { name: string; columns: string[]; types: string[]; rows: Value[][] };

/** A writer of row batches: better-sqlite3 prepared statements, or PostgreSQL unnest() batches. */
type Sink = { write(table: Table): Promise<void>; close(): Promise<void> };

async function openSink(databaseUrl: string): Promise<Sink> {
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) {
    const { default: pg } = await import("pg");
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query("BEGIN");
    return {
      async write(table) {
        if (table.rows.length === 0) return;
        const list = table.columns.map((c) => `"${c}"`).join(", ");
        const unnest = table.types.map((type, k) => `$${k + 1}::${type}[]`).join(", ");
        const params = table.columns.map((_, k) => table.rows.map((row) => row[k] ?? null));
        await client.query(`INSERT INTO "${table.name}" (${list}) SELECT * FROM unnest(${unnest})`, params);
      },
      async close() {
        await client.query("COMMIT");
        await client.end();
      },
    };
  }
  const { default: Database } = await import("better-sqlite3");
  const sqlite = new Database(databaseUrl.replace(/^file:/, ""));
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = OFF");
  const statements = new Map<string, { run: (...params: Value[]) => unknown }>();
  // As the app's driver adapter stores instants: ISO text with an explicit UTC offset.
  const stored = (value: Value) =>
    typeof value === "string" && /^\d{4}-\d\d-\d\dT.*Z$/.test(value) ? value.replace("Z", "+00:00") : value;
  return {
    async write(table) {
      const key = `${table.name}:${table.columns.join(",")}`;
      const insert =
        statements.get(key) ??
        sqlite.prepare<Value[]>(
          `INSERT INTO "${table.name}" (${table.columns.map((c) => `"${c}"`).join(", ")}) VALUES (${table.columns.map(() => "?").join(", ")})`,
        );
      statements.set(key, insert);
      sqlite.transaction(() => {
        for (const row of table.rows) insert.run(...row.map(stored));
      })();
    },
    async close() {
      sqlite.close();
    },
  };
}

/** Writes the district: groups, businesses, and per group its orders, payments and cash lines. */
async function fill(
  databaseUrl: string,
  now: Date,
  area: { districtPath: string; villageIds: string[] },
  userId: string,
) {
  const sink = await openSink(databaseUrl);
  let seed = 1207;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const iso = (ms: number) => new Date(ms).toISOString();
  const stamp = iso(now.getTime());
  const groups = Array.from({ length: GROUPS }, (_, g) => `bench-mon-g${g}`);
  // Verified groups that joined when their history starts (their first months are the report's
  // "before").
  const joined = iso(now.getTime() - MONTHS * 30 * DAY);
  await sink.write({
    name: "Group",
    columns: ["id", "slug", "name", "villageId", "createdAt", "joinedAt", "verifiedAt"],
    types: ["text", "text", "text", "text", "timestamp", "timestamp", "timestamp"],
    rows: groups.map((id, g) => [
      id,
      `kube-bench-${g}`,
      `KUBE Bench ${g}`,
      area.villageIds[g % area.villageIds.length] as string,
      joined,
      joined,
      joined,
    ]),
  });
  const businesses = Array.from({ length: BUSINESSES }, (_, b) => `bench-mon-b${b}`);
  await sink.write({
    name: "Business",
    columns: ["id", "slug", "name", "kind", "villageId", "createdAt"],
    types: ["text", "text", "text", '"BusinessKind"', "text", "timestamp"],
    rows: businesses.map((id, b) => [
      id,
      `usaha-bench-${b}`,
      `Usaha Bench ${b}`,
      "TOKO_OLEH_OLEH",
      area.villageIds[b % area.villageIds.length] as string,
      stamp,
    ]),
  });

  const span = MONTHS * 30 * DAY;
  const start = now.getTime() - span;
  const perGroup = Math.floor(ORDERS / GROUPS);
  let orders = 0;
  let payments = 0;
  let cashLines = 0;
  for (const [g, groupId] of groups.entries()) {
    // Each group sells to a dozen businesses of its own neighbourhood (neighbours share some).
    const pool = Array.from(
      { length: BUYERS_PER_GROUP },
      (_, k) => businesses[(g * 10 + k * 7) % businesses.length] as string,
    );
    const orderRows: Value[][] = [];
    const paymentRows: Value[][] = [];
    const lineRows: Value[][] = [];
    const count = g === GROUPS - 1 ? ORDERS - perGroup * (GROUPS - 1) : perGroup;
    for (let k = 0; k < count; k++) {
      const placedAt = start + Math.floor(random() * span);
      const wantedBy = placedAt + (3 + Math.floor(random() * 10)) * DAY;
      const total = 1_000 * (20 + Math.floor(random() * 480));
      const roll = random();
      const status =
        placedAt > now.getTime() - 10 * DAY
          ? "CONFIRMED"
          : roll < 0.05
            ? "REJECTED"
            : roll < 0.1
              ? "CANCELLED"
              : "COMPLETED";
      const delivered = status === "COMPLETED" ? wantedBy + Math.floor((random() - 0.8) * 6 * DAY) : null;
      const id = `bench-mon-o${g}-${k}`;
      const paid = status === "COMPLETED" ? total : 0;
      orderRows.push([
        id,
        `BM-${g}-${k}`,
        groupId,
        pool[Math.floor(random() * pool.length)] as string,
        userId,
        status,
        "BANK_TRANSFER",
        total,
        total,
        paid,
        paid > 0 ? "PAID" : "UNPAID",
        iso(placedAt),
        iso(wantedBy),
        delivered === null ? null : iso(delivered),
        iso(placedAt),
      ]);
      if (paid > 0) {
        const paymentId = `bench-mon-p${g}-${k}`;
        const receivedAt = (delivered ?? placedAt) + DAY;
        const refund = random() < 0.02 ? 1_000 * (1 + Math.floor(random() * 10)) : 0;
        paymentRows.push([
          paymentId,
          id,
          groupId,
          "BANK_TRANSFER",
          "SUCCEEDED",
          paid,
          refund,
          `bm-${g}-${k}`,
          iso(receivedAt),
        ]);
        const lineId = `bench-mon-c${g}-${k}`;
        lineRows.push([lineId, groupId, "INCOME", "ORDER", paid, iso(receivedAt), paymentId, null]);
        if (refund > 0) {
          lineRows.push([
            `${lineId}-r`,
            groupId,
            "EXPENSE",
            "REFUND",
            refund,
            iso(receivedAt + 2 * DAY),
            null,
            lineId,
          ]);
        }
      }
    }
    // The books beside the orders: materials and transport every month.
    for (let m = 0; m < MONTHS; m++) {
      const at = start + m * 30 * DAY + 5 * DAY;
      lineRows.push([
        `bench-mon-m${g}-${m}`,
        groupId,
        "EXPENSE",
        "MATERIALS",
        150_000 + m * 1_000,
        iso(at),
        null,
        null,
      ]);
      lineRows.push([
        `bench-mon-t${g}-${m}`,
        groupId,
        "EXPENSE",
        "TRANSPORT",
        40_000,
        iso(at + DAY),
        null,
        null,
      ]);
    }
    await sink.write({
      name: "Order",
      columns: [
        "id",
        "number",
        "groupId",
        "businessId",
        "placedById",
        "status",
        "paymentMethod",
        "subtotal",
        "total",
        "amountPaid",
        "paymentStatus",
        "placedAt",
        "wantedBy",
        "deliveredAt",
        "updatedAt",
      ],
      types: [
        "text",
        "text",
        "text",
        "text",
        "text",
        '"OrderStatus"',
        '"PaymentMethod"',
        "int",
        "int",
        "int",
        '"PaymentStatus"',
        "timestamp",
        "timestamp",
        "timestamp",
        "timestamp",
      ],
      rows: orderRows,
    });
    await sink.write({
      name: "Payment",
      columns: [
        "id",
        "orderId",
        "groupId",
        "method",
        "state",
        "amount",
        "refundedAmount",
        "idempotencyKey",
        "receivedAt",
      ],
      types: ["text", "text", "text", '"PaymentMethod"', '"PaymentState"', "int", "int", "text", "timestamp"],
      rows: paymentRows,
    });
    await sink.write({
      name: "CashEntry",
      columns: ["id", "groupId", "kind", "category", "amount", "occurredAt", "paymentId", "reversesId"],
      types: ["text", "text", '"CashKind"', '"CashCategory"', "int", "timestamp", "text", "text"],
      rows: lineRows,
    });
    orders += orderRows.length;
    payments += paymentRows.length;
    cashLines += lineRows.length;
  }
  await sink.close();
  return { orders, payments, cashLines };
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function time(run: () => Promise<unknown[] | { length: number } | unknown>): Promise<Timing> {
  for (let i = 0; i < WARM_UP; i++) await run();
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < ROUNDS; i++) {
    const t0 = performance.now();
    const value = await run();
    times.push(performance.now() - t0);
    rows = Array.isArray(value) ? value.length : rows;
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), rows };
}

/**
 * In a child process whose DATABASE_URL names a migrated database with the demo: fill, then time.
 * With BENCH_MONITORING_REUSE=1 and the district already written (an earlier run kept its
 * database), the fill and rebuild are skipped and only the timings are taken again.
 */
async function measure(): Promise<MonitoringBenchResult> {
  const databaseUrl = process.env.DATABASE_URL as string;
  const { db, dbKind, disconnectDb } = await import("~/.server/db/client");
  const { rebuildSummaries } = await import("~/.server/ledger/summaries-rebuild");
  const { summaryDifferences } = await import("~/.server/ledger/summaries-check");
  const facts = await import("~/.server/monitoring/facts");
  const { monitoringDashboard } = await import("~/.server/monitoring/dashboard");
  const { currentMonthPeriod, quickPeriods } = await import("~/.server/monitoring/periods");
  const { networkPicture, forgetLayouts } = await import("~/.server/network/graph");
  const { periodReport } = await import("~/.server/reports/period-report");
  const { wibMonthKey } = await import("~/utils/time");
  const now = new Date();
  const district = await db.area.findFirstOrThrow({
    where: { level: "DISTRICT" },
    select: { id: true, path: true, name: true },
  });
  const villages = await db.area.findMany({
    where: { level: "VILLAGE", path: { startsWith: district.path } },
    select: { id: true },
  });
  const user = await db.user.findFirstOrThrow({ select: { id: true } });
  const reuse = process.env.BENCH_MONITORING_REUSE === "1" && (await db.order.count()) >= ORDERS;
  let filled = { orders: 0, payments: 0, cashLines: 0 };
  let fillSeconds = 0;
  let rebuildSeconds = 0;
  if (reuse) {
    const [orders, payments, cashLines] = await Promise.all([
      db.order.count(),
      db.payment.count(),
      db.cashEntry.count(),
    ]);
    filled = { orders, payments, cashLines };
  } else {
    const t0 = performance.now();
    filled = await fill(
      databaseUrl,
      now,
      { districtPath: district.path, villageIds: villages.map((v) => v.id) },
      user.id,
    );
    fillSeconds = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    await rebuildSummaries(db);
    rebuildSeconds = (performance.now() - t1) / 1000;
    // Statistics as a running database keeps them (autovacuum, optimize); right after a bulk load
    // PostgreSQL would plan with none.
    await db.$executeRawUnsafe("ANALYZE");
  }
  const t2 = performance.now();
  const differences = await summaryDifferences(db);
  const checkSeconds = (performance.now() - t2) / 1000;

  const area = district.path;
  const tenant = { areaPath: area };
  const month = wibMonthKey(now);
  const { addMonths } = await import("~/.server/monitoring/months");
  const quarterFrom = addMonths(month, -2);
  const yearFrom = addMonths(month, -11);
  const thisMonth = currentMonthPeriod(now);
  const lastTwelve = quickPeriods(now).find((choice) => choice.key === "mon.period.last_12")?.period;
  if (!lastTwelve) throw new Error("no last-twelve-months period");
  // The district's TKM team: it names partners, as TKM Lembang does.
  const scope = {
    kind: "tkm" as const,
    areaPath: area,
    areaName: district.name,
    teamId: null,
    namesPartners: true,
  };
  const someGroup = "bench-mon-g250";
  const baseline = () => db.group.findUnique({ where: { id: someGroup }, select: { id: true, name: true } });
  const timings: Record<string, Timing> = {};
  timings.baselineBefore = await time(baseline);
  timings.dashboardMonth = await time(() => facts.groupMonthFacts(area, month, month));
  timings.dashboardQuarter = await time(() => facts.groupMonthFacts(area, quarterFrom, month));
  timings.dashboardYear = await time(() => facts.groupMonthFacts(area, yearFrom, month));
  timings.dashboardPageMonth = await time(
    async () => (await monitoringDashboard(tenant, thisMonth, 1, now)).groups.rows,
  );
  timings.dashboardPageYear = await time(
    async () => (await monitoringDashboard(tenant, lastTwelve, 1, now)).groups.rows,
  );
  const span = { from: lastTwelve.from, to: lastTwelve.to };
  // Laid out afresh every call: what the first officer after a new order waits for.
  timings.networkCold = await time(async () => {
    forgetLayouts();
    return (await networkPicture({ areaPath: area, namesPartners: true }, span)).nodes;
  });
  timings.networkCached = await time(
    async () => (await networkPicture({ areaPath: area, namesPartners: true }, span)).nodes,
  );
  timings.report = await time(async () => (await periodReport(scope, null, lastTwelve, now)).beforeAfter);
  timings.baselineAfter = await time(baseline);
  const [groupMonths, links] = await Promise.all([db.groupMonth.count(), db.groupBuyerMonth.count()]);
  await disconnectDb();
  return {
    database: dbKind === "postgres" ? "PostgreSQL" : "SQLite",
    nodeEnv: process.env.NODE_ENV ?? "",
    groups: GROUPS,
    businesses: BUSINESSES,
    ...filled,
    groupMonths,
    links,
    fillSeconds,
    rebuildSeconds,
    checkSeconds,
    checkDifferences: differences.length,
    timings,
  };
}

const LABELS: [string, string][] = [
  ["dashboardMonth", "dashboard facts, one month"],
  ["dashboardQuarter", "dashboard facts, a quarter"],
  ["dashboardYear", "dashboard facts, a year"],
  ["dashboardPageMonth", "TKM dashboard /tkm, this month (indicators, charts, groups and flags)"],
  ["dashboardPageYear", "TKM dashboard /tkm, the last 12 months"],
  ["networkCold", "network picture, last 12 months, laid out afresh"],
  ["networkCached", "network picture, last 12 months, layout cached"],
  ["report", "period report, last 12 months (before/after, indicators, charts, flags)"],
];

export async function monitoringBench(options: {
  postgresUrl?: string | null;
  log?: (text: string) => void;
}): Promise<{ lines: string[]; results: MonitoringBenchResult[] }> {
  const log = options.log ?? ((text: string) => console.log(`[bench] ${text}`));
  const results = await measureOnBoth<MonitoringBenchResult>({
    script: "scripts/bench/monitoring.ts",
    label: `TKM monitoring over ${ORDERS.toLocaleString("en")} orders`,
    sqliteFile: "jejaring-monitoringbench.db",
    pgDatabase: PG_DATABASE,
    postgresUrl: options.postgresUrl,
    log,
  });
  return { lines: describeMonitoring(results), results };
}

/** The report's section for these results (one per database). */
export function describeMonitoring(results: MonitoringBenchResult[]): string[] {
  const ms = (value: number) => value.toFixed(1);
  return [
    "## TKM monitoring over a district",
    "",
    `${GROUPS} groups in one district's villages, ${BUSINESSES.toLocaleString("en")} businesses (each group sells to ${BUYERS_PER_GROUP} of them), ${ORDERS.toLocaleString("en")} orders over ${MONTHS} months (5% rejected, 5% cancelled, the rest delivered, a fifth of them late, and paid: a payment and an order-income line each, 2% partly refunded), plus materials and transport every month — written in bulk, then the (group, month) summaries built by rebuildSummaries. In process (no HTTP), ${ROUNDS} calls after ${WARM_UP} to warm up; p50 / p95 ms. Baseline: a single-row primary-key read (a group by id), before and after, the worse of the two. The pages' rows time what each page's loader reads and computes (monitoring/dashboard monitoringDashboard, network/graph networkPicture, reports/period-report periodReport) for the whole district as its TKM team sees it; the "facts" rows are the (group, month) summaries alone.`,
    "",
    ...results.flatMap((r) => {
      const baseline = {
        p50: Math.max(r.timings.baselineBefore?.p50 ?? 0, r.timings.baselineAfter?.p50 ?? 0),
        p95: Math.max(r.timings.baselineBefore?.p95 ?? 0, r.timings.baselineAfter?.p95 ?? 0),
      };
      return [
        `### ${r.database} (NODE_ENV=${r.nodeEnv})`,
        "",
        `Rows: ${r.orders.toLocaleString("en")} orders, ${r.payments.toLocaleString("en")} payments, ${r.cashLines.toLocaleString("en")} cash lines; summaries ${r.groupMonths.toLocaleString("en")} GroupMonth and ${r.links.toLocaleString("en")} GroupBuyerMonth rows. Fill ${r.fillSeconds.toFixed(1)} s, rebuildSummaries ${r.rebuildSeconds.toFixed(1)} s, summaries check (npm run reconcile's) ${r.checkSeconds.toFixed(1)} s with ${r.checkDifferences} differences.`,
        "",
        "| data | rows | p50 ms | p95 ms | × baseline p95 | target p95 ≤ 300 ms |",
        "| --- | ---: | ---: | ---: | ---: | --- |",
        `| baseline: a group by primary key | 1 | ${ms(baseline.p50)} | ${ms(baseline.p95)} | 1 | |`,
        ...LABELS.map(([key, label]) => {
          const t = r.timings[key];
          if (!t) return `| ${label} | not run | | | | |`;
          const target =
            key === "networkCached" ? "(the same data seen again)" : t.p95 <= TARGET_MS ? "met" : "NOT met";
          return `| ${label} | ${t.rows} | ${ms(t.p50)} | ${ms(t.p95)} | ${(t.p95 / Math.max(0.001, baseline.p95)).toFixed(0)} | ${target} |`;
        }),
        "",
      ];
    }),
    ...(results.some((r) => r.database === "PostgreSQL")
      ? []
      : ["PostgreSQL: not run (pass --postgres or set BENCH_POSTGRES_URL).", ""]),
  ];
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
  // `--from-json a.json b.json`: the report from measurements taken one database at a time
  // (`DATABASE_URL=… tsx scripts/bench/monitoring.ts --measure > a.json` on a prepared database).
  const fromJson = process.argv.indexOf("--from-json");
  const lines =
    fromJson > 0
      ? describeMonitoring(
          process.argv
            .slice(fromJson + 1)
            .map((file) => JSON.parse(fs.readFileSync(file, "utf8").trim().split("\n").pop() as string)),
        )
      : (await monitoringBench({ postgresUrl })).lines;
  const report = [
    `# TKM monitoring benchmark ${new Date().toISOString().slice(0, 10)}`,
    "",
    `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "unknown CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}. Shared with other work while it ran: read the ratios as much as the numbers.`,
    "",
    ...lines,
  ].join("\n");
  const out = path.join("bench", "results", `${new Date().toISOString().slice(0, 10)}-monitoring.md`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, report);
  console.log(`\n${report}\nWritten to ${out}`);
  process.exit(0);
}
