import zlib from "node:zlib";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { db } from "~/.server/db/client";
import { ImageRejected, MAX_INPUT_PIXELS, processImage } from "~/.server/images/pipeline";
import { loader as manageLoader } from "~/routes/kelola._index";
import { action as newProductAction } from "~/routes/kelola.produk.baru";
import { loader as imageLoader } from "~/routes/gambar.$hash";
import { createWorld } from "../helpers/factories";
import { callAction, callLoader, jsonOf, request, statusOf } from "../helpers/requests";

/** A phone-like photo: JPEG, taken sideways (EXIF orientation 6), with GPS-bearing metadata. */
async function phonePhoto(width = 1200, height = 800) {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 120, b: 60 } } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Make: "PhoneMaker", Model: "Murah 1" },
      IFD3: { GPSLatitudeRef: "S", GPSLatitude: "6/1 48/1 13/1" },
    })
    .toBuffer();
}

/** A PNG of a few dozen bytes whose header claims a huge canvas: decoding it would eat the memory. */
function pixelFloodPng(width: number, height: number) {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([1, 0, 0, 0, 0], 8); // 1-bit greyscale
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(
    Buffer.concat([
      signature,
      chunk("IHDR", header),
      chunk("IDAT", zlib.deflateSync(Buffer.alloc(64))),
      chunk("IEND", Buffer.alloc(0)),
    ]),
  );
}

function productForm(
  world: Awaited<ReturnType<typeof createWorld>>,
  photo: Blob | null,
  override: Record<string, string> = {},
) {
  const form = new FormData();
  const fields = {
    name: "Tas rajut katun",
    categoryId: world.category.id,
    unit: "PCS",
    price: "85000",
    minOrderQuantity: "6",
    stock: "20",
    description: "Rajutan tangan",
    ...override,
  };
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  if (photo) form.append("photos", photo, "foto.jpg");
  return form;
}

describe("the image pipeline", () => {
  it("turns a sideways phone photo upright, drops its metadata and makes AVIF, WebP and JPEG variants", async () => {
    const image = await processImage(new Uint8Array(await phonePhoto()));
    // Orientation 6 means the camera was turned: upright, 1200 × 800 becomes 800 × 1200.
    expect({ width: image.width, height: image.height }).toEqual({ width: 800, height: 1200 });
    // 320, 640 and the photo's own 800 (never blown up to 1280), each in AVIF, WebP and JPEG.
    expect(image.variants.map((v) => `${v.format} ${v.width}`)).toEqual([
      "avif 320",
      "webp 320",
      "jpeg 320",
      "avif 640",
      "webp 640",
      "jpeg 640",
      "avif 800",
      "webp 800",
      "jpeg 800",
    ]);
    for (const variant of image.variants) {
      const meta = await sharp(variant.bytes).metadata();
      expect(meta.format).toBe(variant.format === "avif" ? "heif" : variant.format);
      expect(meta.exif).toBeUndefined();
      expect(meta.orientation).toBeUndefined();
    }
  });

  it("makes 1280 px the largest width of a large photo", async () => {
    const image = await processImage(new Uint8Array(await phonePhoto(3000, 2000)));
    expect(Math.max(...image.variants.map((v) => v.width))).toBe(1280);
    expect(image.variants).toHaveLength(9);
  });

  it.each([
    [
      "a text file renamed to .jpg",
      async () => new TextEncoder().encode("bukan foto, hanya teks"),
      "image.wrong_type",
    ],
    ["a truncated JPEG", async () => new Uint8Array((await phonePhoto()).subarray(0, 2000)), "image.broken"],
    [
      "an SVG",
      async () =>
        new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'),
      "image.wrong_type",
    ],
    ["more than 15 MB", async () => new Uint8Array(15 * 1024 * 1024 + 1), "image.too_large"],
    [
      "a pixel flood (small file, huge canvas)",
      async () => pixelFloodPng(20_000, 20_000),
      "image.too_many_pixels",
    ],
  ])("refuses %s", async (_name, make, problem) => {
    const bytes = await make();
    await expect(processImage(bytes)).rejects.toEqual(new ImageRejected(problem as ImageRejected["problem"]));
  });

  it("sets the pixel limit at about 40 megapixels", () => {
    expect(MAX_INPUT_PIXELS).toBe(40_000_000);
  });
});

describe("adding a product", () => {
  it("stores the product for the manager's own group, with its photo served by content hash", async () => {
    const world = await createWorld();
    const photo = new Blob([new Uint8Array(await phonePhoto())], { type: "image/jpeg" });
    // A groupId in the form is ignored: the group comes from the signed-in manager.
    const form = productForm(world, photo, { groupId: world.other.group.id });
    const response = await callAction(
      newProductAction,
      await request("/kelola/produk/baru", { userId: world.home.manager.id, form }),
    );
    expect(statusOf(response)).toBe(302);
    const product = await db.product.findFirstOrThrow({
      where: { name: "Tas rajut katun" },
      select: {
        groupId: true,
        price: true,
        minOrderQuantity: true,
        stock: true,
        slug: true,
        images: { select: { asset: { select: { variants: { select: { hash: true, format: true } } } } } },
      },
    });
    expect(product).toMatchObject({
      groupId: world.home.group.id,
      price: 85_000,
      minOrderQuantity: 6,
      stock: 20,
    });
    expect((response as Response).headers.get("Location")).toBe(`/produk/${product.slug}`);
    const variants = product.images[0]?.asset.variants ?? [];
    expect(variants).toHaveLength(9);
    const hash = variants.find((v) => v.format === "webp")?.hash ?? "";
    const served = await callLoader(imageLoader, await request(`/gambar/${hash}`), { hash });
    expect(statusOf(served)).toBe(200);
    expect((served as Response).headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
    expect((served as Response).headers.get("Content-Type")).toBe("image/webp");
    expect(
      await db.auditEvent.count({ where: { action: "product.create", groupId: world.home.group.id } }),
    ).toBe(1);
  });

  it.each([
    [{ price: "-100" }, "price", "form.positive"],
    [{ price: "2500.50" }, "price", "form.money_ambiguous"],
    [{ price: "dua ribu" }, "price", "form.money_invalid"],
    [{ name: "" }, "name", "form.required"],
    [{ name: "x".repeat(81) }, "name", "form.too_long"],
    [{ minOrderQuantity: "0" }, "minOrderQuantity", "form.at_least"],
    [{ stock: "-1" }, "stock", "form.not_negative"],
    [{ unit: "TON" }, "unit", "form.choose_one"],
    [{ categoryId: "no-such-category" }, "categoryId", "form.choose_one"],
  ])("answers %j with a message on %s and stores nothing", async (override, field, message) => {
    const world = await createWorld();
    const photo = new Blob([new Uint8Array(await phonePhoto(400, 300))], { type: "image/jpeg" });
    const before = await db.product.count();
    const response = await callAction(
      newProductAction,
      await request("/kelola/produk/baru", {
        userId: world.home.manager.id,
        form: productForm(world, photo, override),
      }),
    );
    expect(statusOf(response)).toBe(400);
    expect((await jsonOf(response)).error?.[field]).toEqual([message]);
    expect(await db.product.count()).toBe(before);
  });

  it("refuses a missing photo and a file that is not a photo, storing nothing", async () => {
    const world = await createWorld();
    const before = { products: await db.product.count(), images: await db.imageAsset.count() };
    const none = await callAction(
      newProductAction,
      await request("/kelola/produk/baru", { userId: world.home.manager.id, form: productForm(world, null) }),
    );
    expect((await jsonOf(none)).error?.photos).toEqual(["image.required"]);
    const fake = new Blob(["%PDF-1.4 not a photo"], { type: "image/jpeg" });
    const wrong = await callAction(
      newProductAction,
      await request("/kelola/produk/baru", { userId: world.home.manager.id, form: productForm(world, fake) }),
    );
    expect((await jsonOf(wrong)).error?.photos).toEqual(["image.wrong_type"]);
    expect({ products: await db.product.count(), images: await db.imageAsset.count() }).toEqual(before);
  });

  it("keeps up to eight photos in the order chosen, the first as the main one, and refuses a ninth", async () => {
    const world = await createWorld();
    const colours = [10, 60, 110];
    const form = productForm(world, null, { name: "Tas tiga warna" });
    for (const red of colours) {
      const bytes = await sharp({
        create: { width: 300, height: 200, channels: 3, background: { r: red, g: 100, b: 100 } },
      })
        .jpeg()
        .toBuffer();
      form.append("photos", new Blob([new Uint8Array(bytes)], { type: "image/jpeg" }), `${red}.jpg`);
    }
    expect(
      statusOf(
        await callAction(
          newProductAction,
          await request("/kelola/produk/baru", { userId: world.home.manager.id, form }),
        ),
      ),
    ).toBe(302);
    const product = await db.product.findFirstOrThrow({
      where: { name: "Tas tiga warna" },
      select: { images: { orderBy: { position: "asc" }, select: { position: true } } },
    });
    expect(product.images.map((i) => i.position)).toEqual([0, 1, 2]);

    const tooMany = productForm(world, null, { name: "Tas sembilan foto" });
    const one = await sharp({ create: { width: 100, height: 100, channels: 3, background: "#888" } })
      .jpeg()
      .toBuffer();
    for (let i = 0; i < 9; i++)
      tooMany.append("photos", new Blob([new Uint8Array(one)], { type: "image/jpeg" }), `${i}.jpg`);
    const refused = await callAction(
      newProductAction,
      await request("/kelola/produk/baru", { userId: world.home.manager.id, form: tooMany }),
    );
    expect((await jsonOf(refused)).error?.photos).toEqual(["image.too_many_photos"]);
    expect(await db.product.count({ where: { name: "Tas sembilan foto" } })).toBe(0);
  });

  it("keeps two different photos apart even when their small sizes come out the same", async () => {
    const world = await createWorld();
    // 528 × 300 and 528 × 301 of one colour shrink to identical 320 px files.
    const plain = async (height: number) =>
      new Blob(
        [
          new Uint8Array(
            await sharp({ create: { width: 528, height, channels: 3, background: "#5a7d3c" } })
              .png()
              .toBuffer(),
          ),
        ],
        { type: "image/png" },
      );
    for (const [name, height] of [
      ["Tikar pendek", 300],
      ["Tikar panjang", 301],
      ["Tikar pendek lagi", 300],
    ] as const) {
      const response = await callAction(
        newProductAction,
        await request("/kelola/produk/baru", {
          userId: world.home.manager.id,
          form: productForm(world, await plain(height), { name }),
        }),
      );
      expect(statusOf(response)).toBe(302);
    }
    const photoOf = async (name: string) =>
      (
        await db.product.findFirstOrThrow({
          where: { name },
          select: { images: { select: { asset: { select: { id: true, height: true } } } } },
        })
      ).images[0]?.asset;
    const [short, long, shortAgain] = await Promise.all(
      ["Tikar pendek", "Tikar panjang", "Tikar pendek lagi"].map(photoOf),
    );
    expect(long?.height).toBe(301);
    expect(long?.id).not.toBe(short?.id);
    // The same picture uploaded again is the same image, stored once.
    expect(shortAgain?.id).toBe(short?.id);
  });

  it("brings the manager back to her shop after saving a draft, which has no public page", async () => {
    const world = await createWorld();
    const photo = new Blob([new Uint8Array(await phonePhoto(400, 300))], { type: "image/jpeg" });
    const response = await callAction(
      newProductAction,
      await request("/kelola/produk/baru", {
        userId: world.home.manager.id,
        form: productForm(world, photo, { name: "Tas draf", status: "DRAFT" }),
      }),
    );
    const draft = await db.product.findFirstOrThrow({ where: { name: "Tas draf" }, select: { id: true } });
    expect((response as Response).headers.get("Location")).toBe(`/kelola?tersimpan=${draft.id}`);
    const shop = async (userId: string) =>
      (await callLoader(manageLoader, await request(`/kelola?tersimpan=${draft.id}`, { userId }))) as {
        saved: { id: string; name: string } | null;
      };
    expect((await shop(world.home.manager.id)).saved).toEqual({ id: draft.id, name: "Tas draf" });
    // Another group's manager learns nothing from the id.
    expect((await shop(world.other.manager.id)).saved).toBeNull();
  });

  it("is for group managers only", async () => {
    const world = await createWorld();
    const photo = new Blob([new Uint8Array(await phonePhoto(400, 300))], { type: "image/jpeg" });
    const response = await callAction(
      newProductAction,
      await request("/kelola/produk/baru", { userId: world.buyer.buyer.id, form: productForm(world, photo) }),
    );
    expect(statusOf(response)).toBe(403);
  });
});
