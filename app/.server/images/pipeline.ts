import { createHash, randomUUID } from "node:crypto";
import sharp, { type Metadata, type Sharp } from "sharp";
import type { Tx } from "../db/client";
import { db } from "../db/client";

export const MAX_UPLOAD_BYTES = 15 * 1024 * 1024;
export const MAX_INPUT_PIXELS = 40_000_000;
const ACCEPTED_FORMATS = new Set(["jpeg", "png", "webp", "heif"]);
/** Widths served: a card on a phone, a product page on a phone, a desktop or a sharp screen. */
export const VARIANT_WIDTHS = [320, 640, 1280] as const;
/** AVIF is smallest, WebP nearly everywhere, JPEG for the oldest phones. */
const FORMATS = [
  {
    format: "avif",
    contentType: "image/avif",
    encode: (image: Sharp) => image.avif({ quality: 50, effort: 2 }),
  },
  {
    format: "webp",
    contentType: "image/webp",
    encode: (image: Sharp) => image.webp({ quality: 76, effort: 4 }),
  },
  {
    format: "jpeg",
    contentType: "image/jpeg",
    encode: (image: Sharp) => image.jpeg({ quality: 78, mozjpeg: true }),
  },
] as const;

export type ImageProblem = "image.wrong_type" | "image.too_large" | "image.too_many_pixels" | "image.broken";

export class ImageRejected extends Error {
  constructor(readonly problem: ImageProblem) {
    super(problem);
  }
}

export type ProcessedVariant = {
  format: "avif" | "webp" | "jpeg";
  width: number;
  height: number;
  contentType: string;
  bytes: Uint8Array<ArrayBuffer>;
};
export type ProcessedImage = {
  width: number;
  height: number;
  /**
   * SHA-256 of the cleaned original (upright, metadata dropped, full size, before any resizing):
   * what makes two uploads the same picture. The small variants cannot say it: two different
   * photos may shrink to identical 320 px files.
   */
  original: string;
  variants: ProcessedVariant[];
};

/**
 * Turns an uploaded photo into what we serve: the type judged from the bytes, the pixel count
 * checked before decoding, rotated upright, metadata (GPS!) dropped, resized to WebP.
 */
export async function processImage(bytes: Uint8Array): Promise<ProcessedImage> {
  if (bytes.byteLength > MAX_UPLOAD_BYTES) throw new ImageRejected("image.too_large");
  if (bytes.byteLength === 0) throw new ImageRejected("image.wrong_type");
  let metadata: Metadata;
  try {
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw new ImageRejected("image.wrong_type");
  }
  if (!metadata.format || !ACCEPTED_FORMATS.has(metadata.format)) throw new ImageRejected("image.wrong_type");
  if ((metadata.width ?? 0) * (metadata.height ?? 0) > MAX_INPUT_PIXELS) {
    throw new ImageRejected("image.too_many_pixels");
  }

  try {
    // Decode once: upright, no metadata kept (sharp drops it unless asked to keep it), as raw
    // pixels at full size. Those pixels are the picture's identity; then one resize to no wider
    // than the widest variant, so the smaller ones come from a small image.
    const cleaned = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" })
      .rotate()
      .raw({ depth: "uchar" })
      .toBuffer({ resolveWithObject: true });
    const { width: fullWidth, height: fullHeight, channels } = cleaned.info;
    const original = createHash("sha256")
      .update(`${fullWidth}x${fullHeight}x${channels}:`)
      .update(cleaned.data)
      .digest("hex");
    const upright = await sharp(cleaned.data, { raw: cleaned.info })
      .resize({ width: VARIANT_WIDTHS[VARIANT_WIDTHS.length - 1], withoutEnlargement: true })
      .raw({ depth: "uchar" })
      .toBuffer({ resolveWithObject: true });
    const pixels = sharp(upright.data, { raw: upright.info });
    // A small photo is not blown up: its own width is the last variant.
    const widths = [...new Set(VARIANT_WIDTHS.map((width) => Math.min(width, upright.info.width)))];
    // The nine encodings run at once: sharp works off the event loop, so both cores share them
    // (one after another they took 2 s for a 12 MP photo; see bench/results).
    const variants = await Promise.all(
      widths.flatMap((width) =>
        FORMATS.map(async ({ format, contentType, encode }): Promise<ProcessedVariant> => {
          const { data, info } = await encode(pixels.clone().resize({ width })).toBuffer({
            resolveWithObject: true,
          });
          return {
            format,
            width: info.width,
            height: info.height,
            contentType,
            bytes: new Uint8Array(data),
          };
        }),
      ),
    );
    return { width: upright.info.width, height: upright.info.height, original, variants };
  } catch (error) {
    if (error instanceof Error && /pixel limit/i.test(error.message))
      throw new ImageRejected("image.too_many_pixels");
    throw new ImageRejected("image.broken");
  }
}

/** A variant's URL name: fixed by the image it belongs to, so caches may keep it forever. */
function variantHash(identity: string, variant: ProcessedVariant) {
  return createHash("sha256")
    .update(`${identity}:${variant.format}:${variant.width}`)
    .digest("hex")
    .slice(0, 32);
}

/**
 * Stores a processed image and returns its asset id. A shared image (a product or group photo)
 * uploaded again is the same asset: same cleaned original, same variant names. An unshared one (a
 * payment proof, which shows names and account numbers) is always stored anew under names no
 * other upload can produce, so no other order, product or page can ever point at it.
 */
export async function storeImage(
  tx: Tx,
  image: ProcessedImage,
  { shared = true }: { shared?: boolean } = {},
): Promise<string> {
  const identity = shared ? image.original : `${image.original}:${randomUUID()}`;
  const variants = image.variants.map((variant) => ({ ...variant, hash: variantHash(identity, variant) }));
  const first = variants[0];
  if (shared && first) {
    const existing = await tx.imageVariant.findUnique({
      where: { hash: first.hash },
      select: { assetId: true },
    });
    if (existing) return existing.assetId;
  }
  const asset = await tx.imageAsset.create({
    data: { width: image.width, height: image.height, variants: { create: variants } },
    select: { id: true },
  });
  return asset.id;
}

/**
 * A stored variant by its hash. `proof` says the picture is only a payment proof (a transfer
 * receipt shows names and account numbers): the route serves those to the order's parties only.
 */
export async function getImageVariant(hash: string) {
  const variant = await db.imageVariant.findUnique({
    where: { hash },
    select: {
      bytes: true,
      contentType: true,
      asset: {
        select: {
          id: true,
          _count: { select: { products: true, groups: true, payments: true, messages: true } },
        },
      },
    },
  });
  if (!variant) return null;
  const { products, groups, payments, messages } = variant.asset._count;
  const unshared = products === 0 && groups === 0;
  return {
    bytes: variant.bytes,
    contentType: variant.contentType,
    assetId: variant.asset.id,
    proof: payments > 0 && unshared,
    /** A photo sent in a request's thread: for the buyer and the group of that thread only. */
    threadPhoto: messages > 0 && unshared,
  };
}

export type ImageRef = {
  /** The fallback <img>: JPEG where there is one. */
  src: string;
  srcSet: string;
  width: number;
  height: number;
  /** <source> elements for browsers that read the smaller formats, best first. */
  sources: { type: string; srcSet: string }[];
};

export type StoredVariant = { hash: string; width: number; height: number; format: string };

const srcSetOf = (variants: StoredVariant[]) =>
  variants.map((v) => `/gambar/${v.hash} ${v.width}w`).join(", ");

/** The URLs of an asset's variants, for <picture> with <source> per format and srcset per width. */
export function imageRef(variants: StoredVariant[]): ImageRef | null {
  const byFormat = (format: string) =>
    variants.filter((v) => v.format === format).sort((a, b) => a.width - b.width);
  const fallback = byFormat("jpeg").length > 0 ? byFormat("jpeg") : byFormat("webp");
  const largest = fallback[fallback.length - 1];
  if (!largest) return null;
  const sources = (["avif", "webp"] as const)
    .filter((format) => fallback[0]?.format !== format && byFormat(format).length > 0)
    .map((format) => ({ type: `image/${format}`, srcSet: srcSetOf(byFormat(format)) }));
  return {
    src: `/gambar/${largest.hash}`,
    srcSet: srcSetOf(fallback),
    width: largest.width,
    height: largest.height,
    sources,
  };
}
