import { createCookie } from "@remix-run/node";
import { pickLang, translator, type Lang } from "~/locales";
import { cookiesAreSecure } from "../env";

export const langCookie = createCookie("jj_lang", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  secure: cookiesAreSecure,
  maxAge: 365 * 24 * 60 * 60,
});

/** The reader's language: their saved choice, else what the browser asks for, else Indonesian. */
export async function getLang(request: Request): Promise<Lang> {
  const saved: unknown = await langCookie.parse(request.headers.get("Cookie"));
  return pickLang(typeof saved === "string" ? saved : null, request.headers.get("Accept-Language"));
}

export async function getTranslator(request: Request) {
  return translator(await getLang(request));
}
