-- DropIndex
DROP INDEX "CashEntry_reversesId_key";

-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "providerPaymentId" TEXT,
ADD COLUMN     "refundedAmount" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "CashEntry_reversesId_idx" ON "CashEntry"("reversesId");
