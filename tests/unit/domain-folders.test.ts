import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The folders under app/.server depend on each other one way only (issue 11, item 2): checkout above
// cart, orders and payments; payments on orders and the ledger; no cycle anywhere. And the ledger is
// the only code that touches the cash book (CashEntry).

const root = path.resolve(__dirname, "../..");
const server = path.join(root, "app/.server");
const GENERATED = path.join(server, "db/generated");

function filesUnder(dir: string, exts: string[], skip: (p: string) => boolean): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (skip(full)) continue;
    if (entry.isDirectory()) out.push(...filesUnder(full, exts, skip));
    else if (exts.some((ext) => entry.name.endsWith(ext))) out.push(full);
  }
  return out;
}

type Edge = { from: string; to: string; where: string };

/** Every module specifier a file imports: static imports, re-exports and dynamic import(). */
export function importsOf(source: string): { spec: string; line: number }[] {
  const found: { spec: string; line: number }[] = [];
  const patterns = [
    /\b(?:import|export)\s[^;'"]*?\sfrom\s*["']([^"']+)["']/g,
    /\bimport\s*["']([^"']+)["']/g,
    /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
  ];
  for (const pattern of patterns) {
    for (const match of source.matchAll(pattern)) {
      const line = source.slice(0, match.index).split("\n").length;
      found.push({ spec: match[1] as string, line });
    }
  }
  return found;
}

/** The folder (or top-level file) under app/.server that a path lies in, or null outside it. */
function folderOf(file: string): string | null {
  const rel = path.relative(server, file);
  if (rel.startsWith("..") || path.isAbsolute(rel)) return null;
  const [first] = rel.split(path.sep);
  return (first ?? "").replace(/\.tsx?$/, "");
}

function target(fromFile: string, spec: string): string | null {
  if (spec.startsWith("~/")) return path.join(root, "app", spec.slice(2));
  if (spec.startsWith(".")) return path.resolve(path.dirname(fromFile), spec);
  return null;
}

function folderEdges(): Edge[] {
  const edges: Edge[] = [];
  for (const file of filesUnder(server, [".ts", ".tsx"], (p) => p === GENERATED)) {
    const from = folderOf(file) as string;
    for (const { spec, line } of importsOf(fs.readFileSync(file, "utf8"))) {
      const resolved = target(file, spec);
      const to = resolved ? folderOf(resolved) : null;
      if (to && to !== from) edges.push({ from, to, where: `${path.relative(root, file)}:${line}` });
    }
  }
  return edges;
}

/** Strongly connected components of more than one folder (Tarjan): each one holds a cycle. */
export function cycles(edges: Edge[]): string[][] {
  const graph = new Map<string, Set<string>>();
  for (const { from, to } of edges) {
    if (!graph.has(from)) graph.set(from, new Set());
    if (!graph.has(to)) graph.set(to, new Set());
    graph.get(from)?.add(to);
  }
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next);
    next += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) components.push(component.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return components;
}

function describeCycle(component: string[], edges: Edge[]) {
  const inside = edges.filter((e) => component.includes(e.from) && component.includes(e.to));
  return `${component.join(" ⇄ ")}\n${inside.map((e) => `  ${e.from} → ${e.to}  (${e.where})`).join("\n")}`;
}

// Folders every domain may use: the database, audit, sign-in, settings, HTTP helpers, images and
// notifications. Everything else is a domain folder, and domains depend on each other one way.
const INFRASTRUCTURE = new Set([
  "db",
  "audit",
  "auth",
  "env",
  "env-schema",
  "http",
  "images",
  "notifications",
]);

describe("domain folders under app/.server", () => {
  const edges = folderEdges();

  it("finds the imports it is meant to check", () => {
    // Guards the parser: these edges exist today; if none were found the checks below would pass
    // for nothing.
    const pairs = new Set(edges.map((e) => `${e.from}>${e.to}`));
    expect(pairs.has("payments>ledger")).toBe(true);
    expect(pairs.has("checkout>cart")).toBe(true);
    expect(pairs.has("reports>ledger")).toBe(true);
  });

  it("have no cycle between them", () => {
    const found = cycles(edges);
    expect(found.map((c) => describeCycle(c, edges)).join("\n\n")).toBe("");
  });

  it("keep payments depending on orders and the ledger only (among domains)", () => {
    const wrong = edges.filter(
      (e) => e.from === "payments" && !INFRASTRUCTURE.has(e.to) && !["orders", "ledger"].includes(e.to),
    );
    expect(wrong.map((e) => `payments → ${e.to} (${e.where})`)).toEqual([]);
  });

  it("keep checkout on top: no folder under app/.server imports it", () => {
    const wrong = edges.filter((e) => e.to === "checkout" && e.from !== "jobs");
    expect(wrong.map((e) => `${e.from} → checkout (${e.where})`)).toEqual([]);
  });

  it("keep orders, cart and payments from reaching up into checkout or each other's callers", () => {
    const forbidden = [
      ["orders", "cart"],
      ["orders", "payments"],
      ["cart", "payments"],
    ];
    const wrong = edges.filter((e) => forbidden.some(([from, to]) => e.from === from && e.to === to));
    expect(wrong.map((e) => `${e.from} → ${e.to} (${e.where})`)).toEqual([]);
  });

  it("the cycle finder finds a planted cycle and names it", () => {
    const planted = [
      { from: "a", to: "b", where: "a.ts:1" },
      { from: "b", to: "c", where: "b.ts:2" },
      { from: "c", to: "a", where: "c.ts:3" },
      { from: "c", to: "d", where: "c.ts:4" },
    ];
    const found = cycles(planted);
    expect(found).toEqual([["a", "b", "c"]]);
    expect(describeCycle(found[0] as string[], planted)).toContain("c → a  (c.ts:3)");
  });

  it("the import parser reads every form of import", () => {
    const specs = importsOf(
      [
        'import { a } from "../orders/place";',
        'import type { B } from "../ledger/cash-book";',
        "import {\n  c,\n  d,\n} from '../cart/cart';",
        'export { e } from "./x";',
        'import "./side-effect";',
        'const m = await import("../payments/card");',
      ].join("\n"),
    ).map((i) => i.spec);
    expect(specs.sort()).toEqual(
      [
        "../cart/cart",
        "../ledger/cash-book",
        "../orders/place",
        "../payments/card",
        "./side-effect",
        "./x",
      ].sort(),
    );
  });
});

describe("the cash book has one owner", () => {
  // Outside app/.server/ledger only the generated client, the seed and the bench fixture builders
  // (which fill databases as the seed does) and the tests may name CashEntry, in code or in SQL.
  const allowed = [
    path.join(server, "ledger"),
    GENERATED,
    path.join(root, "scripts/seed"),
    path.join(root, "scripts/bench"),
  ];
  const scanned = [
    ...filesUnder(path.join(root, "app"), [".ts", ".tsx"], (p) => allowed.includes(p)),
    ...filesUnder(path.join(root, "scripts"), [".ts", ".js"], (p) => allowed.includes(p)),
  ];
  const touches = /cash_?entr(y|ies)/i;

  it("scans the code it is meant to scan", () => {
    expect(scanned.some((f) => f.endsWith(path.join("payments", "card.ts")))).toBe(true);
    expect(scanned.some((f) => f.endsWith(path.join("consignment", "consignment.ts")))).toBe(true);
    expect(scanned.some((f) => f.includes(`${path.sep}ledger${path.sep}`))).toBe(false);
  });

  it("no file outside app/.server/ledger touches CashEntry", () => {
    const offenders = scanned.flatMap((file) =>
      fs
        .readFileSync(file, "utf8")
        .split("\n")
        .flatMap((text, i) =>
          touches.test(text) ? [`${path.relative(root, file)}:${i + 1}: ${text.trim()}`] : [],
        ),
    );
    expect(offenders).toEqual([]);
  });

  it("the pattern catches the ways code reaches the table", () => {
    for (const text of [
      "tx.cashEntry.create({",
      "cashEntry: { select: { id: true } },",
      "data: { cashEntryId: id }",
      'SELECT SUM(amount) FROM "CashEntry"',
      "type Row = Prisma.CashEntryWhereInput",
      "const cashEntries = []",
    ]) {
      expect(touches.test(text), text).toBe(true);
    }
  });
});
