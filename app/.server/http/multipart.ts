import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler as createMemoryUploadHandler,
  unstable_parseMultipartFormData as parseMultipartFormData,
} from "@remix-run/node";
import { MAX_UPLOAD_BYTES } from "../images/pipeline";
import { unreadableForm } from "./form";

/**
 * A form with a photo; "too_large" when a file passes the upload limit. Any other body (URL-encoded,
 * no boundary, cut off) is thrown as a 400: the parser would otherwise fail with a 500.
 */
export async function readMultipartForm(request: Request): Promise<FormData | "too_large"> {
  const type = request.headers.get("Content-Type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "multipart/form-data") throw unreadableForm();
  try {
    return await parseMultipartFormData(
      request,
      createMemoryUploadHandler({ maxPartSize: MAX_UPLOAD_BYTES }),
    );
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return "too_large";
    throw unreadableForm();
  }
}

/** The reply for an upload over the limit, shaped as conform's reply so the form shows it by `field`. */
export function tooLargeReply(field = "photos") {
  return Response.json({ status: "error", error: { [field]: ["image.too_large"] } }, { status: 400 });
}
