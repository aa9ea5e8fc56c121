import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  confirmConsignmentPayment,
  placeConsignment,
  reportConsignment,
} from "~/.server/consignment/consignment";
import { db } from "~/.server/db/client";
import { addManualLine, bookCsv, bookPage, bookStatement, reverseLine } from "~/.server/ledger/book";
import { earnedIncomeLines, signedAmount } from "~/.server/ledger/cash-book";
import { reconcile } from "~/.server/ledger/reconcile";
import { transitionOrder } from "~/.server/orders/orders";
import { recordPayment } from "~/.server/payments/record";
import { createStripeProvider, setCardProviderForTests } from "~/.server/payments/stripe";
import { reportTransfer, reviewTransfer } from "~/.server/payments/transfers";
import { incomeByMonthForArea } from "~/.server/reports/income";
import { action as buyerOrderAction } from "~/routes/pesanan.$number";
import { translator } from "~/locales";
import { action as webhookAction } from "~/routes/webhooks.stripe";
import { MANUAL_CATEGORY_KINDS, type ManualCategory } from "~/utils/book";
import { wibDateKey } from "~/utils/delivery";
import { createProduct, createWorld } from "../helpers/factories";
import { SECRET_KEY, startFakeStripe, WEBHOOK_SECRET, type FakeStripe } from "../helpers/fake-stripe";
import { orderNow } from "../helpers/orders";
import { callAction, ORIGIN, request } from "../helpers/requests";

// Random histories of a group's trade, written through the app's own server functions (checkout,
// the treasurer's payments, transfers confirmed or declined, card payments and partial refunds
// through a fake Stripe's signed webhooks, cancellations, konsinyasi, double submits), and the
// officers' own lines through the book page's functions: manual lines of every category and kind,
// an opening balance, corrections (Koreksi) of earlier lines — and corrections that must be refused
// (of a correction, of a line the system wrote, a second one), which must change nothing. After
// each history the books must reconcile; the earned income in the book must equal what the orders
// say was paid plus the konsinyasi reports paid plus the other sales left after corrections — sums
// the reconcile module does not read; and the book page's last balance and the CSV's totals must
// equal the book's balance.

let stripe: FakeStripe;
beforeAll(async () => {
  stripe = await startFakeStripe();
  setCardProviderForTests(
    createStripeProvider({ secretKey: SECRET_KEY, webhookSecret: WEBHOOK_SECRET, apiUrl: stripe.apiUrl }),
  );
});
afterAll(async () => {
  setCardProviderForTests(undefined);
  await stripe.close();
});

const pick = fc.nat({ max: 20 });
const rupiah = fc.integer({ min: 1, max: 60 }).map((n) => n * 5_000);
const step = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant("order" as const),
      quantity: fc.integer({ min: 1, max: 6 }),
      confirm: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant("confirm" as const), which: pick }) },
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant("pay" as const),
      which: pick,
      amount: rupiah,
      twice: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant("transfer" as const),
      which: pick,
      amount: rupiah,
      accept: fc.boolean(),
    }),
  },
  { weight: 2, arbitrary: fc.record({ t: fc.constant("card" as const), which: pick }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant("refund" as const), which: pick, amount: rupiah }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant("cancel" as const), which: pick }) },
  {
    weight: 1,
    arbitrary: fc.record({
      t: fc.constant("consign" as const),
      sold: fc.integer({ min: 0, max: 5 }),
      pay: fc.boolean(),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant("manual" as const),
      category: fc.constantFrom(
        ...(Object.keys(MANUAL_CATEGORY_KINDS) as ManualCategory[]).filter((c) => c !== "OPENING"),
      ),
      kind: fc.nat({ max: 1 }),
      amount: rupiah,
      daysAgo: fc.nat({ max: 40 }),
      twice: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant("opening" as const), amount: rupiah }) },
  {
    weight: 3,
    arbitrary: fc.record({ t: fc.constant("reverse" as const), which: pick, again: fc.boolean() }),
  },
);
type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

/** The CSV's cells, row by row (quoted cells may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const body = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < body.length; i += 1) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && body[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i += 1;
    } else cell += c;
  }
  if (cell !== "" || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/** What the officers' steps did, over all histories: "<category>:<ok or refusal key>" → times. */
const outcomes = new Map<string, number>();

const lineCount = (groupId: string) => db.cashEntry.count({ where: { groupId } });

async function deliver(delivery: { payload: string; signature: string }) {
  const req = new Request(`${ORIGIN}/webhooks/stripe`, {
    method: "POST",
    headers: { "Stripe-Signature": delivery.signature, "Content-Type": "application/json" },
    body: delivery.payload,
  });
  return callAction(webhookAction, req);
}

async function play(steps: Step[]) {
  const world = await createWorld();
  const product = await createProduct(world.home.group.id, world.category.id, {
    price: 15_000,
    minOrderQuantity: 1,
    stock: 10_000,
  });
  const groupId = world.home.group.id;
  const managerId = world.home.manager.id;
  const orders: string[] = [];
  const cardSessions: { id: string; paid: number; refunded: number }[] = [];
  const at = <T>(list: T[], i: number) => (list.length ? list[i % list.length] : undefined);
  const tenant = { groupId };
  // Other sales the officers entered, less what their corrections took back: the model's count.
  let otherSales = 0;
  let n = 0;
  for (const s of steps) {
    n += 1;
    switch (s.t) {
      case "order": {
        const placed = await orderNow(world.buyer, product.id, s.quantity);
        if (!placed.ok || !("numbers" in placed)) break;
        orders.push(...placed.numbers);
        for (const number of placed.numbers) {
          if (s.confirm) await transitionOrder({ party: "group", groupId }, managerId, number, "confirm");
        }
        break;
      }
      case "confirm": {
        const number = at(orders, s.which);
        if (number) await transitionOrder({ party: "group", groupId }, managerId, number, "confirm");
        break;
      }
      case "pay": {
        const number = at(orders, s.which);
        if (!number) break;
        const input = { amount: s.amount, idempotencyKey: `pay-${n}` };
        const first = recordPayment(groupId, managerId, number, input);
        // A double submit (or two treasurers at once): recorded once.
        if (s.twice) await Promise.all([first, recordPayment(groupId, managerId, number, input)]);
        else await first;
        break;
      }
      case "transfer": {
        const number = at(orders, s.which);
        if (!number) break;
        const reported = await reportTransfer(world.buyer.business.id, world.buyer.buyer.id, number, {
          amount: s.amount,
          reference: `TRF ${n}`,
          idempotencyKey: `trf-${n}`,
        });
        if (!reported.ok) break;
        const payment = await db.payment.findFirst({
          where: { idempotencyKey: { endsWith: `trf-${n}` }, state: "PENDING" },
          select: { id: true },
        });
        if (payment) {
          await reviewTransfer(
            { kind: "group", groupId, orderNumber: number },
            managerId,
            payment.id,
            s.accept ? "confirm" : "decline",
          );
        }
        break;
      }
      case "card": {
        const number = at(orders, s.which);
        if (!number) break;
        await callAction(
          buyerOrderAction,
          await request(`/pesanan/${number}`, { userId: world.buyer.buyer.id, form: { intent: "card" } }),
          { number },
        );
        const session = [...stripe.sessions.values()]
          .filter((x) => x.client_reference_id === number && x.status === "open")
          .pop();
        if (!session) break;
        stripe.pay(session.id);
        await deliver(stripe.completedEvent(session.id));
        cardSessions.push({ id: session.id, paid: session.amount_total / 100, refunded: 0 });
        break;
      }
      case "refund": {
        const card = at(cardSessions, s.which);
        if (!card) break;
        const amount = Math.min(s.amount, card.paid - card.refunded);
        if (amount <= 0) break;
        stripe.refund(card.id, amount);
        card.refunded += amount;
        const event = stripe.refundedEvent(card.id);
        await deliver(event);
        await deliver(event); // providers deliver twice
        break;
      }
      case "cancel": {
        const number = at(orders, s.which);
        if (number) {
          await transitionOrder(
            { party: "buyer", businessId: world.buyer.business.id },
            world.buyer.buyer.id,
            number,
            "cancel",
          );
        }
        break;
      }
      case "consign": {
        const placed = await placeConsignment(groupId, managerId, {
          productId: product.id,
          businessId: world.buyer.business.id,
          quantity: 5,
          unitPrice: 20_000,
          commissionPct: 20,
        });
        if (!placed.ok) break;
        const placement = await db.consignmentPlacement.findFirstOrThrow({
          where: { groupId },
          orderBy: { placedAt: "desc" },
          select: { id: true },
        });
        const reported = await reportConsignment(
          world.buyer.business.id,
          world.buyer.buyer.id,
          placement.id,
          {
            quantitySold: s.sold,
            quantityReturned: 0,
          },
        );
        if (!reported.ok || !s.pay) break;
        const report = await db.consignmentReport.findFirstOrThrow({
          where: { placementId: placement.id },
          select: { id: true },
        });
        await confirmConsignmentPayment(groupId, managerId, report.id);
        break;
      }
      case "manual": {
        const kinds = MANUAL_CATEGORY_KINDS[s.category];
        const kind = kinds[s.kind % kinds.length] as "INCOME" | "EXPENSE";
        const input = {
          formKey: `manual-${n}`,
          kind,
          category: s.category,
          amount: s.amount,
          date: wibDateKey(new Date(Date.now() - s.daysAgo * 24 * 3600 * 1000)),
          description: `Baris ${n}`,
          giver: s.category === "AID" ? "Dinas Sosial" : undefined,
        };
        const first = addManualLine(tenant, managerId, input);
        // A double submit of the same form: one line.
        const results = s.twice
          ? await Promise.all([first, addManualLine(tenant, managerId, input)])
          : [await first];
        expect(results.every((r) => r.ok)).toBe(true);
        expect(results.filter((r) => r.ok && !r.duplicate)).toHaveLength(1);
        if (s.category === "OTHER_SALES") otherSales += s.amount;
        break;
      }
      case "opening": {
        const before = await lineCount(groupId);
        const result = await addManualLine(tenant, managerId, {
          formKey: `opening-${n}`,
          kind: "INCOME",
          category: "OPENING",
          amount: s.amount,
          date: wibDateKey(new Date(Date.now() - 45 * 24 * 3600 * 1000)),
          description: "Saldo awal",
        });
        // Only as the book's first line; otherwise refused and nothing written.
        outcomes.set(
          `OPENING:${before === 0 ? "ok" : "refused"}`,
          (outcomes.get(`OPENING:${before === 0 ? "ok" : "refused"}`) ?? 0) + 1,
        );
        if (before === 0) expect(result).toEqual({ ok: true, duplicate: false });
        else {
          expect(result).toMatchObject({ ok: false, key: "book.opening_not_first" });
          expect(await lineCount(groupId)).toBe(before);
        }
        break;
      }
      case "reverse": {
        const lines = await db.cashEntry.findMany({
          where: { groupId },
          orderBy: { id: "asc" },
          select: {
            id: true,
            category: true,
            amount: true,
            reversesId: true,
            reversals: { select: { amount: true } },
          },
        });
        const line = at(lines, s.which);
        if (!line) break;
        const left = line.amount - line.reversals.reduce((sum, r) => sum + r.amount, 0);
        const expectedRefusal = line.reversesId
          ? "book.reverse_of_reversal"
          : !(line.category in MANUAL_CATEGORY_KINDS)
            ? "book.reverse_automatic"
            : left <= 0
              ? "book.already_reversed"
              : null;
        const tries = s.again ? 2 : 1;
        for (let k = 0; k < tries; k += 1) {
          const before = await lineCount(groupId);
          const result = await reverseLine(tenant, managerId, {
            formKey: `reverse-${n}-${k}`,
            entryId: line.id,
            reason: "Salah catat",
          });
          // The second try on a line is a second correction: refused once the first took it all.
          const refusal = k === 0 ? expectedRefusal : (expectedRefusal ?? "book.already_reversed");
          outcomes.set(
            `${line.category}:${refusal ?? "ok"}`,
            (outcomes.get(`${line.category}:${refusal ?? "ok"}`) ?? 0) + 1,
          );
          if (refusal) {
            expect(result).toMatchObject({ ok: false, key: refusal });
            expect(await lineCount(groupId)).toBe(before);
          } else {
            expect(result).toEqual({ ok: true, duplicate: false });
            expect(await lineCount(groupId)).toBe(before + 1);
            if (line.category === "OTHER_SALES") otherSales -= left;
          }
        }
        break;
      }
    }
  }
  return { world, otherSales };
}

describe("the books over random histories", () => {
  it("reconcile; earned income = orders paid + konsinyasi paid + other sales left; page and CSV = balance", async () => {
    let histories = 0;
    let withMoney = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 4, maxLength: 14 }), async (steps) => {
        const { world, otherSales } = await play(steps);
        const groupId = world.home.group.id;
        const result = await reconcile({ group: world.home.group.slug }, incomeByMonthForArea);
        expect(result.differences).toEqual([]);

        const [orders, reports, book] = await Promise.all([
          db.order.aggregate({ where: { groupId }, _sum: { amountPaid: true } }),
          db.consignmentReport.aggregate({
            where: { placement: { groupId }, paidAt: { not: null } },
            _sum: { amountDue: true },
          }),
          db.cashEntry.findMany({ where: { groupId }, select: { kind: true, category: true, amount: true } }),
        ]);
        const earned = book
          .filter((e) => ["ORDER", "CONSIGNMENT", "OTHER_SALES", "REFUND"].includes(e.category))
          .reduce((sum, e) => sum + (e.kind === "EXPENSE" ? -e.amount : e.amount), 0);
        expect(earned).toBe((orders._sum.amountPaid ?? 0) + (reports._sum.amountDue ?? 0) + otherSales);

        // The ledger's earned income lines and the TKM report say the same.
        const lines = await earnedIncomeLines(db, { groupId });
        expect(lines.reduce((sum, l) => sum + signedAmount(l), 0)).toBe(earned);
        const report = await incomeByMonthForArea(world.areas.districtA.path, 4);
        expect(report.groups.find((g) => g.id === groupId)?.total).toBe(earned);

        // The book's balance = the last running balance the page shows = the CSV's Masuk − Keluar.
        const balance = book.reduce((sum, e) => sum + signedAmount(e), 0);
        const all = { month: null, category: null };
        const page = await bookPage({ groupId }, all, 1);
        expect(page.lines[0]?.balance ?? 0).toBe(balance);
        expect(page.totals.income - page.totals.expense).toBe(balance);
        const csv = parseCsv(bookCsv(await bookStatement({ groupId }, all), translator("id"), "id"));
        const rows = csv.slice(1);
        expect(rows).toHaveLength(book.length);
        const cell = (row: string[], i: number) => Number(row[i] || 0);
        const masuk = rows.reduce((sum, row) => sum + cell(row, 5), 0);
        const keluar = rows.reduce((sum, row) => sum + cell(row, 6), 0);
        expect(masuk - keluar).toBe(balance);
        if (rows.length > 0) expect(cell(rows[rows.length - 1] as string[], 7)).toBe(balance);
        histories += 1;
        if (book.length > 0) withMoney += 1;
      }),
      {
        // One history that surely takes every path of the book's own steps: an opening balance,
        // an other-sales line corrected (then corrected again: refused), the correction itself
        // corrected (refused), an order's income line corrected (refused), a late opening (refused).
        examples: [
          [
            [
              { t: "opening", amount: 100_000 },
              { t: "manual", category: "OTHER_SALES", kind: 0, amount: 35_000, daysAgo: 3, twice: true },
              { t: "reverse", which: 1, again: true },
              { t: "reverse", which: 2, again: false },
              { t: "order", quantity: 2, confirm: true },
              { t: "pay", which: 0, amount: 30_000, twice: false },
              { t: "reverse", which: 3, again: false },
              { t: "manual", category: "SAVINGS", kind: 1, amount: 5_000, daysAgo: 0, twice: false },
              { t: "opening", amount: 50_000 },
            ],
          ],
        ],
        numRuns: Number(process.env.FC_RUNS ?? 25),
        seed: process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined,
      },
    );
    // The histories were not all empty: some money moved.
    expect(histories).toBeGreaterThan(0);
    expect(withMoney).toBeGreaterThan(0);
    for (const path of [
      "OPENING:ok",
      "OPENING:refused",
      "OTHER_SALES:ok",
      "OTHER_SALES:book.already_reversed",
      "OTHER_SALES:book.reverse_of_reversal",
      "ORDER:book.reverse_automatic",
    ]) {
      expect(outcomes.get(path), path).toBeGreaterThan(0);
    }
  }, 120_000);
});
