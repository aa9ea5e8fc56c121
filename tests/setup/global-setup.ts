import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { TEMPLATE_DB, databaseUrlWithName, migrate, testTarget, withAdmin } from "./databases";

declare module "vitest" {
  export interface ProvidedContext {
    sqliteTemplate: string;
    postgresTemplateUrl: string;
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
    return () => fs.rmSync(template, { force: true });
  }
  await withAdmin(target.adminUrl, async (client) => {
    // Databases left behind by an interrupted run.
    const stale = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE 'jejaring_test_%'",
    );
    for (const row of stale.rows) await client.query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${TEMPLATE_DB}"`);
  });
  const templateUrl = databaseUrlWithName(target.adminUrl, TEMPLATE_DB);
  migrate(templateUrl);
  project.provide("sqliteTemplate", "");
  project.provide("postgresTemplateUrl", templateUrl);
  return () =>
    withAdmin(target.adminUrl, async (client) => {
      await client.query(`DROP DATABASE IF EXISTS "${TEMPLATE_DB}" WITH (FORCE)`);
    });
}
