-- CreateEnum
CREATE TYPE "CashCategory" AS ENUM ('ORDER', 'CONSIGNMENT', 'REFUND', 'OTHER_SALES', 'MATERIALS', 'TRANSPORT', 'EQUIPMENT', 'AID', 'SAVINGS', 'IKS', 'PAYOUT', 'OPENING', 'OTHER');

-- CreateEnum
CREATE TYPE "DistributionBasis" AS ENUM ('QUANTITY', 'HOURS');

-- CreateEnum
CREATE TYPE "DistributionStatus" AS ENUM ('PROPOSED', 'APPROVED', 'CANCELLED');

-- AlterTable
ALTER TABLE "GroupMember" ADD COLUMN     "phone" TEXT,
ADD COLUMN     "rw" TEXT;

-- AlterTable
ALTER TABLE "CashEntry" ADD COLUMN     "giver" TEXT,
ADD COLUMN     "memberId" TEXT,
ADD COLUMN     "reason" TEXT,
ALTER COLUMN "category" TYPE "CashCategory" USING (CASE WHEN upper("category") IN ('ORDER', 'CONSIGNMENT', 'REFUND', 'OTHER_SALES', 'MATERIALS', 'TRANSPORT', 'EQUIPMENT', 'AID', 'SAVINGS', 'IKS', 'PAYOUT', 'OPENING', 'OTHER') THEN upper("category") ELSE 'OTHER' END)::"CashCategory";

-- AlterTable
ALTER TABLE "MemberContribution" ADD COLUMN     "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "recordedById" TEXT;

-- CreateTable
CREATE TABLE "GroupFundRate" (
    "id" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "percent" INTEGER NOT NULL,
    "validFrom" TIMESTAMP(3) NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "setById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GroupFundRate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Distribution" (
    "id" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "periodFrom" TIMESTAMP(3) NOT NULL,
    "periodTo" TIMESTAMP(3) NOT NULL,
    "income" INTEGER NOT NULL,
    "costs" INTEGER NOT NULL,
    "fundPercent" INTEGER NOT NULL,
    "fundAmount" INTEGER NOT NULL,
    "distributable" INTEGER NOT NULL,
    "basis" "DistributionBasis" NOT NULL,
    "status" "DistributionStatus" NOT NULL DEFAULT 'PROPOSED',
    "cancelReason" TEXT,
    "createdById" TEXT,
    "approvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Distribution_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DistributionShare" (
    "id" TEXT NOT NULL,
    "distributionId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "contribution" INTEGER NOT NULL,
    "amount" INTEGER NOT NULL,

    CONSTRAINT "DistributionShare_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DistributionPayout" (
    "id" TEXT NOT NULL,
    "shareId" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "paidAt" TIMESTAMP(3) NOT NULL,
    "cashEntryId" TEXT NOT NULL,
    "recordedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DistributionPayout_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignInCode" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignInCode_pkey" PRIMARY KEY ("id")
);

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

-- CreateIndex
CREATE INDEX "CashEntry_memberId_idx" ON "CashEntry"("memberId");

-- AddForeignKey
ALTER TABLE "CashEntry" ADD CONSTRAINT "CashEntry_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "GroupMember"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MemberContribution" ADD CONSTRAINT "MemberContribution_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupFundRate" ADD CONSTRAINT "GroupFundRate_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupFundRate" ADD CONSTRAINT "GroupFundRate_setById_fkey" FOREIGN KEY ("setById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Distribution" ADD CONSTRAINT "Distribution_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Distribution" ADD CONSTRAINT "Distribution_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DistributionShare" ADD CONSTRAINT "DistributionShare_distributionId_fkey" FOREIGN KEY ("distributionId") REFERENCES "Distribution"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DistributionShare" ADD CONSTRAINT "DistributionShare_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "GroupMember"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DistributionPayout" ADD CONSTRAINT "DistributionPayout_shareId_fkey" FOREIGN KEY ("shareId") REFERENCES "DistributionShare"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DistributionPayout" ADD CONSTRAINT "DistributionPayout_cashEntryId_fkey" FOREIGN KEY ("cashEntryId") REFERENCES "CashEntry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DistributionPayout" ADD CONSTRAINT "DistributionPayout_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SignInCode" ADD CONSTRAINT "SignInCode_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SignInCode" ADD CONSTRAINT "SignInCode_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
