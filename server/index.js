// The production server: Express in front of the Remix build. Adds what Remix leaves to the host:
// security headers (with the nonce for Remix's inline scripts), compression, static files with long
// caching, an Origin check on writes, one log line per request, the client's address for rate
// limits, and a graceful stop on SIGTERM.
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";
import { microcache } from "./microcache.js";
import { isCrossOriginWrite } from "./origin.js";
import { securityHeaders } from "./security-headers.js";

// `npm start` and any plain `node server/index.js` serve production: React's production build,
// Remix's and Express's error pages without stack traces or file paths. Set before the build (and
// React with it) is loaded, and before express() reads it.
if (!process.env.NODE_ENV) process.env.NODE_ENV = "production";

/** @type {import("@remix-run/node").ServerBuild} */
let build;
try {
  build = await import(new URL("../build/server/index.js", import.meta.url).href);
} catch (error) {
  // Invalid environment variables end here with a message naming them.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || "0.0.0.0";
const trustProxy = process.env.TRUST_PROXY === "true" || process.env.TRUST_PROXY === "1";
const logRequests = process.env.LOG_REQUESTS !== "false" && process.env.LOG_REQUESTS !== "0";

const app = express();
app.disable("x-powered-by");
if (trustProxy) app.set("trust proxy", true);

app.use((req, res, next) => {
  const started = process.hrtime.bigint();
  res.on("finish", () => {
    if (!logRequests) return;
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    console.log(
      JSON.stringify({
        time: new Date().toISOString(),
        method: req.method,
        path: req.originalUrl.split("?")[0],
        status: res.statusCode,
        ms: Math.round(ms * 10) / 10,
      }),
    );
  });
  next();
});
app.use(securityHeaders({ appUrl: process.env.APP_URL }));
if (process.env.MICROCACHE !== "false") app.use(microcache());
app.use(compression());
app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
app.use(express.static("build/client", { maxAge: "1h" }));
app.use((req, res, next) => {
  if (
    isCrossOriginWrite(
      req.method,
      req.get("origin"),
      req.get("x-forwarded-host") ?? req.get("host"),
      process.env.APP_URL,
    )
  ) {
    res.status(403).type("text/plain").send("Cross-origin request refused");
    return;
  }
  next();
});
// app.use, not app.all("*"): a route pattern makes Express decode the path first, and a malformed
// escape (/produk/%E0%A4%A) then ended in Express's own error page instead of the app's 404.
app.use(
  createRequestHandler({
    build,
    mode: process.env.NODE_ENV,
    getLoadContext: (req, res) => ({
      clientAddress: req.ip ?? req.socket.remoteAddress ?? null,
      cspNonce: res.locals.cspNonce,
    }),
  }),
);

const server = app.listen(port, host, () => {
  console.log(`Jejaring is serving on http://localhost:${port}`);
});

/** @param {string} signal */
function shutdown(signal) {
  console.log(`${signal} received: finishing open requests, then stopping.`);
  server.close(() => process.exit(0));
  server.closeIdleConnections?.();
  setTimeout(() => process.exit(1), 10_000).unref();
}
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
