import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { createSession } from "~/.server/auth/session";

// Calls route loaders and actions the way Remix does, as a signed-in user (the session is written
// to the database like a real sign-in), and turns thrown responses into returned ones.

export const ORIGIN = "http://localhost:3000";

export async function sessionCookie(userId: string) {
  const setCookie = await createSession(userId);
  return setCookie.split(";")[0] ?? "";
}

export async function request(
  path: string,
  options: {
    userId?: string;
    form?: Record<string, string> | FormData;
    headers?: Record<string, string>;
  } = {},
) {
  const headers = new Headers(options.headers);
  if (options.userId) headers.set("Cookie", await sessionCookie(options.userId));
  if (!options.form) return new Request(`${ORIGIN}${path}`, { headers });
  const body = options.form instanceof FormData ? options.form : new URLSearchParams(options.form);
  headers.set("Origin", ORIGIN);
  return new Request(`${ORIGIN}${path}`, { method: "POST", headers, body });
}

type Handler<A> = (args: A) => Promise<unknown> | unknown;

async function settle(run: () => Promise<unknown> | unknown): Promise<Response | unknown> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
}

export async function callLoader(
  loader: Handler<LoaderFunctionArgs>,
  req: Request,
  params: Record<string, string> = {},
) {
  return settle(() => loader({ request: req, params, context: { clientAddress: "127.0.0.1" } }));
}

export async function callAction(
  action: Handler<ActionFunctionArgs>,
  req: Request,
  params: Record<string, string> = {},
  clientAddress = "127.0.0.1",
) {
  return settle(() => action({ request: req, params, context: { clientAddress } }));
}

export function statusOf(result: unknown): number {
  return result instanceof Response ? result.status : 200;
}

export async function jsonOf(
  result: unknown,
): Promise<{ status?: string; error?: Record<string, string[] | null> }> {
  if (!(result instanceof Response)) throw new Error("Expected a Response");
  return (await result.clone().json()) as { status?: string; error?: Record<string, string[] | null> };
}
