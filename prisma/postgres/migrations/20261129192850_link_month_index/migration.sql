-- DropIndex
DROP INDEX "GroupBuyerMonth_month_idx";

-- CreateIndex
CREATE INDEX "GroupBuyerMonth_month_groupId_businessId_idx" ON "GroupBuyerMonth"("month", "groupId", "businessId");
