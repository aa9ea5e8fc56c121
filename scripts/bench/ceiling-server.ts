// The ceiling: the least a server can do to answer the catalog's first page on this machine —
// node:http and better-sqlite3, one prepared query, 24 products as plain HTML, no framework.
import http from "node:http";
import Database from "better-sqlite3";

export function startCeilingServer(file: string, port: number): Promise<http.Server> {
  const db = new Database(file, { readonly: true });
  const query = db.prepare(`SELECT p."name", p."slug", p."price", g."name" AS "groupName"
    FROM "Product" p JOIN "Group" g ON g."id" = p."groupId"
    WHERE p."status" = 'ACTIVE' ORDER BY p."createdAt" DESC, p."id" ASC LIMIT 24`);
  const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const server = http.createServer((_req, res) => {
    const rows = query.all() as { name: string; slug: string; price: number; groupName: string }[];
    const items = rows
      .map(
        (r) =>
          `<li><a href="/produk/${r.slug}">${escape(r.name)}</a> Rp${r.price} ${escape(r.groupName)}</li>`,
      )
      .join("");
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><html><body><ul>${items}</ul></body></html>`);
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

// Run on its own so the load generator does not share its process: tsx ceiling-server.ts <db> <port>
if (process.argv[1]?.endsWith("ceiling-server.ts")) {
  const [file, port] = process.argv.slice(2);
  if (!file || !port) throw new Error("usage: ceiling-server.ts <db file> <port>");
  await startCeilingServer(file, Number(port));
  console.log("ready");
}
