// Brings the database up to date before the app starts: applies migrations (SQLite or PostgreSQL,
// by DATABASE_URL), and on a database with no data yet seeds the demo. `--no-seed` skips the demo.
import { parseEnv } from "~/.server/env-schema";
import { databaseTarget } from "~/.server/db/target";
import { prismaOrExit } from "./db/prisma";

try {
  parseEnv(process.env);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

const target = databaseTarget(process.env.DATABASE_URL);
console.log(target.kind === "sqlite" ? `Database: SQLite file ${target.file}` : "Database: PostgreSQL");
prismaOrExit(["migrate", "deploy"], { DATABASE_URL: target.url });

const { db, disconnectDb } = await import("~/.server/db/client");
if (target.kind === "sqlite") {
  // Readers do not wait for the writer, and a busy database is waited for rather than failed.
  await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
}
const { fillMissingSearchText, repairSqliteSearchIndex } = await import("~/.server/catalog/search-index");
const filled = await fillMissingSearchText();
if (filled > 0) console.log(`Indexed ${filled} products for search.`);
if (await repairSqliteSearchIndex()) console.log("The search index did not match the products: rebuilt it.");
if (!process.argv.includes("--no-seed")) {
  const { isSeeded, seedDemo } = await import("./seed/seed");
  const { printDemoAccounts } = await import("./seed/accounts");
  if (!(await isSeeded(db))) {
    const started = Date.now();
    console.log("First run: seeding the demo (Desa Jayagiri, Lembang)…");
    await seedDemo(db);
    console.log(`Seeded in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  }
  printDemoAccounts();
}
await disconnectDb();
