import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { getViewer } from "~/.server/auth/guards";
import { getLang } from "~/.server/http/lang";
import { unreadThreadCounts } from "~/.server/matching/threads";
import { cartLineCount } from "~/.server/cart/cart";
import { countUnread } from "~/.server/notifications/notifications";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SiteHeader } from "~/components/site-header";
import { DEFAULT_LANG } from "~/locales";
import { useNonce } from "~/utils/nonce";
import stylesheet from "~/styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const [lang, viewer] = await Promise.all([getLang(request), getViewer(request)]);
  const [unread, cartLines, threadUnread] = await Promise.all([
    viewer ? countUnread(viewer.id) : 0,
    viewer?.business ? cartLineCount(viewer.business.id) : 0,
    viewer
      ? unreadThreadCounts({
          groupId: viewer.managedGroup?.id ?? null,
          businessId: viewer.business?.id ?? null,
        })
      : { group: 0, buyer: 0 },
  ]);
  return {
    lang,
    viewer: viewer && {
      name: viewer.name,
      isBuyer: viewer.business !== null,
      isGroupManager: viewer.managedGroup !== null,
      isGroupMember: viewer.isGroupMember,
      isTkm: viewer.tkmTeam !== null,
      villageName: viewer.tkmTeam === null ? (viewer.villageArea?.name ?? null) : null,
      isAdmin: viewer.isAdmin,
      unread,
      cartLines,
      threadUnread,
    },
  };
}

export type RootLoaderData = Awaited<ReturnType<typeof loader>>;

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const nonce = useNonce();
  return (
    <html lang={data?.lang ?? DEFAULT_LANG}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#1f7a4d" />
        <Meta />
        <Links />
      </head>
      <body className="min-h-screen">
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const { viewer } = useLoaderData<typeof loader>();
  return (
    <>
      <SiteHeader viewer={viewer} />
      <main className="mx-auto w-full max-w-5xl px-4 py-6">
        <Outlet />
      </main>
    </>
  );
}

export function ErrorBoundary() {
  return (
    <main className="mx-auto w-full max-w-5xl px-4 py-10">
      <GeneralErrorBoundary />
    </main>
  );
}
