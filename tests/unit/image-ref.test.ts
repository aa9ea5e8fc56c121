import { describe, expect, it } from "vitest";
import { imageRef } from "~/.server/images/pipeline";

const v = (format: string, width: number) => ({
  hash: `${format}${width}`,
  width,
  height: width * 0.75,
  format,
});

describe("imageRef", () => {
  it("offers AVIF, then WebP, with a JPEG <img> at every width", () => {
    const ref = imageRef([
      v("jpeg", 640),
      v("avif", 320),
      v("webp", 640),
      v("jpeg", 320),
      v("avif", 640),
      v("webp", 320),
    ]);
    expect(ref).toEqual({
      src: "/gambar/jpeg640",
      srcSet: "/gambar/jpeg320 320w, /gambar/jpeg640 640w",
      width: 640,
      height: 480,
      sources: [
        { type: "image/avif", srcSet: "/gambar/avif320 320w, /gambar/avif640 640w" },
        { type: "image/webp", srcSet: "/gambar/webp320 320w, /gambar/webp640 640w" },
      ],
    });
  });

  it("falls back to WebP alone for pictures stored before other formats", () => {
    expect(imageRef([v("webp", 800), v("webp", 320)])).toMatchObject({ src: "/gambar/webp800", sources: [] });
  });

  it("is null without variants", () => {
    expect(imageRef([])).toBeNull();
  });
});
