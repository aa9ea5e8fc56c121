import { publicOrigin } from "~/.server/http/origin";

// Public pages are for everyone; signed-in work pages are not for search engines.
export function loader() {
  const body = [
    "User-agent: *",
    "Allow: /",
    "Disallow: /kelola",
    "Disallow: /pesanan",
    "Disallow: /tkm",
    "Disallow: /notifikasi",
    "Disallow: /masuk",
    "Disallow: /daftar",
    `Sitemap: ${publicOrigin}/sitemap.xml`,
    "",
  ].join("\n");
  return new Response(body, {
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=86400" },
  });
}
