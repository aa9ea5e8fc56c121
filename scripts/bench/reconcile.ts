// Reconciling the books over 1,000,000 cash-book lines (issue 11: `npm run reconcile` ≤ 30 s).
// A migrated database with the demo gets 1,000,000 more lines spread over ten years and the demo's
// groups — order income with the payment behind each line, partial refunds reversing some of
// them, other sales, materials and transport — written straight into the tables (a fixture, as
// the seed is; the app never writes the book but through app/.server/ledger). Then, in the same
// run: the baseline, a plain COUNT(*) over the cash book; the reconcile module over every group
// and month; and `npm run reconcile` end to end (a fresh process, as a person runs it).
// `tsx scripts/bench/reconcile.ts [--postgres[=URL]]` writes bench/results/<date>-reconcile.md;
// scripts/bench/run.ts includes it.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { measureOnBoth } from "./child";

const LINES = Number(process.env.BENCH_RECONCILE_LINES ?? 1_000_000);
const YEARS = 10;
const TARGET_SECONDS = 30;
const DEFAULT_POSTGRES = "postgresql://jejaring_ci:jejaring_ci@localhost:5432/postgres";
const PG_DATABASE = "jejaring_reconcilebench";

export type ReconcileBenchResult = {
  database: string;
  lines: number;
  payments: number;
  fillSeconds: number;
  baselineMs: number;
  reconcileMs: number;
  cliMs: number;
  months: number;
  groups: number;
  differences: number;
  firstDifference: string | null;
};

type Columns = Record<string, (string | number | null)[]>;

/** The generated rows, column by column: payments for order lines, then the cash lines. */
function generate(groups: { groupId: string; orderId: string | null }[], now: Date) {
  const payments: Columns = {
    id: [],
    orderId: [],
    groupId: [],
    amount: [],
    refundedAmount: [],
    idempotencyKey: [],
    receivedAt: [],
  };
  const lines: Columns = {
    id: [],
    groupId: [],
    kind: [],
    category: [],
    amount: [],
    occurredAt: [],
    paymentId: [],
    reversesId: [],
  };
  const span = YEARS * 365 * 24 * 3600 * 1000;
  const start = now.getTime() - span;
  let seed = 42;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const iso = (ms: number) => new Date(ms).toISOString();
  const push = (row: Record<string, string | number | null>) => {
    for (const [key, column] of Object.entries(lines)) column.push(row[key] ?? null);
  };
  let i = 0;
  while ((lines.id?.length ?? 0) < LINES) {
    const group = groups[i % groups.length] as { groupId: string; orderId: string | null };
    const at = start + Math.floor((i / LINES) * span) + Math.floor(random() * 3600_000);
    const amount = 1_000 * (5 + Math.floor(random() * 500));
    const roll = random();
    if (roll < 0.55 && group.orderId) {
      const paymentId = `bench-pay-${i}`;
      const lineId = `bench-ce-${i}`;
      const refund =
        random() < 0.05 && (lines.id?.length ?? 0) < LINES - 1 ? 1_000 * (1 + Math.floor(random() * 5)) : 0;
      payments.id?.push(paymentId);
      payments.orderId?.push(group.orderId);
      payments.groupId?.push(group.groupId);
      payments.amount?.push(amount);
      payments.refundedAmount?.push(refund);
      payments.idempotencyKey?.push(`bench-${i}`);
      payments.receivedAt?.push(iso(at));
      push({
        id: lineId,
        groupId: group.groupId,
        kind: "INCOME",
        category: "ORDER",
        amount,
        occurredAt: iso(at),
        paymentId,
      });
      if (refund > 0) {
        push({
          id: `bench-ce-${i}-r`,
          groupId: group.groupId,
          kind: "EXPENSE",
          category: "REFUND",
          amount: refund,
          occurredAt: iso(at + 3 * 24 * 3600_000),
          reversesId: lineId,
        });
      }
    } else if (roll < 0.75) {
      push({
        id: `bench-ce-${i}`,
        groupId: group.groupId,
        kind: "INCOME",
        category: "OTHER_SALES",
        amount,
        occurredAt: iso(at),
      });
    } else {
      const category = roll < 0.9 ? "MATERIALS" : "TRANSPORT";
      push({
        id: `bench-ce-${i}`,
        groupId: group.groupId,
        kind: "EXPENSE",
        category,
        amount: Math.floor(amount / 3),
        occurredAt: iso(at),
      });
    }
    i += 1;
  }
  return { payments, lines };
}

async function fill(databaseUrl: string, now: Date) {
  const postgres = /^postgres(ql)?:\/\//.test(databaseUrl);
  if (postgres) {
    const { default: pg } = await import("pg");
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const groups = await groupsWithAnOrder((sql) => client.query(sql).then((r) => r.rows));
    const { payments, lines } = generate(groups, now);
    await client.query("BEGIN");
    const BATCH = 50_000;
    const insert = async (
      table: string,
      columns: Columns,
      types: Record<string, string>,
      constant: { names: string; values: string } | null,
    ) => {
      const names = Object.keys(columns);
      const count = columns[names[0] as string]?.length ?? 0;
      for (let from = 0; from < count; from += BATCH) {
        const params = names.map((n) => columns[n]?.slice(from, from + BATCH));
        const list = names.map((n) => `"${n}"`).join(", ");
        const unnest = names.map((n, k) => `$${k + 1}::${types[n] ?? "text"}[]`).join(", ");
        await client.query(
          `INSERT INTO "${table}" (${list}${constant ? `, ${constant.names}` : ""})
           SELECT *${constant ? `, ${constant.values}` : ""} FROM unnest(${unnest})`,
          params,
        );
      }
    };
    await insert(
      "Payment",
      payments,
      { amount: "int", refundedAmount: "int", receivedAt: "timestamp" },
      { names: `"method", "state"`, values: `'BANK_TRANSFER'::"PaymentMethod", 'SUCCEEDED'::"PaymentState"` },
    );
    await insert(
      "CashEntry",
      lines,
      { amount: "int", occurredAt: "timestamp", kind: '"CashKind"', category: '"CashCategory"' },
      null,
    );
    await client.query("COMMIT");
    await client.query('ANALYZE "CashEntry"');
    await client.query('ANALYZE "Payment"');
    await client.end();
    return { lines: lines.id?.length ?? 0, payments: payments.id?.length ?? 0 };
  }
  const { default: Database } = await import("better-sqlite3");
  const sqlite = new Database(databaseUrl.replace(/^file:/, ""));
  const groups = await groupsWithAnOrder(
    async (sql) => sqlite.prepare(sql).all() as Record<string, unknown>[],
  );
  const { payments, lines } = generate(groups, now);
  // As the app's driver adapter stores instants: ISO text with an explicit UTC offset.
  const stored = (value: string | number | null) =>
    typeof value === "string" && /^\d{4}-\d\d-\d\dT.*Z$/.test(value) ? value.replace("Z", "+00:00") : value;
  const insertPayment = sqlite.prepare(
    `INSERT INTO "Payment" ("id", "orderId", "groupId", "amount", "refundedAmount", "idempotencyKey", "receivedAt", "method", "state")
     VALUES (?, ?, ?, ?, ?, ?, ?, 'BANK_TRANSFER', CASE WHEN ? > 0 AND ? >= ? THEN 'REFUNDED' ELSE 'SUCCEEDED' END)`,
  );
  const insertLine = sqlite.prepare(
    `INSERT INTO "CashEntry" ("id", "groupId", "kind", "category", "amount", "occurredAt", "paymentId", "reversesId")
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  sqlite.transaction(() => {
    const p = payments;
    for (let k = 0; k < (p.id?.length ?? 0); k++) {
      const refunded = p.refundedAmount?.[k] ?? 0;
      insertPayment.run(
        p.id?.[k],
        p.orderId?.[k],
        p.groupId?.[k],
        p.amount?.[k],
        refunded,
        p.idempotencyKey?.[k],
        stored(p.receivedAt?.[k] ?? null),
        refunded,
        refunded,
        p.amount?.[k],
      );
    }
    const l = lines;
    for (let k = 0; k < (l.id?.length ?? 0); k++) {
      insertLine.run(
        l.id?.[k],
        l.groupId?.[k],
        l.kind?.[k],
        l.category?.[k],
        l.amount?.[k],
        stored(l.occurredAt?.[k] ?? null),
        l.paymentId?.[k] ?? null,
        l.reversesId?.[k] ?? null,
      );
    }
  })();
  sqlite.exec("ANALYZE");
  sqlite.close();
  return { lines: lines.id?.length ?? 0, payments: payments.id?.length ?? 0 };
}

/** The demo's groups, each with one of its orders (order lines need a payment, a payment an order). */
async function groupsWithAnOrder(query: (sql: string) => Promise<Record<string, unknown>[]>) {
  const rows = await query(
    `SELECT g."id" AS "groupId", (SELECT o."id" FROM "Order" o WHERE o."groupId" = g."id" ORDER BY o."id" LIMIT 1) AS "orderId"
     FROM "Group" g ORDER BY g."id"`,
  );
  return rows.map((r) => ({ groupId: String(r.groupId), orderId: r.orderId ? String(r.orderId) : null }));
}

/** In a child process whose DATABASE_URL names a migrated database with the demo: fill, then time. */
async function measure(): Promise<ReconcileBenchResult> {
  const databaseUrl = process.env.DATABASE_URL as string;
  const now = new Date();
  const t0 = performance.now();
  const filled = await fill(databaseUrl, now);
  const fillSeconds = (performance.now() - t0) / 1000;
  const { db, dbKind, disconnectDb } = await import("~/.server/db/client");
  const { reconcile, describeDifference } = await import("~/.server/ledger/reconcile");
  const { incomeByMonthForArea } = await import("~/.server/reports/income");
  const timed = async <T>(work: () => Promise<T>) => {
    const started = performance.now();
    const value = await work();
    return { ms: performance.now() - started, value };
  };
  // Warm the connection and the page cache the same way for both, then baseline, module, baseline.
  await db.$queryRawUnsafe(`SELECT COUNT(*) AS "n" FROM "CashEntry"`);
  const before = await timed(() => db.$queryRawUnsafe(`SELECT COUNT(*) AS "n" FROM "CashEntry"`));
  const result = await timed(() => reconcile({}, incomeByMonthForArea, now));
  const after = await timed(() => db.$queryRawUnsafe(`SELECT COUNT(*) AS "n" FROM "CashEntry"`));
  await disconnectDb();
  const cliStarted = performance.now();
  const cli = spawnSync(process.execPath, ["--import", "tsx", "scripts/reconcile.ts"], {
    env: process.env,
    encoding: "utf8",
  });
  const cliMs = performance.now() - cliStarted;
  if (cli.status === 2 || cli.status === null) throw new Error(`npm run reconcile failed: ${cli.stderr}`);
  const first = result.value.differences[0];
  return {
    database: dbKind === "postgres" ? "PostgreSQL" : "SQLite",
    lines: filled.lines,
    payments: filled.payments,
    fillSeconds,
    baselineMs: (before.ms + after.ms) / 2,
    reconcileMs: result.ms,
    cliMs,
    months: result.value.months.length,
    groups: result.value.groups,
    differences: result.value.differences.length,
    firstDifference: first ? describeDifference(first) : null,
  };
}

export async function reconcileBench(options: {
  postgresUrl?: string | null;
  log?: (text: string) => void;
}): Promise<{ lines: string[]; results: ReconcileBenchResult[] }> {
  const log = options.log ?? ((text: string) => console.log(`[bench] ${text}`));
  const results = await measureOnBoth<ReconcileBenchResult>({
    script: "scripts/bench/reconcile.ts",
    label: "reconcile over 1,000,000 cash lines",
    sqliteFile: "jejaring-reconcilebench.db",
    pgDatabase: PG_DATABASE,
    postgresUrl: options.postgresUrl,
    log,
  });
  const s = (ms: number) => (ms / 1000).toFixed(2);
  const lines = [
    "## Reconciling the books",
    "",
    `The demo plus ${LINES.toLocaleString("en")} generated cash-book lines over ${YEARS} years (order income with its payment, 5% of them partly refunded, other sales, materials, transport), every group, every month. Baseline: \`SELECT COUNT(*)\` over the cash book, before and after, in the same process. "module": \`reconcile()\` in process; "npm run reconcile": a fresh process end to end.`,
    "",
    "| database | cash lines | payments | fill s | baseline COUNT(*) ms | module s | × baseline | npm run reconcile s | months | differences | target ≤ 30 s |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ...results.map(
      (r) =>
        `| ${r.database} | ${r.lines} | ${r.payments} | ${r.fillSeconds.toFixed(1)} | ${r.baselineMs.toFixed(1)} | ${s(r.reconcileMs)} | ${(r.reconcileMs / Math.max(0.001, r.baselineMs)).toFixed(0)} | ${s(r.cliMs)} | ${r.months} | ${r.differences} | ${r.cliMs <= TARGET_SECONDS * 1000 ? "met" : "NOT met"} |`,
    ),
    ...(results.some((r) => r.database === "PostgreSQL")
      ? []
      : ["| PostgreSQL | not run (pass --postgres or set BENCH_POSTGRES_URL) | | | | | | | | | |"]),
    ...results.flatMap((r) =>
      r.firstDifference ? [``, `${r.database}, first difference: ${r.firstDifference}`] : [],
    ),
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
  const { lines } = await reconcileBench({ postgresUrl });
  const report = [
    `# Reconcile benchmark ${new Date().toISOString().slice(0, 10)}`,
    "",
    `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "unknown CPU"}, Node ${process.version}.`,
    "",
    ...lines,
  ].join("\n");
  const out = path.join("bench", "results", `${new Date().toISOString().slice(0, 10)}-reconcile.md`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, report);
  console.log(`\n${report}\nWritten to ${out}`);
  process.exit(0);
}
