import { newRequestNumber } from "~/.server/matching/request-state";
import { db } from "~/.server/db/client";

// Builders for requests for quotes in integration tests: real rows, nothing mocked.

const DAY = 24 * 60 * 60 * 1000;

/** A request of `businessId` posted by `userId`, needed in three weeks, open for two. */
export async function createRequest(
  businessId: string,
  userId: string,
  villageId: string,
  data: Partial<{
    title: string;
    description: string;
    categoryId: string | null;
    quantity: number;
    budgetPerUnit: number | null;
    neededBy: Date;
    closesAt: Date;
    visibility: "NEARBY" | "INVITED";
    status: "OPEN" | "QUOTED" | "AWARDED" | "CANCELLED" | "EXPIRED";
    createdAt: Date;
  }> = {},
) {
  const now = new Date();
  const neededBy = data.neededBy ?? new Date(now.getTime() + 21 * DAY);
  return db.quoteRequest.create({
    data: {
      number: newRequestNumber(now),
      businessId,
      createdById: userId,
      villageId,
      deliveryAddress: "Jl. Raya Lembang 1, Jayagiri",
      title: data.title ?? "Besek bambu untuk hampers",
      description: data.description ?? "",
      categoryId: data.categoryId ?? null,
      quantity: data.quantity ?? 200,
      unit: "PCS",
      budgetPerUnit: data.budgetPerUnit ?? null,
      neededBy,
      closesAt: data.closesAt ?? new Date(now.getTime() + 14 * DAY),
      visibility: data.visibility ?? "NEARBY",
      status: data.status ?? "OPEN",
      ...(data.createdAt ? { createdAt: data.createdAt } : {}),
    },
  });
}

/** Lets `groupId` see and answer the request, as the matcher or an invitation would. */
export async function addRecipient(
  requestId: string,
  groupId: string,
  source: "MATCHED" | "INVITED" = "MATCHED",
  rank: number | null = 1,
) {
  return db.requestRecipient.create({
    data: { requestId, groupId, source, rank, score: rank === null ? null : 0.8 },
  });
}
