import { db } from "../db/client";
import { imageRef } from "../images/pipeline";

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

const cardSelect = {
  id: true,
  slug: true,
  name: true,
  unit: true,
  price: true,
  minOrderQuantity: true,
  supplyMode: true,
  stock: true,
  group: { select: { name: true, slug: true, village: { select: { name: true } } } },
  ...mainImageSelect,
};

/** Product cards for the given ids, in the order given. */
export async function productCards(ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await db.product.findMany({ where: { id: { in: ids } }, select: cardSelect });
  const byId = new Map(
    rows.map(({ images, ...product }) => [product.id, { ...product, image: mainImage(images) }]),
  );
  return ids.flatMap((id) => {
    const card = byId.get(id);
    return card ? [card] : [];
  });
}

/** A product as buyers see it; null when it does not exist or is not for sale. */
export async function getProductForBuyers(slug: string) {
  const product = await db.product.findFirst({
    where: { slug, status: "ACTIVE" },
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
    where: { groupId, status: "ACTIVE" },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: {
      id: true,
      slug: true,
      name: true,
      unit: true,
      price: true,
      minOrderQuantity: true,
      group: { select: { name: true, village: { select: { name: true } } } },
      ...mainImageSelect,
    },
  });
  return products.map(({ images, ...product }) => ({ ...product, image: mainImage(images) }));
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
  const rows = await db.product.findMany({
    where: { status: "ACTIVE" },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: limit,
    select: cardSelect,
  });
  return rows.map(({ images, ...product }) => ({ ...product, image: mainImage(images) }));
}
