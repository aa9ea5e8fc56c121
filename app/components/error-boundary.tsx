import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useT } from "~/utils/i18n";

/** One error page for every route, in the reader's language; never a stack trace. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const [title, body] =
    status === 404
      ? [t("error.not_found_title"), t("error.not_found_body")]
      : status === 403
        ? [t("error.forbidden_title"), t("error.forbidden_body")]
        : status >= 400 && status < 500
          ? [t("error.bad_request_title"), t("error.bad_request_body")]
          : [t("error.server_title"), t("error.server_body")];
  return (
    <section className="card mx-auto max-w-lg text-center" aria-labelledby="error-title">
      <p className="text-5xl font-bold text-stone-300">{status}</p>
      <h1 id="error-title" className="mt-2 text-2xl font-bold">
        {title}
      </h1>
      <p className="mt-2 text-stone-600">{body}</p>
      <div className="mt-6 flex flex-wrap justify-center gap-2">
        <Link to="/" className="btn-primary">
          {t("error.go_home")}
        </Link>
        <Link to="/produk" className="btn-secondary">
          {t("nav.products")}
        </Link>
      </div>
    </section>
  );
}
