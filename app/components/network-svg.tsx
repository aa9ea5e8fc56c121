import type { Lang, Translate } from "~/locales";
import { nodeLabel, INSTITUTION_KIND_KEYS } from "~/utils/network-picture";
import type { NetworkGrowthMonth, NetworkLink, NetworkNode, NetworkNodeKind } from "~/utils/network-picture";
import { formatMonth } from "~/utils/time";

// The network picture and its growth chart, drawn as SVG on the server from positions the server
// computed. On a phone the picture is a few centimetres wide, so names are not written in it: the
// best-connected nodes carry a number, and the legend under the picture says who each number is.
// `t` is passed in (not read from the route) so the same markup can be rendered in a test.

export const PICTURE_SIZE = 600;

const NODE_CLASS: Record<NetworkNodeKind, string> = {
  group: "fill-brand-600",
  business: "fill-clay-500",
  institution: "fill-sky-700",
};

const KIND_KEY = {
  group: "net.kind.group",
  business: "net.kind.business",
  institution: "net.kind.institution",
} as const;

function Shape({ node }: { node: Pick<NetworkNode, "kind" | "x" | "y" | "r"> }) {
  const { x, y, r } = node;
  const className = `${NODE_CLASS[node.kind]} stroke-white`;
  if (node.kind === "business") {
    const side = Math.round(r * 1.7 * 10) / 10;
    const half = side / 2;
    return (
      <rect
        x={x - half}
        y={y - half}
        width={side}
        height={side}
        rx={2}
        className={className}
        strokeWidth={1}
      />
    );
  }
  if (node.kind === "institution") {
    const d = Math.round(r * 1.25 * 10) / 10;
    const points = `${x},${y - d} ${x + d},${y} ${x},${y + d} ${x - d},${y}`;
    return <polygon points={points} className={className} strokeWidth={1} />;
  }
  return <circle cx={x} cy={y} r={r} className={className} strokeWidth={1} />;
}

/** A small sample of a node's shape, for the key and the legend. */
export function KindSwatch({ kind }: { kind: NetworkNodeKind }) {
  return (
    <svg viewBox="0 0 16 16" width={16} height={16} aria-hidden="true" className="inline-block shrink-0">
      <Shape node={{ kind, x: 8, y: 8, r: 6 }} />
    </svg>
  );
}

export function NetworkSvg({
  nodes,
  drawn,
  linkTotal,
  title,
  t,
}: {
  nodes: NetworkNode[];
  drawn: { groupKey: string; partnerKey: string; kind: NetworkLink["kind"]; weight: number }[];
  linkTotal: number;
  title: string;
  t: Translate;
}) {
  const byKey = new Map(nodes.map((node) => [node.key, node]));
  const marked = nodes.filter((node) => node.mark !== null).sort((a, b) => (a.mark ?? 0) - (b.mark ?? 0));
  return (
    <figure className="space-y-3">
      <svg
        viewBox={`0 0 ${PICTURE_SIZE} ${PICTURE_SIZE}`}
        role="img"
        aria-labelledby="network-picture-title"
        className="mx-auto block h-auto w-full max-w-xl rounded-lg bg-stone-50"
      >
        <title id="network-picture-title">{title}</title>
        <g>
          {drawn.map((link) => {
            const a = byKey.get(link.groupKey);
            const b = byKey.get(link.partnerKey);
            if (!a || !b) return null;
            return (
              <line
                key={`${link.kind}-${link.groupKey}-${link.partnerKey}`}
                x1={a.x}
                y1={a.y}
                x2={b.x}
                y2={b.y}
                className={link.kind === "trade" ? "stroke-stone-500" : "stroke-sky-600"}
                strokeWidth={Math.round((1 + 5 * link.weight) * 10) / 10}
                strokeOpacity={0.55}
                strokeDasharray={link.kind === "support" ? "6 4" : undefined}
              />
            );
          })}
        </g>
        <g>
          {nodes.map((node) => (
            <g key={node.key}>
              <Shape node={node} />
              <title>{nodeLabel(node, t)}</title>
              {node.mark !== null ? (
                <text
                  x={node.x}
                  y={node.y}
                  textAnchor="middle"
                  dominantBaseline="central"
                  fontSize={node.mark > 9 ? 17 : 20}
                  fontWeight={700}
                  className="pointer-events-none fill-white"
                >
                  {node.mark}
                </text>
              ) : null}
            </g>
          ))}
        </g>
      </svg>
      <figcaption className="space-y-2 text-sm text-stone-700">
        <p className="flex flex-wrap gap-x-4 gap-y-1">
          {(["group", "business", "institution"] as const).map((kind) => (
            <span key={kind} className="inline-flex items-center gap-1">
              <KindSwatch kind={kind} />
              {t(KIND_KEY[kind])}
            </span>
          ))}
          <span className="inline-flex items-center gap-1">
            <svg viewBox="0 0 24 8" width={24} height={8} aria-hidden="true">
              <line x1={0} y1={4} x2={24} y2={4} className="stroke-stone-500" strokeWidth={3} />
            </svg>
            {t("net.key_trade")}
          </span>
          <span className="inline-flex items-center gap-1">
            <svg viewBox="0 0 24 8" width={24} height={8} aria-hidden="true">
              <line
                x1={0}
                y1={4}
                x2={24}
                y2={4}
                className="stroke-sky-600"
                strokeWidth={3}
                strokeDasharray="6 4"
              />
            </svg>
            {t("net.key_support")}
          </span>
        </p>
        {drawn.length < linkTotal ? (
          <p>{t("net.drawn_strongest", { drawn: drawn.length, total: linkTotal })}</p>
        ) : null}
        {marked.length > 0 ? (
          <>
            <p className="font-medium">
              {marked.length < nodes.length
                ? t("net.legend_top", { count: marked.length })
                : t("net.legend_all")}
            </p>
            <ol className="grid gap-x-6 gap-y-1 sm:grid-cols-2">
              {marked.map((node) => (
                <li key={node.key} className="flex items-center gap-2">
                  <span className="inline-flex min-w-7 justify-center rounded bg-stone-800 px-1 text-xs font-bold text-white tabular-nums">
                    {node.mark}
                  </span>
                  <KindSwatch kind={node.kind} />
                  <span className="min-w-0 break-words">{nodeLabel(node, t)}</span>
                </li>
              ))}
            </ol>
          </>
        ) : null}
      </figcaption>
    </figure>
  );
}

/** A partner's kind in words: "Pembeli", or the institution's kind ("Bank"). */
export function partnerKindText(node: NetworkNode, t: Translate): string {
  if (node.kind === "institution" && node.institutionKind)
    return t(INSTITUTION_KIND_KEYS[node.institutionKind]);
  return t(KIND_KEY[node.kind]);
}

const CHART_WIDTH = 360;
const CHART_HEIGHT = 170;
const CHART_TOP = 12;
const CHART_BOTTOM = 24;
const CHART_LEFT = 8;

/** Links per month as bars, nodes (groups and partners with a link that month) as a line. */
export function NetworkGrowthChart({
  growth,
  t,
  lang,
}: {
  growth: NetworkGrowthMonth[];
  t: Translate;
  lang: Lang;
}) {
  const peak = Math.max(1, ...growth.map((m) => Math.max(m.links, m.nodes)));
  const plotHeight = CHART_HEIGHT - CHART_TOP - CHART_BOTTOM;
  const slot = (CHART_WIDTH - CHART_LEFT * 2) / Math.max(1, growth.length);
  const yOf = (value: number) => Math.round((CHART_TOP + plotHeight * (1 - value / peak)) * 10) / 10;
  const xOf = (index: number) => Math.round((CHART_LEFT + slot * index + slot / 2) * 10) / 10;
  const line = growth.map((m, i) => `${xOf(i)},${yOf(m.nodes)}`).join(" ");
  const monthShort = new Intl.DateTimeFormat(lang === "id" ? "id-ID" : "en-GB", {
    month: "narrow",
    timeZone: "UTC",
  });
  return (
    <figure className="space-y-2">
      <svg
        viewBox={`0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`}
        role="img"
        aria-labelledby="network-growth-title"
        className="block h-auto w-full max-w-xl"
      >
        <title id="network-growth-title">{t("net.growth_chart_title")}</title>
        <line
          x1={CHART_LEFT}
          x2={CHART_WIDTH - CHART_LEFT}
          y1={CHART_TOP + plotHeight}
          y2={CHART_TOP + plotHeight}
          className="stroke-stone-300"
        />
        {growth.map((m, i) => {
          const top = yOf(m.links);
          const width = Math.round(slot * 0.6 * 10) / 10;
          return (
            <g key={m.month}>
              <rect
                x={Math.round((xOf(i) - width / 2) * 10) / 10}
                y={top}
                width={width}
                height={Math.round((CHART_TOP + plotHeight - top) * 10) / 10}
                rx={2}
                className="fill-brand-600"
              />
              <text
                x={xOf(i)}
                y={CHART_HEIGHT - 6}
                textAnchor="middle"
                fontSize={11}
                className="fill-stone-600"
              >
                {monthShort.format(new Date(`${m.month}-01T00:00:00Z`))}
              </text>
            </g>
          );
        })}
        <polyline points={line} fill="none" className="stroke-clay-500" strokeWidth={2} />
        {growth.map((m, i) => (
          <circle key={m.month} cx={xOf(i)} cy={yOf(m.nodes)} r={3} className="fill-clay-500" />
        ))}
      </svg>
      <figcaption className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-stone-700">
        <span className="inline-flex items-center gap-1">
          <span className="inline-block h-3 w-3 rounded-sm bg-brand-600" aria-hidden="true" />
          {t("net.growth_links")}
        </span>
        <span className="inline-flex items-center gap-1">
          <span className="inline-block h-0.5 w-4 bg-clay-500" aria-hidden="true" />
          {t("net.growth_nodes")}
        </span>
        <span className="sr-only">
          {formatMonth(growth[0]?.month ?? "1970-01", lang)} –{" "}
          {formatMonth(growth.at(-1)?.month ?? "1970-01", lang)}
        </span>
      </figcaption>
    </figure>
  );
}
