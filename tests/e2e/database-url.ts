import os from "node:os";
import path from "node:path";

/** Where the e2e server writes its database URL for the tests: one file per port, so runs never mix. */
export function e2eDatabaseUrlFile(): string {
  return path.join(os.tmpdir(), `jejaring-e2e-database-url-${process.env.E2E_PORT ?? "3100"}`);
}
