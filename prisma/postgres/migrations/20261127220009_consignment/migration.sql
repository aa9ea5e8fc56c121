-- AlterTable
ALTER TABLE "ConsignmentPlacement" ADD COLUMN     "quantityAccounted" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "ConsignmentReport" (
    "id" TEXT NOT NULL,
    "placementId" TEXT NOT NULL,
    "periodEnd" TIMESTAMP(3) NOT NULL,
    "quantitySold" INTEGER NOT NULL,
    "quantityReturned" INTEGER NOT NULL DEFAULT 0,
    "amountDue" INTEGER NOT NULL,
    "reportedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "paidAt" TIMESTAMP(3),
    "cashEntryId" TEXT,

    CONSTRAINT "ConsignmentReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ConsignmentReport_cashEntryId_key" ON "ConsignmentReport"("cashEntryId");

-- CreateIndex
CREATE INDEX "ConsignmentReport_placementId_idx" ON "ConsignmentReport"("placementId");

-- CreateIndex
CREATE INDEX "ConsignmentPlacement_groupId_idx" ON "ConsignmentPlacement"("groupId");

-- CreateIndex
CREATE INDEX "ConsignmentPlacement_businessId_idx" ON "ConsignmentPlacement"("businessId");

-- AddForeignKey
ALTER TABLE "ConsignmentReport" ADD CONSTRAINT "ConsignmentReport_placementId_fkey" FOREIGN KEY ("placementId") REFERENCES "ConsignmentPlacement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsignmentReport" ADD CONSTRAINT "ConsignmentReport_cashEntryId_fkey" FOREIGN KEY ("cashEntryId") REFERENCES "CashEntry"("id") ON DELETE SET NULL ON UPDATE CASCADE;
