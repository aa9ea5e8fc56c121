import { describe, expect, it } from "vitest";
import { db } from "~/.server/db/client";
import { proposalPack } from "~/.server/reports/proposal-pack";
import { loader } from "~/routes/tkm.kelompok.$groupId_.proposal[.]pdf";
import { lastWibMonths } from "~/utils/time";
import {
  createBusinessWithBuyer,
  createTkmOfficer,
  createUser,
  createWorld,
  createProduct,
} from "../helpers/factories";
import { pdfText } from "../helpers/pdf-text";
import { attachRealPhoto, writeLines, writeOrder } from "../helpers/report-data";
import { callLoader, request, statusOf } from "../helpers/requests";

type World = Awaited<ReturnType<typeof createWorld>>;
const DAY = 86_400_000;
const NOW = new Date("2026-11-15T05:00:00Z");

async function packPdf(world: World, userId: string, groupId = world.home.group.id) {
  return callLoader(loader, await request(`/tkm/kelompok/${groupId}/proposal.pdf`, { userId }), { groupId });
}

async function pdfOf(result: unknown) {
  expect(statusOf(result)).toBe(200);
  const response = result as Response;
  expect(response.headers.get("Content-Type")).toBe("application/pdf");
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe("%PDF-");
  return { bytes, text: pdfText(bytes) };
}

describe("the proposal data pack", () => {
  it("is a PDF with the group's name for a TKM officer of its area, and not found anywhere else", async () => {
    const world = await createWorld();
    const tkm = await createTkmOfficer(world.areas.districtA.id);
    const elsewhere = await createTkmOfficer(world.areas.districtB.id);
    const { text } = await pdfOf(await packPdf(world, tkm.officer.id));
    expect(text).toContain(world.home.group.name);
    expect(text).toContain("Data Proposal Kelompok");

    // Another district's officer, the group's own ketua, a buyer, and a village official: no pack.
    expect(statusOf(await packPdf(world, elsewhere.officer.id))).toBe(404);
    expect(statusOf(await packPdf(world, tkm.officer.id, world.other.group.id))).toBe(404);
    expect(statusOf(await packPdf(world, tkm.officer.id, "no-such-group"))).toBe(404);
    expect(statusOf(await packPdf(world, world.home.manager.id))).toBe(403);
    expect(statusOf(await packPdf(world, world.buyer.buyer.id))).toBe(403);
    const headman = await createUser({ name: "Kepala Desa" });
    await db.villageOfficial.create({ data: { userId: headman.id, areaId: world.areas.villageA1.id } });
    expect(statusOf(await packPdf(world, headman.id))).toBe(403);
    expect(
      statusOf(await callLoader(loader, await request(`/tkm/kelompok/x/proposal.pdf`), { groupId: "x" })),
    ).toBe(302);
  });

  it("counts members but names them only when the group allowed it", async () => {
    const world = await createWorld();
    const tkm = await createTkmOfficer(world.areas.villageA1.id);
    const groupId = world.home.group.id;
    await db.groupMember.create({ data: { groupId, name: "Siti Rahmawati", role: "ANGGOTA" } });
    await db.groupMember.create({
      data: { groupId, name: "Euis Sudah Keluar", role: "ANGGOTA", leftAt: new Date() },
    });
    const hidden = await pdfOf(await packPdf(world, tkm.officer.id));
    expect(hidden.text).toContain("Jumlah anggota aktif: 3");
    expect(hidden.text).not.toContain("Siti Rahmawati");
    expect(hidden.text).not.toContain(world.home.manager.name);
    expect(hidden.text).toContain("Nama anggota tidak dicantumkan");

    await db.group.update({ where: { id: groupId }, data: { shareMemberNames: true } });
    const shown = await pdfOf(await packPdf(world, tkm.officer.id));
    expect(shown.text).toContain("Siti Rahmawati");
    expect(shown.text).toContain(world.home.manager.name);
    expect(shown.text).not.toContain("Euis Sudah Keluar");
  });

  it("gathers twelve months of earned income, distinct buyers, support, stage and baseline from the raw rows", async () => {
    const world = await createWorld();
    const groupId = world.home.group.id;
    const third = await createBusinessWithBuyer(world.areas.villageB1.id);
    const months = lastWibMonths(NOW, 12);
    await writeLines([
      // 1 Dec 2025 00:30 WIB: the first month of the window, though 30 November in UTC.
      {
        groupId,
        kind: "INCOME",
        category: "ORDER",
        amount: 100_000,
        occurredAt: new Date("2025-11-30T17:30:00Z"),
      },
      // The month before the window: not counted.
      {
        groupId,
        kind: "INCOME",
        category: "ORDER",
        amount: 999_000,
        occurredAt: new Date("2025-11-30T16:30:00Z"),
      },
      {
        groupId,
        kind: "INCOME",
        category: "CONSIGNMENT",
        amount: 40_000,
        occurredAt: new Date("2026-06-10T02:00:00Z"),
      },
      {
        groupId,
        kind: "INCOME",
        category: "OTHER_SALES",
        amount: 25_000,
        occurredAt: new Date("2026-11-02T02:00:00Z"),
      },
      {
        groupId,
        kind: "EXPENSE",
        category: "REFUND",
        amount: 5_000,
        occurredAt: new Date("2026-11-03T02:00:00Z"),
      },
      // Not sales: aid, dues, costs, another group.
      {
        groupId,
        kind: "INCOME",
        category: "AID",
        amount: 2_000_000,
        occurredAt: new Date("2026-10-01T02:00:00Z"),
      },
      {
        groupId,
        kind: "INCOME",
        category: "IKS",
        amount: 10_000,
        occurredAt: new Date("2026-10-01T02:00:00Z"),
      },
      {
        groupId,
        kind: "EXPENSE",
        category: "MATERIALS",
        amount: 30_000,
        occurredAt: new Date("2026-10-01T02:00:00Z"),
      },
      {
        groupId: world.other.group.id,
        kind: "INCOME",
        category: "ORDER",
        amount: 70_000,
        occurredAt: new Date("2026-10-01T02:00:00Z"),
      },
    ]);
    const placedById = world.buyer.buyer.id;
    const order = (
      businessId: string,
      status: "PLACED" | "COMPLETED" | "CANCELLED" | "REJECTED",
      days: number,
    ) =>
      writeOrder({
        groupId,
        businessId,
        placedById,
        status,
        placedAt: new Date(NOW.getTime() - days * DAY),
        total: 50_000,
      });
    await order(world.buyer.business.id, "COMPLETED", 10);
    await order(world.buyer.business.id, "PLACED", 20);
    await order(world.otherBuyer.business.id, "CANCELLED", 5); // not a sale
    await order(third.business.id, "REJECTED", 5); // not a sale
    await order(third.business.id, "COMPLETED", 400); // before the window
    const institution = await db.institution.create({
      data: { name: "DKUKM Kabupaten Bandung Barat", kind: "DKUKM", areaId: world.areas.regency.id },
    });
    await db.support.create({
      data: {
        institutionId: institution.id,
        groupId,
        kind: "TRAINING",
        title: "Pelatihan pengemasan",
        date: new Date("2026-08-01T03:00:00Z"),
      },
    });
    await db.support.create({
      data: {
        institutionId: institution.id,
        groupId: world.other.group.id,
        kind: "LOAN",
        title: "Pinjaman kelompok lain",
        date: new Date("2026-08-01T03:00:00Z"),
        amount: 9_000_000,
      },
    });
    await db.groupBaseline.create({
      data: {
        groupId,
        monthlyIncome: 300_000,
        method: "SURVEY",
        measuredOn: new Date("2025-01-10T03:00:00Z"),
        createdAt: new Date("2025-01-11T03:00:00Z"),
      },
    });
    await db.groupBaseline.create({
      data: {
        groupId,
        monthlyIncome: 350_000,
        method: "INTERVIEW",
        measuredOn: new Date("2025-01-10T03:00:00Z"),
        reason: "Survei ulang",
        createdAt: new Date(NOW.getTime() - DAY),
      },
    });
    await db.stageDecision.create({
      data: {
        groupId,
        derived: "TUMBUH",
        stage: "BERKEMBANG",
        kind: "OVERRIDDEN",
        reason: "Sudah punya izin P-IRT",
        createdAt: new Date("2026-09-01T03:00:00Z"),
      },
    });

    const pack = await proposalPack({ areaPath: world.areas.villageA1.path, groupId }, NOW);
    expect(pack?.months).toEqual(months);
    expect(pack?.salesByMonth["2025-12"]).toBe(100_000);
    expect(pack?.salesByMonth["2026-06"]).toBe(40_000);
    expect(pack?.salesByMonth["2026-10"]).toBe(0);
    expect(pack?.salesByMonth["2026-11"]).toBe(20_000);
    expect(pack?.salesTotal).toBe(160_000);
    expect(pack?.buyers).toBe(1);
    expect(pack?.supports.map((s) => [s.institution, s.kind, s.title])).toEqual([
      ["DKUKM Kabupaten Bandung Barat", "TRAINING", "Pelatihan pengemasan"],
    ]);
    expect(pack?.baseline).toMatchObject({ monthlyIncome: 350_000, method: "INTERVIEW" });
    expect(pack?.group.stageDecidedAt?.toISOString()).toBe("2026-09-01T03:00:00.000Z");
    expect(await proposalPack({ areaPath: world.areas.districtB.path, groupId }, NOW)).toBeNull();
  });

  it("shows the products with their stored photos, and frames the ones without", async () => {
    const world = await createWorld();
    const tkm = await createTkmOfficer(world.areas.villageA1.id);
    await attachRealPhoto(world.product.id);
    await createProduct(world.home.group.id, world.category.id, { name: "Tas rajut tanpa foto" });
    await createProduct(world.home.group.id, world.category.id, { name: "Produk draf", status: "DRAFT" });
    const pack = await proposalPack({ areaPath: world.areas.villageA1.path, groupId: world.home.group.id });
    expect(pack?.productCount).toBe(2);
    expect(pack?.products.map((p) => [p.name, p.photo !== null])).toEqual([
      [world.product.name, true],
      ["Tas rajut tanpa foto", false],
    ]);
    const { bytes, text } = await pdfOf(await packPdf(world, tkm.officer.id));
    expect(text).toContain("Tas rajut tanpa foto");
    expect(text).toContain("Belum ada foto");
    expect(text).not.toContain("Produk draf");
    // The photo is embedded as an image (a JPEG: DCTDecode).
    expect(Buffer.from(bytes).toString("latin1")).toMatch(
      /\/Subtype \/Image[\s\S]*?\/DCTDecode|\/DCTDecode[\s\S]*?\/Subtype \/Image/,
    );
  });
});
