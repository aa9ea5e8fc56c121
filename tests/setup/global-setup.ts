import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { dropStaleRunDatabases, runDatabasePrefix } from "../../scripts/db/run-databases";
import { databaseUrlWithName, migrate, testTarget, withAdmin } from "./databases";

declare module "vitest" {
  export interface ProvidedContext {
    sqliteTemplate: string;
    postgresTemplateUrl: string;
    /** This run's prefix for every PostgreSQL database it makes (see scripts/db/run-databases.ts). */
    postgresRunPrefix: string;
  }
}

/** Migrates one template database for the whole run; each test file gets a copy of it. */
export default async function setup(project: TestProject) {
  const target = testTarget();
  if (target.kind === "sqlite") {
    const template = path.join(os.tmpdir(), `jejaring-test-template-${process.pid}.db`);
    fs.rmSync(template, { force: true });
    migrate(`file:${template}`);
    project.provide("sqliteTemplate", template);
    project.provide("postgresTemplateUrl", "");
    project.provide("postgresRunPrefix", "");
    return () => fs.rmSync(template, { force: true });
  }
  const prefix = runDatabasePrefix("test");
  const template = `${prefix}_template`;
  await withAdmin(target.adminUrl, async (client) => {
    await dropStaleRunDatabases(client);
    await client.query(`CREATE DATABASE "${template}"`);
  });
  const templateUrl = databaseUrlWithName(target.adminUrl, template);
  migrate(templateUrl);
  project.provide("sqliteTemplate", "");
  project.provide("postgresTemplateUrl", templateUrl);
  project.provide("postgresRunPrefix", prefix);
  return () =>
    withAdmin(target.adminUrl, async (client) => {
      // This run's own databases only: a file's database survives when its worker was killed.
      const own = await client.query<{ datname: string }>(
        "SELECT datname FROM pg_database WHERE starts_with(datname, $1)",
        [prefix],
      );
      for (const { datname } of own.rows)
        await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    });
}
