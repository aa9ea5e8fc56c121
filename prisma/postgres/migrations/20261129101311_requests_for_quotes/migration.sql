-- CreateEnum
CREATE TYPE "RequestVisibility" AS ENUM ('NEARBY', 'INVITED');

-- CreateEnum
CREATE TYPE "RecipientSource" AS ENUM ('MATCHED', 'INVITED');

-- CreateEnum
CREATE TYPE "MessageSide" AS ENUM ('BUYER', 'GROUP', 'SYSTEM');

-- AlterEnum
BEGIN;
CREATE TYPE "RequestStatus_new" AS ENUM ('OPEN', 'QUOTED', 'AWARDED', 'CANCELLED', 'EXPIRED');
ALTER TABLE "QuoteRequest" ALTER COLUMN "status" DROP DEFAULT;
ALTER TABLE "QuoteRequest" ALTER COLUMN "status" TYPE "RequestStatus_new" USING ("status"::text::"RequestStatus_new");
ALTER TYPE "RequestStatus" RENAME TO "RequestStatus_old";
ALTER TYPE "RequestStatus_new" RENAME TO "RequestStatus";
DROP TYPE "RequestStatus_old";
ALTER TABLE "QuoteRequest" ALTER COLUMN "status" SET DEFAULT 'OPEN';
COMMIT;

-- AlterEnum
BEGIN;
CREATE TYPE "QuoteStatus_new" AS ENUM ('SUBMITTED', 'ACCEPTED', 'NOT_CHOSEN', 'WITHDRAWN');
ALTER TABLE "Quote" ALTER COLUMN "status" DROP DEFAULT;
ALTER TABLE "Quote" ALTER COLUMN "status" TYPE "QuoteStatus_new" USING ("status"::text::"QuoteStatus_new");
ALTER TYPE "QuoteStatus" RENAME TO "QuoteStatus_old";
ALTER TYPE "QuoteStatus_new" RENAME TO "QuoteStatus";
DROP TYPE "QuoteStatus_old";
ALTER TABLE "Quote" ALTER COLUMN "status" SET DEFAULT 'SUBMITTED';
COMMIT;

-- DropForeignKey
ALTER TABLE "Quote" DROP CONSTRAINT "Quote_productId_fkey";

-- DropIndex
DROP INDEX "QuoteRequest_status_neededBy_idx";

-- AlterTable
ALTER TABLE "QuoteRequest" ADD COLUMN     "addressId" TEXT,
ADD COLUMN     "areaId" TEXT,
ADD COLUMN     "awardedAt" TIMESTAMP(3),
ADD COLUMN     "cancelReason" TEXT,
ADD COLUMN     "cancelledAt" TIMESTAMP(3),
ADD COLUMN     "closesAt" TIMESTAMP(3) NOT NULL,
ADD COLUMN     "createdById" TEXT NOT NULL,
ADD COLUMN     "deliveryAddress" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "expiredAt" TIMESTAMP(3),
ADD COLUMN     "number" TEXT NOT NULL,
ADD COLUMN     "photoId" TEXT,
ADD COLUMN     "radiusKm" INTEGER NOT NULL DEFAULT 25,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL,
ADD COLUMN     "visibility" "RequestVisibility" NOT NULL DEFAULT 'NEARBY';

-- AlterTable
ALTER TABLE "Quote" DROP COLUMN "leadTimeDays",
DROP COLUMN "message",
ADD COLUMN     "counterNote" TEXT,
ADD COLUMN     "counterUnitPrice" INTEGER,
ADD COLUMN     "counteredAt" TIMESTAMP(3),
ADD COLUMN     "createdById" TEXT NOT NULL,
ADD COLUMN     "earliestDelivery" TIMESTAMP(3) NOT NULL,
ADD COLUMN     "note" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL,
ADD COLUMN     "validUntil" TIMESTAMP(3) NOT NULL,
ALTER COLUMN "productId" SET NOT NULL;

-- CreateTable
CREATE TABLE "RequestRecipient" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "source" "RecipientSource" NOT NULL,
    "rank" INTEGER,
    "score" DOUBLE PRECISION,
    "reasons" TEXT NOT NULL DEFAULT '[]',
    "seenAt" TIMESTAMP(3),
    "declinedAt" TIMESTAMP(3),
    "declineReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RequestRecipient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuoteTier" (
    "id" TEXT NOT NULL,
    "quoteId" TEXT NOT NULL,
    "minQuantity" INTEGER NOT NULL,
    "unitPrice" INTEGER NOT NULL,

    CONSTRAINT "QuoteTier_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RequestThread" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "buyerReadAt" TIMESTAMP(3),
    "groupReadAt" TIMESTAMP(3),
    "lastMessageAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RequestThread_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ThreadMessage" (
    "id" TEXT NOT NULL,
    "threadId" TEXT NOT NULL,
    "side" "MessageSide" NOT NULL,
    "authorId" TEXT,
    "body" TEXT NOT NULL DEFAULT '',
    "params" TEXT,
    "photoId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ThreadMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RequestRecipient_groupId_createdAt_idx" ON "RequestRecipient"("groupId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "RequestRecipient_requestId_groupId_key" ON "RequestRecipient"("requestId", "groupId");

-- CreateIndex
CREATE UNIQUE INDEX "QuoteTier_quoteId_minQuantity_key" ON "QuoteTier"("quoteId", "minQuantity");

-- CreateIndex
CREATE INDEX "RequestThread_groupId_lastMessageAt_idx" ON "RequestThread"("groupId", "lastMessageAt");

-- CreateIndex
CREATE UNIQUE INDEX "RequestThread_requestId_groupId_key" ON "RequestThread"("requestId", "groupId");

-- CreateIndex
CREATE INDEX "ThreadMessage_threadId_createdAt_idx" ON "ThreadMessage"("threadId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "QuoteRequest_number_key" ON "QuoteRequest"("number");

-- CreateIndex
CREATE INDEX "QuoteRequest_status_closesAt_idx" ON "QuoteRequest"("status", "closesAt");

-- CreateIndex
CREATE INDEX "QuoteRequest_businessId_createdAt_idx" ON "QuoteRequest"("businessId", "createdAt");

-- CreateIndex
CREATE INDEX "QuoteRequest_categoryId_createdAt_idx" ON "QuoteRequest"("categoryId", "createdAt");

-- CreateIndex
CREATE INDEX "Quote_groupId_status_idx" ON "Quote"("groupId", "status");

-- AddForeignKey
ALTER TABLE "QuoteRequest" ADD CONSTRAINT "QuoteRequest_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuoteRequest" ADD CONSTRAINT "QuoteRequest_addressId_fkey" FOREIGN KEY ("addressId") REFERENCES "Address"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuoteRequest" ADD CONSTRAINT "QuoteRequest_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuoteRequest" ADD CONSTRAINT "QuoteRequest_photoId_fkey" FOREIGN KEY ("photoId") REFERENCES "ImageAsset"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestRecipient" ADD CONSTRAINT "RequestRecipient_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "QuoteRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestRecipient" ADD CONSTRAINT "RequestRecipient_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Quote" ADD CONSTRAINT "Quote_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Quote" ADD CONSTRAINT "Quote_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuoteTier" ADD CONSTRAINT "QuoteTier_quoteId_fkey" FOREIGN KEY ("quoteId") REFERENCES "Quote"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestThread" ADD CONSTRAINT "RequestThread_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "QuoteRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestThread" ADD CONSTRAINT "RequestThread_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThreadMessage" ADD CONSTRAINT "ThreadMessage_threadId_fkey" FOREIGN KEY ("threadId") REFERENCES "RequestThread"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThreadMessage" ADD CONSTRAINT "ThreadMessage_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThreadMessage" ADD CONSTRAINT "ThreadMessage_photoId_fkey" FOREIGN KEY ("photoId") REFERENCES "ImageAsset"("id") ON DELETE SET NULL ON UPDATE CASCADE;
