import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PostgresClient } from "./generated/postgres/client.ts";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client.ts";
import { databaseTarget, type DatabaseTarget } from "./target";
import { hasUnstorableText, unstorableTextResponse } from "./unstorable-text";

function createClient(target: DatabaseTarget): SqliteClient {
  if (target.kind === "postgres") {
    // Both clients are generated from the one model (prisma/postgres/schema.prisma is derived from
    // prisma/schema.prisma by a script and checked by the suite), so their APIs are identical;
    // the app is typed against one of them.
    return new PostgresClient({
      adapter: new PrismaPg({ connectionString: target.url }),
    }) as unknown as SqliteClient;
  }
  return new SqliteClient({ adapter: new PrismaBetterSQLite3({ url: target.url }) });
}

/** Every query, raw ones included, is refused before it runs when it carries text no database takes. */
function refuseUnstorableText(client: SqliteClient) {
  return client.$extends({
    query: {
      $allOperations({ args, query }) {
        if (hasUnstorableText(args)) throw unstorableTextResponse();
        return query(args);
      },
    },
  });
}

export type Db = ReturnType<typeof refuseUnstorableText>;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const globalForDb = globalThis as unknown as { __jejaringDb?: { db: Db; target: DatabaseTarget } };

/** The one database client, chosen by DATABASE_URL and created once per process. */
function getDb() {
  if (!globalForDb.__jejaringDb) {
    const target = databaseTarget(process.env.DATABASE_URL);
    globalForDb.__jejaringDb = { db: refuseUnstorableText(createClient(target)), target };
  }
  return globalForDb.__jejaringDb;
}

export const db: Db = getDb().db;
export const dbKind: DatabaseTarget["kind"] = getDb().target.kind;

export async function disconnectDb() {
  await globalForDb.__jejaringDb?.db.$disconnect();
  globalForDb.__jejaringDb = undefined;
}

export * from "./generated/sqlite/enums.ts";
export { Prisma } from "./generated/sqlite/client.ts";
