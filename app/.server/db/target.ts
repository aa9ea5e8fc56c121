import fs from "node:fs";
import path from "node:path";

export type DatabaseTarget =
  { kind: "sqlite"; url: string; file: string } | { kind: "postgres"; url: string };

export const DEFAULT_DATABASE_URL = "file:./data/jejaring.db";

/** Reads DATABASE_URL: a postgres URL means PostgreSQL, anything else an SQLite file. */
export function databaseTarget(databaseUrl: string | undefined): DatabaseTarget {
  const url = databaseUrl?.trim() || DEFAULT_DATABASE_URL;
  if (/^postgres(ql)?:\/\//.test(url)) return { kind: "postgres", url };
  const file = path.resolve(url.replace(/^file:/, ""));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  return { kind: "sqlite", url: `file:${file}`, file };
}
