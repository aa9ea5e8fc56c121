import { db } from "../db/client";

/** Every public page worth indexing: home, catalog, groups and each product and group. */
export async function listSitemapEntries(): Promise<{ path: string; updatedAt: Date | null }[]> {
  const [products, groups] = await Promise.all([
    db.product.findMany({
      where: { status: "ACTIVE", group: { suspendedAt: null } },
      select: { slug: true, updatedAt: true },
      orderBy: { slug: "asc" },
    }),
    db.group.findMany({ where: { suspendedAt: null }, select: { slug: true }, orderBy: { slug: "asc" } }),
  ]);
  return [
    { path: "/", updatedAt: null },
    { path: "/produk", updatedAt: null },
    { path: "/kelompok", updatedAt: null },
    ...products.map((p) => ({ path: `/produk/${p.slug}`, updatedAt: p.updatedAt })),
    ...groups.map((g) => ({ path: `/kelompok/${g.slug}`, updatedAt: null })),
  ];
}
