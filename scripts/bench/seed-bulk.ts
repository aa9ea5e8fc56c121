// Adds many groups and products straight through better-sqlite3 (the demo seed goes through
// Prisma and would take minutes for 100,000 rows). The FTS triggers index every row as it lands.
import { randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import { searchTextFor } from "~/.server/catalog/search-text";
import { seededRandom } from "../seed/random";

const WORDS = {
  craft: ["Tas", "Keranjang", "Besek", "Tatakan", "Topi", "Syal", "Keset", "Taplak", "Dompet", "Tempat tisu"],
  material: [
    "anyaman bambu",
    "rajut katun",
    "kain perca",
    "pandan",
    "eceng gondok",
    "benang wol",
    "mendong",
    "rotan",
  ],
  food: [
    "Keripik singkong",
    "Keripik pisang",
    "Dodol susu",
    "Selai stroberi",
    "Sirup stroberi",
    "Karamel susu",
    "Opak",
    "Rengginang",
    "Kue putu ayu",
    "Bolu kukus",
  ],
  taste: ["balado", "original", "pedas manis", "keju", "cokelat", "pandan", "gula aren", "jahe"],
};

function cuidLike() {
  return `b${randomBytes(12).toString("hex")}`;
}

export function bulkSeed(file: string, groupCount: number, productsPerGroup: number) {
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  const rand = seededRandom(42);
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)] as T;
  const villages = db.prepare(`SELECT "id", "name" FROM "Area" WHERE "level" = 'VILLAGE'`).all() as {
    id: string;
    name: string;
  }[];
  const categories = db
    .prepare(`SELECT "id", "nameId", "slug" FROM "Category" WHERE "parentId" IS NOT NULL`)
    .all() as { id: string; nameId: string; slug: string }[];
  const asset = db.prepare(`SELECT "assetId" FROM "ProductImage" LIMIT 1`).get() as { assetId: string };
  const now = Date.now();

  const insertGroup = db.prepare(
    `INSERT INTO "Group" ("id", "slug", "name", "villageId", "story", "stage", "joinedAt", "createdAt") VALUES (?, ?, ?, ?, '', 'TUMBUH', ?, ?)`,
  );
  const insertProduct =
    db.prepare(`INSERT INTO "Product" ("id", "groupId", "categoryId", "slug", "name", "description", "unit", "price",
    "minOrderQuantity", "orderMultiple", "supplyMode", "stock", "leadTimeDays", "status", "searchText", "searchName", "createdAt", "updatedAt")
    VALUES (?, ?, ?, ?, ?, ?, 'PCS', ?, ?, 1, ?, ?, ?, 'ACTIVE', ?, ?, ?, ?)`);
  const insertImage = db.prepare(
    `INSERT INTO "ProductImage" ("id", "productId", "assetId", "position", "alt") VALUES (?, ?, ?, 0, ?)`,
  );

  db.transaction(() => {
    for (let g = 0; g < groupCount; g++) {
      const village = pick(villages);
      const groupId = cuidLike();
      const groupName = `KUBE Bench ${g + 1}`;
      const stamp = new Date(now - 400 * 86_400_000).toISOString();
      insertGroup.run(groupId, `kube-bench-${g + 1}`, groupName, village.id, stamp, stamp);
      for (let p = 0; p < productsPerGroup; p++) {
        const category = pick(categories);
        const food =
          category.slug.includes("keripik") ||
          category.slug.includes("susu") ||
          category.slug.includes("kue") ||
          category.slug.includes("stroberi");
        const name = food
          ? `${pick(WORDS.food)} ${pick(WORDS.taste)}`
          : `${pick(WORDS.craft)} ${pick(WORDS.material)}`;
        const description = `${name} buatan ${groupName}, Desa ${village.name}.`;
        const search = searchTextFor({
          name,
          description,
          category: category.nameId,
          group: groupName,
          village: village.name,
        });
        const id = cuidLike();
        const created = new Date(now - Math.floor(rand() * 365 * 86_400_000)).toISOString();
        const madeToOrder = rand() < 0.3;
        insertProduct.run(
          id,
          groupId,
          category.id,
          `bench-${g + 1}-${p + 1}`,
          name,
          description,
          (5 + Math.floor(rand() * 200)) * 1000,
          1 + Math.floor(rand() * 50),
          madeToOrder ? "MADE_TO_ORDER" : "READY_STOCK",
          madeToOrder ? 0 : Math.floor(rand() * 500),
          madeToOrder ? 2 + Math.floor(rand() * 14) : 1,
          search.searchText,
          search.searchName,
          created,
          created,
        );
        insertImage.run(cuidLike(), id, asset.assetId, name);
      }
    }
  })();
  db.close();
}
