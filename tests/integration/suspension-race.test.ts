import { describe, expect, it } from "vitest";
import { addToCart } from "~/.server/cart/cart";
import { db, dbKind } from "~/.server/db/client";
import { createProduct, createWorld } from "../helpers/factories";
import { checkoutCart } from "../helpers/orders";

// A suspension and a checkout at the same moment. The suspension is written and held open; the
// checkout starts meanwhile. On PostgreSQL the checkout used to read the group's standing as last
// committed (not suspended) and place the order; it now share-locks the row, waits for the
// suspension, and refuses. SQLite serialises writers, so there it waits either way.

async function held(write: (tx: Parameters<Parameters<typeof db.$transaction>[0]>[0]) => Promise<unknown>) {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let written = () => {};
  const isWritten = new Promise<void>((resolve) => (written = resolve));
  const done = db.$transaction(
    async (tx) => {
      await write(tx);
      written();
      await released;
    },
    { timeout: 20_000 },
  );
  await isWritten;
  return { release, done };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("a suspension while an order is on its way", () => {
  for (const entity of ["group", "business"] as const) {
    it(`refuses the order when its ${entity} is suspended while the checkout is placing it`, async () => {
      const world = await createWorld();
      const product = await createProduct(world.home.group.id, world.category.id, { stock: 100 });
      expect(await addToCart(world.buyer.business.id, product.id, 12)).toMatchObject({ ok: true });
      const data = { suspendedAt: new Date(), suspendReason: "Laporan palsu" };
      const suspension = await held((tx) =>
        entity === "group"
          ? tx.group.update({ where: { id: world.home.group.id }, data })
          : tx.business.update({ where: { id: world.buyer.business.id }, data }),
      );
      const placing = checkoutCart(world.buyer);
      await pause(300);
      suspension.release();
      await suspension.done;
      const placed = await placing;
      expect(placed.ok).toBe(false);
      // PostgreSQL: refused where the order is placed. SQLite: a suspended group is already caught
      // by the checkout's first read of the cart, which waited for the suspension.
      const key =
        entity === "business"
          ? "stew.business_suspended"
          : dbKind === "postgres"
            ? "stew.group_suspended"
            : "checkout.fix_cart";
      expect(JSON.stringify(placed)).toContain(key);
      expect(await db.order.count({ where: { businessId: world.buyer.business.id } })).toBe(0);
      expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).stock).toBe(100);
    });
  }
});
