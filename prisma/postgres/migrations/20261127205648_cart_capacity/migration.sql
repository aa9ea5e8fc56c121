-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "checkoutId" TEXT;

-- AlterTable
ALTER TABLE "OrderItem" ADD COLUMN     "capacityWeek" TEXT;

-- CreateTable
CREATE TABLE "CapacityBooking" (
    "productId" TEXT NOT NULL,
    "week" TEXT NOT NULL,
    "booked" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "CapacityBooking_pkey" PRIMARY KEY ("productId","week")
);

-- CreateIndex
CREATE INDEX "Order_checkoutId_idx" ON "Order"("checkoutId");

-- AddForeignKey
ALTER TABLE "CapacityBooking" ADD CONSTRAINT "CapacityBooking_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;
