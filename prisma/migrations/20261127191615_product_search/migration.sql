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
-- The index holds the product id, not the rowid, so redefining "Product" cannot misalign it; a
-- migration that redefines "Product" drops these triggers and must create them again (the
-- search tests fail if it does not).
CREATE VIRTUAL TABLE "ProductSearch" USING fts5(
    "productId" UNINDEXED,
    "text",
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3 4'
);
INSERT INTO "ProductSearch" ("productId", "text") SELECT "id", "searchText" FROM "Product";
CREATE TRIGGER "ProductSearch_insert" AFTER INSERT ON "Product" BEGIN
    INSERT INTO "ProductSearch" ("productId", "text") VALUES (new."id", new."searchText");
END;
CREATE TRIGGER "ProductSearch_update" AFTER UPDATE OF "searchText" ON "Product" BEGIN
    DELETE FROM "ProductSearch" WHERE "productId" = old."id";
    INSERT INTO "ProductSearch" ("productId", "text") VALUES (new."id", new."searchText");
END;
CREATE TRIGGER "ProductSearch_delete" AFTER DELETE ON "Product" BEGIN
    DELETE FROM "ProductSearch" WHERE "productId" = old."id";
END;
