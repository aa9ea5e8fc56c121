import { useLang, useT } from "~/utils/i18n";
import { formatMonth } from "~/utils/time";

// Links (group × business pairs trading) month by month as SVG columns drawn on the server, the
// part trading for the first time darker, with the table behind it.

const HEIGHT = 100;
const SLOT = 30;

export function LinksOverTimeChart({ links }: { links: { month: string; active: number; new: number }[] }) {
  const t = useT();
  const lang = useLang();
  const peak = Math.max(1, ...links.map((l) => l.active));
  return (
    <figure className="space-y-2">
      <svg
        viewBox={`0 0 ${links.length * SLOT} ${HEIGHT + 28}`}
        className="h-40 w-full"
        role="img"
        aria-labelledby="mon-links-chart-title"
      >
        <title id="mon-links-chart-title">{t("mon.chart.links")}</title>
        {links.map((point, index) => {
          const size = (point.active / peak) * HEIGHT;
          // A new link has traded this month, so it is part of the month's column.
          const fresh = (Math.min(point.new, point.active) / peak) * HEIGHT;
          return (
            <g key={point.month}>
              {point.active > 0 ? (
                <rect
                  className="fill-sky-300"
                  x={index * SLOT + 4}
                  y={HEIGHT - size}
                  width={SLOT - 8}
                  height={size}
                />
              ) : null}
              {point.new > 0 ? (
                <rect
                  className="fill-sky-700"
                  x={index * SLOT + 4}
                  y={HEIGHT - fresh}
                  width={SLOT - 8}
                  height={fresh}
                />
              ) : null}
              <text
                x={index * SLOT + SLOT / 2}
                y={HEIGHT - size - 3}
                textAnchor="middle"
                className="fill-stone-700 text-[9px]"
              >
                {point.active}
              </text>
              <text
                x={index * SLOT + SLOT / 2}
                y={HEIGHT + 12}
                textAnchor="middle"
                className="fill-stone-600 text-[9px]"
              >
                {formatMonth(point.month, lang).slice(0, 3)}
              </text>
            </g>
          );
        })}
        <line x1="0" x2={links.length * SLOT} y1={HEIGHT} y2={HEIGHT} className="stroke-stone-400" />
      </svg>
      <figcaption className="text-sm text-stone-600">{t("mon.chart.links_caption")}</figcaption>
      <details>
        <summary className="link inline-flex min-h-11 cursor-pointer items-center">
          {t("mon.chart.table")}
        </summary>
        <table className="w-full text-sm">
          <caption className="sr-only">{t("mon.chart.links")}</caption>
          <thead>
            <tr>
              <th scope="col" className="p-1 text-left">
                {t("mon.chart.month")}
              </th>
              <th scope="col" className="p-1 text-right">
                {t("mon.chart.active_links")}
              </th>
              <th scope="col" className="p-1 text-right">
                {t("mon.chart.new_links")}
              </th>
            </tr>
          </thead>
          <tbody>
            {links.map((point) => (
              <tr key={point.month} className="border-t border-stone-200">
                <th scope="row" className="p-1 text-left font-normal">
                  {formatMonth(point.month, lang)}
                </th>
                <td className="p-1 text-right tabular-nums">{point.active}</td>
                <td className="p-1 text-right tabular-nums">{point.new}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
