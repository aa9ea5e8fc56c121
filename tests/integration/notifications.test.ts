import { afterEach, describe, expect, it } from "vitest";
import { db } from "~/.server/db/client";
import {
  retryPause,
  sendDueEmails,
  setEmailEnabledForTests,
  type MailTransport,
} from "~/.server/notifications/email";
import { listNotifications } from "~/.server/notifications/notifications";
import { createWorld } from "../helpers/factories";
import { placedOrderNumber } from "../helpers/orders";

// The mail server is an outside service: a fake transport stands in for it, recording what it is
// asked to send and failing when told to.
function fakeMail(failures = 0): MailTransport & { sent: { to: string; subject: string; text: string }[] } {
  let left = failures;
  const sent: { to: string; subject: string; text: string }[] = [];
  return {
    sent,
    async sendMail(message) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (left > 0) {
        left -= 1;
        throw new Error("421 try again later");
      }
      sent.push(message);
    },
  };
}

afterEach(() => setEmailEnabledForTests(undefined));

async function withEmails(world: Awaited<ReturnType<typeof createWorld>>) {
  await db.user.update({
    where: { id: world.home.manager.id },
    data: { email: `ketua-${world.home.group.id}@desa.test` },
  });
  await db.user.update({
    where: { id: world.buyer.buyer.id },
    data: { email: `toko-${world.buyer.business.id}@toko.test`, locale: "en" },
  });
}

describe("email notifications", () => {
  it("are queued with the change, in each reader's language, only when SMTP is configured", async () => {
    const world = await createWorld();
    await withEmails(world);
    setEmailEnabledForTests(false);
    await placedOrderNumber(world.buyer, world.product.id, 10);
    expect(await db.outboxEmail.count({ where: { to: { contains: world.home.group.id } } })).toBe(0);

    setEmailEnabledForTests(true);
    const number = await placedOrderNumber(world.buyer, world.product.id, 10);
    const queued = await db.outboxEmail.findMany({
      where: { to: { contains: world.home.group.id } },
      select: { subject: true, body: true },
    });
    expect(queued).toEqual([
      {
        subject: `Pesanan baru ${number} menunggu konfirmasi.`,
        body: expect.stringContaining(`/kelola/pesanan/${number}`),
      },
    ]);
  });

  it("are retried with growing pauses until the server takes them, and sent once even by two servers", async () => {
    const world = await createWorld();
    await withEmails(world);
    // Earlier tests in this file left their own emails waiting; they are not this test's subject.
    await db.outboxEmail.updateMany({ where: { sentAt: null }, data: { sentAt: new Date() } });
    setEmailEnabledForTests(true);
    await placedOrderNumber(world.buyer, world.product.id, 10);
    const mine = { to: { contains: world.home.group.id } };
    const start = new Date();

    const down = fakeMail(1);
    expect(await sendDueEmails(down, start)).toMatchObject({ failed: 1 });
    const failed = await db.outboxEmail.findFirstOrThrow({ where: mine });
    expect(failed).toMatchObject({ attempts: 1, sentAt: null, lastError: "Error: 421 try again later" });
    expect(failed.sendAfter.getTime()).toBe(start.getTime() + retryPause(1));
    // Not due yet: nothing happens.
    expect(await sendDueEmails(down, new Date(start.getTime() + 30_000))).toEqual({ sent: 0, failed: 0 });

    const later = new Date(start.getTime() + retryPause(1) + 1);
    const up = fakeMail();
    await Promise.all([sendDueEmails(up, later), sendDueEmails(up, later)]);
    expect(up.sent.filter((m) => m.to.includes(world.home.group.id))).toHaveLength(1);
    expect(await db.outboxEmail.findFirstOrThrow({ where: mine })).toMatchObject({
      attempts: 2,
      sentAt: expect.any(Date),
    });
  });

  it("pauses 1, 2, 4… minutes, at most six hours, and never gives up", () => {
    expect([1, 2, 3, 4].map(retryPause)).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(retryPause(30)).toBe(6 * 60 * 60 * 1000);
  });
});

describe("the inbox", () => {
  it("knows the other party's WhatsApp number for each order notification", async () => {
    const world = await createWorld();
    await db.business.update({ where: { id: world.buyer.business.id }, data: { phone: "+6281311112222" } });
    await db.group.update({ where: { id: world.home.group.id }, data: { phone: "+6281233334444" } });
    await placedOrderNumber(world.buyer, world.product.id, 10);
    const [forManager] = await listNotifications(world.home.manager.id);
    expect(forManager?.counterpartPhone).toBe("+6281311112222");
  });
});
