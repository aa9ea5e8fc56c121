import { db, dbKind, Prisma, type Tx } from "../db/client";
import { searchTextFor } from "./search-text";

/**
 * Recomputes the search text of the products `where` picks (e.g. a renamed group's). The
 * database's triggers/index follow the column. Returns how many were written.
 */
export async function refreshSearchText(client: Tx, where: Prisma.ProductWhereInput): Promise<number> {
  const products = await client.product.findMany({
    where,
    select: {
      id: true,
      name: true,
      description: true,
      category: { select: { nameId: true } },
      group: { select: { name: true, village: { select: { name: true } } } },
    },
  });
  for (const product of products) {
    await client.product.update({
      where: { id: product.id },
      data: searchTextFor({
        name: product.name,
        description: product.description,
        category: product.category.nameId,
        group: product.group.name,
        village: product.group.village.name,
      }),
      select: { id: true },
    });
  }
  return products.length;
}

/** Products made before search existed, or written by a tool that skipped it. */
export async function fillMissingSearchText(): Promise<number> {
  return refreshSearchText(db, { searchText: "" });
}

/**
 * SQLite only: checks that the FTS5 index still lines up with the products (a migration that
 * redefines "Product" can renumber rowids) and rebuilds it if not. Returns whether it rebuilt.
 */
export async function repairSqliteSearchIndex(): Promise<boolean> {
  if (dbKind !== "sqlite") return false;
  const [indexed] = await db.$queryRaw<{ n: number }[]>(
    Prisma.sql`SELECT COUNT(*) AS "n" FROM "ProductSearch"`,
  );
  const products = await db.product.count();
  let aligned = Number(indexed?.n ?? 0) === products;
  if (aligned) {
    const sample = await db.$queryRaw<{ rowid: number; searchText: string }[]>(
      Prisma.sql`SELECT "rowid", "searchText" FROM "Product" WHERE "searchText" <> '' ORDER BY random() LIMIT 20`,
    );
    for (const row of sample) {
      const word = row.searchText.split(" ")[0] ?? "";
      const hit = await db.$queryRaw<{ rowid: number }[]>(
        Prisma.sql`SELECT "rowid" FROM "ProductSearch" WHERE "ProductSearch" MATCH ${`"${word}"`} AND "rowid" = ${row.rowid}`,
      );
      if (hit.length === 0) aligned = false;
    }
  }
  if (aligned) return false;
  await db.$transaction([
    db.$executeRaw(Prisma.sql`DELETE FROM "ProductSearch"`),
    db.$executeRaw(
      Prisma.sql`INSERT INTO "ProductSearch" ("rowid", "name", "text") SELECT "rowid", "searchName", "searchText" FROM "Product"`,
    ),
  ]);
  return true;
}
