import { describe, expect, it } from "vitest";
import { groupTrackRecord } from "~/.server/catalog/groups";
import { db } from "~/.server/db/client";
import { loader as groupLoader } from "~/routes/kelompok.$slug";
import { loader as directoryLoader } from "~/routes/kelompok._index";
import { loader as sitemapLoader } from "~/routes/sitemap[.]xml";
import { loader as robotsLoader } from "~/routes/robots[.]txt";
import { loader as productLoader } from "~/routes/produk.$slug";
import { loader as catalogLoader } from "~/routes/produk._index";
import { productJsonLd } from "~/utils/structured-data";
import { createProduct, createWorld } from "../helpers/factories";
import { callLoader, request, statusOf } from "../helpers/requests";

const DAY = 86_400_000;

describe("group pages", () => {
  it("show the group and its products but nothing personal about members", async () => {
    const world = await createWorld();
    const data = await callLoader(groupLoader, await request(`/kelompok/${world.home.group.slug}`), {
      slug: world.home.group.slug,
    });
    const json = JSON.stringify(data);
    expect(json).toContain(world.home.group.name);
    expect(json).toContain(world.product.slug);
    expect(json).not.toContain(world.otherProduct.slug);
    expect(json).not.toContain("Anggota tanpa akun");
    expect(json).not.toContain(world.home.manager.name);
    expect((data as { group: { _count: { members: number } } }).group._count.members).toBe(2);
  });

  it("answer 404 for a group that does not exist", async () => {
    expect(
      statusOf(await callLoader(groupLoader, await request("/kelompok/tidak-ada"), { slug: "tidak-ada" })),
    ).toBe(404);
  });

  it("are listed by district and village in the directory", async () => {
    const world = await createWorld();
    const data = (await callLoader(directoryLoader, await request("/kelompok"))) as {
      districts: { district: string; villages: { village: string; groups: { slug: string }[] }[] }[];
    };
    const lembang = data.districts.find((d) =>
      d.villages.some((v) => v.groups.some((g) => g.slug === world.home.group.slug)),
    );
    expect(lembang?.villages.find((v) => v.village === "Jayagiri")?.groups.map((g) => g.slug)).toContain(
      world.home.group.slug,
    );
  });
});

describe("track record", () => {
  it("counts completed orders and deliveries by the wanted-by date or within lead time", async () => {
    const world = await createWorld();
    const placedAt = new Date("2026-10-01T02:00:00Z");
    const base = {
      groupId: world.home.group.id,
      businessId: world.buyer.business.id,
      placedById: world.buyer.buyer.id,
      paymentMethod: "BANK_TRANSFER" as const,
      subtotal: 1000,
      total: 1000,
      placedAt,
      items: {
        create: {
          productId: world.product.id,
          productName: "Besek",
          unit: "PCS" as const,
          quantity: 10,
          unitPrice: 100,
          lineTotal: 1000,
        },
      },
    };
    // Lead time of the factory product is 0 days: due two days after ordering when no date was asked.
    await db.order.create({
      data: {
        ...base,
        number: "T-1",
        status: "COMPLETED",
        deliveredAt: new Date(placedAt.getTime() + 1 * DAY),
      },
    });
    await db.order.create({
      data: {
        ...base,
        number: "T-2",
        status: "COMPLETED",
        deliveredAt: new Date(placedAt.getTime() + 5 * DAY),
      },
    });
    await db.order.create({
      data: {
        ...base,
        number: "T-3",
        status: "RECEIVED",
        wantedBy: new Date(placedAt.getTime() + 10 * DAY),
        deliveredAt: new Date(placedAt.getTime() + 9 * DAY),
      },
    });
    await db.order.create({ data: { ...base, number: "T-4", status: "PLACED" } });
    expect(await groupTrackRecord(world.home.group.id)).toEqual({
      completed: 2,
      delivered: 3,
      onTime: 2,
      onTimeShare: 2 / 3,
    });
  });
});

describe("search engines", () => {
  it("find every active product and group in the sitemap, and no archived product", async () => {
    const world = await createWorld();
    const archived = await createProduct(world.home.group.id, world.category.id, { status: "ARCHIVED" });
    const response = await callLoader(sitemapLoader, await request("/sitemap.xml"));
    const xml = await (response as Response).text();
    expect((response as Response).headers.get("Content-Type")).toContain("application/xml");
    expect(xml).toContain(`<loc>http://localhost:3000/produk/${world.product.slug}</loc>`);
    expect(xml).toContain(`<loc>http://localhost:3000/kelompok/${world.home.group.slug}</loc>`);
    expect(xml).not.toContain(archived.slug);
  });

  it("are kept out of signed-in pages and pointed at the sitemap", async () => {
    const text = await ((await callLoader(robotsLoader, await request("/robots.txt"))) as Response).text();
    expect(text).toContain("Disallow: /kelola");
    expect(text).toContain("Sitemap: http://localhost:3000/sitemap.xml");
  });

  it("get absolute links to the configured address, whatever Host the request names", async () => {
    // Without APP_URL the request's origin used to be copied into links, and the microcache kept
    // them for the next visitor: a request with "Host: evil.example" poisoned the sitemap.
    const world = await createWorld();
    const from = (path: string) =>
      new Request(`http://evil.example${path}`, { headers: { Host: "evil.example" } });
    const answers = [
      await ((await callLoader(sitemapLoader, from("/sitemap.xml?x=1"))) as Response).text(),
      await ((await callLoader(robotsLoader, from("/robots.txt"))) as Response).text(),
      JSON.stringify(
        await callLoader(productLoader, from(`/produk/${world.product.slug}`), { slug: world.product.slug }),
      ),
      JSON.stringify(
        await callLoader(groupLoader, from(`/kelompok/${world.home.group.slug}`), {
          slug: world.home.group.slug,
        }),
      ),
      JSON.stringify(await callLoader(catalogLoader, from("/produk"))),
    ];
    for (const answer of answers) {
      expect(answer).not.toContain("evil.example");
      expect(answer).toContain("http://localhost:3000");
    }
  });

  it("read a product's offer as JSON-LD that no text can break out of", () => {
    const json = productJsonLd(
      {
        slug: "besek",
        name: "Besek </script><script>alert(1)</script>",
        description: "",
        price: 27_000,
        minOrderQuantity: 20,
        supplyMode: "READY_STOCK",
        stock: 100,
        unit: "PAK",
        tiers: [{ minQuantity: 50, unitPrice: 25_000 }],
        image: { src: "/gambar/abc" },
        group: { name: "KUBE", slug: "kube" },
      },
      "https://jejaring.id",
    );
    expect(json).not.toContain("</script>");
    const data = JSON.parse(json) as {
      offers: { lowPrice: number; highPrice: number; priceCurrency: string; availability: string };
    };
    expect(data.offers).toMatchObject({
      lowPrice: 25_000,
      highPrice: 27_000,
      priceCurrency: "IDR",
      availability: "https://schema.org/InStock",
    });
  });
});
