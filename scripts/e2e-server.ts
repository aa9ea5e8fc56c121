// Starts the built app on a fresh, seeded database for the browser tests: a new SQLite file, or,
// when DATABASE_URL is a PostgreSQL URL, a new database next to the one it names.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { dropStaleRunDatabases, runDatabasePrefix } from "./db/run-databases";
import { e2eDatabaseUrlFile } from "../tests/e2e/database-url";

/** A database of this run's own: a PostgreSQL database named for the run, or a fresh SQLite file. */
async function freshDatabaseUrl(): Promise<string> {
  const url = process.env.DATABASE_URL ?? "";
  if (/^postgres(ql)?:\/\//.test(url)) {
    const name = runDatabasePrefix("e2e");
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await dropStaleRunDatabases(admin);
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    // `npm test` drops it when the browser tests are over (scripts/test.js).
    const e2e = new URL(url);
    e2e.pathname = `/${name}`;
    return e2e.toString();
  }
  const file = path.join(os.tmpdir(), `jejaring-e2e-${process.pid}.db`);
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${file}${suffix}`, { force: true });
  return `file:${file}`;
}

const databaseUrl = await freshDatabaseUrl();
process.env.DATABASE_URL = databaseUrl;
fs.writeFileSync(e2eDatabaseUrlFile(), databaseUrl);
const prepared = spawnSync(process.execPath, ["--import", "tsx", "scripts/prepare-db.ts"], {
  stdio: "inherit",
  env: process.env,
});
if (prepared.status !== 0) process.exit(prepared.status ?? 1);
await import("../server/index.js");
