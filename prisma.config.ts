import path from "node:path";
import { defineConfig } from "prisma/config";
import { databaseTarget } from "./app/.server/db/target";

// One data model, two databases: DATABASE_URL decides which schema and migrations the CLI uses.
const target = databaseTarget(process.env.DATABASE_URL);
const isPostgres = target.kind === "postgres";

export default defineConfig({
  experimental: { adapter: true, externalTables: true },
  // Hand-written in the product_search migration: SQLite's FTS5 table and its shadow tables.
  tables: {
    external: [
      "ProductSearch",
      "ProductSearch_data",
      "ProductSearch_idx",
      "ProductSearch_docsize",
      "ProductSearch_config",
      "ProductSearch_content",
    ],
  },
  engine: "js",
  schema: path.join("prisma", isPostgres ? "postgres/schema.prisma" : "schema.prisma"),
  migrations: { path: path.join("prisma", isPostgres ? "postgres/migrations" : "migrations") },
  async adapter() {
    if (target.kind === "postgres") {
      const { PrismaPg } = await import("@prisma/adapter-pg");
      return new PrismaPg({ connectionString: target.url });
    }
    const { PrismaBetterSQLite3 } = await import("@prisma/adapter-better-sqlite3");
    return new PrismaBetterSQLite3({ url: target.url });
  },
});
