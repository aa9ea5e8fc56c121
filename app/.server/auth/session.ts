import { createHash, randomBytes } from "node:crypto";
import { createCookie, redirect } from "@remix-run/node";
import { db } from "../db/client";
import { cookiesAreSecure } from "../env";

export const SESSION_IDLE_MS = 7 * 24 * 60 * 60 * 1000; // signed out after a week unused
export const SESSION_ABSOLUTE_MS = 30 * 24 * 60 * 60 * 1000; // and after 30 days whatever happens
const TOUCH_EVERY_MS = 10 * 60 * 1000; // lastSeenAt is refreshed at most this often

export const sessionCookie = createCookie("jj_session", {
  httpOnly: true,
  sameSite: "lax",
  secure: cookiesAreSecure,
  path: "/",
  maxAge: SESSION_ABSOLUTE_MS / 1000,
});

function digest(token: string) {
  return createHash("sha256").update(token).digest("hex");
}

/** Starts a new session (a new id every sign-in) and returns the Set-Cookie header value. */
export async function createSession(
  userId: string,
  meta: { ipAddress?: string | null; userAgent?: string | null } = {},
  now = new Date(),
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db.session.create({
    data: {
      id: digest(token),
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
      ipAddress: meta.ipAddress ?? null,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    },
    select: { id: true },
  });
  return sessionCookie.serialize(token);
}

async function readToken(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie.parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 20 ? value : null;
}

/** The signed-in user's id, or null when there is no live session. */
export async function getSessionUserId(request: Request, now = new Date()): Promise<string | null> {
  const token = await readToken(request);
  if (!token) return null;
  const session = await db.session.findUnique({
    where: { id: digest(token) },
    select: {
      id: true,
      userId: true,
      lastSeenAt: true,
      expiresAt: true,
      user: { select: { suspendedAt: true } },
    },
  });
  if (!session) return null;
  // A suspended user's sessions end on her next request, whatever device she is on.
  if (session.user.suspendedAt) {
    await db.session.deleteMany({ where: { userId: session.userId } });
    return null;
  }
  const idleUntil = session.lastSeenAt.getTime() + SESSION_IDLE_MS;
  if (now.getTime() >= session.expiresAt.getTime() || now.getTime() >= idleUntil) {
    await db.session.deleteMany({ where: { id: session.id } });
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.session.updateMany({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  return session.userId;
}

/** Ends the session in the database and clears the cookie. */
export async function signOut(request: Request, redirectTo = "/") {
  const token = await readToken(request);
  if (token) await db.session.deleteMany({ where: { id: digest(token) } });
  return redirect(redirectTo, {
    headers: { "Set-Cookie": await sessionCookie.serialize("", { maxAge: 0 }) },
  });
}
