import { parseEnv } from "./env-schema";

export type { Env } from "./env-schema";

export const env = parseEnv(process.env);

export const cookiesAreSecure = env.COOKIE_SECURE ?? env.NODE_ENV === "production";
