import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { microcache, microcacheKey, TTL_MS } from "../../server/microcache.js";

describe("microcacheKey", () => {
  it.each([
    ["GET", "/produk?q=keripik", {}, true],
    ["GET", "/produk/dodol-susu", {}, true],
    ["GET", "/produk/dodol-susu.data", {}, true],
    ["GET", "/kelompok", { cookie: "jj_lang=en" }, true],
    ["GET", "/", {}, true],
    ["POST", "/produk/dodol-susu", {}, false],
    ["GET", "/produk", { cookie: "jj_lang=en; jj_session=abc" }, false],
    ["GET", "/kelola", {}, false],
    ["GET", "/pesanan/JJR-1", {}, false],
    ["GET", "/masuk", {}, false],
  ])("%s %s with %j is cacheable: %s", (method, url, headers, cacheable) => {
    expect(microcacheKey(method, url, headers) !== null).toBe(cacheable);
  });

  it("keeps languages and encodings apart", () => {
    const id = microcacheKey("GET", "/produk", { cookie: "jj_lang=id" });
    const en = microcacheKey("GET", "/produk", { cookie: "jj_lang=en" });
    const gzip = microcacheKey("GET", "/produk", { cookie: "jj_lang=id", acceptEncoding: "gzip, br" });
    expect(new Set([id, en, gzip]).size).toBe(3);
  });

  it("keeps hosts apart", () => {
    expect(microcacheKey("GET", "/sitemap.xml", { host: "evil.example" })).not.toBe(
      microcacheKey("GET", "/sitemap.xml", { host: "jejaring.id" }),
    );
  });
});

describe("microcache", () => {
  let server: ReturnType<express.Express["listen"]> | undefined;
  afterEach(() => server?.close());

  async function start(clock: { now: number }) {
    let renders = 0;
    const app = express();
    app.use(microcache({ now: () => clock.now }));
    app.get("/produk", (_req, res) => {
      renders += 1;
      res.type("html").send(`render ${renders}`);
    });
    app.get("/sitemap.xml", (req, res) => {
      renders += 1;
      res.type("xml").send(`<loc>http://${req.get("host")}/</loc>`);
    });
    app.get("/kelompok", (_req, res) => {
      renders += 1;
      res.cookie("x", "1").send(`render ${renders}`);
    });
    server = app.listen(0);
    await new Promise((resolve) => server?.once("listening", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return {
      get: (path: string, headers: Record<string, string> = {}) => fetch(base + path, { headers }),
      /** A request naming another Host, as anyone can send with curl. */
      getWithHost: (path: string, host: string) =>
        new Promise<string>((resolve, reject) => {
          http
            .get(base + path, { headers: { Host: host } }, (res) => {
              let body = "";
              res.on("data", (chunk: Buffer) => (body += chunk.toString()));
              res.on("end", () => resolve(body));
            })
            .on("error", reject);
        }),
    };
  }

  it("renders a storefront page once and serves it from memory until it expires", async () => {
    const clock = { now: 1_000 };
    const { get } = await start(clock);
    expect(await (await get("/produk")).text()).toBe("render 1");
    const hit = await get("/produk");
    expect(await hit.text()).toBe("render 1");
    expect(hit.headers.get("x-microcache")).toBe("hit");
    clock.now += TTL_MS + 1;
    expect(await (await get("/produk")).text()).toBe("render 2");
  });

  it("never serves a cached page to someone signed in, nor keeps a response that sets a cookie", async () => {
    const { get } = await start({ now: 1_000 });
    await get("/produk");
    expect(await (await get("/produk", { cookie: "jj_session=abc" })).text()).toBe("render 2");
    await get("/kelompok");
    expect(await (await get("/kelompok")).text()).toBe("render 4");
  });

  it("does not serve a page made for one Host to a request naming another", async () => {
    const { getWithHost } = await start({ now: 1_000 });
    expect(await getWithHost("/sitemap.xml?x=1", "evil.example")).toContain("evil.example");
    expect(await getWithHost("/sitemap.xml?x=1", "jejaring.id")).toBe("<loc>http://jejaring.id/</loc>");
  });
});
