-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_GroupMonth" (
    "groupId" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "earned" INTEGER NOT NULL DEFAULT 0,
    "costs" INTEGER NOT NULL DEFAULT 0,
    "orders" INTEGER NOT NULL DEFAULT 0,
    "salesValue" INTEGER NOT NULL DEFAULT 0,
    "delivered" INTEGER NOT NULL DEFAULT 0,
    "onTime" INTEGER NOT NULL DEFAULT 0,
    "buyers" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("groupId", "month"),
    CONSTRAINT "GroupMonth_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_GroupMonth" ("costs", "delivered", "earned", "groupId", "month", "onTime", "orders", "salesValue") SELECT "costs", "delivered", "earned", "groupId", "month", "onTime", "orders", "salesValue" FROM "GroupMonth";
DROP TABLE "GroupMonth";
ALTER TABLE "new_GroupMonth" RENAME TO "GroupMonth";
CREATE INDEX "GroupMonth_month_idx" ON "GroupMonth"("month");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Backfill: each (group, month) counts the businesses it sold to, its link rows that month.
UPDATE "GroupMonth" SET "buyers" = (SELECT COUNT(*) FROM "GroupBuyerMonth" l
  WHERE l."groupId" = "GroupMonth"."groupId" AND l."month" = "GroupMonth"."month");
