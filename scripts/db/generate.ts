// Generates both Prisma clients (SQLite and PostgreSQL) from the one data model.
import fs from "node:fs";
import path from "node:path";
import { POSTGRES_SCHEMA, SQLITE_SCHEMA, renderPostgresSchema } from "./postgres-schema";
import { prismaOrExit } from "./prisma";

const expected = renderPostgresSchema();
if (!fs.existsSync(POSTGRES_SCHEMA) || fs.readFileSync(POSTGRES_SCHEMA, "utf8") !== expected) {
  console.warn(
    `${POSTGRES_SCHEMA} is out of date with ${SQLITE_SCHEMA}: run \`npm run db:migration -- <name>\`.`,
  );
}
fs.mkdirSync(path.dirname(POSTGRES_SCHEMA), { recursive: true });
prismaOrExit(["generate", "--schema", SQLITE_SCHEMA], { DATABASE_URL: "file:./data/generate.db" });
prismaOrExit(["generate", "--schema", POSTGRES_SCHEMA], {
  DATABASE_URL: "postgresql://generate@localhost/generate",
});
