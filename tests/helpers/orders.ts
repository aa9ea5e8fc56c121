import { addToCart, getCart } from "~/.server/cart/cart";
import { db, type PaymentMethod } from "~/.server/db/client";
import { checkout } from "~/.server/checkout/checkout";
import { NEW_ADDRESS } from "~/forms/cart";
import { wibDateKey } from "~/utils/delivery";

// Orders placed the way a buyer places them: into the cart, then through checkout.

type Buyer = { business: { id: string; villageId: string }; buyer: { id: string } };

export async function checkoutCart(
  buyer: Buyer,
  options: { paymentMethod?: PaymentMethod; wantedBy?: string; now?: Date } = {},
) {
  const now = options.now ?? new Date();
  const cart = await getCart(buyer.business.id, now);
  return checkout(
    buyer.business.id,
    buyer.buyer.id,
    {
      version: cart.version,
      address: NEW_ADDRESS,
      recipient: "Bu Rina",
      line: "Jl. Raya Lembang 1",
      villageId: buyer.business.villageId,
      paymentMethod: (options.paymentMethod ?? "BANK_TRANSFER") as "BANK_TRANSFER",
      orders: cart.groups.map((group) => ({
        groupId: group.group.id,
        wantedBy: options.wantedBy ?? (group.earliest ? wibDateKey(group.earliest) : "2099-01-01"),
      })),
    },
    now,
  );
}

/** One product into the cart and straight through checkout; the result of whichever step refused. */
export async function orderNow(
  buyer: Buyer,
  productId: string,
  quantity: number,
  options: { paymentMethod?: PaymentMethod; wantedBy?: string; now?: Date } = {},
) {
  const added = await addToCart(buyer.business.id, productId, quantity, options.now);
  if (!added.ok) return added;
  return checkoutCart(buyer, options);
}

/** The number of a freshly placed order; throws when it could not be placed. */
export async function placedOrderNumber(buyer: Buyer, productId: string, quantity = 10) {
  const result = await orderNow(buyer, productId, quantity);
  if (!result.ok || !("numbers" in result) || !result.numbers[0]) {
    throw new Error(`order failed: ${JSON.stringify(result)}`);
  }
  return result.numbers[0];
}

export async function stockOf(productId: string) {
  return (await db.product.findUniqueOrThrow({ where: { id: productId }, select: { stock: true } })).stock;
}
