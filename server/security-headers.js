// Headers that tell browsers what our pages may do: run only our own scripts (Remix's inline ones
// carry a nonce made for each response), load images and styles from here only, never be framed
// (the treasurer's "confirm transfer" button must not sit under someone else's page), no type
// sniffing, and no full addresses (order numbers) sent to other sites. Written here rather than
// with helmet: a dozen lines we test, no new dependency (decision 009).

import { randomBytes } from "node:crypto";

/**
 * The Content-Security-Policy for a page whose inline scripts carry `nonce`.
 * @param {string} nonce
 */
export function contentSecurityPolicy(nonce) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    // Product photos are ours; data: for the small placeholders.
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    // Card payments answer a form with a redirect to Stripe Checkout; Chromium checks form-action
    // on that redirect too, so Stripe's page is named here.
    "form-action 'self' https://checkout.stripe.com",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join("; ");
}

/**
 * Sets the headers on every response and leaves the nonce in `res.locals.cspNonce` for the
 * renderer. Pages kept by the microcache keep the header they were made with, so a cached page
 * and its nonce always agree.
 * @param {{ appUrl?: string }} options APP_URL: when it is https, browsers are told to stay on https
 * @returns {import("express").RequestHandler}
 */
export function securityHeaders({ appUrl } = {}) {
  const https = appUrl?.toLowerCase().startsWith("https:") ?? false;
  return (_req, res, next) => {
    const nonce = randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    res.setHeader("Content-Security-Policy", contentSecurityPolicy(nonce));
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("X-Content-Type-Options", "nosniff");
    // Not no-referrer: with it, browsers send "Origin: null" on our own form posts, which the
    // Origin check refuses.
    res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    if (https) res.setHeader("Strict-Transport-Security", "max-age=15552000");
    next();
  };
}
