-- CreateTable
CREATE TABLE "OrderProposal" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orderId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "lines" TEXT NOT NULL,
    "wantedBy" DATETIME,
    "reason" TEXT NOT NULL,
    "proposedById" TEXT NOT NULL,
    "decidedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" DATETIME,
    CONSTRAINT "OrderProposal_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "OrderProposal_orderId_status_idx" ON "OrderProposal"("orderId", "status");
