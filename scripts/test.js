// `npm test`: the whole suite. Unit and integration tests (vitest) on the database DATABASE_URL
// names (a fresh SQLite file per test file by default), then the browser journeys in Chromium
// against a production build, or a plain statement that they were skipped and why.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  return result.status ?? 1;
}

const database = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "") ? "PostgreSQL" : "SQLite";
console.log(`\n== Unit and integration tests on ${database}`);
const vitest = run("npx", ["vitest", "run"]);
if (vitest !== 0) process.exit(vitest);

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!fs.existsSync(chromium)) {
  console.log(
    `\n== Browser tests SKIPPED: Chromium was not found at ${chromium}.` +
      "\n   Install it (apt-get install -y chromium) or set CHROMIUM_PATH, then run npm test again.",
  );
  process.exit(0);
}

console.log(`\n== Browser tests in ${chromium} on ${database}`);
fs.rmSync("tests/artifacts", { recursive: true, force: true });
const build = run("npm", ["run", "build", "--silent"]);
if (build !== 0) process.exit(build);
const e2e = run("npx", ["playwright", "test"]);
await dropE2eDatabase();
if (e2e === 0) console.log("   Screenshots of every page visited: tests/artifacts/screens/");
process.exit(e2e);

/** The e2e server made a PostgreSQL database of its own for this run (scripts/e2e-server.ts). */
async function dropE2eDatabase() {
  const file = path.join(os.tmpdir(), `jejaring-e2e-database-url-${process.env.E2E_PORT ?? "3100"}`);
  const url = fs.existsSync(file) ? fs.readFileSync(file, "utf8").trim() : "";
  fs.rmSync(file, { force: true });
  if (!/^postgres(ql)?:\/\//.test(url)) return;
  const name = new URL(url).pathname.slice(1);
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
}
