import { createHash } from "node:crypto";
import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY } from "d3-force";
import type { SimulationLinkDatum, SimulationNodeDatum } from "d3-force";

// Where each node of the network picture stands. d3-force does the physics; what makes it
// deterministic is ours: nodes and links are sorted by id before the simulation (so the order rows
// come back in cannot matter), each node starts at a position drawn from a hash of its id, the
// simulation's random source is a seeded LCG, and the number of ticks is fixed. A district's picture
// of thousands of nodes is not simulated whole (layoutLarge: groups on a spiral, partners beside
// them), so it is laid out in about a tenth of a second. The result is rounded to tenths of a unit
// so the SVG is byte-identical from run to run.

export const LAYOUT_SIZE = 600;
const PADDING = 24;

export type LayoutNode = { id: string; radius: number };
export type LayoutLink = { source: string; target: string; weight: number };
export type Point = { x: number; y: number };

type SimNode = SimulationNodeDatum & { id: string; radius: number };
type SimLink = SimulationLinkDatum<SimNode> & { weight: number };

/** Fewer ticks for bigger pictures: the cost of a tick grows with n log n. */
export function ticksFor(nodeCount: number): number {
  if (nodeCount <= 200) return 300;
  return 100;
}

/**
 * Above this many nodes (a district's year: hundreds of groups, thousands of buyers) the physics
 * moves the groups only and each partner is placed beside its groups (layoutLarge): simulating
 * 5,000 circles costs seconds and draws a hairball anyway.
 */
export const SIMULATE_ALL_UP_TO = 1000;

/** Two numbers in [0, 1) from the id alone. */
function hashUnit(id: string): [number, number] {
  const digest = createHash("sha1").update(id).digest();
  return [digest.readUInt32BE(0) / 2 ** 32, digest.readUInt32BE(4) / 2 ** 32];
}

/** The same linear congruential generator d3 uses internally, with our own seed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (1664525 * state + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const linkKey = (link: LayoutLink) => `${link.source}\u0000${link.target}`;

/**
 * Positions inside a LAYOUT_SIZE square for every node, keyed by id. Links pull their ends
 * together (heavier links more), nodes push each other apart and never overlap their circles.
 */
export function layoutNetwork(nodes: LayoutNode[], links: LayoutLink[]): Map<string, Point> {
  if (nodes.length > SIMULATE_ALL_UP_TO) return layoutLarge(nodes, links);
  return simulateAll(nodes, links);
}

function simulateAll(nodes: LayoutNode[], links: LayoutLink[]): Map<string, Point> {
  // Nodes with no link of their own start at a place drawn from their id; a node linked to others
  // (a partner) starts beside the first of them (by id), so a big picture needs few ticks to settle.
  const start = (id: string, spread: number): Point => {
    const [angle, distance] = hashUnit(id);
    const r = Math.sqrt(distance) * spread;
    return { x: r * Math.cos(angle * 2 * Math.PI), y: r * Math.sin(angle * 2 * Math.PI) };
  };
  const anchorOf = new Map<string, string>();
  for (const link of links) {
    const current = anchorOf.get(link.target);
    if (current === undefined || link.source < current) anchorOf.set(link.target, link.source);
  }
  const simNodes: SimNode[] = [...nodes].sort(byId).map((node) => {
    const anchor = anchorOf.get(node.id);
    const home = start(anchor ?? node.id, LAYOUT_SIZE * 0.45);
    const near = anchor ? start(node.id, 60) : { x: 0, y: 0 };
    return { id: node.id, radius: node.radius, x: home.x + near.x, y: home.y + near.y };
  });
  const known = new Set(simNodes.map((node) => node.id));
  const heaviest = Math.max(1, ...links.map((link) => link.weight));
  const simLinks: SimLink[] = [...links]
    .filter((link) => known.has(link.source) && known.has(link.target))
    .sort((a, b) => (linkKey(a) < linkKey(b) ? -1 : linkKey(a) > linkKey(b) ? 1 : 0))
    .map((link) => ({ source: link.source, target: link.target, weight: link.weight }));

  const simulation = forceSimulation<SimNode>(simNodes)
    .randomSource(seededRandom(0x6a656a61))
    .force(
      "link",
      forceLink<SimNode, SimLink>(simLinks)
        .id((node) => node.id)
        .distance((link) => 40 + 30 * (1 - Math.sqrt(link.weight / heaviest))),
    )
    .force(
      "charge",
      forceManyBody<SimNode>()
        .strength(-60)
        .theta(simNodes.length > 1000 ? 1.2 : 0.9),
    )
    .force(
      "collide",
      forceCollide<SimNode>((node) => node.radius + 3),
    )
    // A gentle pull to the middle keeps groups with no link from drifting off the picture.
    .force("x", forceX<SimNode>(0).strength(0.06))
    .force("y", forceY<SimNode>(0).strength(0.06))
    .stop();
  simulation.tick(ticksFor(simNodes.length));

  return fitToSquare(simNodes);
}

/**
 * A big picture: the groups (every link's source, and nodes with no link) are simulated alone,
 * each as a circle wide enough for the ring of partners that hang on it only, and pulled towards
 * the groups it shares partners with. Then each partner is placed: one with a single group on that
 * group's ring, in id order; one shared by several at the weighted middle of its groups, nudged by
 * its id so two shared partners of the same groups do not coincide.
 */
function layoutLarge(nodes: LayoutNode[], links: LayoutLink[]): Map<string, Point> {
  const sortedNodes = [...nodes].sort(byId);
  const radiusOf = new Map(sortedNodes.map((node) => [node.id, node.radius]));
  const sortedLinks = [...links]
    .filter((link) => radiusOf.has(link.source) && radiusOf.has(link.target))
    .sort((a, b) => (linkKey(a) < linkKey(b) ? -1 : linkKey(a) > linkKey(b) ? 1 : 0));
  const partnerIds = new Set(sortedLinks.map((link) => link.target));
  const groupsOf = new Map<string, { id: string; weight: number }[]>();
  for (const link of sortedLinks) {
    const list = groupsOf.get(link.target) ?? [];
    list.push({ id: link.source, weight: link.weight });
    groupsOf.set(link.target, list);
  }
  // Each group's own partners (linked to it alone), in id order: its ring.
  const ringOf = new Map<string, string[]>();
  for (const node of sortedNodes) {
    const groups = groupsOf.get(node.id);
    if (!groups || groups.length !== 1) continue;
    const hub = (groups[0] as { id: string }).id;
    ringOf.set(hub, [...(ringOf.get(hub) ?? []), node.id]);
  }
  const ringWidth = (hub: string) => {
    const ring = ringOf.get(hub) ?? [];
    return ring.length === 0 ? 0 : 6 + 4 * Math.sqrt(ring.length);
  };
  const hubs = sortedNodes.filter((node) => !partnerIds.has(node.id));
  const hubNodes: LayoutNode[] = hubs.map((node) => ({
    id: node.id,
    radius: node.radius + ringWidth(node.id),
  }));
  // Groups sharing a partner are linked, one link per pair of neighbours in id order.
  const shared = new Map<string, LayoutLink>();
  for (const groups of groupsOf.values()) {
    for (let k = 1; k < groups.length; k++) {
      const a = (groups[k - 1] as { id: string }).id;
      const b = (groups[k] as { id: string }).id;
      const key = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
      const weight = (shared.get(key)?.weight ?? 0) + 1;
      shared.set(key, { source: a < b ? a : b, target: a < b ? b : a, weight });
    }
  }
  const points = placeHubs(hubNodes, [...shared.values()]);
  for (const [hub, ring] of ringOf) {
    const centre = points.get(hub) ?? { x: LAYOUT_SIZE / 2, y: LAYOUT_SIZE / 2 };
    const inner = (radiusOf.get(hub) ?? 0) + 2;
    ring.forEach((id, index) => {
      const turn = (index / ring.length) * 2 * Math.PI;
      const distance = inner + (radiusOf.get(id) ?? 0) + 2 + (index % 2) * 4;
      points.set(id, { x: centre.x + distance * Math.cos(turn), y: centre.y + distance * Math.sin(turn) });
    });
  }
  for (const [id, groups] of groupsOf) {
    if (groups.length < 2) continue;
    let x = 0;
    let y = 0;
    let total = 0;
    for (const group of groups) {
      const at = points.get(group.id);
      if (!at) continue;
      const weight = Math.max(group.weight, 0.01);
      x += at.x * weight;
      y += at.y * weight;
      total += weight;
    }
    const [angle, distance] = hashUnit(id);
    const nudge = 4 + distance * 10;
    points.set(id, {
      x: x / Math.max(total, 1e-9) + nudge * Math.cos(angle * 2 * Math.PI),
      y: y / Math.max(total, 1e-9) + nudge * Math.sin(angle * 2 * Math.PI),
    });
  }
  return fitToSquare(
    sortedNodes.map((node) => ({
      id: node.id,
      radius: node.radius,
      ...(points.get(node.id) ?? { x: 0, y: 0 }),
    })),
  );
}

/**
 * The groups of a big picture on a sunflower spiral (d3's own start), in an order that walks the
 * shared-partner links breadth first from the best-linked group, so groups that share buyers sit
 * near each other; then a few ticks of collision alone push overlapping circles apart.
 */
function placeHubs(hubs: LayoutNode[], links: LayoutLink[]): Map<string, Point> {
  const neighbours = new Map<string, string[]>();
  for (const link of links) {
    neighbours.set(link.source, [...(neighbours.get(link.source) ?? []), link.target]);
    neighbours.set(link.target, [...(neighbours.get(link.target) ?? []), link.source]);
  }
  const byDegree = [...hubs].sort(
    (a, b) => (neighbours.get(b.id)?.length ?? 0) - (neighbours.get(a.id)?.length ?? 0) || byId(a, b),
  );
  const order: string[] = [];
  const seen = new Set<string>();
  for (const start of byDegree) {
    if (seen.has(start.id)) continue;
    seen.add(start.id);
    const queue = [start.id];
    for (let head = 0; head < queue.length; head++) {
      const id = queue[head] as string;
      order.push(id);
      for (const next of [...(neighbours.get(id) ?? [])].sort()) {
        if (seen.has(next)) continue;
        seen.add(next);
        queue.push(next);
      }
    }
  }
  const radiusOf = new Map(hubs.map((hub) => [hub.id, hub.radius]));
  const meanDiameter = (2 * hubs.reduce((total, hub) => total + hub.radius, 0)) / Math.max(1, hubs.length);
  const spacing = meanDiameter / 1.6;
  const golden = Math.PI * (3 - Math.sqrt(5));
  const simNodes: SimNode[] = order.map((id, i) => ({
    id,
    radius: radiusOf.get(id) ?? 0,
    x: spacing * Math.sqrt(0.5 + i) * Math.cos(i * golden),
    y: spacing * Math.sqrt(0.5 + i) * Math.sin(i * golden),
  }));
  forceSimulation<SimNode>(simNodes)
    .randomSource(seededRandom(0x6a656a61))
    .force(
      "collide",
      forceCollide<SimNode>((node) => node.radius + 2),
    )
    .stop()
    .tick(HUB_TICKS);
  return new Map(simNodes.map((node) => [node.id, { x: node.x ?? 0, y: node.y ?? 0 }]));
}

const HUB_TICKS = 20;

/** Scales the simulated positions into the picture, keeping proportions, circles inside. */
function fitToSquare(nodes: SimNode[]): Map<string, Point> {
  const positions = new Map<string, Point>();
  if (nodes.length === 0) return positions;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const node of nodes) {
    minX = Math.min(minX, (node.x ?? 0) - node.radius);
    minY = Math.min(minY, (node.y ?? 0) - node.radius);
    maxX = Math.max(maxX, (node.x ?? 0) + node.radius);
    maxY = Math.max(maxY, (node.y ?? 0) + node.radius);
  }
  const inner = LAYOUT_SIZE - 2 * PADDING;
  const span = Math.max(maxX - minX, maxY - minY, 1);
  // Never enlarge a small picture beyond its natural size: two nodes should not sit in the corners.
  const scale = Math.min(inner / span, 2.5);
  const offsetX = PADDING + (inner - (maxX - minX) * scale) / 2;
  const offsetY = PADDING + (inner - (maxY - minY) * scale) / 2;
  const round = (value: number) => Math.round(value * 10) / 10;
  for (const node of nodes) {
    positions.set(node.id, {
      x: round(offsetX + ((node.x ?? 0) - minX) * scale),
      y: round(offsetY + ((node.y ?? 0) - minY) * scale),
    });
  }
  return positions;
}
