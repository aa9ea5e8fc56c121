import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { afterAll, afterEach, beforeEach, inject, vi } from "vitest";
import { databaseUrlWithName, newSqliteCopy, testTarget, withAdmin } from "./databases";

// Each test file gets its own database, ready before any app module creates the client.
const target = testTarget();
let cleanup: () => Promise<void>;
if (target.kind === "sqlite") {
  const file = newSqliteCopy(inject("sqliteTemplate"));
  process.env.DATABASE_URL = `file:${file}`;
  cleanup = async () => {
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${file}${suffix}`, { force: true });
  };
} else {
  const name = `${inject("postgresRunPrefix")}_${randomBytes(5).toString("hex")}`;
  const template = new URL(inject("postgresTemplateUrl")).pathname.slice(1);
  await withAdmin(target.adminUrl, (client) =>
    client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`),
  );
  process.env.DATABASE_URL = databaseUrlWithName(inject("postgresTemplateUrl"), name);
  cleanup = () =>
    withAdmin(target.adminUrl, async (client) => {
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    });
}
// The app keeps its client on globalThis; a file must never see the previous file's client.
(globalThis as { __jejaringDb?: unknown }).__jejaringDb = undefined;

// A test that logs console.error fails: errors are never noise.
let errorSpy: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  errorSpy = vi.spyOn(console, "error");
});
afterEach(() => {
  const calls = errorSpy.mock.calls;
  errorSpy.mockRestore();
  if (calls.length > 0)
    throw new Error(`console.error was called: ${calls.map((c) => c.map(String).join(" ")).join("\n")}`);
});

afterAll(async () => {
  const { disconnectDb } = await import("~/.server/db/client");
  await disconnectDb();
  await cleanup();
});
