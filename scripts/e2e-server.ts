// Starts the built app on a fresh, seeded database for the browser tests: a new SQLite file, or,
// when DATABASE_URL is a PostgreSQL URL, a new database next to the one it names.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

const E2E_DATABASE = "jejaring_e2e";

async function freshDatabaseUrl(): Promise<string> {
  const url = process.env.DATABASE_URL ?? "";
  if (/^postgres(ql)?:\/\//.test(url)) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${E2E_DATABASE}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${E2E_DATABASE}"`);
    await admin.end();
    const e2e = new URL(url);
    e2e.pathname = `/${E2E_DATABASE}`;
    return e2e.toString();
  }
  const file = path.join(os.tmpdir(), `jejaring-e2e-${process.pid}.db`);
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${file}${suffix}`, { force: true });
  return `file:${file}`;
}

const databaseUrl = await freshDatabaseUrl();
process.env.DATABASE_URL = databaseUrl;
fs.writeFileSync(path.join(os.tmpdir(), "jejaring-e2e-database-url"), databaseUrl);
const prepared = spawnSync(process.execPath, ["--import", "tsx", "scripts/prepare-db.ts"], {
  stdio: "inherit",
  env: process.env,
});
if (prepared.status !== 0) process.exit(prepared.status ?? 1);
await import("../server/index.js");
