import type { MessageKey } from "~/locales";
import { audit } from "../audit/audit";
import { db } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import { uniqueSlug } from "../catalog/slug";

// Product categories: a two-level tree (a top category and its children) in the order the admin
// sets. A category that products or requests use, or that has children, cannot be deleted: the
// admin is told why, and nothing changes.

type Refusal = {
  ok: false;
  key: MessageKey;
  field?: string;
  notFound?: true;
  params?: Record<string, number>;
};

export async function listCategories() {
  const categories = await db.category.findMany({
    orderBy: [{ sortOrder: "asc" }, { nameId: "asc" }],
    select: {
      id: true,
      slug: true,
      nameId: true,
      nameEn: true,
      parentId: true,
      sortOrder: true,
      _count: { select: { products: true, requests: true, children: true } },
    },
  });
  const tops = categories.filter((c) => !c.parentId);
  return tops.map((top) => ({ ...top, children: categories.filter((c) => c.parentId === top.id) }));
}

/** A parent must be a top category other than the category itself, and a category with children stays on top. */
async function checkParent(parentId: string | null, selfId: string | null): Promise<Refusal | null> {
  if (!parentId) return null;
  if (parentId === selfId) return { ok: false, key: "adm.cat_parent_invalid", field: "parentId" };
  const parent = await db.category.findUnique({ where: { id: parentId }, select: { parentId: true } });
  if (!parent || parent.parentId) return { ok: false, key: "adm.cat_parent_invalid", field: "parentId" };
  if (selfId && (await db.category.count({ where: { parentId: selfId } })) > 0) {
    return { ok: false, key: "adm.cat_has_children_cannot_move", field: "parentId" };
  }
  return null;
}

async function nextSortOrder(parentId: string | null) {
  const last = await db.category.aggregate({ where: { parentId }, _max: { sortOrder: true } });
  return (last._max.sortOrder ?? 0) + 1;
}

export async function createCategory(
  adminId: string,
  input: { nameId: string; nameEn: string; parentId: string | null },
): Promise<{ ok: true; id: string } | Refusal> {
  const refused = await checkParent(input.parentId, null);
  if (refused) return refused;
  const slug = await uniqueSlug(
    input.nameId,
    async (s) => (await db.category.count({ where: { slug: s } })) > 0,
  );
  const sortOrder = await nextSortOrder(input.parentId);
  try {
    const created = await db.$transaction(async (tx) => {
      const category = await tx.category.create({
        data: { slug, nameId: input.nameId, nameEn: input.nameEn, parentId: input.parentId, sortOrder },
        select: { id: true },
      });
      await audit(tx, {
        actorId: adminId,
        action: "category.create",
        entityType: "Category",
        entityId: category.id,
        data: { slug, nameId: input.nameId, nameEn: input.nameEn, parentId: input.parentId },
      });
      return category;
    });
    return { ok: true, id: created.id };
  } catch (error) {
    // The same name created twice at once: the slug's unique index lets one through.
    if (isUniqueViolation(error)) return { ok: false, key: "adm.try_again" };
    throw error;
  }
}

/** Renames (id and en) and moves under another parent; the slug, and so every link, stays. */
export async function updateCategory(
  adminId: string,
  id: string,
  input: { nameId: string; nameEn: string; parentId: string | null },
): Promise<{ ok: true } | Refusal> {
  const before = await db.category.findUnique({
    where: { id },
    select: { nameId: true, nameEn: true, parentId: true },
  });
  if (!before) return { ok: false, key: "adm.not_found", notFound: true };
  const refused = await checkParent(input.parentId, id);
  if (refused) return refused;
  const moved = before.parentId !== input.parentId;
  const sortOrder = moved ? await nextSortOrder(input.parentId) : undefined;
  await db.$transaction(async (tx) => {
    await tx.category.update({
      where: { id },
      data: { nameId: input.nameId, nameEn: input.nameEn, parentId: input.parentId, sortOrder },
      select: { id: true },
    });
    await audit(tx, {
      actorId: adminId,
      action: "category.update",
      entityType: "Category",
      entityId: id,
      data: { before, after: input },
    });
  });
  return { ok: true };
}

/** Swaps the category with its neighbour above or below among its siblings. */
export async function moveCategory(
  adminId: string,
  id: string,
  direction: "up" | "down",
): Promise<{ ok: true } | Refusal> {
  const category = await db.category.findUnique({ where: { id }, select: { id: true, parentId: true } });
  if (!category) return { ok: false, key: "adm.not_found", notFound: true };
  await db.$transaction(async (tx) => {
    const siblings = await tx.category.findMany({
      where: { parentId: category.parentId },
      orderBy: [{ sortOrder: "asc" }, { nameId: "asc" }],
      select: { id: true },
    });
    const at = siblings.findIndex((s) => s.id === id);
    const to = direction === "up" ? at - 1 : at + 1;
    if (at < 0 || to < 0 || to >= siblings.length) return;
    const order = siblings.map((s) => s.id);
    [order[at], order[to]] = [order[to]!, order[at]!];
    // Written as 1..n so that equal or missing sort orders become a clean sequence.
    for (const [index, siblingId] of order.entries()) {
      await tx.category.update({
        where: { id: siblingId },
        data: { sortOrder: index + 1 },
        select: { id: true },
      });
    }
    await audit(tx, {
      actorId: adminId,
      action: "category.reorder",
      entityType: "Category",
      entityId: id,
      data: { direction, position: to + 1 },
    });
  });
  return { ok: true };
}

export async function deleteCategory(adminId: string, id: string): Promise<{ ok: true } | Refusal> {
  const category = await db.category.findUnique({
    where: { id },
    select: {
      slug: true,
      nameId: true,
      _count: { select: { products: true, requests: true, children: true } },
    },
  });
  if (!category) return { ok: false, key: "adm.not_found", notFound: true };
  const { products, requests, children } = category._count;
  if (products + requests + children > 0) {
    return { ok: false, key: "adm.cat_in_use", params: { products, requests, children } };
  }
  try {
    await db.$transaction(async (tx) => {
      await tx.category.delete({ where: { id }, select: { id: true } });
      await audit(tx, {
        actorId: adminId,
        action: "category.delete",
        entityType: "Category",
        entityId: id,
        data: { slug: category.slug, nameId: category.nameId },
      });
    });
  } catch (error) {
    // A product took the category between the check and the delete: the foreign key refuses it.
    if (error instanceof Error && "code" in error && (error.code === "P2003" || error.code === "P2025")) {
      return { ok: false, key: "adm.cat_in_use_now" };
    }
    throw error;
  }
  return { ok: true };
}
