import type { Lang, Translate } from "~/locales";
import { formatRupiah } from "~/utils/money";
import { nodeLabel } from "~/utils/network-picture";
import type { NetworkFigures, NetworkGrowthMonth, NetworkLink, NetworkNode } from "~/utils/network-picture";
import { formatMonth } from "~/utils/time";
import { KindSwatch, partnerKindText } from "./network-svg";

// The figures, the links and the growth of the network picture as text and tables: what the
// picture shows, readable without it. `t` is passed in so the markup can be rendered in a test.

function GroupName({
  group,
  href,
}: {
  group: { id: string; name: string };
  href: ((id: string) => string) | null;
}) {
  return href ? (
    <a href={href(group.id)} className="link">
      {group.name}
    </a>
  ) : (
    <>{group.name}</>
  );
}

export function NetworkFiguresCard({
  figures,
  t,
  lang,
  groupHref,
}: {
  figures: NetworkFigures;
  t: Translate;
  lang: Lang;
  groupHref: ((id: string) => string) | null;
}) {
  const percent = new Intl.NumberFormat(lang === "id" ? "id-ID" : "en-GB", {
    style: "percent",
    maximumFractionDigits: 1,
  });
  const tiles = [
    {
      key: "links",
      label: t("net.figure_links"),
      value: String(figures.links),
      note: t("net.figure_links_note", { trade: figures.tradeLinks, support: figures.supportLinks }),
    },
    {
      key: "density",
      label: t("net.figure_density"),
      value: figures.density === null ? "–" : percent.format(figures.density),
      note: t("net.figure_density_definition"),
    },
    {
      key: "nodes",
      label: t("net.figure_nodes"),
      value: String(figures.groups + figures.businesses + figures.institutions),
      note: t("net.figure_nodes_note", {
        groups: figures.groups,
        businesses: figures.businesses,
        institutions: figures.institutions,
      }),
    },
  ];
  return (
    <section className="card space-y-4" aria-labelledby="net-figures">
      <h2 id="net-figures" className="text-xl font-bold">
        {t("net.figures")}
      </h2>
      <dl className="grid gap-3 sm:grid-cols-3">
        {tiles.map((tile) => (
          <div key={tile.key} className="rounded-lg bg-stone-50 p-3">
            <dt className="text-sm text-stone-600">{tile.label}</dt>
            <dd className="text-2xl font-bold tabular-nums">{tile.value}</dd>
            <dd className="text-xs text-stone-600">{tile.note}</dd>
          </div>
        ))}
      </dl>
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <h3 className="font-semibold">
            {t("net.single_buyer_groups")} ({figures.singleBuyerGroups.length})
          </h3>
          <p className="text-xs text-stone-600">{t("net.single_buyer_definition")}</p>
          {figures.singleBuyerGroups.length === 0 ? (
            <p className="text-sm text-stone-600">{t("net.none")}</p>
          ) : (
            <ul className="mt-1 list-disc pl-5 text-sm">
              {figures.singleBuyerGroups.map((group) => (
                <li key={group.id}>
                  <GroupName group={group} href={groupHref} />
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <h3 className="font-semibold">
            {t("net.isolated_groups")} ({figures.isolatedGroups.length})
          </h3>
          <p className="text-xs text-stone-600">{t("net.isolated_definition")}</p>
          {figures.isolatedGroups.length === 0 ? (
            <p className="text-sm text-stone-600">{t("net.none")}</p>
          ) : (
            <ul className="mt-1 list-disc pl-5 text-sm">
              {figures.isolatedGroups.map((group) => (
                <li key={group.id}>
                  <GroupName group={group} href={groupHref} />
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}

export function NetworkLinksTable({
  rows,
  nodes,
  t,
  groupHref,
}: {
  rows: NetworkLink[];
  nodes: NetworkNode[];
  t: Translate;
  groupHref: ((id: string) => string) | null;
}) {
  if (rows.length === 0) return <p className="card text-stone-600">{t("net.no_links")}</p>;
  const byKey = new Map(nodes.map((node) => [node.key, node]));
  return (
    <div className="card overflow-x-auto p-0">
      <table className="w-full text-sm">
        <caption className="sr-only">{t("net.links_table")}</caption>
        <thead>
          <tr className="border-b border-stone-200 text-left">
            <th scope="col" className="p-2">
              {t("net.column_group")}
            </th>
            <th scope="col" className="p-2">
              {t("net.column_partner")}
            </th>
            <th scope="col" className="p-2 text-right">
              {t("net.column_weight")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const group = byKey.get(row.groupKey);
            const partner = byKey.get(row.partnerKey);
            if (!group || !partner) return null;
            return (
              <tr
                key={`${row.kind}-${row.groupKey}-${row.partnerKey}`}
                className="border-b border-stone-100 align-top"
              >
                <th scope="row" className="p-2 text-left font-medium">
                  <GroupName group={{ id: group.key, name: nodeLabel(group, t) }} href={groupHref} />
                </th>
                <td className="p-2">
                  <span className="flex items-start gap-1">
                    <span className="pt-0.5">
                      <KindSwatch kind={partner.kind} />
                    </span>
                    <span>
                      {nodeLabel(partner, t)}
                      {partner.name !== null ? (
                        <span className="block text-xs text-stone-500">{partnerKindText(partner, t)}</span>
                      ) : null}
                    </span>
                  </span>
                </td>
                <td className="p-2 text-right tabular-nums">
                  {row.kind === "trade" ? (
                    <>
                      <span className="font-semibold">{formatRupiah(row.value)}</span>
                      <span className="block text-xs text-stone-600">
                        {t("net.orders_count", { count: row.orders })}
                      </span>
                    </>
                  ) : (
                    <>
                      <span className="font-semibold">
                        {t("net.supports_count", { count: row.supports })}
                      </span>
                      {row.amount > 0 ? (
                        <span className="block text-xs text-stone-600">{formatRupiah(row.amount)}</span>
                      ) : null}
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function NetworkGrowthTable({
  growth,
  t,
  lang,
}: {
  growth: NetworkGrowthMonth[];
  t: Translate;
  lang: Lang;
}) {
  const columns = [
    { key: "links", label: t("net.growth_links") },
    { key: "newLinks", label: t("net.growth_new") },
    { key: "nodes", label: t("net.growth_nodes") },
    { key: "businesses", label: t("net.kind.business") },
    { key: "institutions", label: t("net.kind.institution") },
  ] as const;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-xs sm:text-sm">
        <caption className="sr-only">{t("net.growth")}</caption>
        <thead>
          <tr className="border-b border-stone-200 text-left">
            <th scope="col" className="p-1.5 sm:p-2">
              {t("net.column_month")}
            </th>
            {columns.map((column) => (
              <th key={column.key} scope="col" className="p-1.5 text-right sm:p-2">
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[...growth].reverse().map((month) => (
            <tr key={month.month} className="border-b border-stone-100">
              <th scope="row" className="p-1.5 text-left font-medium whitespace-nowrap sm:p-2">
                {formatMonth(month.month, lang)}
              </th>
              {columns.map((column) => (
                <td key={column.key} className="p-1.5 text-right tabular-nums sm:p-2">
                  {month[column.key]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
