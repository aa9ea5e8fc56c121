import { pruneSignInAttempts } from "./auth/rate-limit";
import { sendDueEmails, smtpTransport } from "./notifications/email";
import { expireRequests } from "./matching/requests";
import { autoReceiveOverdue } from "./orders/orders";
import { sendTempoReminders } from "./orders/tempo";

// Work that runs on a clock inside each app server. Every job is safe to run on several servers
// at once (its changes are conditional), so no leader is needed.

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;

type Job = { name: string; everyMs: number; run: () => Promise<unknown> };

const JOBS: Job[] = [
  { name: "orders.auto_receive", everyMs: HOUR, run: () => autoReceiveOverdue() },
  { name: "sign_in.prune", everyMs: HOUR, run: () => pruneSignInAttempts() },
  {
    name: "requests.expire",
    everyMs: 15 * MINUTE,
    run: () => expireRequests().then((r) => (r.expired ? r : null)),
  },
  {
    name: "tempo.reminders",
    everyMs: HOUR,
    run: () => sendTempoReminders().then((r) => (r.reminded || r.overdue ? r : null)),
  },
  {
    name: "email.outbox",
    everyMs: MINUTE,
    run: async () => {
      const mail = smtpTransport();
      return mail ? sendDueEmails(mail).then((r) => (r.sent || r.failed ? r : null)) : null;
    },
  },
];

const state = globalThis as unknown as { __jejaringJobs?: boolean };

export function startBackgroundJobs() {
  if (state.__jejaringJobs || process.env.NODE_ENV === "test" || process.env.VITEST) return;
  state.__jejaringJobs = true;
  for (const job of JOBS) {
    const tick = async () => {
      try {
        const result = await job.run();
        if (result) console.log(JSON.stringify({ msg: "job ran", job: job.name, result }));
      } catch (error) {
        console.error(JSON.stringify({ msg: "job failed", job: job.name, error: String(error) }));
      }
    };
    setTimeout(tick, 10_000).unref();
    setInterval(tick, job.everyMs).unref();
  }
}
