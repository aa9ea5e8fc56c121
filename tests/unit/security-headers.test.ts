import type { AddressInfo } from "node:net";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { microcache } from "../../server/microcache.js";
import { securityHeaders } from "../../server/security-headers.js";

describe("securityHeaders", () => {
  let server: ReturnType<express.Express["listen"]> | undefined;
  afterEach(() => server?.close());

  /** A server with the headers and the microcache in the order server/index.js uses. */
  async function start(appUrl?: string) {
    const app = express();
    app.use(securityHeaders({ appUrl }));
    app.use(microcache({ now: () => 1_000 }));
    // Stands in for the page renderer: writes the nonce it was given into the page.
    app.get(["/produk", "/masuk"], (_req, res) => {
      res.type("html").send(`<script nonce="${String(res.locals.cspNonce)}"></script>`);
    });
    server = app.listen(0);
    await new Promise((resolve) => server?.once("listening", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return async (path: string) => {
      const response = await fetch(base + path);
      const nonce = /nonce="([^"]+)"/.exec(await response.text())?.[1];
      return { headers: response.headers, nonce };
    };
  }

  it("forbids framing, sniffing, foreign scripts and long referrers", async () => {
    const get = await start();
    const { headers, nonce } = await get("/masuk");
    const csp = headers.get("content-security-policy") ?? "";
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(csp).toContain(`script-src 'self' 'nonce-${nonce}'`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(headers.get("x-frame-options")).toBe("DENY");
    expect(headers.get("x-content-type-options")).toBe("nosniff");
    expect(headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(headers.get("strict-transport-security")).toBeNull();
  });

  it("makes a new nonce for every page it renders", async () => {
    const get = await start();
    const nonces = new Set([(await get("/masuk")).nonce, (await get("/masuk")).nonce]);
    expect(nonces.size).toBe(2);
  });

  it("keeps a cached page's policy with it, so its nonce still matches", async () => {
    const get = await start();
    const first = await get("/produk");
    const hit = await get("/produk");
    expect(hit.headers.get("x-microcache")).toBe("hit");
    expect(hit.nonce).toBe(first.nonce);
    expect(hit.headers.get("content-security-policy")).toContain(`'nonce-${hit.nonce}'`);
  });

  it("tells browsers to stay on https only when the public address is https", async () => {
    const get = await start("https://jejaring.id");
    expect((await get("/masuk")).headers.get("strict-transport-security")).toBe("max-age=15552000");
  });
});
