-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "dueReminderAt" TIMESTAMP(3),
ADD COLUMN     "overdueNoticeAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Order_paymentMethod_dueAt_idx" ON "Order"("paymentMethod", "dueAt");
