import { parseEnv } from "./env-schema";

export type { Env } from "./env-schema";

export const env = parseEnv(process.env);

// Secure cookies follow the public address, not NODE_ENV: the quick start runs in production mode
// over plain http, where browsers refuse Secure cookies (from anywhere but localhost).
export const cookiesAreSecure =
  env.COOKIE_SECURE ?? (env.APP_URL ? new URL(env.APP_URL).protocol === "https:" : false);
