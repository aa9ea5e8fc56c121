import type { Db } from "~/.server/db/client";
import { recordContribution } from "~/.server/members/contributions";
import {
  approveDistribution,
  distributionDetail,
  recordPayout,
  saveDistribution,
  setFundRate,
} from "~/.server/members/distributions";
import { monthsPeriod, previousMonthKey } from "~/utils/month-period";
import { wibMonthKey } from "~/utils/time";
import { seededRandom } from "./random";

// KUBE Perempuan Mandiri's people and their income: RW numbers, a few phones, one who left; weekly
// hours of work beside the units the order seed recorded; a fund rate that rose from 20% to 25%;
// and two distributions made the way the officers make them (through app/.server/members): one
// approved and paid in full, one approved with one member's payout still to come.

const DAY = 24 * 60 * 60 * 1000;
const GROUP_SLUG = "kube-perempuan-mandiri";

/** RW of each member (most from RW 08, as the group is), and the phones the few who have one. */
const PEOPLE: Record<string, { rw: string; phone?: string }> = {
  "Euis Komalasari": { rw: "RW 08" },
  "Neneng Suryani": { rw: "RW 08" },
  "Yati Rohayati": { rw: "RW 08", phone: "+6281221440317" },
  "Iis Aisyah": { rw: "RW 07" },
  "Cucu Sumiati": { rw: "RW 08" },
  "Enok Kuraesin": { rw: "RW 09", phone: "+6285720116584" },
  "Titin Supriatin": { rw: "RW 08" },
  "Popon Rosita": { rw: "RW 07" },
  "Entin Kartini": { rw: "RW 08", phone: "+6283829075512" },
  "Imas Masitoh": { rw: "RW 09" },
  "Dedeh Juariah": { rw: "RW 08" },
  "Onih Rukmini": { rw: "RW 07" },
};
/** Moved to her daughter's in Cimahi: kept, marked left. */
const LEAVER = "Onih Rukmini";

/** Rows the members' seed adds, children first: for a reset before the rest of the wipe. */
export async function wipeMembersBooks(db: Db) {
  await db.$transaction([
    db.distributionPayout.deleteMany(),
    db.distributionShare.deleteMany(),
    db.distribution.deleteMany(),
    db.groupFundRate.deleteMany(),
  ]);
}

export async function seedMembersBooks(db: Db, now = new Date()) {
  const group = await db.group.findUnique({ where: { slug: GROUP_SLUG }, select: { id: true } });
  if (!group) return;
  const tenant = { groupId: group.id };
  const rand = seededRandom(11_2026);
  const officers = await db.groupMember.findMany({
    where: { groupId: group.id, role: { in: ["KETUA", "BENDAHARA"] }, userId: { not: null } },
    select: { role: true, userId: true },
  });
  const ketua = officers.find((o) => o.role === "KETUA")?.userId;
  const bendahara = officers.find((o) => o.role === "BENDAHARA")?.userId ?? ketua;
  if (!ketua || !bendahara) return;

  const members = await db.groupMember.findMany({
    where: { groupId: group.id },
    select: { id: true, name: true, joinedAt: true },
    orderBy: { name: "asc" },
  });
  const leftAt = new Date(now.getTime() - 130 * DAY);
  for (const member of members) {
    const person = PEOPLE[member.name];
    if (!person) continue;
    await db.groupMember.update({
      where: { id: member.id },
      data: {
        rw: person.rw,
        phone: person.phone ?? null,
        leftAt: member.name === LEAVER ? leftAt : null,
      },
    });
  }

  // The fund kept 20% from the start; the members' meeting raised it to 25% five months ago.
  const thisMonth = wibMonthKey(now);
  let month = thisMonth;
  for (let i = 0; i < 12; i++) month = previousMonthKey(month);
  await setFundRate(tenant, ketua, {
    percent: 20,
    validFrom: monthsPeriod(month).from,
    reason: "Kesepakatan awal kelompok",
  });
  let raised = thisMonth;
  for (let i = 0; i < 5; i++) raised = previousMonthKey(raised);
  await setFundRate(tenant, ketua, {
    percent: 25,
    validFrom: monthsPeriod(raised).from,
    reason: "Rapat anggota: kas untuk membeli mesin jahit",
  });

  // Weekly hours: making stock and sample pieces, not tied to an order; not every week, not everyone.
  const start = monthsPeriod(month).from.getTime();
  for (let week = start + 2 * DAY; week < now.getTime() - 7 * DAY; week += 7 * DAY) {
    for (const member of members) {
      if (member.name === LEAVER && week > leftAt.getTime()) continue;
      if (rand() < 0.45) continue;
      await recordContribution(tenant, ketua, {
        memberId: member.id,
        date: new Date(week + Math.floor(rand() * 5) * DAY),
        quantity: 0,
        hours: 2 + Math.floor(rand() * 9),
        note: rand() < 0.3 ? "Menganyam stok besek" : "",
      });
    }
  }

  // Bagi hasil for the month before last (paid in full) and last month (one payout still missing).
  const lastMonth = previousMonthKey(thisMonth);
  const monthBefore = previousMonthKey(lastMonth);
  for (const [key, basis, payAll] of [
    [monthBefore, "QUANTITY", true],
    [lastMonth, "HOURS", false],
  ] as const) {
    const saved = await saveDistribution(tenant, ketua, { period: monthsPeriod(key), basis, monthKey: key });
    if (!saved.ok) continue;
    const approvedOn = new Date(monthsPeriod(key).to.getTime() + 3 * DAY);
    await approveDistribution(tenant, ketua, saved.value, approvedOn);
    const detail = await distributionDetail(tenant, saved.value);
    const shares = detail?.shares ?? [];
    for (const [index, share] of shares.entries()) {
      if (!payAll && index === shares.length - 1) continue;
      const paidOn = new Date(approvedOn.getTime() + (1 + Math.floor(rand() * 4)) * DAY);
      if (paidOn > now) continue;
      // Some take it in two parts: half at the meeting, the rest a week later.
      if (share.amount > 100_000 && rand() < 0.3) {
        const half = Math.floor(share.amount / 2 / 1000) * 1000;
        await recordPayout(
          tenant,
          bendahara,
          { number: saved.value, shareId: share.id, amount: half },
          paidOn,
        );
        const later = new Date(paidOn.getTime() + 7 * DAY);
        if (later <= now) {
          await recordPayout(
            tenant,
            bendahara,
            { number: saved.value, shareId: share.id, amount: share.amount - half },
            later,
          );
        }
      } else {
        await recordPayout(
          tenant,
          bendahara,
          { number: saved.value, shareId: share.id, amount: share.amount },
          paidOn,
        );
      }
    }
  }
}
