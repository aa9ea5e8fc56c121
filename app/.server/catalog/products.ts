import { db, Prisma, type ProductUnit, type SupplyMode } from "../db/client";
import { imageRef, type StoredVariant } from "../images/pipeline";

export async function listCategories() {
  return db.category.findMany({
    select: { id: true, slug: true, nameId: true, nameEn: true, parentId: true },
    orderBy: [{ sortOrder: "asc" }, { nameId: "asc" }],
  });
}

export const mainImageSelect = {
  images: {
    orderBy: { position: "asc" as const },
    take: 1,
    select: {
      alt: true,
      asset: { select: { variants: { select: { hash: true, width: true, height: true, format: true } } } },
    },
  },
};

export function mainImage(
  images: {
    alt: string;
    asset: { variants: { hash: string; width: number; height: number; format: string }[] };
  }[],
) {
  const first = images[0];
  const ref = first ? imageRef(first.asset.variants) : null;
  return ref ? { ...ref, alt: first?.alt ?? "" } : null;
}

export const CATALOG_PAGE_SIZE = 24;

type CardRow = {
  id: string;
  slug: string;
  name: string;
  unit: ProductUnit;
  price: number;
  minOrderQuantity: number;
  supplyMode: SupplyMode;
  stock: number;
  groupName: string;
  groupSlug: string;
  villageName: string;
  assetId: string | null;
  alt: string | null;
};

/**
 * Product cards for the given ids, in the order given. Every catalog page shows 24 of them, so
 * they are read with two plain queries (the products with their group, village and main photo;
 * then the photos' variants) rather than a nested query, which costs several times more here.
 */
export async function productCards(ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await db.$queryRaw<CardRow[]>(Prisma.sql`
    SELECT p."id", p."slug", p."name", p."unit", p."price", p."minOrderQuantity", p."supplyMode", p."stock",
      g."name" AS "groupName", g."slug" AS "groupSlug", v."name" AS "villageName", i."assetId", i."alt"
    FROM "Product" p
    JOIN "Group" g ON g."id" = p."groupId"
    JOIN "Area" v ON v."id" = g."villageId"
    LEFT JOIN "ProductImage" i ON i."id" = (SELECT first."id" FROM "ProductImage" first
      WHERE first."productId" = p."id" ORDER BY first."position" ASC, first."id" ASC LIMIT 1)
    WHERE p."id" IN (${Prisma.join(ids)})`);
  const assetIds = [...new Set(rows.flatMap((row) => (row.assetId ? [row.assetId] : [])))];
  const variants =
    assetIds.length === 0
      ? []
      : await db.$queryRaw<(StoredVariant & { assetId: string })[]>(Prisma.sql`
          SELECT "assetId", "hash", "width", "height", "format" FROM "ImageVariant"
          WHERE "assetId" IN (${Prisma.join(assetIds)})`);
  const variantsOf = new Map<string, StoredVariant[]>();
  for (const variant of variants)
    variantsOf.set(variant.assetId, [...(variantsOf.get(variant.assetId) ?? []), variant]);
  const byId = new Map(
    rows.map(({ groupName, groupSlug, villageName, assetId, alt, ...product }) => {
      const ref = assetId ? imageRef(variantsOf.get(assetId) ?? []) : null;
      const card = {
        ...product,
        price: Number(product.price),
        minOrderQuantity: Number(product.minOrderQuantity),
        stock: Number(product.stock),
        group: { name: groupName, slug: groupSlug, village: { name: villageName } },
        image: ref ? { ...ref, alt: alt ?? "" } : null,
      };
      return [product.id, card];
    }),
  );
  return ids.flatMap((id) => {
    const card = byId.get(id);
    return card ? [card] : [];
  });
}

/** A product as buyers see it; null when it does not exist or is not for sale (its group
 * suspended by TKM included). */
export async function getProductForBuyers(slug: string) {
  const product = await db.product.findFirst({
    where: { slug, status: "ACTIVE", group: { suspendedAt: null } },
    select: {
      id: true,
      slug: true,
      name: true,
      description: true,
      unit: true,
      price: true,
      minOrderQuantity: true,
      orderMultiple: true,
      supplyMode: true,
      stock: true,
      leadTimeDays: true,
      capacityPerWeek: true,
      pausedUntil: true,
      halalCertificate: true,
      pirtNumber: true,
      bpomNumber: true,
      tiers: { select: { minQuantity: true, unitPrice: true }, orderBy: { minQuantity: "asc" } },
      category: { select: { slug: true, nameId: true, nameEn: true } },
      group: {
        select: {
          id: true,
          name: true,
          slug: true,
          story: true,
          phone: true,
          rw: true,
          verifiedAt: true,
          village: { select: { name: true, parent: { select: { name: true } } } },
          _count: { select: { members: { where: { leftAt: null } } } },
        },
      },
      images: {
        orderBy: { position: "asc" },
        take: 8,
        select: {
          alt: true,
          asset: {
            select: { variants: { select: { hash: true, width: true, height: true, format: true } } },
          },
        },
      },
    },
  });
  if (!product) return null;
  const { images, ...rest } = product;
  const photos = images.flatMap((image) => {
    const ref = imageRef(image.asset.variants);
    return ref ? [{ ...ref, alt: image.alt }] : [];
  });
  return { ...rest, image: photos[0] ?? null, photos };
}

/** The products a group sells, for its public page. */
export async function listGroupProductsForBuyers(groupId: string) {
  const products = await db.product.findMany({
    where: { groupId, status: "ACTIVE", group: { suspendedAt: null } },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: { id: true },
  });
  return productCards(products.map((product) => product.id));
}

/** A group's own products, every status, for its managers. */
export async function listGroupProducts(groupId: string) {
  const products = await db.product.findMany({
    where: { groupId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      slug: true,
      name: true,
      unit: true,
      price: true,
      stock: true,
      minOrderQuantity: true,
      status: true,
      ...mainImageSelect,
    },
  });
  return products.map(({ images, ...product }) => ({ ...product, image: mainImage(images) }));
}

/** The newest active products, for the home page. */
export async function listFeaturedProducts(limit: number) {
  const newest = await db.product.findMany({
    where: { status: "ACTIVE", group: { suspendedAt: null } },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: limit,
    select: { id: true },
  });
  return productCards(newest.map((product) => product.id));
}
