import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { requireAdmin } from "~/.server/auth/guards";
import { AdminNav } from "~/components/admin";
import { useT } from "~/utils/i18n";

// The admin console's frame. Every page below checks `requireAdmin` itself too (loaders run in
// parallel): to anyone else each /admin address answers 404, as if it did not exist.

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return null;
}

export default function AdminLayout() {
  const t = useT();
  return (
    <div className="space-y-4">
      <p className="text-sm font-medium uppercase tracking-wide text-stone-500">{t("adm.console")}</p>
      <AdminNav />
      <Outlet />
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
