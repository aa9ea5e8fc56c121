import { createHash } from "node:crypto";
import { isUniqueViolation } from "../db/errors";
import type { MessageKey, MessageParams } from "~/locales";
import { wibWeekKey } from "~/utils/delivery";
import { priceForQuantity, quantityProblem } from "~/utils/pricing";
import { mainImage, mainImageSelect } from "../catalog/products";
import { db, Prisma } from "../db/client";
import { bookedFrom, earliestFeasibleDate, type CapacityNeed } from "../orders/capacity";

// The buyer's cart: one per business, kept on the server so it works without JavaScript and on
// any phone the business signs in from. Prices are never stored here; they are read when shown.

export type Problem = { key: MessageKey; params?: MessageParams };

/** The most lines a cart holds; a business ordering more splits it into several checkouts. */
export const MAX_CART_LINES = 50;

const productRulesSelect = {
  id: true,
  slug: true,
  name: true,
  unit: true,
  price: true,
  status: true,
  pausedUntil: true,
  minOrderQuantity: true,
  orderMultiple: true,
  supplyMode: true,
  stock: true,
  capacityPerWeek: true,
  leadTimeDays: true,
  groupId: true,
  tiers: { select: { minQuantity: true, unitPrice: true } },
} satisfies Prisma.ProductSelect;

type ProductRules = Prisma.ProductGetPayload<{ select: typeof productRulesSelect }>;

/** The rules and whether TKM suspended the product's group (then none of its products can be ordered). */
const orderableSelect = {
  ...productRulesSelect,
  group: { select: { suspendedAt: true } },
} satisfies Prisma.ProductSelect;
type Orderable = ProductRules & { group: { suspendedAt: Date | null } };

/** Why this quantity of this product cannot be ordered now, or null when it can. */
export function lineProblem(product: Orderable, quantity: number, now: Date): Problem | null {
  // A group TKM suspended takes no orders: its products are unavailable like withdrawn ones.
  if (product.status !== "ACTIVE" || product.group.suspendedAt) return { key: "order.product_unavailable" };
  if (product.pausedUntil && product.pausedUntil > now) return { key: "cart.paused" };
  const problem = quantityProblem(product, quantity);
  if (problem === "below_minimum")
    return { key: "order.below_minimum", params: { min: product.minOrderQuantity } };
  if (problem === "not_multiple")
    return { key: "order.not_multiple", params: { multiple: product.orderMultiple } };
  if (problem) return { key: "form.whole_number" };
  if (product.supplyMode === "READY_STOCK" && quantity > product.stock) {
    return { key: "order.out_of_stock", params: { stock: product.stock } };
  }
  if (
    product.supplyMode === "MADE_TO_ORDER" &&
    product.capacityPerWeek !== null &&
    quantity > product.capacityPerWeek
  ) {
    return { key: "cart.over_capacity", params: { capacity: product.capacityPerWeek } };
  }
  return null;
}

export function capacityNeed(product: ProductRules, quantity: number): CapacityNeed {
  return {
    productId: product.id,
    quantity,
    leadTimeDays: product.leadTimeDays,
    capacityPerWeek: product.supplyMode === "MADE_TO_ORDER" ? product.capacityPerWeek : null,
  };
}

export type AddToCartResult = { ok: true } | ({ ok: false } & Problem);

/** Adds a quantity of a product (on top of what is already in the cart), if the result can be ordered. */
export async function addToCart(
  businessId: string,
  productId: string,
  quantity: number,
  now = new Date(),
): Promise<AddToCartResult> {
  const product = await db.product.findUnique({ where: { id: productId }, select: orderableSelect });
  if (!product) return { ok: false, key: "order.product_unavailable" };
  const cart = await ensureCart(businessId);
  const existing = await db.cartItem.findUnique({
    where: { cartId_productId: { cartId: cart.id, productId } },
    select: { quantity: true },
  });
  if (!existing && (await db.cartItem.count({ where: { cartId: cart.id } })) >= MAX_CART_LINES) {
    return { ok: false, key: "cart.full", params: { max: MAX_CART_LINES } };
  }
  const total = (existing?.quantity ?? 0) + quantity;
  const problem = lineProblem(product, total, now);
  if (problem) return { ok: false, ...problem };
  // Conditional on what was read: two taps at once add twice only if both totals were allowed.
  if (existing) {
    await db.cartItem.updateMany({
      where: { cartId: cart.id, productId, quantity: existing.quantity },
      data: { quantity: total },
    });
  } else {
    try {
      await db.cartItem.create({ data: { cartId: cart.id, productId, quantity }, select: { id: true } });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // The same product was added by another tap a moment ago: that line stands.
    }
  }
  await touch(cart.id, now);
  return { ok: true };
}

export type SetQuantityResult = { ok: true } | ({ ok: false; notFound?: boolean } & Problem);

/** Changes a line's quantity (0 removes it). The line must be in this business's cart. */
export async function setCartQuantity(
  businessId: string,
  itemId: string,
  quantity: number,
  now = new Date(),
): Promise<SetQuantityResult> {
  const item = await db.cartItem.findFirst({
    where: { id: itemId, cart: { businessId } },
    select: { id: true, cartId: true, product: { select: orderableSelect } },
  });
  if (!item) return { ok: false, notFound: true, key: "cart.line_not_found" };
  if (quantity === 0) {
    await db.cartItem.deleteMany({ where: { id: item.id } });
  } else {
    const problem = lineProblem(item.product, quantity, now);
    if (problem) return { ok: false, ...problem };
    await db.cartItem.updateMany({ where: { id: item.id }, data: { quantity } });
  }
  await touch(item.cartId, now);
  return { ok: true };
}

export async function removeCartLine(businessId: string, itemId: string): Promise<boolean> {
  const removed = await db.cartItem.deleteMany({ where: { id: itemId, cart: { businessId } } });
  return removed.count === 1;
}

export async function cartLineCount(businessId: string): Promise<number> {
  return db.cartItem.count({ where: { cart: { businessId } } });
}

async function ensureCart(businessId: string) {
  try {
    return await db.cart.upsert({
      where: { businessId },
      create: { businessId },
      update: {},
      select: { id: true },
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return db.cart.findUniqueOrThrow({ where: { businessId }, select: { id: true } });
  }
}

async function touch(cartId: string, now: Date) {
  await db.cart.update({ where: { id: cartId }, data: { updatedAt: now }, select: { id: true } });
}

/**
 * The cart as the buyer sees it: lines grouped by KUBE (each group becomes one order), each with
 * today's tier price and what stops it, the earliest day each group can deliver, and a version
 * that changes whenever anything the buyer agreed to would change (line, quantity, price).
 */
export async function getCart(businessId: string, now = new Date()) {
  const items = await db.cartItem.findMany({
    where: { cart: { businessId } },
    orderBy: { id: "asc" },
    select: {
      id: true,
      quantity: true,
      product: {
        select: {
          ...productRulesSelect,
          ...mainImageSelect,
          group: {
            select: {
              id: true,
              name: true,
              slug: true,
              suspendedAt: true,
              village: { select: { name: true } },
            },
          },
        },
      },
    },
  });
  const booked = await bookedFrom(
    items.filter((item) => item.product.supplyMode === "MADE_TO_ORDER").map((item) => item.product.id),
    wibWeekKey(now),
  );
  type Group = (typeof items)[number]["product"]["group"];
  const groups = new Map<string, { group: Group; lines: CartLine[] }>();
  for (const item of items) {
    const { group, images, ...product } = item.product;
    const unitPrice = priceForQuantity(product, item.quantity);
    const line = {
      id: item.id,
      quantity: item.quantity,
      unitPrice,
      lineTotal: unitPrice * item.quantity,
      problem: lineProblem({ ...product, group }, item.quantity, now),
      image: mainImage(images),
      product,
    };
    const entry = groups.get(group.id) ?? { group, lines: [] };
    entry.lines.push(line);
    groups.set(group.id, entry);
  }
  const grouped = [...groups.values()].map(({ group, lines }) => {
    const needs = lines.map((line) => capacityNeed(line.product, line.quantity));
    return {
      group,
      lines,
      subtotal: lines.reduce((sum, line) => sum + line.lineTotal, 0),
      earliest: lines.some((line) => line.problem) ? null : earliestFeasibleDate(needs, booked, now),
    };
  });
  const version = createHash("sha256")
    .update(
      JSON.stringify(
        items.map((item) => [item.id, item.quantity, priceForQuantity(item.product, item.quantity)]),
      ),
    )
    .digest("hex")
    .slice(0, 16);
  return {
    groups: grouped,
    lineCount: items.length,
    total: grouped.reduce((sum, group) => sum + group.subtotal, 0),
    hasProblems: grouped.some((group) => group.lines.some((line) => line.problem)),
    version,
  };
}

type CartLine = {
  id: string;
  quantity: number;
  unitPrice: number;
  lineTotal: number;
  problem: Problem | null;
  image: ReturnType<typeof mainImage>;
  product: ProductRules;
};

export type CartView = Awaited<ReturnType<typeof getCart>>;
