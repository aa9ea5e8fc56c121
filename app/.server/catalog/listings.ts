import { filledTiers, MAX_PHOTOS, type ProductUpdateInput } from "~/forms/product";
import { audit } from "../audit/audit";
import { db, type ProductStatus } from "../db/client";
import { imageRef, processImage, storeImage, type ProcessedImage } from "../images/pipeline";
import { searchTextFor } from "./search-text";
import { uniqueSlug } from "./slug";

// A group's listings as its managers keep them: add, edit, duplicate, archive. Every function
// takes the manager's group and touches only that group's products.

type ListingInput = Omit<ProductUpdateInput, "photos" | "existing" | "mainPhoto">;

export type ListingResult =
  | { ok: true; productId: string; slug: string }
  | { ok: false; field: "categoryId"; message: "form.choose_one" }
  | { ok: false; field: "photos"; message: "image.required" | "image.too_many_photos" }
  | { ok: false; field: "form"; message: "product_form.not_found" };

/** Checks and converts every photo before anything is written; a bad one throws ImageRejected. */
async function processAll(photos: Uint8Array[]): Promise<ProcessedImage[]> {
  const processed: ProcessedImage[] = [];
  for (const photo of photos) processed.push(await processImage(photo));
  return processed;
}

/** The columns a listing form sets, with the search text that goes with them. */
async function listingData(groupId: string, input: ListingInput) {
  const category = await db.category.findUnique({
    where: { id: input.categoryId },
    select: { id: true, nameId: true },
  });
  if (!category) return null;
  const group = await db.group.findUniqueOrThrow({
    where: { id: groupId },
    select: { name: true, village: { select: { name: true } } },
  });
  const madeToOrder = input.supplyMode === "MADE_TO_ORDER";
  return {
    categoryId: category.id,
    name: input.name,
    description: input.description ?? "",
    unit: input.unit,
    price: input.price,
    minOrderQuantity: input.minOrderQuantity,
    orderMultiple: input.orderMultiple,
    supplyMode: input.supplyMode,
    stock: madeToOrder ? 0 : input.stock,
    capacityPerWeek: madeToOrder ? (input.capacityPerWeek ?? null) : null,
    leadTimeDays: input.leadTimeDays,
    // Paused until the end of that day in Lembang.
    pausedUntil: input.pausedUntil ? new Date(`${input.pausedUntil}T23:59:59+07:00`) : null,
    halalCertificate: input.halalCertificate || null,
    pirtNumber: input.pirtNumber || null,
    bpomNumber: input.bpomNumber || null,
    status: input.status,
    ...searchTextFor({
      name: input.name,
      description: input.description ?? "",
      category: category.nameId,
      group: group.name,
      village: group.village.name,
    }),
  };
}

async function freeSlug(name: string) {
  return uniqueSlug(name, async (candidate) => (await db.product.count({ where: { slug: candidate } })) > 0);
}

/**
 * Adds a product to a group's shop with its photos, the first as the main one. The photos are
 * checked and converted before anything is written; a bad one leaves the database as it was.
 */
export async function createProduct(
  groupId: string,
  actorId: string,
  input: ListingInput,
  photos: Uint8Array[],
): Promise<ListingResult> {
  const data = await listingData(groupId, input);
  if (!data) return { ok: false, field: "categoryId", message: "form.choose_one" };
  if (photos.length === 0) return { ok: false, field: "photos", message: "image.required" };
  if (photos.length > MAX_PHOTOS) return { ok: false, field: "photos", message: "image.too_many_photos" };
  const images = await processAll(photos);
  const slug = await freeSlug(input.name);
  const product = await db.$transaction(async (tx) => {
    const assetIds: string[] = [];
    for (const image of images) assetIds.push(await storeImage(tx, image));
    const created = await tx.product.create({
      data: {
        ...data,
        groupId,
        slug,
        tiers: { create: filledTiers(input.tiers) },
        images: { create: assetIds.map((assetId, position) => ({ assetId, position, alt: input.name })) },
      },
      select: { id: true, slug: true },
    });
    await audit(tx, {
      actorId,
      action: "product.create",
      entityType: "Product",
      entityId: created.id,
      groupId,
      data: {
        name: input.name,
        price: input.price,
        minOrderQuantity: input.minOrderQuantity,
        stock: data.stock,
      },
    });
    return created;
  });
  return { ok: true, productId: product.id, slug: product.slug };
}

/**
 * Saves a listing's form: its fields, its tiers, and its photos: the kept ones in the order
 * given (ids of this product's photos only), then the new ones, eight at most, one at least.
 */
export async function updateProduct(
  groupId: string,
  actorId: string,
  productId: string,
  input: ListingInput,
  photos: { keep: string[]; add: Uint8Array[] },
): Promise<ListingResult> {
  const existing = await db.product.findFirst({
    where: { id: productId, groupId, status: { not: "ARCHIVED" } },
    select: { id: true, slug: true, price: true, stock: true, images: { select: { id: true } } },
  });
  if (!existing) return { ok: false, field: "form", message: "product_form.not_found" };
  const data = await listingData(groupId, input);
  if (!data) return { ok: false, field: "categoryId", message: "form.choose_one" };
  const own = new Set(existing.images.map((image) => image.id));
  const keep = [...new Set(photos.keep)].filter((id) => own.has(id));
  if (keep.length + photos.add.length === 0) return { ok: false, field: "photos", message: "image.required" };
  if (keep.length + photos.add.length > MAX_PHOTOS)
    return { ok: false, field: "photos", message: "image.too_many_photos" };
  const added = await processAll(photos.add);
  await db.$transaction(async (tx) => {
    await tx.product.update({ where: { id: existing.id }, data, select: { id: true } });
    await tx.priceTier.deleteMany({ where: { productId: existing.id } });
    await tx.priceTier.createMany({
      data: filledTiers(input.tiers).map((tier) => ({ ...tier, productId: existing.id })),
    });
    await tx.productImage.deleteMany({ where: { productId: existing.id, id: { notIn: keep } } });
    for (const [position, id] of keep.entries()) {
      await tx.productImage.update({
        where: { id },
        data: { position, alt: input.name },
        select: { id: true },
      });
    }
    for (const [index, image] of added.entries()) {
      const assetId = await storeImage(tx, image);
      await tx.productImage.create({
        data: { productId: existing.id, assetId, position: keep.length + index, alt: input.name },
        select: { id: true },
      });
    }
    await audit(tx, {
      actorId,
      action: "product.update",
      entityType: "Product",
      entityId: existing.id,
      groupId,
      data: {
        before: { price: existing.price, stock: existing.stock, photos: existing.images.length },
        after: { price: data.price, stock: data.stock, photos: keep.length + added.length },
      },
    });
  });
  return { ok: true, productId: existing.id, slug: existing.slug };
}

/** A copy of a listing as a draft (same photo and tiers), to list a variant quickly. */
export async function duplicateProduct(
  groupId: string,
  actorId: string,
  productId: string,
  copyName: (name: string) => string,
): Promise<ListingResult> {
  const source = await db.product.findFirst({
    where: { id: productId, groupId },
    include: { tiers: true, images: true },
  });
  if (!source) return { ok: false, field: "form", message: "product_form.not_found" };
  const name = copyName(source.name).slice(0, 80);
  const slug = await freeSlug(name);
  const copy = await db.$transaction(async (tx) => {
    const created = await tx.product.create({
      data: {
        groupId,
        categoryId: source.categoryId,
        slug,
        name,
        description: source.description,
        unit: source.unit,
        price: source.price,
        minOrderQuantity: source.minOrderQuantity,
        orderMultiple: source.orderMultiple,
        supplyMode: source.supplyMode,
        stock: 0,
        capacityPerWeek: source.capacityPerWeek,
        leadTimeDays: source.leadTimeDays,
        halalCertificate: source.halalCertificate,
        pirtNumber: source.pirtNumber,
        bpomNumber: source.bpomNumber,
        status: "DRAFT",
        searchText: source.searchText,
        searchName: source.searchName,
        tiers: { create: source.tiers.map(({ minQuantity, unitPrice }) => ({ minQuantity, unitPrice })) },
        images: { create: source.images.map(({ assetId, position, alt }) => ({ assetId, position, alt })) },
      },
      select: { id: true, slug: true },
    });
    await audit(tx, {
      actorId,
      action: "product.duplicate",
      entityType: "Product",
      entityId: created.id,
      groupId,
      data: { from: source.id },
    });
    return created;
  });
  return { ok: true, productId: copy.id, slug: copy.slug };
}

/** Archives a listing (it leaves the catalog; past orders keep it) or brings it back as a draft. */
export async function setProductStatus(
  groupId: string,
  actorId: string,
  productId: string,
  status: Extract<ProductStatus, "ARCHIVED" | "DRAFT">,
): Promise<ListingResult> {
  const product = await db.product.findFirst({
    where: { id: productId, groupId },
    select: { id: true, slug: true, status: true },
  });
  if (!product) return { ok: false, field: "form", message: "product_form.not_found" };
  await db.$transaction(async (tx) => {
    await tx.product.update({ where: { id: product.id }, data: { status }, select: { id: true } });
    await audit(tx, {
      actorId,
      action: status === "ARCHIVED" ? "product.archive" : "product.restore",
      entityType: "Product",
      entityId: product.id,
      groupId,
      data: { from: product.status, to: status },
    });
  });
  return { ok: true, productId: product.id, slug: product.slug };
}

/** A listing for its group's managers to edit; null for another group's product. */
export async function getListingForGroup(groupId: string, productId: string) {
  const product = await db.product.findFirst({
    where: { id: productId, groupId },
    select: {
      id: true,
      slug: true,
      name: true,
      description: true,
      categoryId: true,
      unit: true,
      price: true,
      minOrderQuantity: true,
      orderMultiple: true,
      supplyMode: true,
      stock: true,
      capacityPerWeek: true,
      leadTimeDays: true,
      pausedUntil: true,
      halalCertificate: true,
      pirtNumber: true,
      bpomNumber: true,
      status: true,
      tiers: { orderBy: { minQuantity: "asc" }, select: { minQuantity: true, unitPrice: true } },
      images: {
        orderBy: { position: "asc" },
        select: {
          id: true,
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
  return {
    ...rest,
    photos: images.flatMap((image) => {
      const ref = imageRef(image.asset.variants);
      return ref ? [{ id: image.id, ...ref }] : [];
    }),
  };
}
