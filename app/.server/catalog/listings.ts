import { filledTiers, type ProductUpdateInput } from "~/forms/product";
import { audit } from "../audit/audit";
import { db, type ProductStatus } from "../db/client";
import { processImage, storeImage, type ProcessedImage } from "../images/pipeline";
import { mainImage, mainImageSelect } from "./products";
import { searchTextFor } from "./search-text";
import { uniqueSlug } from "./slug";

// A group's listings as its managers keep them: add, edit, duplicate, archive. Every function
// takes the manager's group and touches only that group's products.

type ListingInput = Omit<ProductUpdateInput, "photo">;

export type ListingResult =
  | { ok: true; productId: string; slug: string }
  | { ok: false; field: "categoryId"; message: "form.choose_one" }
  | { ok: false; field: "form"; message: "product_form.not_found" };

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
 * Adds a product to a group's shop. The photo is checked and converted before anything is
 * written; a bad photo throws ImageRejected and leaves the database as it was.
 */
export async function createProduct(
  groupId: string,
  actorId: string,
  input: ListingInput,
  photo: Uint8Array,
): Promise<ListingResult> {
  const data = await listingData(groupId, input);
  if (!data) return { ok: false, field: "categoryId", message: "form.choose_one" };
  const image = await processImage(photo);
  const slug = await freeSlug(input.name);
  const product = await db.$transaction(async (tx) => {
    const assetId = await storeImage(tx, image);
    const created = await tx.product.create({
      data: {
        ...data,
        groupId,
        slug,
        tiers: { create: filledTiers(input.tiers) },
        images: { create: { assetId, position: 0, alt: input.name } },
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

/** Saves a listing's form. A new photo replaces the old one; without one the photo stays. */
export async function updateProduct(
  groupId: string,
  actorId: string,
  productId: string,
  input: ListingInput,
  photo?: Uint8Array,
): Promise<ListingResult> {
  const existing = await db.product.findFirst({
    where: { id: productId, groupId, status: { not: "ARCHIVED" } },
    select: { id: true, slug: true, price: true, stock: true },
  });
  if (!existing) return { ok: false, field: "form", message: "product_form.not_found" };
  const data = await listingData(groupId, input);
  if (!data) return { ok: false, field: "categoryId", message: "form.choose_one" };
  const image: ProcessedImage | null = photo ? await processImage(photo) : null;
  await db.$transaction(async (tx) => {
    await tx.product.update({ where: { id: existing.id }, data, select: { id: true } });
    await tx.priceTier.deleteMany({ where: { productId: existing.id } });
    await tx.priceTier.createMany({
      data: filledTiers(input.tiers).map((tier) => ({ ...tier, productId: existing.id })),
    });
    if (image) {
      const assetId = await storeImage(tx, image);
      await tx.productImage.deleteMany({ where: { productId: existing.id } });
      await tx.productImage.create({
        data: { productId: existing.id, assetId, position: 0, alt: input.name },
      });
    }
    await audit(tx, {
      actorId,
      action: "product.update",
      entityType: "Product",
      entityId: existing.id,
      groupId,
      data: {
        before: { price: existing.price, stock: existing.stock },
        after: { price: data.price, stock: data.stock },
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
      ...mainImageSelect,
    },
  });
  if (!product) return null;
  const { images, ...rest } = product;
  return { ...rest, image: mainImage(images) };
}
