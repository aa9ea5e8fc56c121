-- AlterTable
ALTER TABLE "GroupMonth" ADD COLUMN     "buyers" INTEGER NOT NULL DEFAULT 0;

-- Backfill: each (group, month) counts the businesses it sold to, its link rows that month.
UPDATE "GroupMonth" SET "buyers" = (SELECT COUNT(*) FROM "GroupBuyerMonth" l
  WHERE l."groupId" = "GroupMonth"."groupId" AND l."month" = "GroupMonth"."month");
