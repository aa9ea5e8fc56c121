import type pg from "pg";

// Databases a test or e2e run makes on a shared PostgreSQL server are named for that run, with the
// time it started, so that two runs on one server (two developers, CI beside a bench) never drop
// each other's: a run drops its own, and leftovers of interrupted runs only once they are a day old.

const DAY_SECONDS = 24 * 60 * 60;

/** "jejaring_test_t5k2m9q_3fa1": the prefix, the run's start in base-36 seconds, a random tail. */
export function runDatabasePrefix(kind: "test" | "e2e", now = new Date()): string {
  const stamp = Math.floor(now.getTime() / 1000).toString(36);
  const tail = Math.floor(Math.random() * 36 ** 4)
    .toString(36)
    .padStart(4, "0");
  return `jejaring_${kind}_t${stamp}_${tail}`;
}

/** When the run that made this database started, or null for a name this scheme did not make. */
export function runStartedAt(name: string): Date | null {
  const match = /^jejaring_(?:test|e2e)_t([0-9a-z]+)_[0-9a-z]{4}(?:_|$)/.exec(name);
  return match?.[1] ? new Date(parseInt(match[1], 36) * 1000) : null;
}

/** Drops databases of runs that started more than a day ago (interrupted runs leave them behind). */
export async function dropStaleRunDatabases(client: pg.Client, now = new Date()) {
  const rows = await client.query<{ datname: string }>(
    "SELECT datname FROM pg_database WHERE datname LIKE 'jejaring\\_test\\_%' OR datname LIKE 'jejaring\\_e2e\\_%'",
  );
  for (const { datname } of rows.rows) {
    const started = runStartedAt(datname);
    if (started && now.getTime() - started.getTime() > DAY_SECONDS * 1000) {
      await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  }
}
