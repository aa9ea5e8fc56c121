// `npm run areas:import -- --province 32` (or `--regency 32.17`, or `--all`): loads Indonesia's
// areas from the published dataset idn-area-data into the database DATABASE_URL names, upserting
// by code (see app/.server/admin/areas-import.ts). Running it again changes nothing.
// Exits 0 on success, 1 when the import was refused, 2 on bad input.
import { parseArgs } from "node:util";
import { datasetAreas, importAreas, levelOfCode } from "~/.server/admin/areas-import";
import { disconnectDb } from "~/.server/db/client";

const usage = "usage: npm run areas:import -- (--province <code> | --regency <code> | --all)";

let args;
try {
  args = parseArgs({
    options: {
      province: { type: "string" },
      regency: { type: "string" },
      all: { type: "boolean", default: false },
    },
    strict: true,
  }).values;
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
const chosen = [args.province, args.regency, args.all ? "all" : undefined].filter(Boolean);
const scope = args.province ?? args.regency;
const expected = args.province ? "PROVINCE" : "REGENCY";
if (chosen.length !== 1 || (scope && levelOfCode(scope) !== expected)) {
  console.error(usage);
  process.exit(2);
}

let code = 0;
try {
  const started = performance.now();
  const rows = await datasetAreas(scope);
  if (rows.length === 0) {
    console.error(`No areas under ${scope} in the dataset.`);
    process.exit(2);
  }
  const read = performance.now();
  const outcome = await importAreas(rows, { actorId: null, scope: scope ?? "all" });
  const done = performance.now();
  if (!outcome.ok) {
    console.error(
      `Refused: the parent ${outcome.missingParent} is neither in the dataset rows nor in the database.`,
    );
    code = 1;
  } else {
    const { result } = outcome;
    console.log(
      `${scope ?? "all"}: ${result.rows} areas — ${result.created} created, ${result.renamed} renamed, ` +
        `${result.unchanged} unchanged (dataset read in ${((read - started) / 1000).toFixed(2)} s, ` +
        `written in ${((done - read) / 1000).toFixed(2)} s)`,
    );
  }
} finally {
  await disconnectDb();
}
process.exit(code);
