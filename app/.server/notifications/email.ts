import nodemailer from "nodemailer";
import { translator, isLang } from "~/locales";
import { notificationText } from "~/utils/notification-text";
import { db, type Tx } from "../db/client";
import { env } from "../env";
import { publicOrigin } from "../http/origin";

// Email goes through an outbox table: written in the same transaction as the change it reports,
// then sent by a job that retries with growing pauses until the server accepts it. Nothing is
// lost when the mail server is down; several app servers never send the same row twice at once.

export type MailTransport = {
  sendMail(message: { from: string; to: string; subject: string; text: string }): Promise<unknown>;
};

let enabledForTests: boolean | undefined;

/** Email is sent when SMTP is configured (SMTP_URL). */
export function emailEnabled(): boolean {
  return enabledForTests ?? Boolean(env.SMTP_URL);
}

/** For tests: queue emails as if SMTP were configured (they are sent through a fake transport). */
export function setEmailEnabledForTests(enabled: boolean | undefined) {
  enabledForTests = enabled;
}

let transport: MailTransport | null = null;
export function smtpTransport(): MailTransport | null {
  if (!env.SMTP_URL) return null;
  transport ??= nodemailer.createTransport(env.SMTP_URL);
  return transport;
}

function absolute(link: string) {
  return `${publicOrigin}${link}`;
}

/** Queues an email for each user who has an address, in their own language. */
export async function queueNotificationEmails(
  tx: Tx,
  userIds: string[],
  messageKey: string,
  params: string,
  link: string,
) {
  if (!emailEnabled()) return;
  const users = await tx.user.findMany({
    where: { id: { in: userIds }, email: { not: null } },
    select: { email: true, locale: true },
  });
  const rows = users.flatMap((user) => {
    if (!user.email) return [];
    const lang = isLang(user.locale) ? user.locale : "id";
    const text = notificationText(translator(lang), messageKey, params, lang);
    return [{ to: user.email, subject: text, body: `${text}\n\n${absolute(link)}\n\n— Jejaring` }];
  });
  if (rows.length > 0) await tx.outboxEmail.createMany({ data: rows });
}

const LEASE_MS = 5 * 60 * 1000;
const MAX_PAUSE_MS = 6 * 60 * 60 * 1000;

/** Pause before the next try: 1, 2, 4… minutes, at most six hours; never given up. */
export function retryPause(attempts: number): number {
  return Math.min(MAX_PAUSE_MS, 60_000 * 2 ** Math.max(0, attempts - 1));
}

/** Sends what is due. Returns how many were sent and how many failed (and will be retried). */
export async function sendDueEmails(mail: MailTransport, now = new Date(), limit = 50) {
  const due = await db.outboxEmail.findMany({
    where: { sentAt: null, sendAfter: { lte: now } },
    orderBy: { sendAfter: "asc" },
    take: limit,
    select: { id: true, to: true, subject: true, body: true, attempts: true, sendAfter: true },
  });
  let sent = 0;
  let failed = 0;
  for (const email of due) {
    // Claim it: only the server whose conditional update succeeds sends this row now.
    const claimed = await db.outboxEmail.updateMany({
      where: { id: email.id, sentAt: null, sendAfter: email.sendAfter },
      data: { sendAfter: new Date(now.getTime() + LEASE_MS), attempts: { increment: 1 } },
    });
    if (claimed.count === 0) continue;
    try {
      await mail.sendMail({ from: env.MAIL_FROM, to: email.to, subject: email.subject, text: email.body });
      await db.outboxEmail.update({
        where: { id: email.id },
        data: { sentAt: new Date() },
        select: { id: true },
      });
      sent += 1;
    } catch (error) {
      await db.outboxEmail.update({
        where: { id: email.id },
        data: {
          lastError: String(error).slice(0, 500),
          sendAfter: new Date(now.getTime() + retryPause(email.attempts + 1)),
        },
        select: { id: true },
      });
      failed += 1;
    }
  }
  return { sent, failed };
}
