import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { db } from "~/.server/db/client";
import { loader as rootLoader } from "~/root";
import { loader as imageLoader } from "~/routes/gambar.$hash";
import { loader as inboxLoader } from "~/routes/kelola.permintaan._index";
import {
  action as buyerThreadAction,
  loader as buyerThreadLoader,
} from "~/routes/permintaan.$number.kelompok.$groupSlug";
import { createGroupWithManager } from "../helpers/factories";
import { addRecipient, createRequest } from "../helpers/matching";
import { asGroup, groupPage, quoteForm, quoteWorld, type QuoteWorld } from "../helpers/quotes";
import { callAction, callLoader, request, statusOf } from "../helpers/requests";

async function buyerThread(world: QuoteWorld, userId: string, slug: string, number = world.req.number) {
  return callLoader(buyerThreadLoader, await request(`/permintaan/${number}/kelompok/${slug}`, { userId }), {
    number,
    groupSlug: slug,
  });
}

async function buyerWrites(
  world: QuoteWorld,
  userId: string,
  slug: string,
  form: Record<string, string> | FormData,
) {
  const number = world.req.number;
  return callAction(
    buyerThreadAction,
    await request(`/permintaan/${number}/kelompok/${slug}`, { userId, form }),
    {
      number,
      groupSlug: slug,
    },
  );
}

async function headerUnread(userId: string) {
  const data = (await callLoader(rootLoader, await request("/", { userId }))) as {
    viewer: { threadUnread: { group: number; buyer: number } };
  };
  return data.viewer.threadUnread;
}

async function photoForm(body: string) {
  const png = await sharp({
    create: { width: 400, height: 300, channels: 3, background: { r: 10, g: 120, b: 60 } },
  })
    .png()
    .toBuffer();
  const form = new FormData();
  form.set("intent", "message");
  form.set("body", body);
  form.set("photo", new File([new Uint8Array(png)], "contoh.png", { type: "image/png" }));
  return form;
}

describe("a request's thread", () => {
  it("carries the group's and the buyer's lines, with unread counts in the header and the lists until read", async () => {
    const world = await quoteWorld();
    const slug = world.home.group.slug;
    expect(
      statusOf(
        await asGroup(world.home.manager.id, world.req.number, { intent: "message", body: "Warna apa?" }),
      ),
    ).toBe(302);
    expect(await headerUnread(world.buyer.buyer.id)).toEqual({ group: 0, buyer: 1 });
    expect(await headerUnread(world.home.manager.id)).toEqual({ group: 0, buyer: 0 });
    expect(
      await db.notification.count({
        where: { userId: world.buyer.buyer.id, messageKey: "thread.notify.from_group" },
      }),
    ).toBe(1);

    const page = (await buyerThread(world, world.buyer.buyer.id, slug)) as {
      lines: { side: string; body: string }[];
    };
    expect(page.lines.map((l) => [l.side, l.body])).toEqual([["GROUP", "Warna apa?"]]);
    expect(await headerUnread(world.buyer.buyer.id)).toEqual({ group: 0, buyer: 0 });

    expect(
      statusOf(
        await buyerWrites(world, world.buyer.buyer.id, slug, { intent: "message", body: "Natural saja" }),
      ),
    ).toBe(302);
    expect(await headerUnread(world.home.manager.id)).toEqual({ group: 1, buyer: 0 });
    const { inbox } = (await callLoader(
      inboxLoader,
      await request("/kelola/permintaan", { userId: world.home.manager.id }),
    )) as {
      inbox: { new: { number: string; unread: number }[] };
    };
    expect(inbox.new.find((r) => r.number === world.req.number)?.unread).toBe(1);
    // Opening the request page reads the thread.
    await groupPage(world.home.manager.id, world.req.number);
    expect(await headerUnread(world.home.manager.id)).toEqual({ group: 0, buyer: 0 });
  });

  it("counts a system line as news for the other side only", async () => {
    const world = await quoteWorld();
    expect(
      statusOf(await asGroup(world.home.manager.id, world.req.number, quoteForm(world.product.id))),
    ).toBe(302);
    expect(await headerUnread(world.home.manager.id)).toEqual({ group: 0, buyer: 0 });
    expect(await headerUnread(world.buyer.buyer.id)).toEqual({ group: 0, buyer: 1 });
  });

  it("refuses an empty or too long line and changes nothing", async () => {
    const world = await quoteWorld();
    for (const body of ["", "   ", "x".repeat(2001)]) {
      expect(
        statusOf(await asGroup(world.home.manager.id, world.req.number, { intent: "message", body })),
      ).toBe(400);
      expect(
        statusOf(
          await buyerWrites(world, world.buyer.buyer.id, world.home.group.slug, { intent: "message", body }),
        ),
      ).toBe(400);
    }
    expect(await db.threadMessage.count({ where: { thread: { requestId: world.req.id } } })).toBe(0);
    expect(
      statusOf(
        await asGroup(world.home.manager.id, world.req.number, { intent: "message", body: "x".repeat(2000) }),
      ),
    ).toBe(302);
  });

  it("answers 404 to every pair that is not the request's business and a group it was sent to", async () => {
    const world = await quoteWorld();
    const stranger = await createGroupWithManager(world.areas.villageA1.id);
    const unasked = await createRequest(
      world.buyer.business.id,
      world.buyer.buyer.id,
      world.areas.villageA2.id,
    );
    await addRecipient(unasked.id, world.other.group.id);
    // Another business's buyer, with a group the request was sent to.
    expect(statusOf(await buyerThread(world, world.otherBuyer.buyer.id, world.home.group.slug))).toBe(404);
    expect(
      statusOf(
        await buyerWrites(world, world.otherBuyer.buyer.id, world.home.group.slug, {
          intent: "message",
          body: "Halo",
        }),
      ),
    ).toBe(404);
    // The business's own buyer, with a group the request was not sent to.
    expect(statusOf(await buyerThread(world, world.buyer.buyer.id, stranger.group.slug))).toBe(404);
    expect(
      statusOf(await buyerThread(world, world.buyer.buyer.id, world.home.group.slug, unasked.number)),
    ).toBe(404);
    // A group the request was not sent to.
    expect(
      statusOf(await asGroup(stranger.manager.id, world.req.number, { intent: "message", body: "Halo" })),
    ).toBe(404);
    expect(await db.threadMessage.count({ where: { thread: { requestId: world.req.id } } })).toBe(0);
  });

  it("serves a thread's photo to its two parties only", async () => {
    const world = await quoteWorld();
    const result = await asGroup(world.home.manager.id, world.req.number, await photoForm("Contoh anyaman"));
    expect(statusOf(result)).toBe(302);
    const line = await db.threadMessage.findFirstOrThrow({
      where: { thread: { requestId: world.req.id } },
      select: { photo: { select: { variants: { select: { hash: true } } } } },
    });
    const hash = line.photo?.variants[0]?.hash ?? "";
    const fetch = async (userId?: string) =>
      callLoader(imageLoader, await request(`/gambar/${hash}`, userId ? { userId } : {}), { hash });
    const mine = await fetch(world.buyer.buyer.id);
    expect(statusOf(mine)).toBe(200);
    expect((mine as Response).headers.get("Cache-Control")).toContain("private");
    expect(statusOf(await fetch(world.home.manager.id))).toBe(200);
    // The other group asked on the same request, another business, a stranger group, nobody.
    expect(statusOf(await fetch(world.other.manager.id))).toBe(404);
    expect(statusOf(await fetch(world.otherBuyer.buyer.id))).toBe(404);
    expect(statusOf(await fetch((await createGroupWithManager(world.areas.villageA1.id)).manager.id))).toBe(
      404,
    );
    expect(statusOf(await fetch())).toBe(404);
    // The buyer's page shows it.
    const page = (await buyerThread(world, world.buyer.buyer.id, world.home.group.slug)) as {
      lines: { photo: { src: string } | null }[];
    };
    expect(page.lines[0]?.photo?.src).toMatch(/^\/gambar\/[0-9a-f]{32}$/);
  });

  it("refuses a file that is not a picture", async () => {
    const world = await quoteWorld();
    const form = new FormData();
    form.set("intent", "message");
    form.set("body", "Lihat ini");
    form.set("photo", new File([new TextEncoder().encode("bukan gambar")], "x.png", { type: "image/png" }));
    expect(statusOf(await buyerWrites(world, world.buyer.buyer.id, world.home.group.slug, form))).toBe(400);
    expect(await db.threadMessage.count({ where: { thread: { requestId: world.req.id } } })).toBe(0);
  });
});
