// What the in-process benches (matching, book, reconcile) share: each measures in a child process
// on a freshly migrated database — a SQLite file in the temp folder, and, given a server, a
// throwaway PostgreSQL database made and dropped around the run — and prints one JSON line.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

type Log = (text: string) => void;

/** Prepares the database (migrations and demo), then runs `script --measure` on it; null on failure. */
function measureInChild<T>(script: string, databaseUrl: string, label: string, log: Log): T | null {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NODE_ENV: "production",
    LOG_REQUESTS: "false",
  };
  const prepared = spawnSync(process.execPath, ["--import", "tsx", "scripts/prepare-db.ts"], {
    env,
    encoding: "utf8",
  });
  if (prepared.status !== 0) {
    log(`${label} bench: preparing the database failed: ${prepared.stderr.slice(-800)}`);
    return null;
  }
  const run = spawnSync(process.execPath, ["--import", "tsx", script, "--measure"], {
    env,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const last = run.stdout.trim().split("\n").pop();
  if (run.status !== 0 || !last?.startsWith("{")) {
    log(`${label} bench failed: ${run.stderr.slice(-800)}`);
    return null;
  }
  return JSON.parse(last) as T;
}

/**
 * Runs `script --measure` on SQLite and, given a server URL, on PostgreSQL (database `pgDatabase`,
 * dropped afterwards whatever happens); returns the results that came back.
 */
export async function measureOnBoth<T>(options: {
  script: string;
  label: string;
  sqliteFile: string;
  pgDatabase: string;
  postgresUrl?: string | null;
  log: Log;
}): Promise<T[]> {
  const { script, label, log } = options;
  const results: T[] = [];
  const file = path.join(os.tmpdir(), options.sqliteFile);
  const clean = () => {
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${file}${suffix}`, { force: true });
  };
  clean();
  log(`${label} on SQLite`);
  const sqlite = measureInChild<T>(script, `file:${file}`, label, log);
  if (sqlite) results.push(sqlite);
  clean();

  if (options.postgresUrl) {
    const { default: pg } = await import("pg");
    const admin = async (sql: string) => {
      const client = new pg.Client({ connectionString: options.postgresUrl as string });
      await client.connect();
      await client.query(sql);
      await client.end();
    };
    const url = new URL(options.postgresUrl);
    url.pathname = `/${options.pgDatabase}`;
    await admin(`DROP DATABASE IF EXISTS "${options.pgDatabase}" WITH (FORCE)`);
    await admin(`CREATE DATABASE "${options.pgDatabase}"`);
    log(`${label} on PostgreSQL`);
    try {
      const postgres = measureInChild<T>(script, url.toString(), label, log);
      if (postgres) results.push(postgres);
    } finally {
      await admin(`DROP DATABASE IF EXISTS "${options.pgDatabase}" WITH (FORCE)`);
    }
  }
  return results;
}
