import { describe, expect, it } from "vitest";
import { db } from "~/.server/db/client";
import {
  addManualLine,
  BOOK_PAGE_SIZE,
  bookCsv,
  bookStatement,
  csvCell,
  reverseLine,
} from "~/.server/ledger/book";
import { translator } from "~/locales";
import { action, loader } from "~/routes/kelola.kas._index";
import { loader as printLoader } from "~/routes/kelola.kas.cetak";
import { loader as csvLoader } from "~/routes/kelola.kas.csv";
import { loader as pdfLoader } from "~/routes/kelola.kas.pdf";
import * as tkmRoute from "~/routes/tkm.kelompok.$groupId_.kas";
import { loader as tkmLoader } from "~/routes/tkm.kelompok.$groupId_.kas";
import { wibDateKey } from "~/utils/delivery";
import { createTkmOfficer, createUser, createWorld } from "../helpers/factories";
import { callAction, callLoader, jsonOf, request, statusOf } from "../helpers/requests";

type World = Awaited<ReturnType<typeof createWorld>>;

let keys = 0;
const newKey = () => `test-key-${Date.now()}-${++keys}`;

function daysAgo(days: number) {
  return wibDateKey(new Date(Date.now() - days * 24 * 60 * 60 * 1000));
}

function addForm(overrides: Record<string, string> = {}) {
  return {
    intent: "add",
    formKey: newKey(),
    kind: "EXPENSE",
    category: "MATERIALS",
    amount: "35.000",
    date: daysAgo(1),
    description: "Benang rajut 5 gulung",
    ...overrides,
  };
}

async function post(world: World, form: Record<string, string>, userId = world.home.manager.id) {
  return callAction(action, await request("/kelola/kas", { userId, form }));
}

async function lineCount(groupId: string) {
  return db.cashEntry.count({ where: { groupId } });
}

async function page(world: World, query = "", userId = world.home.manager.id) {
  const result = await callLoader(loader, await request(`/kelola/kas${query}`, { userId }));
  if (result instanceof Response) throw new Error(`loader answered ${result.status}`);
  return result as Exclude<Awaited<ReturnType<typeof loader>>, Response>;
}

describe("the cash book (buku kas)", () => {
  it("is shown to the group's officers and is 'not found' for buyers, TKM, members and other groups", async () => {
    const world = await createWorld();
    await addManualLine({ groupId: world.other.group.id }, world.other.manager.id, {
      formKey: newKey(),
      kind: "INCOME",
      category: "OTHER",
      amount: 10_000,
      date: daysAgo(0),
      description: "kas kelompok lain",
    });
    const tkm = await createTkmOfficer(world.areas.villageA1.id);
    const anggota = await createUser({ name: "Anggota berakun" });
    await db.groupMember.create({
      data: { groupId: world.home.group.id, userId: anggota.id, name: anggota.name, role: "ANGGOTA" },
    });
    for (const userId of [world.buyer.buyer.id, tkm.officer.id, anggota.id]) {
      for (const [handler, path] of [
        [loader, "/kelola/kas"],
        [printLoader, "/kelola/kas/cetak"],
        [csvLoader, "/kelola/kas/csv"],
        [pdfLoader, "/kelola/kas/pdf"],
      ] as const) {
        expect(statusOf(await callLoader(handler, await request(path, { userId })))).toBe(404);
      }
      expect(statusOf(await post(world, addForm(), userId))).toBe(404);
    }
    expect(statusOf(await callLoader(loader, await request("/kelola/kas")))).toBe(302);
    const own = await page(world);
    expect(own.book.lines).toEqual([]);
    expect(own.book.openingAllowed).toBe(true);
    expect(await lineCount(world.home.group.id)).toBe(0);
  });

  it("is read, not changed, by TKM officers whose area holds the group; elsewhere it is not found", async () => {
    const world = await createWorld();
    await addManualLine({ groupId: world.home.group.id }, world.home.manager.id, {
      formKey: newKey(),
      kind: "INCOME",
      category: "AID",
      amount: 5_000_000,
      date: daysAgo(2),
      description: "Bantuan modal",
      giver: "DKUKM Kabupaten Bandung Barat",
    });
    const inside = await createTkmOfficer(world.areas.districtA.id);
    const outside = await createTkmOfficer(world.areas.districtB.id);
    const read = (groupId: string, userId: string) =>
      request(`/tkm/kelompok/${groupId}/kas`, { userId }).then((req) =>
        callLoader(tkmLoader, req, { groupId }),
      );
    const shown = (await read(world.home.group.id, inside.officer.id)) as {
      book: {
        lines: { category: string; amount: number; giver: string | null }[];
        totals: { income: number };
      };
    };
    expect(shown.book.lines).toEqual([
      expect.objectContaining({ category: "AID", amount: 5_000_000, giver: "DKUKM Kabupaten Bandung Barat" }),
    ]);
    expect(shown.book.totals.income).toBe(5_000_000);
    // The other group lies in district B: not in this team's area.
    expect(statusOf(await read(world.other.group.id, inside.officer.id))).toBe(404);
    expect(statusOf(await read(world.home.group.id, outside.officer.id))).toBe(404);
    expect(statusOf(await read("no-such-group", inside.officer.id))).toBe(404);
    // Only TKM: the group's own officers keep their book at /kelola/kas; a buyer is refused.
    expect(statusOf(await read(world.home.group.id, world.buyer.buyer.id))).toBe(403);
    expect(statusOf(await read(world.home.group.id, world.home.manager.id))).toBe(403);
    expect("action" in tkmRoute).toBe(false);
  });

  it("records a manual line with who entered it and an audit event", async () => {
    const world = await createWorld();
    const response = await post(world, addForm({ amount: "Rp 35.000" }));
    expect(statusOf(response)).toBe(302);
    const [line] = await db.cashEntry.findMany({ where: { groupId: world.home.group.id } });
    expect(line).toMatchObject({
      kind: "EXPENSE",
      category: "MATERIALS",
      amount: 35_000,
      description: "Benang rajut 5 gulung",
      recordedById: world.home.manager.id,
    });
    const audits = await db.auditEvent.findMany({ where: { entityType: "CashEntry", entityId: line!.id } });
    expect(audits.map((a) => a.action)).toEqual(["book.add"]);
    const shown = await page(world);
    expect(shown.book.lines[0]).toMatchObject({ amount: 35_000, balance: -35_000, correctable: true });
    expect(shown.book.lines[0]?.recordedByName).toBe(world.home.manager.name);
  });

  it.each([
    ["a word for an amount", { amount: "tiga puluh ribu" }, "amount", "form.money_invalid"],
    ["a zero amount", { amount: "0" }, "amount", "form.positive"],
    ["a negative amount", { amount: "-5000" }, "amount", "form.positive"],
    ["an ambiguous amount", { amount: "35,500" }, "amount", "form.money_ambiguous"],
    ["a date after today", { date: daysAgo(-2) }, "date", "book.date_future"],
    ["a date not on the calendar", { date: "2026-02-30" }, "date", "form.date_invalid"],
    ["aid without its giver", { kind: "INCOME", category: "AID", giver: "" }, "giver", "book.giver_required"],
    [
      "materials as income",
      { kind: "INCOME", category: "MATERIALS" },
      "kind",
      "book.kind_not_allowed.INCOME",
    ],
    ["a category the system writes", { kind: "INCOME", category: "ORDER" }, "category", "form.choose_one"],
    ["no description", { description: "  " }, "description", "form.required"],
    ["an expired form key", { formKey: "x" }, "formKey", "book.form_expired"],
  ])("refuses %s with its message and stores nothing", async (_name, overrides, field, message) => {
    const world = await createWorld();
    const response = await post(world, addForm(overrides));
    expect(statusOf(response)).toBe(400);
    const body = await jsonOf(response);
    expect(body.error?.[field]?.[0]?.split("|")[0]).toBe(message);
    expect(await lineCount(world.home.group.id)).toBe(0);
    expect(await db.auditEvent.count({ where: { groupId: world.home.group.id } })).toBe(0);
  });

  it("refuses a member of another group for savings, and keeps the member of its own", async () => {
    const world = await createWorld();
    const [outsider] = await db.groupMember.findMany({ where: { groupId: world.other.group.id } });
    const refused = await post(
      world,
      addForm({ kind: "INCOME", category: "SAVINGS", memberId: outsider!.id, description: "Simpanan wajib" }),
    );
    expect(statusOf(refused)).toBe(400);
    expect((await jsonOf(refused)).error?.memberId).toEqual(["book.member_unknown"]);
    expect(await lineCount(world.home.group.id)).toBe(0);
    const own = await db.groupMember.findFirstOrThrow({
      where: { groupId: world.home.group.id, role: "ANGGOTA" },
    });
    expect(
      statusOf(
        await post(
          world,
          addForm({ kind: "INCOME", category: "SAVINGS", memberId: own.id, description: "Simpanan wajib" }),
        ),
      ),
    ).toBe(302);
    expect(await db.cashEntry.findFirstOrThrow({ where: { groupId: world.home.group.id } })).toMatchObject({
      memberId: own.id,
      category: "SAVINGS",
    });
  });

  it("takes an opening balance only as the book's first line, once", async () => {
    const world = await createWorld();
    const opening = addForm({
      kind: "INCOME",
      category: "OPENING",
      amount: "1.250.000",
      description: "Kas awal",
    });
    expect(statusOf(await post(world, opening))).toBe(302);
    const again = await post(world, { ...opening, formKey: newKey() });
    expect(statusOf(again)).toBe(400);
    expect((await jsonOf(again)).error?.category).toEqual(["book.opening_not_first"]);
    expect(await lineCount(world.home.group.id)).toBe(1);
    expect((await page(world)).book.openingAllowed).toBe(false);
  });

  it("records a double submit once, sent one after the other or at the same moment", async () => {
    const world = await createWorld();
    const form = addForm();
    expect(statusOf(await post(world, form))).toBe(302);
    const second = await post(world, form);
    expect(statusOf(second)).toBe(302);
    expect((second as Response).headers.get("Location")).toBe("/kelola/kas?tersimpan=sama");
    const twin = addForm();
    const results = await Promise.all([post(world, twin), post(world, twin), post(world, twin)]);
    expect(results.map(statusOf)).toEqual([302, 302, 302]);
    expect(await lineCount(world.home.group.id)).toBe(2);
    expect(await db.auditEvent.count({ where: { groupId: world.home.group.id, action: "book.add" } })).toBe(
      2,
    );
  });

  it("loses nothing when two treasurers enter lines at once", async () => {
    const world = await createWorld();
    const bendahara = await createUser({ name: "Bendahara" });
    await db.groupMember.create({
      data: { groupId: world.home.group.id, userId: bendahara.id, name: bendahara.name, role: "BENDAHARA" },
    });
    const forms = Array.from({ length: 8 }, (_, i) =>
      addForm({
        amount: String((i + 1) * 1000),
        description: `Ongkos angkot ${i + 1}`,
        category: "TRANSPORT",
      }),
    );
    const results = await Promise.all(
      forms.map((form, i) => post(world, form, i % 2 ? bendahara.id : world.home.manager.id)),
    );
    expect(results.map(statusOf)).toEqual(forms.map(() => 302));
    const lines = await db.cashEntry.findMany({ where: { groupId: world.home.group.id } });
    expect(lines).toHaveLength(8);
    expect(lines.reduce((sum, line) => sum + line.amount, 0)).toBe(36_000);
    expect(await db.auditEvent.count({ where: { groupId: world.home.group.id, action: "book.add" } })).toBe(
      8,
    );
  });

  describe("corrections", () => {
    async function manualLine(world: World) {
      expect(statusOf(await post(world, addForm({ amount: "50.000" })))).toBe(302);
      return db.cashEntry.findFirstOrThrow({
        where: { groupId: world.home.group.id },
        orderBy: { createdAt: "desc" },
      });
    }
    const reverseForm = (entryId: string, reason = "Salah tulis jumlah") => ({
      intent: "reverse",
      formKey: newKey(),
      entryId,
      reason,
    });

    it("reverse a manual line with a line of the opposite kind and the same category, never an edit", async () => {
      const world = await createWorld();
      const line = await manualLine(world);
      expect(statusOf(await post(world, reverseForm(line.id)))).toBe(302);
      const reversal = await db.cashEntry.findFirstOrThrow({ where: { reversesId: line.id } });
      expect(reversal).toMatchObject({
        kind: "INCOME",
        category: "MATERIALS",
        amount: 50_000,
        reason: "Salah tulis jumlah",
        recordedById: world.home.manager.id,
      });
      expect(await db.cashEntry.findUniqueOrThrow({ where: { id: line.id } })).toEqual(line);
      expect(await db.auditEvent.count({ where: { entityId: reversal.id, action: "book.reverse" } })).toBe(1);
      const shown = await page(world);
      expect(shown.book.lines.map((l) => [l.amount, l.balance, l.correctable])).toEqual([
        [50_000, 0, false],
        [50_000, -50_000, false],
      ]);
    });

    it("refuses a second correction, a correction of a correction and a line the system wrote", async () => {
      const world = await createWorld();
      const line = await manualLine(world);
      expect(statusOf(await post(world, reverseForm(line.id)))).toBe(302);
      const reversal = await db.cashEntry.findFirstOrThrow({ where: { reversesId: line.id } });
      const order = await db.cashEntry.create({
        data: {
          groupId: world.home.group.id,
          kind: "INCOME",
          category: "ORDER",
          amount: 120_000,
          occurredAt: new Date(),
          description: "JJ-0001",
        },
      });
      for (const [id, key] of [
        [line.id, "book.already_reversed"],
        [reversal.id, "book.reverse_of_reversal"],
        [order.id, "book.reverse_automatic"],
      ] as const) {
        const response = await post(world, reverseForm(id));
        expect(statusOf(response)).toBe(400);
        expect((await jsonOf(response)).error?.[""]).toEqual([key]);
      }
      expect(await lineCount(world.home.group.id)).toBe(3);
    });

    it("answers 'not found' for another group's line and asks for a reason", async () => {
      const world = await createWorld();
      const theirs = await addManualLine({ groupId: world.other.group.id }, world.other.manager.id, {
        formKey: newKey(),
        kind: "EXPENSE",
        category: "TRANSPORT",
        amount: 20_000,
        date: daysAgo(0),
        description: "Ongkos",
      });
      expect(theirs.ok).toBe(true);
      const their = await db.cashEntry.findFirstOrThrow({ where: { groupId: world.other.group.id } });
      expect(statusOf(await post(world, reverseForm(their.id)))).toBe(404);
      expect(await db.cashEntry.count({ where: { reversesId: their.id } })).toBe(0);
      const line = await manualLine(world);
      const noReason = await post(world, reverseForm(line.id, " "));
      expect(statusOf(noReason)).toBe(400);
      expect((await jsonOf(noReason)).error?.reason).toEqual(["book.reason_required"]);
      expect(await db.cashEntry.count({ where: { reversesId: line.id } })).toBe(0);
    });

    it("takes a line back once when two officers correct it at the same moment", async () => {
      const world = await createWorld();
      const line = await manualLine(world);
      const results = await Promise.all(
        Array.from({ length: 4 }, () =>
          reverseLine({ groupId: world.home.group.id }, world.home.manager.id, {
            formKey: newKey(),
            entryId: line.id,
            reason: "Dobel catat",
          }),
        ),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.key)).toEqual([
        "book.already_reversed",
        "book.already_reversed",
        "book.already_reversed",
      ]);
      expect(await db.cashEntry.count({ where: { reversesId: line.id } })).toBe(1);
    });
  });

  it("runs the balance across pages and months from one aggregate, newest first", async () => {
    const world = await createWorld();
    const tenant = { groupId: world.home.group.id };
    const total = BOOK_PAGE_SIZE * 2 + 7;
    const rows = Array.from({ length: total }, (_, i) => ({
      groupId: tenant.groupId,
      kind: i % 3 === 0 ? ("EXPENSE" as const) : ("INCOME" as const),
      category: i % 3 === 0 ? ("MATERIALS" as const) : ("OTHER_SALES" as const),
      amount: 1000 + i,
      // Two lines a day, so lines on one day are ordered by when they were written.
      occurredAt: new Date(Date.UTC(2025, 0, 1, 5) + Math.floor(i / 2) * 24 * 60 * 60 * 1000),
      createdAt: new Date(Date.UTC(2025, 0, 1) + i * 1000),
      description: `baris ${i}`,
    }));
    await db.cashEntry.createMany({ data: rows });
    const expected = new Map<string, number>();
    let balance = 0;
    for (const row of rows) {
      balance += row.kind === "INCOME" ? row.amount : -row.amount;
      expected.set(row.description, balance);
    }
    const seen: string[] = [];
    for (const n of [1, 2, 3]) {
      const shown = await page(world, `?page=${n}`);
      expect(shown.book.pageCount).toBe(3);
      for (const line of shown.book.lines) {
        expect(line.balance).toBe(expected.get(line.description));
        seen.push(line.description);
      }
    }
    expect(seen).toEqual(rows.map((row) => row.description).reverse());

    const month = await page(world, "?bulan=2025-02");
    const february = rows.filter((row) => wibDateKey(row.occurredAt).startsWith("2025-02"));
    expect(month.book.lines.map((l) => l.description)).toEqual(february.map((r) => r.description).reverse());
    expect(month.book.lines.at(-1)?.balance).toBe(expected.get(february[0]!.description));
    expect(month.book.totals.income).toBe(
      february.filter((r) => r.kind === "INCOME").reduce((sum, r) => sum + r.amount, 0),
    );

    const statement = await bookStatement(tenant, { month: "2025-02", category: null });
    const lastOfJanuary = rows.filter((row) => wibDateKey(row.occurredAt).startsWith("2025-01")).at(-1)!;
    expect(statement.opening).toBe(expected.get(lastOfJanuary.description));
    expect(statement.closing).toBe(expected.get(february.at(-1)!.description));

    const materials = await page(world, "?kategori=MATERIALS");
    expect(materials.book.lines.every((l) => l.category === "MATERIALS")).toBe(true);
    expect(materials.book.lines[0]?.balance).toBe(-materials.book.totals.expense);
  });

  it("writes a CSV a spreadsheet reads: BOM, expected columns, plain numbers, no formulas", async () => {
    const world = await createWorld();
    const tenant = { groupId: world.home.group.id };
    for (const [description, giver, days] of [
      ['=HYPERLINK("http://x")', "+DKUKM", 5],
      ["-2+3", "@SUM(A1)", 4],
      ["Bantuan alat", 'Dinas, "Bandung"', 3],
    ] as const) {
      const result = await addManualLine(tenant, world.home.manager.id, {
        formKey: newKey(),
        kind: "INCOME",
        category: "AID",
        amount: 1_500_000,
        date: daysAgo(days),
        description,
        giver,
      });
      expect(result.ok).toBe(true);
    }
    const response = await callLoader(
      csvLoader,
      await request("/kelola/kas/csv", { userId: world.home.manager.id }),
    );
    expect(statusOf(response)).toBe(200);
    const res = response as Response;
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.trimEnd().split("\r\n");
    expect(lines[0]).toBe("Tanggal,Kategori,Keterangan,Pemberi,Dicatat oleh,Masuk,Keluar,Saldo");
    const english = await callLoader(
      csvLoader,
      await request("/kelola/kas/csv", {
        userId: world.home.manager.id,
        headers: { "Accept-Language": "en" },
      }),
    );
    expect((await (english as Response).text()).split("\r\n")[0]).toBe(
      "Date,Category,Description,Giver,Recorded by,In,Out,Balance",
    );
    expect(lines[1]).toBe(
      `${daysAgo(5)},Bantuan diterima,"'=HYPERLINK(""http://x"")",'+DKUKM,${world.home.manager.name},1500000,,1500000`,
    );
    expect(lines[2]).toContain(",'-2+3,'@SUM(A1),");
    expect(lines[3]).toContain(`,Bantuan alat,"Dinas, ""Bandung""",`);
    expect(lines[3]?.endsWith(",1500000,,4500000")).toBe(true);
    expect(csvCell(-5000)).toBe("-5000");
    expect(csvCell("\tTab")).toBe("'\tTab");
    expect(csvCell("\rCR")).toBe('"\'\rCR"');
    const again = bookCsv(
      await bookStatement(tenant, { month: null, category: null }),
      translator("en"),
      "en",
    );
    expect(again.split("\r\n")[1]).toContain("Aid received");
  });

  it("gives the print view its totals and a PDF of the same period", async () => {
    const world = await createWorld();
    const tenant = { groupId: world.home.group.id };
    await addManualLine(tenant, world.home.manager.id, {
      formKey: newKey(),
      kind: "INCOME",
      category: "OPENING",
      amount: 500_000,
      date: daysAgo(2),
      description: "Kas awal",
    });
    await addManualLine(tenant, world.home.manager.id, {
      formKey: newKey(),
      kind: "EXPENSE",
      category: "TRANSPORT",
      amount: 25_000,
      date: daysAgo(1),
      description: "Ongkos ke pasar",
    });
    const printed = await callLoader(
      printLoader,
      await request("/kelola/kas/cetak", { userId: world.home.manager.id }),
    );
    expect(printed).toMatchObject({
      statement: { opening: 0, income: 500_000, expense: 25_000, closing: 475_000 },
    });
    const pdf = (await callLoader(
      pdfLoader,
      await request("/kelola/kas/pdf", { userId: world.home.manager.id }),
    )) as Response;
    expect(pdf.headers.get("Content-Type")).toBe("application/pdf");
    expect(new TextDecoder().decode((await pdf.arrayBuffer()).slice(0, 5))).toBe("%PDF-");
  });
});
