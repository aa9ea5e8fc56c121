// Produces the PostgreSQL variant of the one data model (prisma/schema.prisma targets SQLite).
// Only the datasource provider and the client's output folder differ.
import fs from "node:fs";
import path from "node:path";

export const SQLITE_SCHEMA = path.join("prisma", "schema.prisma");
export const POSTGRES_SCHEMA = path.join("prisma", "postgres", "schema.prisma");

const HEADER =
  "// GENERATED from prisma/schema.prisma by scripts/db/postgres-schema.ts: do not edit.\n" +
  "// Change prisma/schema.prisma, then run `npm run db:migration -- <name>`.\n\n";

export function postgresSchemaFrom(sqliteSchema: string): string {
  const replaced = sqliteSchema
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace(
      'output     = "../app/.server/db/generated/sqlite"',
      'output     = "../../app/.server/db/generated/postgres"',
    );
  if (replaced.includes('"sqlite"') || !replaced.includes("generated/postgres")) {
    throw new Error("prisma/schema.prisma no longer has the provider and output lines this script rewrites");
  }
  return HEADER + replaced;
}

export function renderPostgresSchema(): string {
  return postgresSchemaFrom(fs.readFileSync(SQLITE_SCHEMA, "utf8"));
}

/** The reverse: the SQLite model a generated PostgreSQL schema came from. */
export function sqliteSchemaFrom(postgresSchema: string): string {
  return postgresSchema
    .replace(HEADER, "")
    .replace(/provider\s*=\s*"postgresql"/, 'provider = "sqlite"')
    .replace(
      'output     = "../../app/.server/db/generated/postgres"',
      'output     = "../app/.server/db/generated/sqlite"',
    );
}
