import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { readForm } from "~/.server/http/form";
import { langCookie } from "~/.server/http/lang";
import { safeRedirectPath } from "~/.server/http/responses";
import { isLang } from "~/locales";

export async function loader() {
  return redirect("/");
}

/** Remembers the chosen language in a cookie and goes back to the page it was chosen on. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const lang = form.get("lang");
  const back = safeRedirectPath(form.get("redirectTo"), "/");
  if (!isLang(lang)) return redirect(back);
  return redirect(back, { headers: { "Set-Cookie": await langCookie.serialize(lang) } });
}
