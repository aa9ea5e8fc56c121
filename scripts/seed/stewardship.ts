import type { Db, GroupStage } from "~/.server/db/client";
import { recordBaseline } from "~/.server/groups/baseline";
import { registerGroup } from "~/.server/groups/registration";
import { decideStage, stageFacts } from "~/.server/groups/stage";
import { deriveStage } from "~/.server/groups/stage-rule";
import { GROUPS } from "./data";

// The demo's stewardship, written through the same domain functions TKM's pages use (so every row
// has its audit event): each demo group's baseline with member households, KUBE Perempuan Mandiri's
// first estimate revised after a household survey, stage decisions for some groups (one confirmed
// as the rule derives it, one overridden with a reason), and a group TKM registered for its
// members that still awaits verification.

const DAY = 24 * 60 * 60 * 1000;
const REVISED_SLUG = "kube-perempuan-mandiri";
/** Stage decisions: confirm what the rule says for these; override for the last, with a reason. */
const CONFIRMED = ["kube-sauyunan", "kube-mekar-sari"];
const OVERRIDDEN = "kube-berkah-rajut";

export async function wipeStewardship(db: Db) {
  await db.$transaction([
    db.baselineHousehold.deleteMany(),
    db.groupBaseline.deleteMany(),
    db.stageDecision.deleteMany(),
  ]);
}

/** The TKM officer whose team's area holds the village (the village team before the district's). */
async function stewardOf(db: Db, villagePath: string) {
  const officers = await db.tkmOfficer.findMany({
    select: { userId: true, team: { select: { area: { select: { path: true } } } } },
  });
  const inside = officers
    .filter((officer) => villagePath.startsWith(officer.team.area.path))
    .sort((a, b) => b.team.area.path.length - a.team.area.path.length);
  const officer = inside[0];
  if (!officer) throw new Error(`No TKM officer over ${villagePath}`);
  return { userId: officer.userId, areaPath: officer.team.area.path };
}

/** A member household's monthly income before joining: day labour, laundry, domestic work. */
function householdIncome(index: number): number {
  return 350_000 + ((index * 137_000) % 550_000);
}

export async function seedStewardship(db: Db, now = new Date()) {
  for (const demo of GROUPS) {
    const group = await db.group.findUnique({
      where: { slug: demo.slug },
      select: {
        id: true,
        joinedAt: true,
        village: { select: { path: true } },
        members: { where: { leftAt: null }, orderBy: { joinedAt: "asc" }, select: { id: true } },
      },
    });
    if (!group) continue;
    const steward = await stewardOf(db, group.village.path);
    const tenant = { areaPath: steward.areaPath, groupId: group.id };
    const households = group.members.map((member, index) => ({
      memberId: member.id,
      monthlyIncome: householdIncome(index),
    }));
    const measuredOn = new Date(group.joinedAt.getTime() - 14 * DAY);
    const revised = demo.slug === REVISED_SLUG;
    // Perempuan Mandiri's first figure was the ketua's estimate at the community meeting; the
    // household survey a month later found less, and TKM revised it.
    const first = await recordBaseline(
      tenant,
      steward.userId,
      {
        monthlyIncome: revised ? Math.round(demo.baseline * 1.3) : demo.baseline,
        method: revised ? "ESTIMATE" : "SURVEY",
        note: revised ? "Perkiraan ketua di rapat warga" : "Survei rumah tangga oleh TKM",
        measuredOn,
        reason: "",
        households: revised ? [] : households,
        basedOn: "",
      },
      new Date(measuredOn.getTime() + DAY),
    );
    if (!first.ok) throw new Error(`baseline for ${demo.slug}: ${first.key}`);
    if (revised) {
      const survey = new Date(measuredOn.getTime() + 30 * DAY);
      const second = await recordBaseline(
        tenant,
        steward.userId,
        {
          monthlyIncome: demo.baseline,
          method: "SURVEY",
          note: "Survei rumah tangga oleh TKM",
          measuredOn: survey,
          reason:
            "Survei rumah ke rumah: perkiraan awal menghitung upah harian musim panen sebagai upah tetap.",
          households,
          basedOn: first.baselineId,
        },
        new Date(survey.getTime() + DAY),
      );
      if (!second.ok) throw new Error(`revised baseline: ${second.key}`);
    }

    const override = demo.slug === OVERRIDDEN;
    if (!CONFIRMED.includes(demo.slug) && !override) continue;
    const derived = deriveStage(await stageFacts({ groupId: group.id }, now)).stage;
    const chosen: GroupStage = override ? (derived === "MAJU" ? "BERKEMBANG" : "MAJU") : derived;
    const decided = await decideStage(
      tenant,
      steward.userId,
      {
        stage: chosen,
        derivedSeen: derived,
        reason: override
          ? "Sudah memasok tiga hotel dan punya izin P-IRT; pembukuan di aplikasi baru dimulai, jadi data 12 bulan belum lengkap."
          : "",
      },
      () => now,
    );
    if (!decided.ok) throw new Error(`stage for ${demo.slug}: ${decided.key}`);
  }

  // A group TKM registered for its members last week, still awaiting verification.
  const jayagiri = GROUPS.find((demo) => demo.slug === REVISED_SLUG);
  const village = jayagiri
    ? await db.group.findUnique({
        where: { slug: jayagiri.slug },
        select: { villageId: true, village: { select: { path: true } } },
      })
    : null;
  if (!village) return;
  const steward = await stewardOf(db, village.village.path);
  const registered = await registerGroup(
    { areaPath: steward.areaPath },
    steward.userId,
    {
      name: "KUBE Melati Tiga",
      villageId: village.villageId,
      rw: "03",
      people: [
        { name: "Ibu Cucu Sumiati", role: "KETUA", phone: null },
        { name: "Ibu Enok Halimah", role: "BENDAHARA", phone: null },
        { name: "Ibu Popon", role: "ANGGOTA", phone: null },
        { name: "Ibu Imas", role: "ANGGOTA", phone: null },
        { name: "Ibu Yayah", role: "ANGGOTA", phone: null },
      ],
      verified: false,
      giveCodes: false,
    },
    new Date(now.getTime() - 6 * DAY),
  );
  if (!registered.ok) throw new Error(`registration: ${registered.key}`);
}
