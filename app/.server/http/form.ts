/**
 * Thrown for a request body that is not a form we can read (a POST with another content type, a
 * cut-off or malformed multipart body). Remix answers a thrown Response with that response; the
 * error boundary explains the 400 in the reader's language. A browser submitting our pages never
 * gets it: only hand-made requests do.
 */
export function unreadableForm() {
  return new Response("The request body is not a form this page can read.", {
    status: 400,
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}

const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];

/** The submitted form, or a thrown 400 when the body is not one. */
export async function readForm(request: Request): Promise<FormData> {
  const type = request.headers.get("Content-Type")?.split(";")[0]?.trim().toLowerCase() ?? "";
  if (!FORM_TYPES.includes(type)) throw unreadableForm();
  try {
    return await request.formData();
  } catch {
    throw unreadableForm();
  }
}
