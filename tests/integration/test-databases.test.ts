import { describe, expect, it } from "vitest";
import { dropStaleRunDatabases, runDatabasePrefix, runStartedAt } from "../../scripts/db/run-databases";
import { testTarget, withAdmin } from "../setup/databases";

describe("test databases are named per run", () => {
  it("stamps each run's prefix with its start and reads it back", () => {
    const now = new Date("2026-11-29T07:00:00Z");
    const prefix = runDatabasePrefix("test", now);
    expect(prefix).toMatch(/^jejaring_test_t[0-9a-z]+_[0-9a-z]{4}$/);
    expect(runStartedAt(`${prefix}_template`)).toEqual(now);
    expect(runStartedAt(`${prefix}_4f2a9c01de`)).toEqual(now);
    expect(runStartedAt(runDatabasePrefix("e2e", now))).toEqual(now);
    expect(runDatabasePrefix("test", now)).not.toBe(prefix);
  });

  it("does not claim names it did not make", () => {
    for (const name of ["jejaring_test_template", "jejaring_test_4f2a9c01de", "jejaring", "jejaring_e2e"]) {
      expect(runStartedAt(name)).toBeNull();
    }
  });

  const target = testTarget();
  if (target.kind === "postgres") {
    it("drops a run's leftovers once they are a day old and never another live run's", async () => {
      const now = new Date();
      const live = `${runDatabasePrefix("test", new Date(now.getTime() - 60 * 60 * 1000))}_x`;
      const stale = `${runDatabasePrefix("e2e", new Date(now.getTime() - 25 * 60 * 60 * 1000))}`;
      const foreign = `jejaring_test_${Date.now().toString(16)}`;
      const names = await withAdmin(target.adminUrl, async (client) => {
        for (const name of [live, stale, foreign]) await client.query(`CREATE DATABASE "${name}"`);
        try {
          await dropStaleRunDatabases(client, now);
          const rows = await client.query<{ datname: string }>(
            "SELECT datname FROM pg_database WHERE datname = ANY($1)",
            [[live, stale, foreign]],
          );
          return rows.rows.map((row) => row.datname).sort();
        } finally {
          for (const name of [live, stale, foreign]) await client.query(`DROP DATABASE IF EXISTS "${name}"`);
        }
      });
      expect(names).toEqual([foreign, live].sort());
    });
  }
});
