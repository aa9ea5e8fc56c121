-- AlterTable
ALTER TABLE "Order" ADD COLUMN "dueReminderAt" DATETIME;
ALTER TABLE "Order" ADD COLUMN "overdueNoticeAt" DATETIME;

-- CreateIndex
CREATE INDEX "Order_paymentMethod_dueAt_idx" ON "Order"("paymentMethod", "dueAt");
