// Runs the Prisma CLI with DATABASE_URL defaulted the way the app defaults it.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { DEFAULT_DATABASE_URL } from "../../app/.server/db/target";

const require = createRequire(import.meta.url);
const prismaBin = require.resolve("prisma/build/index.js");

export function prisma(args: string[], options: { env?: Record<string, string>; capture?: boolean } = {}) {
  const result = spawnSync(process.execPath, [prismaBin, ...args], {
    env: {
      ...process.env,
      DATABASE_URL: process.env.DATABASE_URL || DEFAULT_DATABASE_URL,
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
      CHECKPOINT_DISABLE: "1",
      ...options.env,
    },
    encoding: "utf8",
    stdio: options.capture ? ["ignore", "pipe", "pipe"] : "inherit",
  });
  return { status: result.status ?? 1, stdout: result.stdout ?? "", stderr: result.stderr ?? "" };
}

export function prismaOrExit(args: string[], env?: Record<string, string>) {
  const { status } = prisma(args, { env });
  if (status !== 0) process.exit(status);
}
