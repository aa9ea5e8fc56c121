import { db } from "~/.server/db/client";
import { OrderSummaryChanges, orderFacts, summariseCashLine } from "~/.server/summaries/group-month";
import type { CashLineFacts } from "~/.server/summaries/group-month";

// Tests that write orders and cash lines straight to the tables (to compare reports with counts
// made from the same rows) add them to the (group, month) summaries the way the app's writers do,
// since monitoring reads the summaries. tests/integration/summaries.test.ts proves the writers.

/** Adds a just-written order to the summaries. */
export async function summariseNewOrder(orderId: string) {
  await db.$transaction(async (tx) => {
    const changes = new OrderSummaryChanges();
    changes.record(null, await orderFacts(tx, orderId));
    await changes.apply(tx);
  });
}

/** Adds just-written cash lines to the summaries. */
export async function summariseNewLines(lines: CashLineFacts[]) {
  await db.$transaction(async (tx) => {
    for (const line of lines) await summariseCashLine(tx, line);
  });
}
