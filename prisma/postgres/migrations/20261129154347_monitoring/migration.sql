-- CreateEnum
CREATE TYPE "BaselineMethod" AS ENUM ('SURVEY', 'INTERVIEW', 'RECORDS', 'ESTIMATE');

-- CreateEnum
CREATE TYPE "StageDecisionKind" AS ENUM ('CONFIRMED', 'OVERRIDDEN');

-- CreateEnum
CREATE TYPE "InstitutionKind" AS ENUM ('DPMD', 'DKUKM', 'DISDALDUK', 'VILLAGE_GOVERNMENT', 'PKK', 'BUMDES', 'BANK', 'TRAINING_PROVIDER', 'CSR', 'OTHER');

-- CreateEnum
CREATE TYPE "SupportKind" AS ENUM ('TRAINING', 'AID_MONEY', 'AID_KIND', 'EXHIBITION', 'PERMIT', 'LOAN');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "suspendReason" TEXT,
ADD COLUMN     "suspendedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Group" ADD COLUMN     "shareMemberNames" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "suspendReason" TEXT,
ADD COLUMN     "suspendedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Business" ADD COLUMN     "suspendReason" TEXT,
ADD COLUMN     "suspendedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "VillageOfficial" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "areaId" TEXT NOT NULL,
    "position" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "VillageOfficial_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GroupBaseline" (
    "id" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "monthlyIncome" INTEGER NOT NULL,
    "method" "BaselineMethod" NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "measuredOn" TIMESTAMP(3) NOT NULL,
    "reason" TEXT,
    "recordedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GroupBaseline_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BaselineHousehold" (
    "id" TEXT NOT NULL,
    "baselineId" TEXT NOT NULL,
    "memberId" TEXT,
    "label" TEXT NOT NULL DEFAULT '',
    "monthlyIncome" INTEGER NOT NULL,

    CONSTRAINT "BaselineHousehold_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StageDecision" (
    "id" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "derived" "GroupStage" NOT NULL,
    "stage" "GroupStage" NOT NULL,
    "kind" "StageDecisionKind" NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "facts" TEXT NOT NULL DEFAULT '{}',
    "decidedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StageDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Institution" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "InstitutionKind" NOT NULL,
    "areaId" TEXT NOT NULL,
    "contact" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Institution_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Support" (
    "id" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "kind" "SupportKind" NOT NULL,
    "title" TEXT NOT NULL,
    "date" TIMESTAMP(3) NOT NULL,
    "amount" INTEGER,
    "note" TEXT NOT NULL DEFAULT '',
    "cashEntryId" TEXT,
    "recordedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Support_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TkmMeeting" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "heldAt" TIMESTAMP(3) NOT NULL,
    "place" TEXT NOT NULL DEFAULT '',
    "attendees" TEXT NOT NULL DEFAULT '',
    "attendeeCount" INTEGER NOT NULL DEFAULT 0,
    "notes" TEXT NOT NULL DEFAULT '',
    "recordedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TkmMeeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingDecision" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "MeetingDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FollowUp" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "groupId" TEXT,
    "text" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "dueOn" TIMESTAMP(3) NOT NULL,
    "doneAt" TIMESTAMP(3),
    "doneNote" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "FollowUp_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GroupMonth" (
    "groupId" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "earned" INTEGER NOT NULL DEFAULT 0,
    "costs" INTEGER NOT NULL DEFAULT 0,
    "orders" INTEGER NOT NULL DEFAULT 0,
    "salesValue" INTEGER NOT NULL DEFAULT 0,
    "delivered" INTEGER NOT NULL DEFAULT 0,
    "onTime" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "GroupMonth_pkey" PRIMARY KEY ("groupId","month")
);

-- CreateTable
CREATE TABLE "GroupBuyerMonth" (
    "groupId" TEXT NOT NULL,
    "businessId" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "orders" INTEGER NOT NULL DEFAULT 0,
    "value" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "GroupBuyerMonth_pkey" PRIMARY KEY ("groupId","businessId","month")
);

-- CreateIndex
CREATE INDEX "VillageOfficial_userId_idx" ON "VillageOfficial"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "VillageOfficial_areaId_userId_key" ON "VillageOfficial"("areaId", "userId");

-- CreateIndex
CREATE INDEX "GroupBaseline_groupId_createdAt_idx" ON "GroupBaseline"("groupId", "createdAt");

-- CreateIndex
CREATE INDEX "BaselineHousehold_baselineId_idx" ON "BaselineHousehold"("baselineId");

-- CreateIndex
CREATE INDEX "BaselineHousehold_memberId_idx" ON "BaselineHousehold"("memberId");

-- CreateIndex
CREATE INDEX "StageDecision_groupId_createdAt_idx" ON "StageDecision"("groupId", "createdAt");

-- CreateIndex
CREATE INDEX "Institution_areaId_idx" ON "Institution"("areaId");

-- CreateIndex
CREATE UNIQUE INDEX "Support_cashEntryId_key" ON "Support"("cashEntryId");

-- CreateIndex
CREATE INDEX "Support_groupId_date_idx" ON "Support"("groupId", "date");

-- CreateIndex
CREATE INDEX "Support_institutionId_date_idx" ON "Support"("institutionId", "date");

-- CreateIndex
CREATE INDEX "TkmMeeting_teamId_heldAt_idx" ON "TkmMeeting"("teamId", "heldAt");

-- CreateIndex
CREATE INDEX "MeetingDecision_meetingId_idx" ON "MeetingDecision"("meetingId");

-- CreateIndex
CREATE INDEX "FollowUp_meetingId_idx" ON "FollowUp"("meetingId");

-- CreateIndex
CREATE INDEX "FollowUp_groupId_idx" ON "FollowUp"("groupId");

-- CreateIndex
CREATE INDEX "GroupMonth_month_idx" ON "GroupMonth"("month");

-- CreateIndex
CREATE INDEX "GroupBuyerMonth_businessId_idx" ON "GroupBuyerMonth"("businessId");

-- CreateIndex
CREATE INDEX "GroupBuyerMonth_month_idx" ON "GroupBuyerMonth"("month");

-- CreateIndex
CREATE INDEX "AuditEvent_createdAt_idx" ON "AuditEvent"("createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_action_createdAt_idx" ON "AuditEvent"("action", "createdAt");

-- AddForeignKey
ALTER TABLE "VillageOfficial" ADD CONSTRAINT "VillageOfficial_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VillageOfficial" ADD CONSTRAINT "VillageOfficial_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupBaseline" ADD CONSTRAINT "GroupBaseline_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupBaseline" ADD CONSTRAINT "GroupBaseline_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BaselineHousehold" ADD CONSTRAINT "BaselineHousehold_baselineId_fkey" FOREIGN KEY ("baselineId") REFERENCES "GroupBaseline"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BaselineHousehold" ADD CONSTRAINT "BaselineHousehold_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "GroupMember"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StageDecision" ADD CONSTRAINT "StageDecision_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StageDecision" ADD CONSTRAINT "StageDecision_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Institution" ADD CONSTRAINT "Institution_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Support" ADD CONSTRAINT "Support_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "Institution"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Support" ADD CONSTRAINT "Support_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Support" ADD CONSTRAINT "Support_cashEntryId_fkey" FOREIGN KEY ("cashEntryId") REFERENCES "CashEntry"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Support" ADD CONSTRAINT "Support_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TkmMeeting" ADD CONSTRAINT "TkmMeeting_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "TkmTeam"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TkmMeeting" ADD CONSTRAINT "TkmMeeting_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingDecision" ADD CONSTRAINT "MeetingDecision_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "TkmMeeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUp" ADD CONSTRAINT "FollowUp_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "TkmMeeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUp" ADD CONSTRAINT "FollowUp_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupMonth" ADD CONSTRAINT "GroupMonth_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupBuyerMonth" ADD CONSTRAINT "GroupBuyerMonth_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupBuyerMonth" ADD CONSTRAINT "GroupBuyerMonth_businessId_fkey" FOREIGN KEY ("businessId") REFERENCES "Business"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Backfill: the (group, month) summaries computed from the orders and cash lines already stored.
-- From here on the app keeps them in the transaction of every write (app/.server/summaries).
-- The same statements as ledger/summaries-rebuild.ts rebuildSummaries (npm run reconcile checks).
INSERT INTO "GroupMonth" ("groupId", "month", "earned", "costs", "orders", "salesValue", "delivered", "onTime")
SELECT "groupId", "month",
      SUM("earned") AS "earned", SUM("costs") AS "costs", SUM("orders") AS "orders",
      SUM("salesValue") AS "salesValue", SUM("delivered") AS "delivered", SUM("onTime") AS "onTime"
    FROM (
      SELECT "groupId", to_char("occurredAt" + INTERVAL '7 hours', 'YYYY-MM') AS "month", (CASE
    WHEN "category" IN ('ORDER', 'CONSIGNMENT', 'OTHER_SALES') THEN (CASE WHEN "kind" = 'EXPENSE' THEN -"amount" ELSE "amount" END)
    WHEN "category" = 'REFUND' AND "kind" = 'EXPENSE' THEN -"amount"
    ELSE 0 END) AS "earned", (CASE
    WHEN "category" IN ('MATERIALS', 'TRANSPORT', 'EQUIPMENT', 'OTHER') AND "kind" = 'EXPENSE' AND "reversesId" IS NULL THEN "amount"
    WHEN "category" IN ('MATERIALS', 'TRANSPORT', 'EQUIPMENT', 'OTHER') AND "kind" = 'INCOME' AND "reversesId" IS NOT NULL THEN -"amount"
    ELSE 0 END) AS "costs",
        0 AS "orders", 0 AS "salesValue", 0 AS "delivered", 0 AS "onTime"
      FROM "CashEntry"
      WHERE "category" IN ('ORDER', 'CONSIGNMENT', 'OTHER_SALES') OR "category" IN ('MATERIALS', 'TRANSPORT', 'EQUIPMENT', 'OTHER') OR "category" = 'REFUND'
      UNION ALL
      SELECT o."groupId", to_char(o."placedAt" + INTERVAL '7 hours', 'YYYY-MM'), 0, 0, 1, o."total", 0, 0
      FROM "Order" o WHERE o."status" NOT IN ('REJECTED', 'CANCELLED')
      UNION ALL
      SELECT o."groupId", to_char(o."deliveredAt" + INTERVAL '7 hours', 'YYYY-MM'), 0, 0, 0, 0, 1,
        CASE WHEN o."deliveredAt" <= COALESCE(o."wantedBy", o."placedAt" + (COALESCE((SELECT MAX(pr."leadTimeDays") FROM "OrderItem" i
    JOIN "Product" pr ON pr."id" = i."productId" WHERE i."orderId" = o."id"), 0) + 2) * INTERVAL '1 day') THEN 1 ELSE 0 END
      FROM "Order" o WHERE o."deliveredAt" IS NOT NULL
    ) "facts"
    GROUP BY "groupId", "month";

INSERT INTO "GroupBuyerMonth" ("groupId", "businessId", "month", "orders", "value")
SELECT o."groupId" AS "groupId", o."businessId" AS "businessId", to_char(o."placedAt" + INTERVAL '7 hours', 'YYYY-MM') AS "month",
      COUNT(*) AS "orders", SUM(o."total") AS "value"
    FROM "Order" o WHERE o."status" NOT IN ('REJECTED', 'CANCELLED')
    GROUP BY o."groupId", o."businessId", to_char(o."placedAt" + INTERVAL '7 hours', 'YYYY-MM');
