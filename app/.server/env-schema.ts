import { z } from "zod";

// Every environment variable the app reads, parsed once at start-up. A wrong value stops the
// process with a message naming the variable, instead of failing later on a request.
const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, "must start with file: (SQLite) or postgresql:// (PostgreSQL)")
    .optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  /** The public address, e.g. https://jejaring.id: every absolute link, Origin checks, Secure cookies. */
  APP_URL: z.url().optional(),
  /** Set when a proxy in front adds X-Forwarded-For; the rate limit then uses the client's address. */
  TRUST_PROXY: z
    .enum(["true", "false", "1", "0"])
    .default("false")
    .transform((v) => v === "true" || v === "1"),
  /** Secure cookies; by default on when APP_URL is https. */
  COOKIE_SECURE: z
    .enum(["true", "false", "1", "0"])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === "true" || v === "1")),
  STRIPE_SECRET_KEY: z.string().startsWith("sk_").optional(),
  STRIPE_WEBHOOK_SECRET: z.string().startsWith("whsec_").optional(),
  /** Where the Stripe API is; only tests and local trials point it elsewhere (a fake server). */
  STRIPE_API_URL: z.url().optional(),
  /** Email through SMTP when set, e.g. smtp://user:password@mail.example.com:587. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
    .optional(),
  MAIL_FROM: z.string().default("Jejaring <no-reply@jejaring.id>"),
  /** Read by server/microcache.js: "false" turns off the storefront cache for visitors. */
  MICROCACHE: z.enum(["true", "false", "1", "0"]).default("true"),
  LOG_REQUESTS: z
    .enum(["true", "false", "1", "0"])
    .default("true")
    .transform((v) => v === "true" || v === "1"),
});

export type Env = z.infer<typeof EnvSchema>;

export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment variables:\n${lines.join("\n")}`);
  }
  return result.data;
}
