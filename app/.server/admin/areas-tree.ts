import { db } from "../db/client";

// The areas tree as the admin browses it: one area, the way up to its province, and its children,
// each with how many areas, groups and businesses it holds (a prefix match on the path).

export async function areaLevelCounts() {
  const rows = await db.area.groupBy({ by: ["level"], _count: { _all: true } });
  return Object.fromEntries(rows.map((r) => [r.level, r._count._all])) as Partial<Record<string, number>>;
}

export async function browseAreas(code: string | null) {
  const area = code
    ? await db.area.findUnique({
        where: { code },
        select: {
          id: true,
          code: true,
          name: true,
          level: true,
          path: true,
          latitude: true,
          longitude: true,
        },
      })
    : null;
  if (code && !area) return null;
  const trail = area
    ? await db.area.findMany({
        where: { code: { in: area.path.split("/").filter(Boolean).slice(0, -1) } },
        orderBy: { path: "asc" },
        select: { code: true, name: true, level: true },
      })
    : [];
  const children = await db.area.findMany({
    where: { parentId: area ? area.id : null },
    orderBy: { code: "asc" },
    select: { code: true, name: true, level: true, path: true, _count: { select: { children: true } } },
  });
  const withCounts = await Promise.all(
    children.map(async (child) => {
      const inside = { village: { path: { startsWith: child.path } } };
      const [groups, businesses] = await Promise.all([
        db.group.count({ where: inside }),
        db.business.count({ where: inside }),
      ]);
      return {
        code: child.code,
        name: child.name,
        level: child.level,
        children: child._count.children,
        groups,
        businesses,
      };
    }),
  );
  return { area, trail, children: withCounts };
}
