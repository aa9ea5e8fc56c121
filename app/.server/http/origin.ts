import { env } from "../env";

/**
 * The site's public origin for absolute links (canonical, Open Graph, sitemap, WhatsApp texts,
 * emails, Stripe's return address): APP_URL, else this server on localhost. Never the request's
 * Host header, which anyone can set: copied into a page the microcache keeps, it would send the
 * next visitor's links to the sender's site.
 */
export const publicOrigin = env.APP_URL ? new URL(env.APP_URL).origin : `http://localhost:${env.PORT}`;
