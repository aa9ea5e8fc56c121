-- CreateIndex
CREATE INDEX "Order_groupId_deliveredAt_idx" ON "Order"("groupId", "deliveredAt");
