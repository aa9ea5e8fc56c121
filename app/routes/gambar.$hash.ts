import type { LoaderFunctionArgs } from "@remix-run/node";
import { getImageVariant } from "~/.server/images/pipeline";

// Image bytes by content hash: the URL changes whenever the bytes do, so caches may keep it forever.
export async function loader({ params }: LoaderFunctionArgs) {
  const hash = params.hash ?? "";
  if (!/^[0-9a-f]{32}$/.test(hash)) return new Response("Not found", { status: 404 });
  const variant = await getImageVariant(hash);
  if (!variant) return new Response("Not found", { status: 404 });
  return new Response(variant.bytes, {
    headers: {
      "Content-Type": variant.contentType,
      "Content-Length": String(variant.bytes.byteLength),
      "Cache-Control": "public, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
