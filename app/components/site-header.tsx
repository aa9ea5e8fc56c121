import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import type { RootLoaderData } from "~/root";
import { useLang, useT } from "~/utils/i18n";

const navClass = ({ isActive }: { isActive: boolean }) =>
  `inline-flex min-h-11 items-center rounded-lg px-3 text-sm font-medium ${
    isActive ? "bg-brand-100 text-brand-800" : "text-stone-700 hover:bg-stone-100"
  }`;

/** Unread lines in request threads, beside the "Permintaan" link. */
function ThreadBadge({ count }: { count: number }) {
  const t = useT();
  if (count === 0) return null;
  return (
    <span className="ml-1 rounded-full bg-brand-700 px-2 text-xs text-white">
      <span className="sr-only">{t("inbox.unread_messages")}: </span>
      {count}
    </span>
  );
}

export function SiteHeader({ viewer }: { viewer: RootLoaderData["viewer"] }) {
  const t = useT();
  const lang = useLang();
  const location = useLocation();
  const here = `${location.pathname}${location.search}`;
  return (
    <header className="border-b border-stone-200 bg-white print:hidden">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-2 px-4 py-1 md:flex-nowrap">
        <Link
          to="/"
          className="order-1 mr-2 inline-flex min-h-11 items-center gap-2 text-lg font-bold text-brand-700"
        >
          <img src="/favicon.svg" alt="" width={28} height={28} />
          Jejaring
        </Link>
        <nav
          aria-label={t("nav.main")}
          className="relative order-3 -mx-1 flex w-full items-center gap-1 overflow-x-auto whitespace-nowrap md:order-2 md:mx-0 md:w-auto md:flex-1"
        >
          <NavLink to="/produk" className={navClass}>
            {t("nav.products")}
          </NavLink>
          <NavLink to="/kelompok" className={navClass}>
            {t("nav.groups")}
          </NavLink>
          {viewer?.isBuyer ? (
            <NavLink to="/keranjang" className={navClass}>
              {t("nav.cart")}
              {viewer.cartLines > 0 ? (
                <span className="ml-1 rounded-full bg-brand-700 px-2 text-xs text-white">
                  <span className="sr-only">{t("nav.cart_lines")}: </span>
                  {viewer.cartLines}
                </span>
              ) : null}
            </NavLink>
          ) : null}
          {viewer?.isBuyer ? (
            <NavLink to="/pesanan" className={navClass}>
              {t("nav.my_orders")}
            </NavLink>
          ) : null}
          {viewer?.isBuyer ? (
            <NavLink to="/permintaan" className={navClass}>
              {t("inbox.nav")}
              <ThreadBadge count={viewer.threadUnread.buyer} />
            </NavLink>
          ) : null}
          {viewer?.isGroupManager ? (
            <NavLink to="/kelola" className={navClass}>
              {t("nav.manage_shop")}
            </NavLink>
          ) : null}
          {viewer?.isGroupManager ? (
            <NavLink to="/kelola/permintaan" className={navClass}>
              {viewer.isBuyer ? t("inbox.nav_group") : t("inbox.nav")}
              <ThreadBadge count={viewer.threadUnread.group} />
            </NavLink>
          ) : null}
          {viewer?.isGroupMember && !viewer.isGroupManager ? (
            <NavLink to="/saya" className={navClass}>
              {t("account.mine_title")}
            </NavLink>
          ) : null}
          {viewer?.isTkm ? (
            <NavLink to="/tkm" className={navClass}>
              {t("nav.monitoring")}
            </NavLink>
          ) : null}
          {viewer?.villageName ? (
            <NavLink to="/desa" className={navClass}>
              {t("net.nav_village", { name: viewer.villageName })}
            </NavLink>
          ) : null}
          {viewer?.isAdmin ? (
            <NavLink to="/admin" className={navClass}>
              {t("adm.nav")}
            </NavLink>
          ) : null}
          {viewer ? (
            <NavLink to="/notifikasi" className={navClass}>
              {t("nav.notifications")}
              {viewer.unread > 0 ? (
                <span className="ml-1 rounded-full bg-clay-500 px-2 text-xs text-white">
                  <span className="sr-only">{t("nav.unread")}: </span>
                  {viewer.unread}
                </span>
              ) : null}
            </NavLink>
          ) : null}
        </nav>
        <div className="order-2 ml-auto flex items-center gap-1 md:order-3">
          <Form method="post" action="/bahasa" className="flex">
            <input type="hidden" name="redirectTo" value={here} />
            <button
              type="submit"
              name="lang"
              value={lang === "id" ? "en" : "id"}
              className="inline-flex min-h-11 min-w-11 items-center justify-center rounded-lg px-2 text-sm font-medium text-stone-700 hover:bg-stone-100"
              lang={lang === "id" ? "en" : "id"}
            >
              {t("nav.switch_language")}
            </button>
          </Form>
          {viewer ? (
            <Form method="post" action="/keluar">
              <button
                type="submit"
                className="inline-flex min-h-11 items-center rounded-lg px-3 text-sm font-medium text-stone-700 hover:bg-stone-100"
              >
                {t("nav.sign_out")}
              </button>
            </Form>
          ) : (
            <Link to="/masuk" className="btn-primary text-sm">
              {t("nav.sign_in")}
            </Link>
          )}
        </div>
      </div>
    </header>
  );
}
