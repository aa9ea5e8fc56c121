import { createHash } from "node:crypto";
import sharp, { type Metadata } from "sharp";
import type { Tx } from "../db/client";
import { db } from "../db/client";

export const MAX_UPLOAD_BYTES = 15 * 1024 * 1024;
export const MAX_INPUT_PIXELS = 40_000_000;
const ACCEPTED_FORMATS = new Set(["jpeg", "png", "webp", "heif"]);
const VARIANT_WIDTHS = [320, 800] as const;

export type ImageProblem = "image.wrong_type" | "image.too_large" | "image.too_many_pixels" | "image.broken";

export class ImageRejected extends Error {
  constructor(readonly problem: ImageProblem) {
    super(problem);
  }
}

export type ProcessedVariant = {
  hash: string;
  format: "webp";
  width: number;
  height: number;
  contentType: string;
  bytes: Uint8Array<ArrayBuffer>;
};
export type ProcessedImage = { width: number; height: number; variants: ProcessedVariant[] };

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
    // Decode once (upright, no metadata kept: sharp drops it unless asked to keep it).
    const upright = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" })
      .rotate()
      .toBuffer({ resolveWithObject: true });
    const variants: ProcessedVariant[] = [];
    for (const width of VARIANT_WIDTHS) {
      const { data, info } = await sharp(upright.data)
        .resize({ width, withoutEnlargement: true })
        .webp({ quality: 76, effort: 4 })
        .toBuffer({ resolveWithObject: true });
      variants.push({
        hash: createHash("sha256").update(data).digest("hex").slice(0, 32),
        format: "webp",
        width: info.width,
        height: info.height,
        contentType: "image/webp",
        bytes: new Uint8Array(data),
      });
    }
    return { width: upright.info.width, height: upright.info.height, variants };
  } catch (error) {
    if (error instanceof Error && /pixel limit/i.test(error.message))
      throw new ImageRejected("image.too_many_pixels");
    throw new ImageRejected("image.broken");
  }
}

/** Stores a processed image and returns its asset id; the same picture uploaded again is reused. */
export async function storeImage(tx: Tx, image: ProcessedImage): Promise<string> {
  const first = image.variants[0];
  if (first) {
    const existing = await tx.imageVariant.findUnique({
      where: { hash: first.hash },
      select: { assetId: true },
    });
    if (existing) return existing.assetId;
  }
  const asset = await tx.imageAsset.create({
    data: { width: image.width, height: image.height, variants: { create: image.variants } },
    select: { id: true },
  });
  return asset.id;
}

export async function getImageVariant(hash: string) {
  return db.imageVariant.findUnique({
    where: { hash },
    select: { bytes: true, contentType: true },
  });
}

export type ImageRef = { src: string; width: number; height: number; srcSet: string };

/** The URLs of an asset's variants, for <img srcset>. */
export function imageRef(variants: { hash: string; width: number; height: number }[]): ImageRef | null {
  const sorted = [...variants].sort((a, b) => a.width - b.width);
  const largest = sorted[sorted.length - 1];
  if (!largest) return null;
  return {
    src: `/gambar/${largest.hash}`,
    width: largest.width,
    height: largest.height,
    srcSet: sorted.map((v) => `/gambar/${v.hash} ${v.width}w`).join(", "),
  };
}
