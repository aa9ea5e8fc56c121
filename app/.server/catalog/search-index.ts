import { db } from "../db/client";
import { searchTextFor } from "./search-text";

/**
 * Recomputes the search text of products that have none yet (made before search existed, or
 * written by a tool that skipped it). The database's triggers/index follow the column.
 */
export async function fillMissingSearchText(): Promise<number> {
  const products = await db.product.findMany({
    where: { searchText: "" },
    select: {
      id: true,
      name: true,
      description: true,
      category: { select: { nameId: true } },
      group: { select: { name: true, village: { select: { name: true } } } },
    },
  });
  for (const product of products) {
    await db.product.update({
      where: { id: product.id },
      data: searchTextFor({
        name: product.name,
        description: product.description,
        category: product.category.nameId,
        group: product.group.name,
        village: product.group.village.name,
      }),
      select: { id: true },
    });
  }
  return products.length;
}
