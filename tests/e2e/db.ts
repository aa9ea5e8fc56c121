import fs from "node:fs";
import Database from "better-sqlite3";
import pg from "pg";
import { e2eDatabaseUrlFile } from "./database-url";

// Reads the e2e server's database directly, for the few facts a person would not see on a page
// (such as the id of a group outside a TKM officer's area). Nothing here writes.
function databaseUrl() {
  return fs.readFileSync(e2eDatabaseUrlFile(), "utf8").trim();
}

export async function queryValue(sql: string, params: string[]): Promise<string> {
  const url = databaseUrl();
  if (url.startsWith("file:")) {
    const db = new Database(url.slice("file:".length), { readonly: true });
    try {
      const row = db.prepare(sql.replace(/\$\d+/g, "?")).get(...params) as Record<string, string> | undefined;
      return row ? String(Object.values(row)[0]) : "";
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query(sql, params);
    const row = result.rows[0] as Record<string, string> | undefined;
    return row ? String(Object.values(row)[0]) : "";
  } finally {
    await client.end();
  }
}
