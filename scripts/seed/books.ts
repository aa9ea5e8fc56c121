import type { Db } from "~/.server/db/client";
import { addManualLine, reverseLine } from "~/.server/ledger/book";
import { wibDateKey } from "~/utils/delivery";
import { seededRandom } from "./random";

// KUBE Perempuan Mandiri's own lines in its cash book over the last year, written through the
// ledger as the treasurer (and now and then the ketua) would enter them: materials, transport,
// members' monthly savings and IKS, an aid grant from DKUKM with a sewing machine bought from it,
// a little other income, and a transport line typed ten times too large, corrected and entered
// again. Not every member pays every month, and the descriptions read the way people write them.

const DAY = 24 * 60 * 60 * 1000;

const MATERIALS = [
  ["Benang rajut 10 gulung", 85_000, 140_000],
  ["Bambu tali dan pewarna", 60_000, 110_000],
  ["kain perca 1 karung dari konveksi", 45_000, 75_000],
  ["Lem, resleting, kancing", 30_000, 55_000],
  ["Plastik kemasan + label", 40_000, 70_000],
] as const;

const TRANSPORT = [
  "Ongkos angkot ke Pasar Lembang",
  "ongkos ojek antar pesanan ke toko",
  "Bensin motor belanja bahan ke Bandung",
] as const;

let keyCount = 0;
const formKey = () => `seed-books-${++keyCount}`;

export async function seedBooks(db: Db, now: Date) {
  const group = await db.group.findUnique({
    where: { slug: "kube-perempuan-mandiri" },
    select: { id: true },
  });
  if (!group) return;
  const tenant = { groupId: group.id };
  const officers = await db.groupMember.findMany({
    where: { groupId: group.id, role: { in: ["KETUA", "BENDAHARA"] }, userId: { not: null } },
    select: { role: true, userId: true },
  });
  const treasurer = officers.find((o) => o.role === "BENDAHARA")?.userId ?? officers[0]?.userId;
  const ketua = officers.find((o) => o.role === "KETUA")?.userId ?? treasurer;
  if (!treasurer || !ketua) return;
  const members = await db.groupMember.findMany({
    where: { groupId: group.id, leftAt: null },
    select: { id: true, name: true },
    orderBy: { joinedAt: "asc" },
  });
  const random = seededRandom(20261129);
  const day = (daysAgo: number) => wibDateKey(new Date(now.getTime() - daysAgo * DAY));
  const round = (amount: number) => Math.round(amount / 500) * 500;
  const add = async (
    actor: string,
    line: Omit<Parameters<typeof addManualLine>[2], "formKey">,
  ): Promise<void> => {
    const result = await addManualLine(tenant, actor, { ...line, formKey: formKey() }, now);
    if (!result.ok) throw new Error(`seed: book line refused (${result.key}): ${line.description}`);
  };

  // The aid grant, and what it bought.
  await add(ketua, {
    kind: "INCOME",
    category: "AID",
    amount: 5_000_000,
    date: day(240),
    description: "Bantuan modal usaha kelompok (program pemberdayaan perempuan)",
    giver: "DKUKM Kabupaten Bandung Barat",
  });
  await add(treasurer, {
    kind: "EXPENSE",
    category: "EQUIPMENT",
    amount: 1_750_000,
    date: day(233),
    description: "Mesin jahit bekas merk Butterfly",
  });

  for (let month = 11; month >= 0; month--) {
    const base = month * 30 + 25;
    for (const [index, [description, low, high]] of MATERIALS.entries()) {
      if (random() < 0.45) continue;
      await add(treasurer, {
        kind: "EXPENSE",
        category: "MATERIALS",
        amount: round(low + random() * (high - low)),
        date: day(Math.max(0, base - index * 4)),
        description,
      });
    }
    await add(treasurer, {
      kind: "EXPENSE",
      category: "TRANSPORT",
      amount: round(12_000 + random() * 30_000),
      date: day(Math.max(0, base - 10)),
      description: TRANSPORT[month % TRANSPORT.length] ?? TRANSPORT[0],
    });
    // Monthly savings (simpanan wajib Rp10.000): most members pay; some miss a month.
    for (const member of members) {
      if (random() < 0.2) continue;
      await add(treasurer, {
        kind: "INCOME",
        category: "SAVINGS",
        amount: 10_000,
        date: day(Math.max(0, base - 2)),
        description: "Simpanan wajib",
        memberId: member.id,
      });
    }
    await add(treasurer, {
      kind: "INCOME",
      category: "IKS",
      amount: 2_000 * Math.max(1, members.length - 2),
      date: day(Math.max(0, base - 3)),
      description: "IKS bulanan dari pertemuan rutin",
    });
    if (month % 4 === 1) {
      await add(ketua, {
        kind: "INCOME",
        category: "OTHER_SALES",
        amount: round(60_000 + random() * 60_000),
        date: day(Math.max(0, base - 15)),
        description: "Jual sisa kain perca ke pengepul",
      });
    }
  }

  // One IKS paid out: a member's husband in hospital.
  await add(ketua, {
    kind: "EXPENSE",
    category: "IKS",
    amount: 150_000,
    date: day(95),
    description: `Santunan IKS untuk keluarga ${members[3]?.name ?? "anggota"} (suami dirawat di RS)`,
  });

  // Typed ten times too large, corrected with a reason, and entered again.
  await add(treasurer, {
    kind: "EXPENSE",
    category: "TRANSPORT",
    amount: 150_000,
    date: day(20),
    description: "Ongkos angkot antar keset ke Hotel Lembang",
  });
  const wrong = await db.cashEntry.findFirstOrThrow({
    where: { groupId: group.id, category: "TRANSPORT", amount: 150_000 },
    select: { id: true },
  });
  const corrected = await reverseLine(
    tenant,
    ketua,
    { formKey: formKey(), entryId: wrong.id, reason: "Salah ketik, seharusnya Rp15.000" },
    new Date(now.getTime() - 19 * DAY),
  );
  if (!corrected.ok) throw new Error(`seed: correction refused (${corrected.key})`);
  await add(treasurer, {
    kind: "EXPENSE",
    category: "TRANSPORT",
    amount: 15_000,
    date: day(20),
    description: "Ongkos angkot antar keset ke Hotel Lembang",
  });
}
