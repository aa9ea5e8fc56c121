import { randomBytes } from "node:crypto";
import { hashPassword } from "~/.server/auth/password";
import { searchTextFor } from "~/.server/catalog/search-text";
import { db } from "~/.server/db/client";

// Builders for integration tests. They write real rows; nothing is mocked.

let passwordHash: Promise<string> | undefined;
export const TEST_PASSWORD = "kopi-susu-lembang";

function suffix() {
  return randomBytes(4).toString("hex");
}

let phoneCounter = 0;
export function uniquePhone() {
  phoneCounter += 1;
  return `+62812${String(Date.now() % 1_000_000).padStart(6, "0")}${String(phoneCounter).padStart(2, "0")}`.slice(
    0,
    15,
  );
}

export async function createUser(
  data: { name?: string; phone?: string; email?: string; isAdmin?: boolean } = {},
) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return db.user.create({
    data: {
      name: data.name ?? `Pengguna ${suffix()}`,
      phone: data.phone ?? (data.email ? null : uniquePhone()),
      email: data.email ?? null,
      isAdmin: data.isAdmin ?? false,
      passwordHash: await passwordHash,
    },
  });
}

/** Province > regency > two districts > villages A1, A2 (district A) and B1 (district B). */
export async function createAreas() {
  const s = suffix();
  const province = await db.area.create({
    data: { code: `P${s}`, name: "Jawa Barat", level: "PROVINCE", path: `P${s}/` },
  });
  const regency = await db.area.create({
    data: {
      code: `R${s}`,
      name: "Bandung Barat",
      level: "REGENCY",
      path: `${province.path}R${s}/`,
      parentId: province.id,
    },
  });
  const districtA = await db.area.create({
    data: {
      code: `DA${s}`,
      name: "Lembang",
      level: "DISTRICT",
      path: `${regency.path}DA${s}/`,
      parentId: regency.id,
    },
  });
  const districtB = await db.area.create({
    data: {
      code: `DB${s}`,
      name: "Parongpong",
      level: "DISTRICT",
      path: `${regency.path}DB${s}/`,
      parentId: regency.id,
    },
  });
  const village = (code: string, name: string, parent: { id: string; path: string }) =>
    db.area.create({
      data: {
        code: `${code}${s}`,
        name,
        level: "VILLAGE",
        path: `${parent.path}${code}${s}/`,
        parentId: parent.id,
      },
    });
  return {
    province,
    regency,
    districtA,
    districtB,
    villageA1: await village("A1", "Jayagiri", districtA),
    villageA2: await village("A2", "Cikahuripan", districtA),
    villageB1: await village("B1", "Cihideung", districtB),
  };
}

export async function createCategory() {
  const s = suffix();
  const parent = await db.category.create({
    data: { slug: `kerajinan-${s}`, nameId: "Kerajinan", nameEn: "Crafts" },
  });
  return db.category.create({
    data: { slug: `anyaman-${s}`, nameId: "Anyaman bambu", nameEn: "Woven bamboo", parentId: parent.id },
  });
}

export async function createGroupWithManager(villageId: string, role: "KETUA" | "BENDAHARA" = "KETUA") {
  const manager = await createUser({ name: `Ketua ${suffix()}` });
  const group = await db.group.create({
    data: {
      slug: `kube-${suffix()}`,
      name: `KUBE ${suffix()}`,
      villageId,
      bankName: "BRI",
      bankAccountNumber: "0123",
      members: {
        create: [
          { userId: manager.id, name: manager.name, role },
          { name: "Anggota tanpa akun", role: "ANGGOTA" },
        ],
      },
    },
  });
  return { group, manager };
}

export async function createBusinessWithBuyer(villageId: string) {
  const buyer = await createUser({ name: `Pembeli ${suffix()}` });
  const business = await db.business.create({
    data: {
      slug: `usaha-${suffix()}`,
      name: `Toko ${suffix()}`,
      kind: "TOKO_OLEH_OLEH",
      villageId,
      address: "Jl. Raya Lembang 1",
      users: { create: { userId: buyer.id, role: "OWNER" } },
    },
  });
  return { business, buyer };
}

export async function createTkmOfficer(areaId: string) {
  const officer = await createUser({ name: `TKM ${suffix()}` });
  const team = await db.tkmTeam.create({
    data: { name: `TKM ${suffix()}`, areaId, officers: { create: { userId: officer.id } } },
  });
  return { team, officer };
}

export async function createProduct(
  groupId: string,
  categoryId: string,
  data: Partial<{
    name: string;
    description: string;
    createdAt: Date;
    supplyMode: "READY_STOCK" | "MADE_TO_ORDER";
    leadTimeDays: number;
    price: number;
    minOrderQuantity: number;
    orderMultiple: number;
    stock: number;
    status: "DRAFT" | "ACTIVE" | "ARCHIVED";
    tiers: { minQuantity: number; unitPrice: number }[];
  }> = {},
) {
  const name = data.name ?? "Besek bambu";
  const [group, category] = await Promise.all([
    db.group.findUniqueOrThrow({
      where: { id: groupId },
      select: { name: true, village: { select: { name: true } } },
    }),
    db.category.findUniqueOrThrow({ where: { id: categoryId }, select: { nameId: true } }),
  ]);
  return db.product.create({
    data: {
      groupId,
      categoryId,
      slug: `produk-${suffix()}`,
      name,
      description: data.description ?? "",
      ...searchTextFor({
        name,
        description: data.description ?? "",
        category: category.nameId,
        group: group.name,
        village: group.village.name,
      }),
      supplyMode: data.supplyMode ?? "READY_STOCK",
      leadTimeDays: data.leadTimeDays ?? 0,
      ...(data.createdAt ? { createdAt: data.createdAt } : {}),
      unit: "PCS",
      price: data.price ?? 25_000,
      minOrderQuantity: data.minOrderQuantity ?? 10,
      orderMultiple: data.orderMultiple ?? 1,
      stock: data.stock ?? 100,
      status: data.status ?? "ACTIVE",
      tiers: { create: data.tiers ?? [] },
    },
  });
}

/** A whole small world: two villages in one district and one outside, a group and a buyer in each. */
export async function createWorld() {
  const areas = await createAreas();
  const category = await createCategory();
  const home = await createGroupWithManager(areas.villageA1.id);
  const other = await createGroupWithManager(areas.villageB1.id);
  const buyer = await createBusinessWithBuyer(areas.villageA2.id);
  const otherBuyer = await createBusinessWithBuyer(areas.villageA2.id);
  const product = await createProduct(home.group.id, category.id);
  const otherProduct = await createProduct(other.group.id, category.id);
  return { areas, category, home, other, buyer, otherBuyer, product, otherProduct };
}

/** Gives a product a stored photo (tiny bytes; enough for listing rules, not for the pipeline). */
export async function attachPhoto(productId: string, position = 0) {
  const hash = randomBytes(16).toString("hex");
  const asset = await db.imageAsset.create({
    data: {
      width: 320,
      height: 240,
      variants: {
        create: {
          hash,
          format: "webp",
          width: 320,
          height: 240,
          contentType: "image/webp",
          bytes: new Uint8Array([1, 2, 3]),
        },
      },
    },
  });
  return db.productImage.create({ data: { productId, assetId: asset.id, position, alt: "foto" } });
}
