import { env } from "../env";

/** The site's public origin for absolute links (canonical, Open Graph, sitemap). */
export function publicOrigin(request: Request): string {
  return env.APP_URL ? new URL(env.APP_URL).origin : new URL(request.url).origin;
}
