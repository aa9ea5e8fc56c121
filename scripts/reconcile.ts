// `npm run reconcile`: checks that the group's books agree with the rest of the records, on the
// database DATABASE_URL names (SQLite or PostgreSQL). For a period of WIB months (--from/--to,
// "2026-01"; default every month with money in it) and one group (--group slug), an area
// (--area code) or every group: payments received − refunds = cash-book order income; konsinyasi
// reports paid = konsinyasi income; the monthly earned income the reports show = the book's;
// distribution shares = the distributable amount; payouts ≤ shares; and the (group, month)
// summaries GroupMonth and GroupBuyerMonth = the orders and cash lines they count (all months).
// Exits 0 when all agree, 1 naming the first difference (group, month, both numbers), 2 on bad input.
import { parseArgs } from "node:util";
import { db, disconnectDb } from "~/.server/db/client";
import { describeDifference, reconcile, UnknownScope } from "~/.server/ledger/reconcile";
import { describeSummaryDifference, summaryDifferences } from "~/.server/ledger/summaries-check";
import { incomeByMonthForArea } from "~/.server/reports/income";

const usage =
  "usage: npm run reconcile -- [--group <slug> | --area <code>] [--from YYYY-MM] [--to YYYY-MM] [--all]";

let args;
try {
  args = parseArgs({
    options: {
      group: { type: "string" },
      area: { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
      all: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
    strict: true,
  }).values;
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
if (args.help) {
  console.log(`${usage}\n  --all  list every difference, not only the first`);
  process.exit(0);
}

/** The ids of the groups --group or --area names (checked by reconcile first); undefined for all. */
async function groupsInScope(scope: { group?: string; area?: string }): Promise<string[] | undefined> {
  if (scope.group) {
    const group = await db.group.findUniqueOrThrow({ where: { slug: scope.group }, select: { id: true } });
    return [group.id];
  }
  if (!scope.area) return undefined;
  const area = await db.area.findUniqueOrThrow({ where: { code: scope.area }, select: { path: true } });
  const groups = await db.group.findMany({
    where: { village: { path: { startsWith: area.path } } },
    select: { id: true },
  });
  return groups.map((group) => group.id);
}

const started = performance.now();
let code = 0;
try {
  const result = await reconcile(
    { group: args.group, area: args.area, from: args.from, to: args.to },
    incomeByMonthForArea,
  );
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const span = result.months.length
    ? `${result.months[0]}..${result.months[result.months.length - 1]}`
    : "no months";
  const [first] = result.differences;
  if (!first) {
    console.log(`reconcile: the books agree — ${result.groups} group(s), ${span}, ${seconds} s`);
  } else {
    code = 1;
    console.error(`reconcile: DIFFERENCE ${describeDifference(first)}`);
    if (args.all) for (const d of result.differences.slice(1)) console.error(`  ${describeDifference(d)}`);
    console.error(
      `reconcile: ${result.differences.length} difference(s) — ${result.groups} group(s), ${span}, ${seconds} s`,
    );
  }
  // The summaries the monitoring pages read, for the same groups (every month they hold).
  const summariesStarted = performance.now();
  const groupIds = await groupsInScope({ group: args.group, area: args.area });
  const summaries = await summaryDifferences(db, { groupIds });
  const summarySeconds = ((performance.now() - summariesStarted) / 1000).toFixed(2);
  if (summaries.length === 0) {
    console.log(
      `reconcile: the (group, month) summaries agree with the orders and the book — ${summarySeconds} s`,
    );
  } else {
    code = 1;
    const shown = args.all ? summaries : summaries.slice(0, 1);
    for (const d of shown) console.error(`reconcile: SUMMARY DIFFERENCE ${describeSummaryDifference(d)}`);
    console.error(`reconcile: ${summaries.length} summary row(s) differ — ${summarySeconds} s`);
  }
} catch (error) {
  if (!(error instanceof UnknownScope)) throw error;
  console.error(`reconcile: ${error.message}\n${usage}`);
  code = 2;
} finally {
  await disconnectDb();
}
process.exit(code);
