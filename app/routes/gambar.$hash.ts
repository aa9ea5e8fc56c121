import type { LoaderFunctionArgs } from "@remix-run/node";
import { getViewer } from "~/.server/auth/guards";
import { getImageVariant } from "~/.server/images/pipeline";
import { mayViewMessagePhoto } from "~/.server/matching/threads";
import { mayViewTransferProof } from "~/.server/payments/transfers";

// Image bytes by a name fixed when the picture was stored (see storeImage): the bytes under a
// name never change, so caches may keep it forever. A transfer proof is for the order's parties
// only, a photo sent in a request's thread for its buyer and group only, and only the browser may
// keep either.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const hash = params.hash ?? "";
  if (!/^[0-9a-f]{32}$/.test(hash)) return new Response("Not found", { status: 404 });
  const variant = await getImageVariant(hash);
  if (!variant) return new Response("Not found", { status: 404 });
  const restricted = variant.proof || variant.threadPhoto;
  if (restricted) {
    const viewer = await getViewer(request);
    const allowed =
      viewer !== null &&
      ((variant.proof && (await mayViewTransferProof(viewer, variant.assetId))) ||
        (variant.threadPhoto && (await mayViewMessagePhoto(viewer, variant.assetId))));
    // The same answer as for no picture at all: a stranger learns nothing from the hash.
    if (!allowed) return new Response("Not found", { status: 404 });
  }
  return new Response(variant.bytes, {
    headers: {
      "Content-Type": variant.contentType,
      "Content-Length": String(variant.bytes.byteLength),
      "Cache-Control": `${restricted ? "private" : "public"}, max-age=31536000, immutable`,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
