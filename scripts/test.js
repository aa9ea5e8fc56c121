// `npm test`: the whole suite. Unit and integration tests (vitest) on the database DATABASE_URL
// names (a fresh SQLite file per test file by default), then the browser journeys in Chromium
// against a production build, or a plain statement that they were skipped and why.
import { spawnSync } from "node:child_process";
import fs from "node:fs";

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
if (e2e === 0) console.log("   Screenshots of every page visited: tests/artifacts/screens/");
process.exit(e2e);
