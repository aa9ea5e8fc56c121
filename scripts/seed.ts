// Seeds the demo. `npm run db:reseed` wipes every table first; without --reset it only seeds an
// empty database, so it can run on every start.
import { db, disconnectDb } from "~/.server/db/client";
import { printDemoAccounts } from "./seed/accounts";
import { isSeeded, seedDemo, wipe } from "./seed/seed";

const reset = process.argv.includes("--reset");
if (reset) await wipe(db);
if (await isSeeded(db)) {
  console.log("The demo data is already there; nothing to do (use --reset to start over).");
} else {
  const started = Date.now();
  await seedDemo(db);
  console.log(`Seeded the demo in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}
printDemoAccounts();
await disconnectDb();
