import { createHash } from "node:crypto";
import { NEW_ADDRESS, type CheckoutInput } from "~/forms/cart";
import { wibDateKey, wibNoon, wibWeekKey } from "~/utils/delivery";
import { normalizeIndonesianPhone } from "~/utils/phone";
import { addressText } from "../buyers/addresses";
import { capacityNeed, getCart, type CartView, type Problem } from "../cart/cart";
import { db, type PaymentMethod } from "../db/client";
import { paymentOptions } from "../payments/methods";
import { bookedFrom, deliveryProblem } from "../orders/capacity";
import { placeOrders, PlacementConflict, tempoCreditHolds } from "../orders/place";

export type CheckoutResult =
  | { ok: true; checkoutId: string; numbers: string[]; repeated: boolean }
  | { ok: false; formErrors: Problem[]; fieldErrors: Record<string, Problem[]> };

/** One checkout of one cart version has one id: a second submit of the same form finds the first. */
export function checkoutIdFor(businessId: string, version: string): string {
  return createHash("sha256").update(`${businessId}:${version}`).digest("hex").slice(0, 20);
}

class CheckoutConflict extends Error {
  constructor(readonly problem: Problem) {
    super(problem.key);
  }
}

function refuse(formErrors: Problem[], fieldErrors: Record<string, Problem[]> = {}): CheckoutResult {
  return { ok: false, formErrors, fieldErrors };
}

/**
 * Turns the business's cart into one order per group, all or nothing. Prices, names and units come
 * from the database (the form carries only choices); ready stock is reserved and made-to-order
 * capacity booked by conditional updates; the cart lines are claimed first, so a double submit
 * places the orders once.
 */
export async function checkout(
  businessId: string,
  userId: string,
  input: CheckoutInput,
  now = new Date(),
): Promise<CheckoutResult> {
  const checkoutId = checkoutIdFor(businessId, input.version);
  const business = await db.business.findUnique({ where: { id: businessId }, select: { suspendedAt: true } });
  if (business?.suspendedAt) return refuse([{ key: "stew.business_suspended" }]);
  const cart = await getCart(businessId, now);
  if (cart.lineCount === 0) {
    const earlier = await ordersOfCheckout(businessId, checkoutId);
    return earlier ?? refuse([{ key: "cart.empty" }]);
  }
  if (cart.version !== input.version) return refuse([{ key: "checkout.cart_changed" }]);
  if (cart.hasProblems) return refuse([{ key: "checkout.fix_cart" }]);

  const options = await paymentOptions(businessId);
  if (!options.methods.includes(input.paymentMethod)) {
    return refuse([], { paymentMethod: [{ key: "checkout.method_not_offered" }] });
  }
  if (input.paymentMethod === "TEMPO" && options.tempo && cart.total > options.tempo.available) {
    return refuse([], {
      paymentMethod: [{ key: "checkout.over_credit", params: { available: options.tempo.available } }],
    });
  }

  const address = await resolveAddress(businessId, input);
  if ("problem" in address) return refuse([], address.problem);

  // Each group in the cart needs its details, and only groups in the cart may have them.
  const details = new Map(input.orders.map((order, index) => [order.groupId, { ...order, index }]));
  if (details.size !== cart.groups.length || cart.groups.some((group) => !details.has(group.group.id))) {
    return refuse([{ key: "checkout.cart_changed" }]);
  }
  const booked = await bookedFrom(
    cart.groups.flatMap((group) => group.lines.map((line) => line.product.id)),
    wibWeekKey(now),
  );
  const fieldErrors: Record<string, Problem[]> = {};
  const wanted = new Map<string, Date>();
  for (const group of cart.groups) {
    const detail = details.get(group.group.id)!;
    const field = `orders[${detail.index}].wantedBy`;
    const date = wibNoon(detail.wantedBy);
    if (!date) {
      fieldErrors[field] = [{ key: "form.date_invalid" }];
      continue;
    }
    const problem = deliveryProblem(
      group.lines.map((line) => capacityNeed(line.product, line.quantity)),
      date,
      booked,
      now,
    );
    if (problem) {
      fieldErrors[field] = [explainDelivery(problem, group, group.earliest)];
      continue;
    }
    wanted.set(group.group.id, date);
  }
  if (Object.keys(fieldErrors).length > 0) return refuse([], fieldErrors);

  try {
    const numbers = await db.$transaction(async (tx) => {
      const claimed = await tx.cartItem.deleteMany({
        where: {
          id: { in: cart.groups.flatMap((group) => group.lines.map((line) => line.id)) },
          cart: { businessId },
        },
      });
      if (claimed.count !== cart.lineCount) throw new CheckoutConflict({ key: "checkout.cart_changed" });
      if (input.paymentMethod === "TEMPO" && options.tempo) {
        if (!(await tempoCreditHolds(tx, businessId, cart.total))) {
          throw new CheckoutConflict({
            key: "checkout.over_credit",
            params: { available: options.tempo.available },
          });
        }
      }
      if (address.save) {
        await tx.address.create({ data: { ...address.save, businessId }, select: { id: true } });
      }
      const placed = await placeOrders(
        tx,
        {
          businessId,
          userId,
          paymentMethod: input.paymentMethod as PaymentMethod,
          deliveryAddress: address.text,
          checkoutId,
          now,
        },
        cart.groups.map((group) => ({
          groupId: group.group.id,
          wantedBy: wanted.get(group.group.id)!,
          note: details.get(group.group.id)!.note ?? "",
          lines: group.lines.map((line) => ({
            product: line.product,
            quantity: line.quantity,
            unitPrice: line.unitPrice,
          })),
        })),
      );
      return placed.map((order) => order.number);
    });
    return { ok: true, checkoutId, numbers, repeated: false };
  } catch (error) {
    if (!(error instanceof CheckoutConflict) && !(error instanceof PlacementConflict)) throw error;
    // The same form submitted twice at once: the other submit placed the orders.
    return (await ordersOfCheckout(businessId, checkoutId)) ?? refuse([error.problem]);
  }
}

async function ordersOfCheckout(businessId: string, checkoutId: string): Promise<CheckoutResult | null> {
  const earlier = await db.order.findMany({
    where: { checkoutId, businessId },
    select: { number: true },
    orderBy: { number: "asc" },
  });
  return earlier.length > 0
    ? { ok: true, checkoutId, numbers: earlier.map((order) => order.number), repeated: true }
    : null;
}

function explainDelivery(
  problem: NonNullable<ReturnType<typeof deliveryProblem>>,
  group: CartView["groups"][number],
  earliest: Date | null,
): Problem {
  if (problem.kind === "too_soon")
    return { key: "checkout.too_soon", params: { date: wibDateKey(problem.earliest) } };
  const line = group.lines.find((l) => l.product.id === problem.productId);
  const name = line?.product.name ?? "";
  if (problem.kind === "over_capacity") {
    return { key: "cart.over_capacity", params: { capacity: problem.capacity } };
  }
  return earliest
    ? { key: "checkout.week_left_until", params: { name, left: problem.left, date: wibDateKey(earliest) } }
    : { key: "checkout.week_left", params: { name, left: problem.left } };
}

type ResolvedAddress =
  | {
      text: string;
      save: {
        label: string;
        recipient: string;
        phone: string | null;
        line: string;
        villageId: string;
        isDefault: boolean;
      } | null;
    }
  | { problem: Record<string, Problem[]> };

/** The delivery address as text for the order: a saved one of this business, or a new one to save. */
async function resolveAddress(businessId: string, input: CheckoutInput): Promise<ResolvedAddress> {
  if (input.address !== NEW_ADDRESS) {
    const saved = await db.address.findFirst({
      where: { id: input.address, businessId },
      select: { recipient: true, phone: true, line: true, village: { select: { name: true } } },
    });
    if (!saved) return { problem: { address: [{ key: "form.choose_one" }] } };
    return { text: addressText(saved), save: null };
  }
  const village = await db.area.findFirst({
    where: { id: input.villageId ?? "", level: "VILLAGE" },
    select: { id: true, name: true },
  });
  if (!village) return { problem: { villageId: [{ key: "form.choose_one" }] } };
  const phone = input.phone ? normalizeIndonesianPhone(input.phone) : null;
  const hasAddresses = (await db.address.count({ where: { businessId } })) > 0;
  const entry = {
    recipient: input.recipient ?? "",
    phone,
    line: input.line ?? "",
    village: { name: village.name },
  };
  return {
    text: addressText(entry),
    save: {
      label: input.line?.slice(0, 40) ?? "",
      recipient: entry.recipient,
      phone,
      line: entry.line,
      villageId: village.id,
      isDefault: !hasAddresses,
    },
  };
}
