-- CreateTable
CREATE TABLE "ConsignmentReport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "placementId" TEXT NOT NULL,
    "periodEnd" DATETIME NOT NULL,
    "quantitySold" INTEGER NOT NULL,
    "quantityReturned" INTEGER NOT NULL DEFAULT 0,
    "amountDue" INTEGER NOT NULL,
    "reportedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "paidAt" DATETIME,
    "cashEntryId" TEXT,
    CONSTRAINT "ConsignmentReport_placementId_fkey" FOREIGN KEY ("placementId") REFERENCES "ConsignmentPlacement" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ConsignmentReport_cashEntryId_fkey" FOREIGN KEY ("cashEntryId") REFERENCES "CashEntry" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ConsignmentPlacement" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "groupId" TEXT NOT NULL,
    "businessId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "quantityPlaced" INTEGER NOT NULL,
    "unitPrice" INTEGER NOT NULL,
    "commissionPct" INTEGER NOT NULL DEFAULT 0,
    "placedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" DATETIME,
    "quantityAccounted" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "ConsignmentPlacement_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ConsignmentPlacement_businessId_fkey" FOREIGN KEY ("businessId") REFERENCES "Business" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ConsignmentPlacement_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_ConsignmentPlacement" ("businessId", "closedAt", "commissionPct", "groupId", "id", "placedAt", "productId", "quantityPlaced", "unitPrice") SELECT "businessId", "closedAt", "commissionPct", "groupId", "id", "placedAt", "productId", "quantityPlaced", "unitPrice" FROM "ConsignmentPlacement";
DROP TABLE "ConsignmentPlacement";
ALTER TABLE "new_ConsignmentPlacement" RENAME TO "ConsignmentPlacement";
CREATE INDEX "ConsignmentPlacement_groupId_idx" ON "ConsignmentPlacement"("groupId");
CREATE INDEX "ConsignmentPlacement_businessId_idx" ON "ConsignmentPlacement"("businessId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "ConsignmentReport_cashEntryId_key" ON "ConsignmentReport"("cashEntryId");

-- CreateIndex
CREATE INDEX "ConsignmentReport_placementId_idx" ON "ConsignmentReport"("placementId");
