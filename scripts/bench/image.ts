// Times the image pipeline on a 12-megapixel phone-like photo, in its own process so the peak
// memory it reports is the pipeline's.
import sharp from "sharp";
import { processImage } from "~/.server/images/pipeline";

const width = 4000;
const height = 3000;
const photo = await sharp({
  create: {
    width,
    height,
    channels: 3,
    background: { r: 120, g: 150, b: 90 },
    noise: { type: "gaussian", mean: 128, sigma: 40 },
  },
})
  .jpeg({ quality: 90 })
  .withMetadata({ orientation: 6 })
  .toBuffer();
const before = process.resourceUsage().maxRSS;
const started = performance.now();
const result = await processImage(new Uint8Array(photo));
const ms = performance.now() - started;
console.log(
  JSON.stringify({
    megapixels: (width * height) / 1e6,
    inputBytes: photo.byteLength,
    ms: Math.round(ms),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    rssBeforeMb: Math.round(before / 1024),
    variants: result.variants.map((v) => ({ format: v.format, width: v.width, bytes: v.bytes.byteLength })),
  }),
);
