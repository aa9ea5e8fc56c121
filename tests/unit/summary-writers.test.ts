import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cashLineDelta } from "~/.server/summaries/group-month";

// The (group, month) summaries are exact only if every write they summarise goes through the code
// that keeps them: cash lines through ledger/cash-line.ts addCashLine, orders created in
// orders/place.ts, and status, total, dates changed only where the summaries are told. A new writer
// elsewhere (a new ledger file, an import script) fails here instead of drifting silently.

const root = path.resolve(__dirname, "../..");
const server = path.join(root, "app/.server");

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sources(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const files = [...sources(server), ...sources(path.join(root, "app/routes"))].map((file) => ({
  file: path.relative(root, file),
  text: fs.readFileSync(file, "utf8"),
}));

/** Each call `<model>.<method>(` in the files, with the text of its argument (to the closing paren). */
function calls(model: string, methods: string[]) {
  const found: { file: string; method: string; args: string }[] = [];
  const pattern = new RegExp(`\\.${model}\\.(${methods.join("|")})\\(`, "g");
  for (const { file, text } of files) {
    for (const match of text.matchAll(pattern)) {
      let depth = 1;
      let i = (match.index as number) + match[0].length;
      const start = i;
      for (; i < text.length && depth > 0; i += 1) {
        if (text[i] === "(") depth += 1;
        if (text[i] === ")") depth -= 1;
      }
      found.push({ file, method: match[1] as string, args: text.slice(start, i - 1) });
    }
  }
  return found;
}

describe("writers the summaries follow", () => {
  it("every cash-book line is written by addCashLine, which counts it", () => {
    const writes = calls("cashEntry", [
      "create",
      "createMany",
      "createManyAndReturn",
      "update",
      "updateMany",
      "upsert",
      "delete",
      "deleteMany",
    ]);
    expect(writes.map((w) => `${w.file} ${w.method}`)).toEqual(["app/.server/ledger/cash-line.ts create"]);
    const raw = files.filter(({ text }) => /(INSERT INTO|UPDATE|DELETE FROM)\s+"CashEntry"/.test(text));
    expect(raw.map((f) => f.file)).toEqual([]);
  });

  it("orders are created only by placeOrders, which counts them", () => {
    const creates = calls("order", ["create", "createMany", "createManyAndReturn", "upsert"]);
    expect(creates.map((w) => `${w.file} ${w.method}`)).toEqual(["app/.server/orders/place.ts create"]);
  });

  it("an order's status, total, dates and parties change only where the summaries follow", () => {
    const followed = ["app/.server/orders/orders.ts", "app/.server/orders/proposals.ts"];
    const updates = calls("order", ["update", "updateMany"]).filter((w) => {
      const data = w.args.slice(w.args.indexOf("data:"));
      return (
        /\b(status|total|placedAt|deliveredAt|wantedBy|groupId|businessId)\b\s*[:,}]/.test(data) ||
        /\[stamp\]/.test(data)
      );
    });
    expect([...new Set(updates.map((w) => w.file))].filter((file) => !followed.includes(file))).toEqual([]);
    expect(updates.length).toBeGreaterThan(0);
    const raw = files.filter(({ text }) =>
      /(INSERT INTO|DELETE FROM)\s+"Order"\b|UPDATE\s+"Order"\s+SET\s+"(?!id")/.test(text),
    );
    expect(raw.map((f) => f.file)).toEqual([]);
  });
});

describe("what one cash line adds", () => {
  const line = (kind: "INCOME" | "EXPENSE", category: string, reversesId: string | null = null) => ({
    groupId: "g",
    kind,
    category,
    amount: 10_000,
    occurredAt: new Date("2026-11-01T00:00:00Z"),
    reversesId,
  });
  it.each([
    ["an order's income", line("INCOME", "ORDER"), { earned: 10_000, costs: 0 }],
    ["a refund", line("EXPENSE", "REFUND", "x"), { earned: -10_000, costs: 0 }],
    ["konsinyasi paid", line("INCOME", "CONSIGNMENT"), { earned: 10_000, costs: 0 }],
    ["other sales", line("INCOME", "OTHER_SALES"), { earned: 10_000, costs: 0 }],
    ["other sales corrected", line("EXPENSE", "OTHER_SALES", "x"), { earned: -10_000, costs: 0 }],
    ["materials bought", line("EXPENSE", "MATERIALS"), { earned: 0, costs: 10_000 }],
    ["materials corrected", line("INCOME", "MATERIALS", "x"), { earned: 0, costs: -10_000 }],
    ["other expense", line("EXPENSE", "OTHER"), { earned: 0, costs: 10_000 }],
    ["other income (no cost)", line("INCOME", "OTHER"), { earned: 0, costs: 0 }],
    ["other income corrected (no cost)", line("EXPENSE", "OTHER", "x"), { earned: 0, costs: 0 }],
    ["equipment sold (no cost)", line("INCOME", "EQUIPMENT"), { earned: 0, costs: 0 }],
    ["aid", line("INCOME", "AID"), { earned: 0, costs: 0 }],
    ["a payout", line("EXPENSE", "PAYOUT"), { earned: 0, costs: 0 }],
    ["savings", line("INCOME", "SAVINGS"), { earned: 0, costs: 0 }],
  ])("%s", (_, input, expected) => {
    expect(cashLineDelta(input)).toEqual(expected);
  });
});
