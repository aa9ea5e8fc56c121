-- CreateTable
CREATE TABLE "OrderProposal" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "lines" TEXT NOT NULL,
    "wantedBy" TIMESTAMP(3),
    "reason" TEXT NOT NULL,
    "proposedById" TEXT NOT NULL,
    "decidedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "OrderProposal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OrderProposal_orderId_status_idx" ON "OrderProposal"("orderId", "status");

-- AddForeignKey
ALTER TABLE "OrderProposal" ADD CONSTRAINT "OrderProposal_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;
