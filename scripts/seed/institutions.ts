import type { Db } from "~/.server/db/client";
import { recordSupport } from "~/.server/institutions/support";
import { recordMeeting } from "~/.server/meetings/meetings";
import type { InstitutionKind, SupportKind } from "~/.server/db/client";
import { wibDateKey } from "~/utils/delivery";

// The institutions around the groups of Kecamatan Lembang, what they gave over the last eighteen
// months, and TKM Desa Jayagiri's last three routine meetings — written through the domain, as TKM
// officers would record them, so the agenda, the institution pages and the groups' books agree.
// Offices of the regency serve every village; a BUMDes or PKK only its own. Names of people and of
// the training provider and CSR programme are invented.

const DAY = 24 * 60 * 60 * 1000;

type DemoInstitution = { key: string; name: string; kind: InstitutionKind; area: string; contact?: string };

const INSTITUTIONS: DemoInstitution[] = [
  {
    key: "dpmd",
    name: "DPMD Kabupaten Bandung Barat",
    kind: "DPMD",
    area: "32.17",
    contact: "Bidang Pemberdayaan Masyarakat, Ngamprah",
  },
  {
    key: "dkukm",
    name: "DKUKM Kabupaten Bandung Barat",
    kind: "DKUKM",
    area: "32.17",
    contact: "Bidang Usaha Mikro, Ngamprah",
  },
  { key: "disdalduk", name: "DISDALDUK KB P3A Kabupaten Bandung Barat", kind: "DISDALDUK", area: "32.17" },
  {
    key: "dinkes",
    name: "Dinas Kesehatan Kabupaten Bandung Barat",
    kind: "OTHER",
    area: "32.17",
    contact: "Seksi Kesehatan Lingkungan (P-IRT)",
  },
  {
    key: "desa",
    name: "Pemerintah Desa Jayagiri",
    kind: "VILLAGE_GOVERNMENT",
    area: "32.17.01.2008",
    contact: "Kantor Desa Jayagiri, Jl. Raya Lembang",
  },
  { key: "pkk", name: "TP PKK Desa Jayagiri", kind: "PKK", area: "32.17.01.2008" },
  { key: "bumdes", name: "BUMDes Jayagiri", kind: "BUMDES", area: "32.17.01.2008" },
  { key: "bumdes-cikahuripan", name: "BUMDes Cikahuripan", kind: "BUMDES", area: "32.17.01.2005" },
  { key: "bjb", name: "bank bjb KCP Lembang", kind: "BANK", area: "32.17.01", contact: "Jl. Raya Lembang" },
  { key: "bri", name: "BRI Unit Lembang", kind: "BANK", area: "32.17.01", contact: "Mantri KUR: Pak Heri" },
  { key: "lpk", name: "LPK Rumah Kemasan Lembang", kind: "TRAINING_PROVIDER", area: "32.17.01" },
  { key: "csr", name: "Program CSR PT Susu Murni Lembang", kind: "CSR", area: "32.17.01" },
];

type DemoSupport = {
  institution: string;
  group: string;
  kind: SupportKind;
  title: string;
  daysAgo: number;
  amount?: number;
  note?: string;
};

const SUPPORTS: DemoSupport[] = [
  {
    institution: "dpmd",
    group: "kube-perempuan-mandiri",
    kind: "TRAINING",
    daysAgo: 530,
    title: "Bimbingan teknis penguatan KUBE dan pembukuan sederhana",
  },
  {
    institution: "disdalduk",
    group: "kube-perempuan-mandiri",
    kind: "TRAINING",
    daysAgo: 480,
    title: "Pelatihan pemberdayaan perempuan dan ketahanan ekonomi keluarga",
  },
  {
    institution: "bjb",
    group: "kube-perempuan-mandiri",
    kind: "TRAINING",
    daysAgo: 330,
    title: "Literasi keuangan dan pembukaan rekening kelompok",
  },
  {
    institution: "desa",
    group: "kube-perempuan-mandiri",
    kind: "AID_KIND",
    daysAgo: 300,
    amount: 1_200_000,
    title: "Dua alat tenun bingkai dan satu meja potong bambu",
    note: "Dari Dana Desa, bidang pemberdayaan masyarakat",
  },
  {
    institution: "pkk",
    group: "kube-perempuan-mandiri",
    kind: "EXHIBITION",
    daysAgo: 104,
    title: "Stan bazar UMKM peringatan HUT RI di lapangan Desa Jayagiri",
  },
  {
    institution: "lpk",
    group: "kube-perempuan-mandiri",
    kind: "TRAINING",
    daysAgo: 45,
    title: "Pelatihan desain kemasan dan foto produk dengan ponsel",
  },
  {
    institution: "lpk",
    group: "kube-sauyunan",
    kind: "TRAINING",
    daysAgo: 45,
    title: "Pelatihan desain kemasan dan foto produk dengan ponsel",
  },
  {
    institution: "dinkes",
    group: "kube-sauyunan",
    kind: "PERMIT",
    daysAgo: 380,
    title: "Sertifikat P-IRT dodol susu dan karamel susu",
    note: "Setelah penyuluhan keamanan pangan",
  },
  {
    institution: "dkukm",
    group: "kube-sauyunan",
    kind: "PERMIT",
    daysAgo: 200,
    title: "Sertifikat halal (program sertifikasi halal gratis) untuk olahan susu",
  },
  {
    institution: "csr",
    group: "kube-sauyunan",
    kind: "AID_MONEY",
    daysAgo: 150,
    amount: 3_000_000,
    title: "Bantuan modal alat: panci besar dan kompor dua tungku",
  },
  {
    institution: "bri",
    group: "kube-sauyunan",
    kind: "LOAN",
    daysAgo: 120,
    amount: 10_000_000,
    title: "KUR Mikro untuk mesin pengaduk dodol",
    note: "Tenor 24 bulan, cicilan dari kas kelompok",
  },
  {
    institution: "bumdes",
    group: "kube-sauyunan",
    kind: "EXHIBITION",
    daysAgo: 60,
    title: "Stan di Pasar Tani BUMDes Jayagiri setiap Minggu pagi",
  },
  {
    institution: "dinkes",
    group: "kube-mekar-sari",
    kind: "PERMIT",
    daysAgo: 420,
    title: "Sertifikat P-IRT selai dan sirup stroberi",
  },
  {
    institution: "bumdes-cikahuripan",
    group: "kube-mekar-sari",
    kind: "AID_KIND",
    daysAgo: 210,
    amount: 2_500_000,
    title: "Freezer untuk stok stroberi beku",
  },
  {
    institution: "dkukm",
    group: "kube-saluyu",
    kind: "EXHIBITION",
    daysAgo: 160,
    title: "Pameran produk UMKM Bandung Barat di Ngamprah",
  },
  {
    institution: "dinkes",
    group: "kube-saluyu",
    kind: "PERMIT",
    daysAgo: 260,
    title: "Sertifikat P-IRT keripik pisang dan keripik singkong",
  },
];

/** The monitoring tables this seed fills, children first, for a reset. */
export async function wipeInstitutions(db: Db) {
  await db.$transaction([
    db.followUp.deleteMany(),
    db.meetingDecision.deleteMany(),
    db.tkmMeeting.deleteMany(),
    db.support.deleteMany(),
    db.institution.deleteMany(),
  ]);
}

export async function seedInstitutions(db: Db, now: Date) {
  const [jayagiri, lembang] = await Promise.all(
    ["TKM Desa Jayagiri", "TKM Kecamatan Lembang"].map((name) =>
      db.tkmTeam.findFirst({
        where: { name },
        select: {
          id: true,
          area: { select: { path: true } },
          officers: { select: { userId: true }, take: 1 },
        },
      }),
    ),
  );
  const officer = jayagiri?.officers[0]?.userId;
  const districtOfficer = lembang?.officers[0]?.userId;
  if (!jayagiri || !lembang || !officer || !districtOfficer) return;

  const institutionIds = new Map<string, string>();
  for (const institution of INSTITUTIONS) {
    const area = await db.area.findUniqueOrThrow({ where: { code: institution.area }, select: { id: true } });
    const created = await db.institution.create({
      data: {
        name: institution.name,
        kind: institution.kind,
        areaId: area.id,
        contact: institution.contact ?? "",
        createdAt: new Date(now.getTime() - 540 * DAY),
      },
      select: { id: true },
    });
    institutionIds.set(institution.key, created.id);
  }

  const groups = new Map(
    (await db.group.findMany({ select: { id: true, slug: true, village: { select: { path: true } } } })).map(
      (g) => [g.slug, g],
    ),
  );
  const day = (daysAgo: number) => wibDateKey(new Date(now.getTime() - daysAgo * DAY));
  let count = 0;
  for (const support of SUPPORTS) {
    const group = groups.get(support.group);
    const institutionId = institutionIds.get(support.institution);
    if (!group || !institutionId) continue;
    // Jayagiri's own team records for its groups; the district's team for the other villages.
    const inJayagiri = group.village.path.startsWith(jayagiri.area.path);
    const result = await recordSupport(
      { areaPath: inJayagiri ? jayagiri.area.path : lembang.area.path },
      inJayagiri ? officer : districtOfficer,
      {
        formKey: `seed-support-${++count}`,
        institutionId,
        groupId: group.id,
        kind: support.kind,
        title: support.title,
        date: day(support.daysAgo),
        amount: support.amount ?? null,
        note: support.note ?? "",
      },
      new Date(now.getTime() - support.daysAgo * DAY + 2 * 60 * 60 * 1000),
    );
    if (!result.ok) throw new Error(`seed: support refused (${result.key}): ${support.title}`);
  }

  await linkBookedGrant(db, institutionIds.get("dkukm"), groups.get("kube-perempuan-mandiri")?.id, officer);
  await seedMeetings(db, { teamId: jayagiri.id, areaPath: jayagiri.area.path }, officer, groups, now);
}

/**
 * KUBE Perempuan Mandiri's treasurer wrote DKUKM's capital grant in the book herself (books.ts),
 * before TKM recorded it: the support links her line rather than writing the money a second time.
 */
async function linkBookedGrant(
  db: Db,
  institutionId: string | undefined,
  groupId: string | undefined,
  officer: string,
) {
  if (!institutionId || !groupId) return;
  const line = await db.cashEntry.findFirst({
    where: {
      groupId,
      category: "AID",
      kind: "INCOME",
      giver: "DKUKM Kabupaten Bandung Barat",
      reversesId: null,
    },
    select: { id: true, amount: true, occurredAt: true, description: true },
  });
  if (!line) return;
  await db.support.create({
    data: {
      institutionId,
      groupId,
      kind: "AID_MONEY",
      title: line.description,
      date: line.occurredAt,
      amount: line.amount,
      note: "Dicatat bendahara di buku kas; TKM menautkan catatan ini",
      cashEntryId: line.id,
      recordedById: officer,
      createdAt: line.occurredAt,
    },
  });
}

const ATTENDEES = [
  "Nining Rusmini (Ketua TKM)",
  "Agus Supriatna (Kader)",
  "Euis Komalasari (Ketua KUBE Perempuan Mandiri)",
  "Neneng Suryani (Bendahara KUBE Perempuan Mandiri)",
  "Rina Marlina (Ketua KUBE Sauyunan)",
];

/**
 * Three routine meetings of TKM Desa Jayagiri, each closing what the one before set: one follow-up
 * is still open past its due date, two are open and not yet due, the rest are done with a note.
 */
async function seedMeetings(
  db: Db,
  tenant: { teamId: string; areaPath: string },
  officer: string,
  groups: Map<string, { id: string }>,
  now: Date,
) {
  const day = (daysAgo: number) => wibDateKey(new Date(now.getTime() - daysAgo * DAY));
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY + 3 * 60 * 60 * 1000);
  const mandiri = groups.get("kube-perempuan-mandiri")?.id ?? null;
  const sauyunan = groups.get("kube-sauyunan")?.id ?? null;
  const record = async (
    daysAgo: number,
    input: Omit<Parameters<typeof recordMeeting>[2], "formKey" | "date">,
  ) => {
    const result = await recordMeeting(
      tenant,
      officer,
      { ...input, formKey: `seed-meeting-${daysAgo}`, date: day(daysAgo) },
      at(daysAgo),
    );
    if (!result.ok) throw new Error(`seed: meeting refused (${result.key})`);
  };
  const openIds = async () =>
    new Map(
      (
        await db.followUp.findMany({
          where: { doneAt: null, meeting: { teamId: tenant.teamId } },
          select: { id: true, text: true },
        })
      ).map((f) => [f.text, f.id]),
    );

  await record(75, {
    place: "Balai Desa Jayagiri",
    attendees: [...ATTENDEES, "Dadang Suhendar (Sekretaris Desa)", "Ketua TP PKK Desa Jayagiri"],
    notes:
      "Pesanan dari hotel dan toko oleh-oleh naik menjelang libur sekolah. KUBE Sauyunan dua kali terlambat mengirim dodol karena kompor kurang. Pemerintah desa siap memberi tempat di Pasar Tani BUMDes.",
    decisions: [
      "KUBE Sauyunan didampingi mengurus sertifikat halal lanjutan untuk produk baru",
      "TKM menghubungi BUMDes untuk stan Pasar Tani setiap Minggu",
      "Rapat rutin setiap bulan di balai desa",
    ],
    followUps: [
      {
        text: "Minta jadwal stan Pasar Tani ke pengurus BUMDes Jayagiri",
        owner: "Agus Supriatna",
        dueOn: day(60),
        groupId: sauyunan,
      },
      {
        text: "Cari bahan kemasan tahan lembap untuk dodol susu",
        owner: "Rina Marlina",
        dueOn: day(50),
        groupId: sauyunan,
      },
    ],
    closed: [],
  });
  let open = await openIds();
  await record(40, {
    place: "Rumah produksi KUBE Perempuan Mandiri, RW 08",
    attendees: ATTENDEES,
    notes:
      "Stan Pasar Tani sudah berjalan dua minggu. Pesanan keset dari hotel di Cikole belum bisa dipenuhi karena kain perca kurang.",
    decisions: [
      "Ajukan proposal bantuan alat jahit ke DKUKM",
      "Catat setiap keterlambatan pengiriman untuk dibahas rapat berikutnya",
    ],
    followUps: [
      {
        text: "Susun proposal bantuan mesin jahit untuk DKUKM",
        owner: "Nining Rusmini",
        dueOn: day(20),
        groupId: mandiri,
      },
      {
        text: "Rekap pesanan yang terlambat dikirim tiga bulan terakhir",
        owner: "Agus Supriatna",
        dueOn: day(25),
        groupId: null,
      },
    ],
    closed: [
      {
        followUpId: open.get("Minta jadwal stan Pasar Tani ke pengurus BUMDes Jayagiri") ?? "",
        note: "Stan setiap Minggu pagi, gratis tiga bulan pertama",
      },
      {
        followUpId: open.get("Cari bahan kemasan tahan lembap untuk dodol susu") ?? "",
        note: "Pakai standing pouch alumunium dari toko kemasan di Pasar Lembang",
      },
    ],
  });
  open = await openIds();
  await record(10, {
    place: "Balai Desa Jayagiri",
    attendees: [...ATTENDEES, "Dadang Suhendar (Sekretaris Desa)"],
    notes:
      "Rekap keterlambatan sudah dibahas: sebagian besar karena bahan datang terlambat. Proposal ke DKUKM belum selesai.",
    decisions: [
      "Stok bahan minimal dua minggu untuk pesanan tetap",
      "BRI Unit Lembang diundang menjelaskan KUR",
    ],
    followUps: [
      {
        text: "Foto ulang produk rajutan untuk katalog",
        owner: "Euis Komalasari",
        dueOn: day(-10),
        groupId: mandiri,
      },
      {
        text: "Undang mantri KUR BRI Unit Lembang ke rapat berikutnya",
        owner: "Agus Supriatna",
        dueOn: day(-20),
        groupId: null,
      },
    ],
    closed: [
      {
        followUpId: open.get("Rekap pesanan yang terlambat dikirim tiga bulan terakhir") ?? "",
        note: "Enam dari empat puluh pesanan terlambat; dibahas di rapat ini",
      },
    ],
  });
}
