import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { POSTGRES_SCHEMA, renderPostgresSchema } from "../../scripts/db/postgres-schema";
import { databaseUrlWithName, migrate, testTarget, withAdmin } from "../setup/databases";

// The one data model must be what the migrations of both databases build.
const require = createRequire(import.meta.url);
const prismaBin = require.resolve("prisma/build/index.js");

function prisma(args: string[], databaseUrl: string) {
  return spawnSync(process.execPath, [prismaBin, ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    encoding: "utf8",
  });
}

// Written by hand in the product_search migrations (full-text search), beside what the model builds.
const HAND_WRITTEN_SQLITE = /^ProductSearch/;
const HAND_WRITTEN_POSTGRES = [
  `CREATE INDEX "Product_searchText_fts_idx" ON public."Product" USING gin (to_tsvector('simple'::regconfig, "searchText"));`,
];

/**
 * pg_dump statements as a sorted list, with each table's columns sorted: a column added by a later
 * migration comes last in the table, where the model would have put it elsewhere; that is no drift.
 */
function normalizeDump(dump: string): string[] {
  return dump
    .split(/;\n/)
    .map((statement) => statement.trim())
    .filter(Boolean)
    .map((statement) => {
      const match = /^(CREATE TABLE [^(]+\()([\s\S]*)(\))$/.exec(statement);
      if (!match) return statement;
      const columns = (match[2] ?? "")
        .split("\n")
        .map((line) => line.trim().replace(/,$/, ""))
        .filter(Boolean)
        .sort();
      return `${match[1]}${columns.join(", ")}${match[3]}`;
    })
    .sort();
}

describe("migrations", () => {
  it("no PostgreSQL migration has a semicolon in a comment (the driver adapter splits scripts at every one)", () => {
    const dir = "prisma/postgres/migrations";
    for (const folder of fs.readdirSync(dir).filter((name) => !name.endsWith(".toml"))) {
      const lines = fs.readFileSync(path.join(dir, folder, "migration.sql"), "utf8").split("\n");
      const broken = lines.filter((line) => /--.*;/.test(line));
      expect(broken, folder).toEqual([]);
    }
  });

  it("the PostgreSQL schema is the one generated from prisma/schema.prisma", () => {
    expect(fs.readFileSync(POSTGRES_SCHEMA, "utf8")).toBe(renderPostgresSchema());
  });

  it("the SQLite migrations build the same schema as the model", () => {
    // `migrate diff --from-migrations` needs a shadow database, which fails through the driver
    // adapter here; so both schemas are built for real and compared.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jejaring-drift-"));
    try {
      const migrated = path.join(dir, "migrated.db");
      migrate(`file:${migrated}`);
      const script = prisma(
        ["migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
        `file:${path.join(dir, "unused.db")}`,
      );
      expect(script.status, script.stderr).toBe(0);
      const modelled = new Database(path.join(dir, "modelled.db"));
      modelled.exec(script.stdout.replace(/^Loaded Prisma config from .*$/m, ""));
      modelled.close();
      const schemaOf = (file: string) => {
        const database = new Database(file, { readonly: true });
        const rows = database
          .prepare(
            "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE '_prisma_migrations%' AND name NOT LIKE 'sqlite_%' ORDER BY type, name",
          )
          .all() as { type: string; name: string; sql: string | null }[];
        database.close();
        // ALTER TABLE ... ADD COLUMN leaves its own spacing around commas and brackets.
        return rows.map((row) => ({
          ...row,
          sql: row.sql?.replace(/\s+/g, " ").replace(/ ?([,()]) ?/g, "$1") ?? null,
        }));
      };
      const migratedSchema = schemaOf(migrated);
      // Objects the model cannot express are written by hand in the migrations; they must be
      // there, and everything else must be exactly what the model builds.
      const handWritten = migratedSchema.filter((row) => HAND_WRITTEN_SQLITE.test(row.name));
      expect(handWritten.map((row) => `${row.type} ${row.name}`)).toEqual(
        expect.arrayContaining([
          "table ProductSearch",
          "trigger ProductSearch_insert",
          "trigger ProductSearch_update",
          "trigger ProductSearch_delete",
        ]),
      );
      expect(migratedSchema.filter((row) => !HAND_WRITTEN_SQLITE.test(row.name))).toEqual(
        schemaOf(path.join(dir, "modelled.db")),
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  const target = testTarget();
  if (target.kind === "postgres") {
    it("the PostgreSQL migrations build the same schema as the model", async () => {
      const suffix = randomBytes(4).toString("hex");
      const prefix = inject("postgresRunPrefix");
      const [migrated, modelled] = [`${prefix}_mig_${suffix}`, `${prefix}_model_${suffix}`];
      await withAdmin(target.adminUrl, async (client) => {
        await client.query(`CREATE DATABASE "${migrated}"`);
        await client.query(`CREATE DATABASE "${modelled}"`);
      });
      try {
        migrate(databaseUrlWithName(target.adminUrl, migrated));
        const script = prisma(
          ["migrate", "diff", "--from-empty", "--to-schema-datamodel", POSTGRES_SCHEMA, "--script"],
          "file:./data/unused.db",
        );
        expect(script.status).toBe(0);
        const sql = script.stdout.replace(/^Loaded Prisma config from .*$/m, "");
        await withAdmin(databaseUrlWithName(target.adminUrl, modelled), (client) => client.query(sql));
        const dump = (name: string) => {
          const result = spawnSync(
            "pg_dump",
            [
              "--schema-only",
              "--no-owner",
              "--no-privileges",
              "--exclude-table=_prisma_migrations",
              databaseUrlWithName(target.adminUrl, name),
            ],
            { encoding: "utf8" },
          );
          expect(result.status, result.stderr).toBe(0);
          return result.stdout
            .split("\n")
            .filter(
              (line) =>
                !line.startsWith("--") && !line.startsWith("\\restrict") && !line.startsWith("\\unrestrict"),
            )
            .join("\n");
        };
        const migratedDump = dump(migrated);
        for (const statement of HAND_WRITTEN_POSTGRES) expect(migratedDump).toContain(statement);
        const withoutHandWritten = HAND_WRITTEN_POSTGRES.reduce(
          (text, statement) => text.replace(statement, ""),
          migratedDump,
        );
        expect(normalizeDump(withoutHandWritten)).toEqual(normalizeDump(dump(modelled)));
      } finally {
        await withAdmin(target.adminUrl, async (client) => {
          await client.query(`DROP DATABASE IF EXISTS "${migrated}" WITH (FORCE)`);
          await client.query(`DROP DATABASE IF EXISTS "${modelled}" WITH (FORCE)`);
        });
      }
      // Two fresh databases, prisma migrate and two pg_dumps: ~15 s alone, more beside other suites.
    }, 90_000);
  }
});
