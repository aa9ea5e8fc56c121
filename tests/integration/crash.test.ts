import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { db } from "~/.server/db/client";
import { createBusinessWithBuyer, createProduct, createWorld } from "../helpers/factories";

const STOCK = 5_000;

/** Starts order-loop.ts in its own process and kills it (SIGKILL, no goodbye) after `after` orders. */
function placeOrdersUntilKilled(args: string[], after: number) {
  return new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "tests/support/order-loop.ts", ...args], {
      env: { ...process.env, NODE_ENV: "test" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let placed = 0;
    let stderr = "";
    // A random moment within the next order, so the kill can land inside a transaction.
    const killSoon = () => setTimeout(() => child.kill("SIGKILL"), Math.floor(Math.random() * 40));
    child.stdout.on("data", (chunk: Buffer) => {
      placed += chunk
        .toString()
        .split("\n")
        .filter((line) => line === "placed").length;
      if (placed >= after && !child.killed) killSoon();
    });
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("exit", (code, signal) => {
      if (signal === "SIGKILL") resolve(placed);
      else reject(new Error(`order loop ended by itself (${code}): ${stderr}`));
    });
  });
}

describe("the server killed in the middle of placing orders", () => {
  it("leaves no half order, and stock plus reservations still add up", { timeout: 120_000 }, async () => {
    const world = await createWorld();
    const product = await createProduct(world.home.group.id, world.category.id, {
      stock: STOCK,
      minOrderQuantity: 1,
    });
    const buyer = await createBusinessWithBuyer(world.areas.villageA2.id);
    for (const round of [3, 5, 8]) {
      const placed = await placeOrdersUntilKilled(
        [buyer.business.id, buyer.business.villageId, buyer.buyer.id, product.id],
        round,
      );
      expect(placed).toBeGreaterThanOrEqual(round);
    }
    // After "restart" (this process reads what the killed one left behind):
    const orders = await db.order.findMany({
      where: { businessId: buyer.business.id },
      select: {
        id: true,
        total: true,
        items: { select: { quantity: true, lineTotal: true } },
        events: { select: { id: true } },
      },
    });
    expect(orders.length).toBeGreaterThanOrEqual(16);
    for (const order of orders) {
      expect(order.items.length).toBe(1);
      expect(order.events.length).toBeGreaterThanOrEqual(1);
      expect(order.total).toBe(order.items.reduce((sum, item) => sum + item.lineTotal, 0));
    }
    const reserved = orders.reduce((sum, order) => sum + (order.items[0]?.quantity ?? 0), 0);
    const { stock } = await db.product.findUniqueOrThrow({
      where: { id: product.id },
      select: { stock: true },
    });
    expect(stock + reserved).toBe(STOCK);
    expect(stock).toBeGreaterThanOrEqual(0);
    // Every order was audited with it; the cart holds at most the line being checked out.
    expect(
      await db.auditEvent.count({ where: { action: "order.place", businessId: buyer.business.id } }),
    ).toBe(orders.length);
    expect(
      await db.cartItem.count({ where: { cart: { businessId: buyer.business.id } } }),
    ).toBeLessThanOrEqual(1);
  });
});
