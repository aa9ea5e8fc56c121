import { describe, expect, it } from "vitest";
import { layoutNetwork, LAYOUT_SIZE, SIMULATE_ALL_UP_TO } from "~/.server/network/layout";
import { networkPeriod } from "~/.server/network/period";

// The network picture's layout is a pure function of the graph: same nodes and links in any order
// give the same positions, byte for byte; and the page's period form refuses what it must.

function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function shuffled<T>(items: T[], seed: number): T[] {
  const rand = random(seed);
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

function graph(groups: number, partners: number, seed: number) {
  const rand = random(seed);
  const nodes = [
    ...Array.from({ length: groups }, (_, i) => ({ id: `g-${i}`, radius: 6 + Math.round(rand() * 8) })),
    ...Array.from({ length: partners }, (_, i) => ({ id: `p-${i}`, radius: 4 + Math.round(rand() * 6) })),
  ];
  const links = new Map<string, { source: string; target: string; weight: number }>();
  for (let p = 0; p < partners; p++) {
    for (let k = 0; k < 1 + Math.floor(rand() * 3); k++) {
      const source = `g-${Math.floor(rand() * groups)}`;
      links.set(`${source} p-${p}`, { source, target: `p-${p}`, weight: Math.round(rand() * 1000) / 1000 });
    }
  }
  return { nodes, links: [...links.values()] };
}

describe("the network layout", () => {
  it("puts every node at the same place whatever order the rows come in", () => {
    const { nodes, links } = graph(12, 40, 5);
    const first = layoutNetwork(nodes, links);
    const again = layoutNetwork(shuffled(nodes, 1), shuffled(links, 2));
    expect(JSON.stringify([...again].sort())).toBe(JSON.stringify([...first].sort()));
    expect(first.size).toBe(nodes.length);
  });

  it("keeps every circle inside the picture and apart from the others", () => {
    const { nodes, links } = graph(8, 25, 9);
    const positions = layoutNetwork(nodes, links);
    for (const node of nodes) {
      const point = positions.get(node.id);
      expect(point).toBeDefined();
      expect(point?.x ?? -1).toBeGreaterThanOrEqual(node.radius - 0.1);
      expect(point?.y ?? -1).toBeGreaterThanOrEqual(node.radius - 0.1);
      expect(point?.x ?? Infinity).toBeLessThanOrEqual(LAYOUT_SIZE - node.radius + 0.1);
      expect(point?.y ?? Infinity).toBeLessThanOrEqual(LAYOUT_SIZE - node.radius + 0.1);
    }
    // No two nodes sit on top of each other (centres at least one radius apart).
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) {
        const a = positions.get(nodes[i]?.id ?? "");
        const b = positions.get(nodes[j]?.id ?? "");
        const gap = Math.hypot((a?.x ?? 0) - (b?.x ?? 0), (a?.y ?? 0) - (b?.y ?? 0));
        expect(gap).toBeGreaterThan(Math.max(nodes[i]?.radius ?? 0, nodes[j]?.radius ?? 0));
      }
    }
  });

  it("lays out a district-sized picture the same whatever the order, each partner beside its group", () => {
    const { nodes, links } = graph(300, SIMULATE_ALL_UP_TO, 21);
    expect(nodes.length).toBeGreaterThan(SIMULATE_ALL_UP_TO);
    const first = layoutNetwork(nodes, links);
    const again = layoutNetwork(shuffled(nodes, 3), shuffled(links, 4));
    expect(JSON.stringify([...again].sort())).toBe(JSON.stringify([...first].sort()));
    expect(first.size).toBe(nodes.length);
    for (const node of nodes) {
      const point = first.get(node.id) as { x: number; y: number };
      expect(point.x).toBeGreaterThanOrEqual(0);
      expect(point.y).toBeGreaterThanOrEqual(0);
      expect(point.x).toBeLessThanOrEqual(LAYOUT_SIZE);
      expect(point.y).toBeLessThanOrEqual(LAYOUT_SIZE);
    }
    // A partner of one group only sits nearer to that group than to most of the others.
    const groupsOf = new Map<string, string[]>();
    for (const link of links) groupsOf.set(link.target, [...(groupsOf.get(link.target) ?? []), link.source]);
    const loyal = [...groupsOf].filter(([, groups]) => groups.length === 1).slice(0, 50);
    expect(loyal.length).toBeGreaterThan(10);
    const at = (id: string) => first.get(id) as { x: number; y: number };
    const distance = (a: string, b: string) => Math.hypot(at(a).x - at(b).x, at(a).y - at(b).y);
    for (const [partner, [group]] of loyal) {
      const own = distance(partner, group as string);
      const nearer = nodes.filter((n) => n.id.startsWith("g-") && distance(partner, n.id) < own).length;
      expect(nearer).toBeLessThan(5);
    }
  });

  it("lays out an empty picture and a single group", () => {
    expect(layoutNetwork([], []).size).toBe(0);
    const one = layoutNetwork([{ id: "g", radius: 10 }], []);
    expect(one.get("g")).toEqual({ x: LAYOUT_SIZE / 2, y: LAYOUT_SIZE / 2 });
  });
});

describe("the network period", () => {
  const now = new Date("2026-11-20T03:00:00Z");
  const at = (search: string) =>
    networkPeriod(new URL(`http://x/tkm/jaringan${search}`), "/tkm/jaringan", now);

  it("is the last twelve WIB months when nothing is asked", () => {
    expect(at("")).toMatchObject({
      ok: true,
      period: { kind: "custom", from: "2025-12", to: "2026-11" },
      page: 1,
    });
    // 30 November 18:00 UTC is already December in Jakarta.
    const late = networkPeriod(
      new URL("http://x/tkm/jaringan"),
      "/tkm/jaringan",
      new Date("2026-11-30T18:00:00Z"),
    );
    expect(late.period.to).toBe("2026-12");
    expect(at("").picker.quick.find((choice) => choice.current)?.key).toBe("mon.period.last_12");
  });

  it("takes a month, a quarter, a year or a custom run of months, and keeps it in the page links", () => {
    expect(at("?periode=2026-Q2").period).toMatchObject({ from: "2026-04", to: "2026-06" });
    expect(at("?periode=2025").period).toMatchObject({ from: "2025-01", to: "2025-12" });
    const custom = at("?dari=2026-02&sampai=2026-05&page=3");
    expect(custom).toMatchObject({ ok: true, period: { from: "2026-02", to: "2026-05" }, page: 3 });
    expect(custom.pageHref(4)).toBe("/tkm/jaringan?dari=2026-02&sampai=2026-05&page=4");
    expect(custom.picker.earlierHref).toBe("/tkm/jaringan?dari=2025-10&sampai=2026-01");
  });

  it("refuses a period ending before it starts or longer than five years, with the reason", () => {
    expect(at("?dari=2026-06&sampai=2026-05")).toMatchObject({
      ok: false,
      picker: { problem: { key: "mon.period.end_before_start" } },
    });
    expect(at("?dari=2021-11&sampai=2026-11")).toMatchObject({
      ok: false,
      picker: { problem: { key: "mon.period.too_long" } },
    });
    expect(at("?dari=2021-12&sampai=2026-11").ok).toBe(true);
    expect(at("?periode=%3Dcmd%7C").ok).toBe(false);
    expect(at("?page=-4").page).toBe(1);
  });
});
