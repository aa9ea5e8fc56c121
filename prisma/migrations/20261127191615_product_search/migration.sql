-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Product" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "groupId" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "unit" TEXT NOT NULL,
    "price" INTEGER NOT NULL,
    "minOrderQuantity" INTEGER NOT NULL DEFAULT 1,
    "orderMultiple" INTEGER NOT NULL DEFAULT 1,
    "supplyMode" TEXT NOT NULL DEFAULT 'READY_STOCK',
    "stock" INTEGER NOT NULL DEFAULT 0,
    "capacityPerWeek" INTEGER,
    "leadTimeDays" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'ACTIVE',
    "pausedUntil" DATETIME,
    "halalCertificate" TEXT,
    "pirtNumber" TEXT,
    "bpomNumber" TEXT,
    "searchText" TEXT NOT NULL DEFAULT '',
    "searchName" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Product_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Product_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Product" ("bpomNumber", "capacityPerWeek", "categoryId", "createdAt", "description", "groupId", "halalCertificate", "id", "leadTimeDays", "minOrderQuantity", "name", "orderMultiple", "pausedUntil", "pirtNumber", "price", "slug", "status", "stock", "supplyMode", "unit", "updatedAt") SELECT "bpomNumber", "capacityPerWeek", "categoryId", "createdAt", "description", "groupId", "halalCertificate", "id", "leadTimeDays", "minOrderQuantity", "name", "orderMultiple", "pausedUntil", "pirtNumber", "price", "slug", "status", "stock", "supplyMode", "unit", "updatedAt" FROM "Product";
DROP TABLE "Product";
ALTER TABLE "new_Product" RENAME TO "Product";
CREATE UNIQUE INDEX "Product_slug_key" ON "Product"("slug");
CREATE INDEX "Product_groupId_status_idx" ON "Product"("groupId", "status");
CREATE INDEX "Product_categoryId_status_idx" ON "Product"("categoryId", "status");
CREATE INDEX "Product_status_createdAt_idx" ON "Product"("status", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Hand-written: full-text search over "Product"."searchText". Prisma does not model FTS5 tables
-- (they are listed as external tables in prisma.config.ts); triggers keep the index in step.
-- The index's rowid is the product's rowid, so a search reads no stored column and joins by
-- integer. A later migration that redefines "Product" (SQLite's way to change a column) drops
-- these triggers and may renumber rowids: it must create the triggers again and rebuild the
-- index with the two statements after CREATE VIRTUAL TABLE. The search tests fail without the
-- triggers, and `npm start` checks the index against the table and rebuilds it if they differ.
CREATE VIRTUAL TABLE "ProductSearch" USING fts5(
    "text",
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3 4'
);
DELETE FROM "ProductSearch";
INSERT INTO "ProductSearch" ("rowid", "text") SELECT "rowid", "searchText" FROM "Product";
CREATE TRIGGER "ProductSearch_insert" AFTER INSERT ON "Product" BEGIN
    INSERT INTO "ProductSearch" ("rowid", "text") VALUES (new."rowid", new."searchText");
END;
CREATE TRIGGER "ProductSearch_update" AFTER UPDATE OF "searchText" ON "Product" BEGIN
    DELETE FROM "ProductSearch" WHERE "rowid" = old."rowid";
    INSERT INTO "ProductSearch" ("rowid", "text") VALUES (new."rowid", new."searchText");
END;
CREATE TRIGGER "ProductSearch_delete" AFTER DELETE ON "Product" BEGIN
    DELETE FROM "ProductSearch" WHERE "rowid" = old."rowid";
END;
