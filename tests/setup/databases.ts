import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import pg from "pg";

// Test databases. SQLite: one migrated template file, copied for each test file. PostgreSQL: one
// migrated template database, cloned (CREATE DATABASE … TEMPLATE) for each test file.

const require = createRequire(import.meta.url);

export function testTarget(): { kind: "sqlite" } | { kind: "postgres"; adminUrl: string } {
  const url = process.env.DATABASE_URL ?? "";
  return /^postgres(ql)?:\/\//.test(url) ? { kind: "postgres", adminUrl: url } : { kind: "sqlite" };
}

export function migrate(databaseUrl: string) {
  const result = spawnSync(
    process.execPath,
    [require.resolve("prisma/build/index.js"), "migrate", "deploy"],
    {
      env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      encoding: "utf8",
    },
  );
  if (result.status !== 0) throw new Error(`migrate deploy failed:\n${result.stdout}\n${result.stderr}`);
}

export function databaseUrlWithName(url: string, name: string) {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export async function withAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export function newSqliteCopy(template: string) {
  const file = path.join(os.tmpdir(), `jejaring-test-${randomBytes(6).toString("hex")}.db`);
  fs.copyFileSync(template, file);
  return file;
}
