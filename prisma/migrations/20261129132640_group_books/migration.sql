-- AlterTable
ALTER TABLE "GroupMember" ADD COLUMN "phone" TEXT;
ALTER TABLE "GroupMember" ADD COLUMN "rw" TEXT;

-- CreateTable
CREATE TABLE "GroupFundRate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "groupId" TEXT NOT NULL,
    "percent" INTEGER NOT NULL,
    "validFrom" DATETIME NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "setById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "GroupFundRate_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "GroupFundRate_setById_fkey" FOREIGN KEY ("setById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Distribution" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "groupId" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "periodFrom" DATETIME NOT NULL,
    "periodTo" DATETIME NOT NULL,
    "income" INTEGER NOT NULL,
    "costs" INTEGER NOT NULL,
    "fundPercent" INTEGER NOT NULL,
    "fundAmount" INTEGER NOT NULL,
    "distributable" INTEGER NOT NULL,
    "basis" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PROPOSED',
    "cancelReason" TEXT,
    "createdById" TEXT,
    "approvedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Distribution_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Distribution_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DistributionShare" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "distributionId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "contribution" INTEGER NOT NULL,
    "amount" INTEGER NOT NULL,
    CONSTRAINT "DistributionShare_distributionId_fkey" FOREIGN KEY ("distributionId") REFERENCES "Distribution" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "DistributionShare_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "GroupMember" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DistributionPayout" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shareId" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "paidAt" DATETIME NOT NULL,
    "cashEntryId" TEXT NOT NULL,
    "recordedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DistributionPayout_shareId_fkey" FOREIGN KEY ("shareId") REFERENCES "DistributionShare" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "DistributionPayout_cashEntryId_fkey" FOREIGN KEY ("cashEntryId") REFERENCES "CashEntry" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "DistributionPayout_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SignInCode" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SignInCode_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "SignInCode_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_CashEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "groupId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "occurredAt" DATETIME NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "giver" TEXT,
    "reason" TEXT,
    "memberId" TEXT,
    "paymentId" TEXT,
    "reversesId" TEXT,
    "recordedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CashEntry_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "CashEntry_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "GroupMember" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "CashEntry_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "Payment" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "CashEntry_reversesId_fkey" FOREIGN KEY ("reversesId") REFERENCES "CashEntry" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "CashEntry_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
-- The free-text categories ("order", "refund", …) become the names in the enum; anything else becomes OTHER.
INSERT INTO "new_CashEntry" ("amount", "category", "createdAt", "description", "groupId", "id", "kind", "occurredAt", "paymentId", "recordedById", "reversesId") SELECT "amount", CASE WHEN upper("category") IN ('ORDER', 'CONSIGNMENT', 'REFUND', 'OTHER_SALES', 'MATERIALS', 'TRANSPORT', 'EQUIPMENT', 'AID', 'SAVINGS', 'IKS', 'PAYOUT', 'OPENING', 'OTHER') THEN upper("category") ELSE 'OTHER' END, "createdAt", "description", "groupId", "id", "kind", "occurredAt", "paymentId", "recordedById", "reversesId" FROM "CashEntry";
DROP TABLE "CashEntry";
ALTER TABLE "new_CashEntry" RENAME TO "CashEntry";
CREATE UNIQUE INDEX "CashEntry_paymentId_key" ON "CashEntry"("paymentId");
CREATE INDEX "CashEntry_groupId_occurredAt_idx" ON "CashEntry"("groupId", "occurredAt");
CREATE INDEX "CashEntry_reversesId_idx" ON "CashEntry"("reversesId");
CREATE INDEX "CashEntry_memberId_idx" ON "CashEntry"("memberId");
CREATE TABLE "new_MemberContribution" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "groupId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "orderId" TEXT,
    "productId" TEXT,
    "quantity" INTEGER NOT NULL DEFAULT 0,
    "hours" INTEGER NOT NULL DEFAULT 0,
    "note" TEXT NOT NULL DEFAULT '',
    "date" DATETIME NOT NULL,
    "recordedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MemberContribution_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "MemberContribution_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "GroupMember" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "MemberContribution_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "MemberContribution_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "MemberContribution_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_MemberContribution" ("date", "groupId", "hours", "id", "memberId", "note", "orderId", "productId", "quantity") SELECT "date", "groupId", "hours", "id", "memberId", "note", "orderId", "productId", "quantity" FROM "MemberContribution";
DROP TABLE "MemberContribution";
ALTER TABLE "new_MemberContribution" RENAME TO "MemberContribution";
CREATE INDEX "MemberContribution_groupId_date_idx" ON "MemberContribution"("groupId", "date");
CREATE INDEX "MemberContribution_memberId_idx" ON "MemberContribution"("memberId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "GroupFundRate_groupId_validFrom_idx" ON "GroupFundRate"("groupId", "validFrom");

-- CreateIndex
CREATE INDEX "Distribution_groupId_periodFrom_idx" ON "Distribution"("groupId", "periodFrom");

-- CreateIndex
CREATE UNIQUE INDEX "Distribution_groupId_number_key" ON "Distribution"("groupId", "number");

-- CreateIndex
CREATE INDEX "DistributionShare_memberId_idx" ON "DistributionShare"("memberId");

-- CreateIndex
CREATE UNIQUE INDEX "DistributionShare_distributionId_memberId_key" ON "DistributionShare"("distributionId", "memberId");

-- CreateIndex
CREATE UNIQUE INDEX "DistributionPayout_cashEntryId_key" ON "DistributionPayout"("cashEntryId");

-- CreateIndex
CREATE INDEX "DistributionPayout_shareId_idx" ON "DistributionPayout"("shareId");

-- CreateIndex
CREATE INDEX "SignInCode_userId_createdAt_idx" ON "SignInCode"("userId", "createdAt");
