import { createHash } from "node:crypto";
import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY } from "d3-force";
import type { SimulationLinkDatum, SimulationNodeDatum } from "d3-force";

// Where each node of the network picture stands. d3-force does the physics; what makes it
// deterministic is ours: nodes and links are sorted by id before the simulation (so the order rows
// come back in cannot matter), each node starts at a position drawn from a hash of its id, the
// simulation's random source is a seeded LCG, and the number of ticks is fixed (fewer for big
// pictures, so a district of thousands of nodes is laid out in well under a second). The result is
// rounded to tenths of a unit so the SVG is byte-identical from run to run.

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
  if (nodeCount <= 1000) return 100;
  return 30;
}

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
