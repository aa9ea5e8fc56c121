import { expect, test, type Page } from "@playwright/test";
import { queryValue } from "./db";
import { NARROW_PHONE, PHONE, dateInDays, rupiah, screenshots, signIn } from "./look";

// Issue 10's journey on a phone: a buyer posts a request for quotes, two matched groups find it in
// their inbox, one quotes (with a cheaper tier for more) and the other declines with a reason, the
// buyer compares and accepts, and the order appears on both sides at the quoted price. Every page
// is saved as a screenshot, and the pages people read most are looked at once more 320 px wide.

const BUYER = "081300000001"; // Dadang, Toko Oleh-oleh Rasa Lembang
const QUOTING = "0812-0000-0001"; // Euis, ketua of KUBE Perempuan Mandiri (tas rajut benang katun)
const DECLINING = "081200000006"; // Yeni, ketua of KUBE Berkah Rajut (tas rajut tali kur)

const look = screenshots("permintaan");

/** The same page on the narrowest phone we support, then back. */
async function lookNarrow(page: Page, name: string) {
  await page.setViewportSize(NARROW_PHONE);
  await look(page, `${name}-320`);
  await page.setViewportSize(PHONE);
}

/** The one line and the total of an order page, as a person reads them. */
async function orderFigures(page: Page) {
  const items = page.getByRole("region", { name: "Barang" });
  const line = items.getByRole("row", { name: /Tas rajut benang katun/ });
  const cells = line.getByRole("cell");
  return {
    unitPrice: rupiah((await cells.nth(0).innerText()).split("\n")[1] ?? ""),
    quantity: rupiah(await cells.nth(1).innerText()),
    total: rupiah(
      await items
        .getByRole("row", { name: /^Total/ })
        .getByRole("cell")
        .innerText(),
    ),
  };
}

test("a buyer's request is matched, quoted, declined, compared and accepted into an order", async ({
  browser,
}) => {
  const title = `Tas rajut suvenir toko ${Date.now() % 100000}`;

  // 1. The buyer writes what she needs and sees which groups would receive it before sending.
  const buyer = await signIn(browser, BUYER);
  await buyer
    .getByRole("navigation", { name: "Menu utama" })
    .getByRole("link", { name: "Permintaan" })
    .click();
  await expect(buyer.getByRole("heading", { name: "Permintaan Penawaran", level: 1 })).toBeVisible();
  await look(buyer, "daftar-pembeli");
  await buyer.getByRole("link", { name: "Buat permintaan" }).first().click();
  await buyer.getByLabel("Apa yang Anda butuhkan?").fill(title);
  await buyer.getByLabel("Kategori (opsional)").selectOption({ label: "Rajutan" });
  await buyer.getByLabel("Jumlah", { exact: true }).fill("24");
  await buyer.getByLabel("Satuan", { exact: true }).selectOption({ label: "pcs" });
  await buyer.getByLabel("Harga yang Anda harapkan per satuan (opsional)").fill("40000");
  await buyer.getByLabel("Dibutuhkan paling lambat").fill(dateInDays(30));
  await buyer
    .getByLabel("Keterangan (opsional)")
    .fill("Tas rajut kecil untuk oleh-oleh, warna cerah, ada tali.");
  await look(buyer, "buat-permintaan");
  await buyer.getByRole("button", { name: "Lihat kelompok yang cocok" }).click();
  const preview = buyer
    .getByRole("status")
    .filter({ has: buyer.getByRole("heading", { name: "Kelompok yang cocok" }) });
  const receiving = preview.getByRole("listitem").filter({ hasText: "✓ menerima" });
  await expect(receiving.filter({ hasText: "KUBE Perempuan Mandiri" })).toHaveCount(1);
  await expect(receiving.filter({ hasText: "KUBE Berkah Rajut" })).toHaveCount(1);
  // What was typed survives the preview.
  await expect(buyer.getByLabel("Apa yang Anda butuhkan?")).toHaveValue(title);
  await look(buyer, "pratinjau-kelompok");
  await lookNarrow(buyer, "pratinjau-kelompok");
  await buyer.getByRole("button", { name: "Kirim permintaan" }).click();
  await buyer.waitForURL(/\/permintaan\/PMT-[^/?]+\?terkirim=1/);
  await expect(buyer.getByText(/^Permintaan PMT-\S+ terkirim ke \d+ kelompok\.$/)).toBeVisible();
  const number = new URL(buyer.url()).pathname.split("/")[2] ?? "";
  await look(buyer, "permintaan-terkirim");

  // 2. Both groups' managers are told and find it at the top of their inbox.
  const quoting = await signIn(browser, QUOTING);
  const declining = await signIn(browser, DECLINING);
  for (const manager of [quoting, declining]) {
    const notifications = manager
      .getByRole("navigation", { name: "Menu utama" })
      .getByRole("link", { name: /Notifikasi/ });
    await expect(notifications).toContainText(/\d+/);
    await notifications.click();
    await expect(manager.getByText(`Permintaan baru yang cocok untuk kelompok Anda: ${title}`)).toBeVisible();
    await manager
      .getByRole("navigation", { name: "Menu utama" })
      .getByRole("link", { name: "Permintaan" })
      .click();
    const fresh = manager
      .getByRole("region", { name: /^Baru/ })
      .getByRole("listitem")
      .filter({ hasText: title });
    await expect(fresh).toContainText("Baru");
    await expect(fresh).toContainText("24 pcs");
  }
  await look(quoting, "kotak-masuk-kelompok");
  await lookNarrow(quoting, "kotak-masuk-kelompok");

  // 3. Perempuan Mandiri quotes: Rp45.000 a piece, Rp42.000 from 20, all 24, ready in 20 days.
  await quoting.getByRole("link", { name: title }).click();
  await expect(quoting.getByRole("heading", { name: "Mengapa kelompok Anda diminta" })).toBeVisible();
  await look(quoting, "permintaan-masuk");
  const product = quoting.getByLabel("Produk", { exact: true });
  const bag = await product.locator("option", { hasText: "Tas rajut benang katun" }).getAttribute("value");
  await product.selectOption(bag ?? "");
  await quoting.getByLabel("Harga per satuan", { exact: true }).fill("45000");
  await quoting.getByLabel("Jumlah yang sanggup").fill("24");
  await quoting.getByLabel("Paling cepat dikirim").fill(dateInDays(20));
  await quoting.getByLabel("Berlaku sampai").fill(dateInDays(14));
  await quoting.getByText("Harga bertingkat", { exact: true }).click();
  await quoting.getByLabel("Mulai jumlah (1)").fill("20");
  await quoting.getByLabel("Harga per satuan (1)").fill("42000");
  await quoting.getByLabel("Catatan untuk pembeli").fill("Warna bisa dipilih: merah, kuning, biru.");
  await look(quoting, "isi-penawaran");
  await lookNarrow(quoting, "isi-penawaran");
  await quoting.getByRole("button", { name: "Kirim penawaran" }).click();
  const own = quoting.getByRole("region", { name: /Penawaran Anda/ });
  await expect(own).toContainText("Rp45.000/pcs");
  await expect(own).toContainText("mulai 20: Rp42.000/pcs");
  await look(quoting, "penawaran-terkirim");

  // 4. Berkah Rajut cannot make them in time and says why.
  await declining.getByRole("link", { name: title }).click();
  await declining.getByText("Tidak bisa memenuhi? Tolak permintaan").click();
  await declining.getByLabel("tidak sanggup membuat sebanyak itu").check();
  await declining
    .getByLabel("Keterangan untuk pembeli")
    .fill("Bulan ini kami sedang mengerjakan pesanan hotel.");
  await look(declining, "tolak-permintaan");
  await declining.getByRole("button", { name: "Tolak permintaan" }).click();
  await expect(
    declining.getByText("Anda menolak permintaan ini: tidak sanggup membuat sebanyak itu."),
  ).toBeVisible();
  await look(declining, "permintaan-ditolak");

  // 5. The buyer compares: the tier price applies to 24, the total is 24 × Rp42.000, and the
  // decline is there with its reason.
  await buyer.goto(`/permintaan/${number}`);
  const card = buyer
    .getByRole("listitem")
    .filter({ has: buyer.getByRole("heading", { name: "KUBE Perempuan Mandiri" }) });
  await expect(card).toContainText("Rp42.000/pcs");
  await expect(card).toContainText("Rp1.008.000");
  await expect(buyer.getByText(/Menolak: tidak sanggup membuat sebanyak itu\./)).toBeVisible();
  await look(buyer, "bandingkan-penawaran");
  await lookNarrow(buyer, "bandingkan-penawaran");
  const quotedUnitPrice = await queryValue(
    `SELECT q."unitPrice" FROM "Quote" q JOIN "QuoteRequest" r ON r.id = q."requestId" WHERE r."number" = $1`,
    [number],
  );
  expect(Number(quotedUnitPrice)).toBe(45_000);
  await expect(card.getByLabel(/^Jumlah \(paling banyak 24 pcs\)/)).toHaveValue("24");
  await card.getByLabel("Transfer bank").check();
  await card.getByLabel(/Saya memesan dari KUBE Perempuan Mandiri/).check();
  await card.getByRole("button", { name: "Terima penawaran" }).click();

  // 6. The order exists on both sides at the quoted price and quantity.
  await buyer.waitForURL(/\/pesanan\/JJR-/);
  const orderNumber = new URL(buyer.url()).pathname.split("/")[2] ?? "";
  await expect(buyer.getByText("Menunggu konfirmasi").first()).toBeVisible();
  await expect(buyer.getByText("24 pcs").first()).toBeVisible();
  const buyerSees = await orderFigures(buyer);
  await look(buyer, "pesanan-dari-penawaran");
  await lookNarrow(buyer, "pesanan-dari-penawaran");

  await quoting.goto(`/kelola/pesanan/${orderNumber}`);
  await expect(quoting.getByText("Menunggu konfirmasi").first()).toBeVisible();
  await expect(quoting.getByText("24 pcs").first()).toBeVisible();
  const groupSees = await orderFigures(quoting);
  await look(quoting, "pesanan-masuk-kelompok");

  const [total, quantity, unitPrice, group, requestState] = await Promise.all([
    queryValue(`SELECT total FROM "Order" WHERE "number" = $1`, [orderNumber]),
    queryValue(
      `SELECT i.quantity FROM "OrderItem" i JOIN "Order" o ON o.id = i."orderId" WHERE o."number" = $1`,
      [orderNumber],
    ),
    queryValue(
      `SELECT i."unitPrice" FROM "OrderItem" i JOIN "Order" o ON o.id = i."orderId" WHERE o."number" = $1`,
      [orderNumber],
    ),
    queryValue(`SELECT g.slug FROM "Order" o JOIN "Group" g ON g.id = o."groupId" WHERE o."number" = $1`, [
      orderNumber,
    ]),
    queryValue(`SELECT status FROM "QuoteRequest" WHERE "number" = $1`, [number]),
  ]);
  // What both sides read is what the database holds, and it is the quote's tier price for 24.
  const stored = { unitPrice: Number(unitPrice), quantity: Number(quantity), total: Number(total) };
  expect(stored).toEqual({ unitPrice: 42_000, quantity: 24, total: 1_008_000 });
  expect(buyerSees).toEqual(stored);
  expect(groupSees).toEqual(stored);
  expect(group).toBe("kube-perempuan-mandiri");
  expect(requestState).toBe("AWARDED");

  // The request page now points at the order; the group's own page too.
  await buyer.goto(`/permintaan/${number}`);
  await expect(buyer.getByRole("link", { name: orderNumber })).toBeVisible();
  await look(buyer, "permintaan-dipilih");
  await quoting.goto(`/kelola/permintaan/${number}`);
  await expect(quoting.getByRole("link", { name: `Lihat pesanan ${orderNumber}` })).toBeVisible();
});

test.describe("without JavaScript", () => {
  // Cheap phones on weak signal may not run our script: posting, quoting and accepting are plain
  // HTML forms.
  test("a request is posted, quoted and accepted with plain forms", async ({ browser }) => {
    const title = `Keset kain perca untuk galeri ${Date.now() % 100000}`;
    const noScript = { javaScriptEnabled: false, viewport: { width: 360, height: 740 } };

    const buyer = await signIn(browser, "081300000002", noScript); // Asep, Galeri Kriya Tangkuban
    await buyer.goto("/permintaan/baru");
    await buyer.getByLabel("Apa yang Anda butuhkan?").fill(title);
    await buyer.getByLabel("Kategori (opsional)").selectOption({ label: "Tekstil & keset" });
    await buyer.getByLabel("Jumlah", { exact: true }).fill("30");
    await buyer.getByLabel("Dibutuhkan paling lambat").fill(dateInDays(21));
    await buyer.getByRole("button", { name: "Lihat kelompok yang cocok" }).click();
    await expect(buyer.getByText("KUBE Perempuan Mandiri", { exact: true })).toBeVisible();
    await expect(buyer.getByLabel("Apa yang Anda butuhkan?")).toHaveValue(title);
    await buyer.getByRole("button", { name: "Kirim permintaan" }).click();
    await buyer.waitForURL(/\/permintaan\/PMT-[^/?]+\?terkirim=1/);
    const number = new URL(buyer.url()).pathname.split("/")[2] ?? "";

    const manager = await signIn(browser, QUOTING, noScript);
    await manager.goto("/kelola/permintaan");
    await manager.getByRole("link", { name: title }).click();
    const product = manager.getByLabel("Produk", { exact: true });
    const mat = await product.locator("option", { hasText: "Keset kain perca bulat" }).getAttribute("value");
    await product.selectOption(mat ?? "");
    await manager.getByLabel("Harga per satuan", { exact: true }).fill("21.000");
    await manager.getByLabel("Jumlah yang sanggup").fill("30");
    await manager.getByRole("button", { name: "Kirim penawaran" }).click();
    await expect(manager.getByRole("region", { name: /Penawaran Anda/ })).toContainText("Rp21.000/pcs");

    await buyer.goto(`/permintaan/${number}`);
    const card = buyer
      .getByRole("listitem")
      .filter({ has: buyer.getByRole("heading", { name: "KUBE Perempuan Mandiri" }) });
    await expect(card).toContainText("Rp630.000");
    await card.getByLabel(/Saya memesan dari KUBE Perempuan Mandiri/).check();
    await card.getByRole("button", { name: "Terima penawaran" }).click();
    await buyer.waitForURL(/\/pesanan\/JJR-/);
    await expect(buyer.getByText("30 pcs").first()).toBeVisible();
    const orderNumber = new URL(buyer.url()).pathname.split("/")[2] ?? "";
    expect(Number(await queryValue(`SELECT total FROM "Order" WHERE "number" = $1`, [orderNumber]))).toBe(
      630_000,
    );
  });
});
