import { describe, expect, it } from "vitest";
import { db } from "~/.server/db/client";
import { periodFromValue } from "~/.server/monitoring/periods";
import { periodReport } from "~/.server/reports/period-report";
import { loader as exportsLoader } from "~/routes/tkm.ekspor._index";
import { loader as linksCsvLoader } from "~/routes/tkm.ekspor.jejaring[.]csv";
import { loader as ordersCsvLoader } from "~/routes/tkm.ekspor.pesanan[.]csv";
import { loader as reportLoader } from "~/routes/tkm.laporan";
import { loader as reportPdfLoader } from "~/routes/tkm.laporan[.]pdf";
import { loader as villageReportLoader } from "~/routes/desa.laporan";
import { loader as villagePdfLoader } from "~/routes/desa.laporan[.]pdf";
import { createBusinessWithBuyer, createTkmOfficer, createUser, createWorld } from "../helpers/factories";
import { pdfText } from "../helpers/pdf-text";
import { writeLines, writeOrder } from "../helpers/report-data";
import { callLoader, request, statusOf } from "../helpers/requests";

type Loaded = { data: { report: unknown; picker: { problem: unknown } }; init: { status: number } | null };
const loadedStatus = (result: unknown) =>
  result instanceof Response ? result.status : ((result as Loaded).init?.status ?? 200);

// Every expected figure is worked out here from the rows the test wrote, with its own WIB month
// rule (Intl in Asia/Jakarta), not with the code under test.

const NOW = new Date("2026-11-20T05:00:00Z");
const monthFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Jakarta",
  year: "numeric",
  month: "2-digit",
});
const wibMonth = (at: Date) => monthFormat.format(at).slice(0, 7);

/** A seeded pseudo-random generator, so a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

async function history(seed: number) {
  const world = await createWorld();
  const third = await createBusinessWithBuyer(world.areas.villageB1.id);
  await db.business.update({ where: { id: third.business.id }, data: { name: "Kafe Rahasia Lembang" } });
  const groups = [world.home.group, world.other.group];
  const businesses = [world.buyer.business, world.otherBuyer.business, third.business];
  // The home group joined in March 2026 without a baseline: its "before" is March–May.
  await db.group.update({
    where: { id: world.home.group.id },
    data: { joinedAt: new Date("2026-03-05T03:00:00Z") },
  });
  const next = random(seed);
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)] as T;
  const orders: { groupId: string; businessId: string; status: string; placedAt: Date; total: number }[] = [];
  const lines: Parameters<typeof writeLines>[0] = [];
  for (let i = 0; i < 50; i++) {
    const placedAt = new Date(
      Date.UTC(2026, 2, 1) +
        Math.floor(next() * 260) * 86_400_000 +
        Math.floor(next() * 24) * 3_600_000 -
        7 * 3_600_000,
    );
    const row = {
      groupId: pick(groups).id,
      businessId: pick(businesses).id,
      placedById: world.buyer.buyer.id,
      status: pick(["PLACED", "COMPLETED", "CANCELLED", "REJECTED", "CONFIRMED"] as const),
      placedAt,
      total: 10_000 + Math.floor(next() * 50) * 1_000,
    };
    await writeOrder(row);
    orders.push(row);
    lines.push({
      groupId: row.groupId,
      kind: "INCOME",
      category: pick(["ORDER", "OTHER_SALES", "AID", "IKS"] as const),
      amount: row.total,
      occurredAt: placedAt,
    });
  }
  await writeLines(lines);
  const dpmd = await db.institution.create({
    data: { name: "DPMD Bandung Barat", kind: "DPMD", areaId: world.areas.regency.id },
  });
  const bank = await db.institution.create({
    data: { name: "Bank Rahasia", kind: "BANK", areaId: world.areas.regency.id },
  });
  await db.support.create({
    data: {
      institutionId: dpmd.id,
      groupId: world.home.group.id,
      kind: "TRAINING",
      title: "Pelatihan",
      date: new Date("2026-04-10T03:00:00Z"),
    },
  });
  await db.support.create({
    data: {
      institutionId: bank.id,
      groupId: world.home.group.id,
      kind: "LOAN",
      title: "KUR",
      amount: 5_000_000,
      date: new Date("2026-09-10T03:00:00Z"),
    },
  });
  return { world, third, orders, lines, dpmd, bank };
}

describe("the period report", () => {
  it("measures before and after from the raw rows: businesses, links, institutions and income", async () => {
    for (const seed of [3, 5]) {
      const { world, orders, lines } = await history(seed);
      const tkm = await createTkmOfficer(world.areas.districtA.id);
      const period = periodFromValue("2026-Q4");
      if (!period) throw new Error("period");
      const scope = {
        kind: "tkm" as const,
        areaPath: world.areas.districtA.path,
        areaName: "Lembang",
        teamId: tkm.team.id,
        namesPartners: true,
      };
      const report = await periodReport(scope, tkm.team.name, period, NOW);
      const row = (key: string) => report.beforeAfter.find((r) => r.key === key);
      const home = world.home.group.id;
      const sale = (o: (typeof orders)[number]) =>
        o.groupId === home && !["CANCELLED", "REJECTED"].includes(o.status);
      const firstMonths = ["2026-03", "2026-04", "2026-05"];
      const quarter = ["2026-10", "2026-11", "2026-12"];
      const businessesBefore = new Set(
        orders.filter((o) => sale(o) && firstMonths.includes(wibMonth(o.placedAt))).map((o) => o.businessId),
      );
      const businessesAfter = new Set(
        orders.filter((o) => sale(o) && quarter.includes(wibMonth(o.placedAt))).map((o) => o.businessId),
      );
      expect(row("businesses")?.before).toBe(businessesBefore.size);
      expect(row("businesses")?.after).toBe(businessesAfter.size);
      expect(row("links")?.before).toBe(businessesBefore.size);
      expect(row("links")?.after).toBe(businessesAfter.size);
      const earned = (months: string[]) =>
        lines
          .filter(
            (l) =>
              l.groupId === home &&
              ["ORDER", "OTHER_SALES"].includes(l.category) &&
              months.includes(wibMonth(l.occurredAt)),
          )
          .reduce((sum, l) => sum + l.amount, 0);
      expect(row("income")?.before).toBe(Math.round(earned(firstMonths) / 3));
      expect(row("income")?.after).toBe(Math.round(earned(quarter) / 3));
      // DPMD supported in April (inside the first months): before and after; the bank only after.
      expect(row("government")).toMatchObject({ before: 1, after: 1 });
      expect(row("otherInstitutions")).toMatchObject({ before: 0, after: 1 });
      expect(row("otherInstitutions")?.names?.after).toEqual(["Bank Rahasia"]);
      // The same figures as the dashboard's indicators, which the report shows too.
      const buyers = report.indicators.rows.find((r) => r.key === "buyers");
      expect(buyers?.current.value).toBe(row("businesses")?.after);
      expect(row("activeMembers")?.before).toBeNull();
    }
  });

  it("counts the team's meetings and follow-ups done in the period, and lists the open ones", async () => {
    const world = await createWorld();
    const tkm = await createTkmOfficer(world.areas.districtA.id);
    const elsewhere = await createTkmOfficer(world.areas.districtB.id);
    const meeting = (teamId: string, heldAt: string) =>
      db.tkmMeeting.create({ data: { teamId, heldAt: new Date(heldAt) } });
    const october = await meeting(tkm.team.id, "2026-10-05T03:00:00Z");
    await meeting(tkm.team.id, "2026-11-02T03:00:00Z");
    await meeting(tkm.team.id, "2026-09-30T17:30:00Z"); // 00:30 on 1 October WIB
    await meeting(tkm.team.id, "2026-09-30T10:00:00Z"); // still September
    const other = await meeting(elsewhere.team.id, "2026-10-05T03:00:00Z");
    await db.followUp.create({
      data: {
        meetingId: october.id,
        text: "Kunjungi kelompok",
        owner: "Bu Ani",
        dueOn: new Date("2026-10-20T05:00:00Z"),
        doneAt: new Date("2026-10-19T05:00:00Z"),
      },
    });
    await db.followUp.create({
      data: {
        meetingId: october.id,
        groupId: world.home.group.id,
        text: "Bantu foto produk",
        owner: "Pak Dedi",
        dueOn: new Date("2026-11-01T05:00:00Z"),
      },
    });
    await db.followUp.create({
      data: {
        meetingId: other.id,
        text: "Urusan distrik lain",
        owner: "Orang lain",
        dueOn: new Date("2026-11-01T05:00:00Z"),
      },
    });
    const period = periodFromValue("2026-Q4");
    if (!period) throw new Error("period");
    const report = await periodReport(
      {
        kind: "tkm",
        areaPath: world.areas.districtA.path,
        areaName: "Lembang",
        teamId: tkm.team.id,
        namesPartners: true,
      },
      tkm.team.name,
      period,
      NOW,
    );
    expect(report.beforeAfter.find((r) => r.key === "meetings")?.after).toBe(3);
    expect(report.beforeAfter.find((r) => r.key === "followUpsDone")?.after).toBe(1);
    expect(report.followUps.map((f) => [f.text, f.owner, f.overdue])).toEqual([
      ["Bantu foto produk", "Pak Dedi", true],
    ]);
  });

  it("is a page and a PDF for TKM, names partners only to TKM, and refuses bad periods and strangers", async () => {
    const { world } = await history(9);
    const tkm = await createTkmOfficer(world.areas.districtA.id);
    const headman = await createUser({ name: "Kepala Desa Jayagiri" });
    await db.villageOfficial.create({ data: { userId: headman.id, areaId: world.areas.villageA1.id } });
    const query = "?dari=2026-03&sampai=2026-11";

    const page = await callLoader(
      reportLoader,
      await request(`/tkm/laporan${query}`, { userId: tkm.officer.id }),
    );
    expect(loadedStatus(page)).toBe(200);
    expect(JSON.stringify((page as Loaded).data.report)).toContain("Bank Rahasia");
    const tkmPdf = (await callLoader(
      reportPdfLoader,
      await request(`/tkm/laporan.pdf${query}`, { userId: tkm.officer.id }),
    )) as Response;
    expect(tkmPdf.headers.get("Content-Type")).toBe("application/pdf");
    const tkmText = pdfText(new Uint8Array(await tkmPdf.arrayBuffer()));
    expect(tkmText).toContain("Laporan Pemantauan KUBE");
    expect(tkmText).toContain("Bank Rahasia");

    // The village head: her village's report, with no business or institution named anywhere.
    const village = await callLoader(
      villageReportLoader,
      await request(`/desa/laporan${query}`, { userId: headman.id }),
    );
    expect(loadedStatus(village)).toBe(200);
    expect((village as Loaded).data.report).not.toBeNull();
    const villagePdf = (await callLoader(
      villagePdfLoader,
      await request(`/desa/laporan.pdf${query}`, { userId: headman.id }),
    )) as Response;
    expect(villagePdf.headers.get("Content-Type")).toBe("application/pdf");
    const villageText = pdfText(new Uint8Array(await villagePdf.arrayBuffer()));
    const orders = (await callLoader(
      ordersCsvLoader,
      await request(`/tkm/ekspor/pesanan.csv${query}`, { userId: headman.id }),
    )) as Response;
    const links = (await callLoader(
      linksCsvLoader,
      await request(`/tkm/ekspor/jejaring.csv${query}`, { userId: headman.id }),
    )) as Response;
    const villageData = JSON.stringify((village as Loaded).data);
    const names = (await db.business.findMany({ select: { name: true } })).map((b) => b.name);
    for (const text of [villageText, villageData, await orders.text(), await links.text()]) {
      for (const name of [...names, "Bank Rahasia", "DPMD Bandung Barat"]) expect(text).not.toContain(name);
    }
    expect(villageText).toContain("Pemerintah Desa Jayagiri");

    // Each is sent to her own page; outsiders are refused.
    expect(
      statusOf(await callLoader(reportLoader, await request(`/tkm/laporan${query}`, { userId: headman.id }))),
    ).toBe(302);
    for (const userId of [world.home.manager.id, world.buyer.buyer.id]) {
      expect(
        statusOf(await callLoader(reportLoader, await request(`/tkm/laporan${query}`, { userId }))),
      ).toBe(403);
      expect(
        statusOf(
          await callLoader(ordersCsvLoader, await request(`/tkm/ekspor/pesanan.csv${query}`, { userId })),
        ),
      ).toBe(403);
      expect(
        statusOf(await callLoader(reportPdfLoader, await request(`/tkm/laporan.pdf${query}`, { userId }))),
      ).toBe(403);
    }
    // A period longer than five years, or ending before it starts: a message, nothing counted.
    for (const bad of ["?dari=2020-01&sampai=2026-12", "?dari=2026-06&sampai=2026-01"]) {
      const refused = await callLoader(
        reportPdfLoader,
        await request(`/tkm/laporan.pdf${bad}`, { userId: tkm.officer.id }),
      );
      expect(statusOf(refused)).toBe(400);
      const csv = (await callLoader(
        ordersCsvLoader,
        await request(`/tkm/ekspor/pesanan.csv${bad}`, { userId: tkm.officer.id }),
      )) as Response;
      expect(csv.status).toBe(400);
      expect(await csv.text()).not.toBe("");
      const shown = await callLoader(
        reportLoader,
        await request(`/tkm/laporan${bad}`, { userId: tkm.officer.id }),
      );
      expect(loadedStatus(shown)).toBe(400);
      expect((shown as Loaded).data.picker.problem).not.toBeNull();
      expect((shown as Loaded).data.report).toBeNull();
    }
    expect(
      loadedStatus(
        await callLoader(exportsLoader, await request(`/tkm/ekspor${query}`, { userId: tkm.officer.id })),
      ),
    ).toBe(200);
  });

  it("counts only the officer's area: another district's groups are in neither the report nor the files", async () => {
    const { world } = await history(13);
    const elsewhere = await createTkmOfficer(world.areas.districtB.id);
    const query = "?dari=2026-03&sampai=2026-11";
    const csv = (await callLoader(
      ordersCsvLoader,
      await request(`/tkm/ekspor/pesanan.csv${query}`, { userId: elsewhere.officer.id }),
    )) as Response;
    const text = await csv.text();
    expect(text).not.toContain(world.home.group.name);
    expect(text).toContain(world.other.group.name);
    const pdf = (await callLoader(
      reportPdfLoader,
      await request(`/tkm/laporan.pdf${query}`, { userId: elsewhere.officer.id }),
    )) as Response;
    const shown = pdfText(new Uint8Array(await pdf.arrayBuffer()));
    expect(shown).not.toContain(world.home.group.name);
  });
});
