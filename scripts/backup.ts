// `npm run db:backup`: a consistent copy of the SQLite database while the app keeps running
// (SQLite's online backup), to data/backups/jejaring-<time>.db. For PostgreSQL use pg_dump.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databaseTarget } from "~/.server/db/target";

const target = databaseTarget(process.env.DATABASE_URL);
if (target.kind !== "sqlite") {
  console.error(
    'DATABASE_URL is PostgreSQL: back it up with pg_dump, e.g. pg_dump -Fc "$DATABASE_URL" > jejaring.dump',
  );
  process.exit(2);
}
const dir = path.join(path.dirname(target.file), "backups");
fs.mkdirSync(dir, { recursive: true });
const file = path.join(dir, `jejaring-${new Date().toISOString().replace(/[:.]/g, "-")}.db`);
const db = new Database(target.file, { readonly: true });
await db.backup(file);
db.close();
console.log(`Backed up ${target.file} to ${file}`);
