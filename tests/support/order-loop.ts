// A buyer placing orders as fast as it can, until it is killed. Used by the crash test: it runs
// in its own process (the real app code, the test's database) so it can be stopped with SIGKILL
// at any instant, mid-transaction included.
import { addToCart } from "~/.server/cart/cart";
import { checkoutCart } from "../helpers/orders";

const [businessId, villageId, userId, productId] = process.argv.slice(2);
if (!businessId || !villageId || !userId || !productId) {
  console.error("usage: order-loop <businessId> <villageId> <userId> <productId>");
  process.exit(2);
}
const buyer = { business: { id: businessId, villageId }, buyer: { id: userId } };

for (;;) {
  const added = await addToCart(businessId, productId, 5);
  if (!added.ok) break;
  const placed = await checkoutCart(buyer);
  process.stdout.write(placed.ok ? "placed\n" : `refused ${JSON.stringify(placed)}\n`);
}
