import { checkDatabase } from "~/.server/db/health";

// Ready for traffic: the database answers. Load balancers send requests only while this is 200.
export async function loader() {
  const ok = await checkDatabase();
  return new Response(ok ? "ready" : "database unreachable", {
    status: ok ? 200 : 503,
    headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" },
  });
}
