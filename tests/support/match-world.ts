// A larger world for the matcher, generated from a seed: a few hundred KUBE in villages across
// Kabupaten Bandung Barat, each making a few kinds of real KUBE products, listed under names and
// descriptions that vary the way real listings do ("Kripik singkong pedas", "Selai strawberry",
// a besek "cocok untuk kemasan dodol"), with ready stock or weekly capacity and lead time, a track
// record, some of them new. And buyers' requests, each labelled from what the generator *knows*:
// which kind of thing every group really makes and how much of it it can really make by a date —
// never from the matcher's words or scores. The same world fills the matching benchmark's
// database (scripts/bench/matching.ts), so the benchmark ranks requests a buyer could post.
//
// THE LABELLING RULE (decision 010, "the generated world"), written before the matcher was run on
// this world: a careful person who knew every group would invite group G to request R when all of
//   1. G really makes a kind of product R asks for (a specific request names one kind, e.g.
//      keripik singkong; a vague one a few, e.g. "aneka keripik" any kind of keripik);
//   2. G's village is within the radius the buyer set (straight line);
//   3. one such product of G can have R's quantity at the buyer's by the needed-by date, by a
//      plain reckoning a group manager would do on paper: one day on the road, the lead time
//      before that, then
//        - ready stock: what is on hand plus what the group really makes a week (which the
//          listing does not show) over the days left, pro rata;
//        - made to order: the weekly capacity over the days left, pro rata, less what orders
//          have already booked in those weeks.
// Every group meeting all three is in the label set, however many (capped recall, below, makes a
// large set fair). A request no group could meet is dropped from the evaluation (precision is
// undefined there) and counted.
import { normalizeForSearch, searchTextFor } from "~/.server/catalog/search-text";
import type { GroupFacts, ProductFacts, RequestFacts } from "~/.server/matching/score";
import { addWibDays, wibDateKey, wibNoon, wibWeekKey } from "~/utils/delivery";
import { CATEGORIES } from "../../scripts/seed/data";
import { seededRandom } from "../../scripts/seed/random";

type Unit = "PCS" | "KG" | "PAK" | "LUSIN" | "BOTOL" | "TOPLES" | "LITER";
type Range = [number, number];

/** A kind of product KUBE really make: how groups list it, and how buyers ask for it. */
type Kind = {
  key: string;
  /** Demo category slug (scripts/seed/data.ts). */
  category: string;
  unit: Unit;
  /** Listing names as groups write them (spellings vary: kripik, strawberry, yogurt). */
  names: string[];
  /** What is said about it, besides the name. */
  says: string[];
  /** What buyers type. */
  asks: string[];
  supply: "stock" | "order" | "either";
  stock: Range;
  perWeek: Range;
  lead: Range;
  /** Quantities buyers ask for. */
  quantity: Range;
};

const KINDS: Kind[] = [
  {
    key: "besek",
    category: "anyaman-bambu",
    unit: "PAK",
    names: ["Besek bambu tutup", "Besek anyaman bambu", "Besek nasi kotak", "Kotak besek bambu isi 3"],
    says: [
      "Dianyam dari bambu tali, bersusun tiga ukuran.",
      "Cocok untuk kemasan dodol, keripik dan kue hantaran.",
      "Dipakai katering untuk nasi kotak dan parsel lebaran.",
    ],
    asks: [
      "Besek bambu untuk hantaran",
      "Besek untuk nasi kotak",
      "Besek bambu",
      "Kemasan besek untuk oleh-oleh",
    ],
    supply: "either",
    stock: [40, 400],
    perWeek: [60, 300],
    lead: [3, 10],
    quantity: [50, 400],
  },
  {
    key: "keranjang",
    category: "anyaman-bambu",
    unit: "PCS",
    names: [
      "Keranjang bambu buah",
      "Keranjang anyaman bambu",
      "Keranjang roti bambu",
      "Keranjang parsel bambu",
    ],
    says: [
      "Keranjang dengan pegangan, diameter 30 cm.",
      "Dipakai kafe dan hotel untuk roti dan buah.",
      "Untuk parsel buah dan hampers stroberi.",
    ],
    asks: ["Keranjang roti untuk kafe", "Keranjang bambu", "Keranjang parsel", "Keranjang buah untuk hotel"],
    supply: "either",
    stock: [10, 120],
    perWeek: [15, 80],
    lead: [4, 10],
    quantity: [10, 100],
  },
  {
    key: "tatakan",
    category: "anyaman-bambu",
    unit: "LUSIN",
    names: ["Tatakan gelas anyaman bambu", "Tatakan gelas bambu", "Alas gelas bambu", "Tatakan gelas pandan"],
    says: ["Bulat 10 cm, dipernis tahan air.", "Satu lusin per pak, anyaman halus untuk kafe."],
    asks: ["Tatakan gelas bambu", "Tatakan gelas untuk kafe", "Alas gelas anyaman"],
    supply: "stock",
    stock: [5, 80],
    perWeek: [5, 30],
    lead: [1, 2],
    quantity: [5, 40],
  },
  {
    key: "keset",
    category: "tekstil",
    unit: "PCS",
    names: ["Keset kain perca", "Keset perca bulat", "Keset kaki kain perca", "Keset handuk tebal"],
    says: [
      "Dari kain perca sisa konveksi, dijahit rapat dan bisa dicuci.",
      "Banyak dipesan hotel dan homestay untuk kamar mandi.",
    ],
    asks: ["Keset untuk hotel", "Keset kain perca", "Keset kamar mandi untuk homestay"],
    supply: "either",
    stock: [30, 300],
    perWeek: [40, 200],
    lead: [3, 7],
    quantity: [20, 300],
  },
  {
    key: "taplak",
    category: "tekstil",
    unit: "PCS",
    names: ["Taplak meja bordir", "Taplak meja renda", "Taplak meja batik", "Taplak meja kain"],
    says: ["Ukuran 120 × 160 cm, jahitan rapi.", "Untuk meja kafe dan restoran, bisa pesan warna."],
    asks: ["Taplak meja untuk kafe", "Taplak meja", "Taplak meja restoran"],
    supply: "either",
    stock: [5, 60],
    perWeek: [10, 40],
    lead: [5, 14],
    quantity: [5, 60],
  },
  {
    key: "tas-kain",
    category: "tekstil",
    unit: "PCS",
    names: ["Tas belanja kain blacu", "Tote bag kain", "Tas belanja kanvas", "Goodie bag kain sablon"],
    says: ["Kain blacu tebal, bisa sablon logo.", "Pengganti kantong plastik untuk toko dan seminar."],
    asks: ["Tas belanja kain", "Tote bag untuk seminar", "Goodie bag kain"],
    supply: "order",
    stock: [0, 0],
    perWeek: [50, 300],
    lead: [5, 10],
    quantity: [50, 400],
  },
  {
    key: "tas-rajut",
    category: "rajutan",
    unit: "PCS",
    names: ["Tas rajut benang katun", "Tas rajutan tangan", "Tas bahu rajut", "Tas rajut motif"],
    says: ["Dirajut tangan dari benang katun, pilihan warna.", "Oleh-oleh dan souvenir wisata Lembang."],
    asks: ["Tas rajut", "Tas rajut untuk souvenir", "Tas rajutan untuk hadiah"],
    supply: "order",
    stock: [0, 0],
    perWeek: [10, 50],
    lead: [7, 14],
    quantity: [10, 100],
  },
  {
    key: "syal",
    category: "rajutan",
    unit: "PCS",
    names: ["Syal rajut wol", "Syal rajutan tangan", "Syal rajut motif garis", "Selendang rajut"],
    says: ["Benang wol lembut, hangat untuk udara Lembang.", "Souvenir wisata dan seminar."],
    asks: ["Syal rajut", "Syal rajut untuk souvenir wisata", "Syal hangat rajutan"],
    supply: "either",
    stock: [10, 100],
    perWeek: [15, 60],
    lead: [5, 10],
    quantity: [20, 120],
  },
  {
    key: "kupluk",
    category: "rajutan",
    unit: "PCS",
    names: ["Kupluk rajut", "Topi kupluk rajutan", "Kupluk wol anak", "Kupluk rajut pompom"],
    says: ["Topi hangat dari benang wol.", "Banyak dibeli wisatawan di Lembang."],
    asks: ["Kupluk rajut", "Kupluk untuk souvenir", "Topi rajut"],
    supply: "either",
    stock: [10, 100],
    perWeek: [20, 80],
    lead: [4, 10],
    quantity: [20, 150],
  },
  {
    key: "keripik-singkong",
    category: "keripik",
    unit: "PAK",
    names: [
      "Keripik singkong balado",
      "Kripik singkong pedas",
      "Keripik singkong original",
      "Keripik singkong bawang",
    ],
    says: [
      "Singkong pilihan, digoreng tipis dan renyah, 250 g.",
      "Tanpa pengawet, untuk warung dan oleh-oleh.",
    ],
    asks: ["Keripik singkong", "Keripik singkong pedas", "Keripik singkong untuk warung"],
    supply: "stock",
    stock: [50, 500],
    perWeek: [100, 400],
    lead: [1, 2],
    quantity: [50, 400],
  },
  {
    key: "keripik-pisang",
    category: "keripik",
    unit: "PAK",
    names: ["Keripik pisang manis", "Kripik pisang", "Keripik pisang cokelat", "Keripik pisang tanduk"],
    says: ["Pisang tanduk diiris tipis.", "Camilan untuk kafe dan minibar hotel."],
    asks: ["Keripik pisang untuk kafe", "Keripik pisang", "Keripik pisang cokelat"],
    supply: "stock",
    stock: [40, 400],
    perWeek: [80, 300],
    lead: [1, 2],
    quantity: [40, 300],
  },
  {
    key: "rengginang",
    category: "keripik",
    unit: "PAK",
    names: ["Rengginang ketan", "Rangginang", "Rengginang terasi", "Rengginang ketan hitam"],
    says: ["Dari ketan pilihan, dijemur matahari.", "Siap goreng atau sudah digoreng."],
    asks: ["Rengginang ketan", "Rengginang untuk lebaran", "Rengginang"],
    supply: "either",
    stock: [30, 300],
    perWeek: [60, 250],
    lead: [3, 7],
    quantity: [30, 300],
  },
  {
    key: "keripik-tempe",
    category: "keripik",
    unit: "PAK",
    names: ["Keripik tempe sagu", "Kripik tempe", "Keripik tempe renyah"],
    says: ["Tempe tipis dengan tepung berbumbu.", "Renyah, cocok untuk katering dan warung."],
    asks: ["Keripik tempe", "Keripik tempe untuk katering"],
    supply: "stock",
    stock: [40, 300],
    perWeek: [80, 250],
    lead: [1, 2],
    quantity: [40, 300],
  },
  {
    key: "dodol-susu",
    category: "olahan-susu",
    unit: "PAK",
    names: ["Dodol susu Lembang", "Dodol susu sapi", "Dodol susu murni", "Dodol susu aneka rasa"],
    says: ["Dari susu sapi segar peternak Lembang, 250 g.", "Oleh-oleh khas, dijual per dus isi 12."],
    asks: ["Dodol susu", "Dodol susu untuk oleh-oleh", "Dodol susu untuk toko oleh-oleh"],
    supply: "either",
    stock: [60, 500],
    perWeek: [100, 400],
    lead: [2, 5],
    quantity: [50, 500],
  },
  {
    key: "yoghurt",
    category: "olahan-susu",
    unit: "BOTOL",
    names: ["Yoghurt susu segar", "Yogurt plain", "Yoghurt rasa stroberi", "Yoghurt botol 1 liter"],
    says: ["Dari susu segar, tanpa pengawet, simpan di lemari es.", "Dipakai kafe untuk smoothie."],
    asks: ["Yoghurt untuk smoothie kafe", "Yoghurt", "Yoghurt plain 1 liter"],
    supply: "either",
    stock: [12, 120],
    perWeek: [40, 200],
    lead: [1, 3],
    quantity: [12, 150],
  },
  {
    key: "karamel-susu",
    category: "olahan-susu",
    unit: "PAK",
    names: ["Karamel susu", "Permen karamel susu", "Caramel susu Lembang"],
    says: ["Permen lembut dari susu segar, 200 g.", "Oleh-oleh untuk anak-anak."],
    asks: ["Permen karamel susu", "Karamel susu"],
    supply: "stock",
    stock: [40, 300],
    perWeek: [60, 200],
    lead: [1, 2],
    quantity: [30, 250],
  },
  {
    key: "susu-segar",
    category: "olahan-susu",
    unit: "LITER",
    names: ["Susu pasteurisasi", "Susu segar pasteurisasi", "Susu sapi murni"],
    says: ["Diperah pagi, dipasteurisasi, dikirim dalam kotak pendingin.", "Untuk kafe dan katering."],
    asks: ["Susu segar", "Susu pasteurisasi untuk kafe", "Susu sapi segar"],
    supply: "order",
    stock: [0, 0],
    perWeek: [100, 600],
    lead: [1, 1],
    quantity: [20, 300],
  },
  {
    key: "selai-stroberi",
    category: "olahan-stroberi",
    unit: "TOPLES",
    names: ["Selai stroberi", "Selai stroberi homemade", "Selai strawberry", "Selai stroberi rendah gula"],
    says: ["Dari stroberi Lembang, toples 250 g.", "Untuk roti, hotel dan hampers."],
    asks: ["Selai stroberi", "Selai stroberi untuk sarapan hotel", "Selai stroberi untuk hampers"],
    supply: "either",
    stock: [20, 200],
    perWeek: [40, 150],
    lead: [2, 5],
    quantity: [20, 200],
  },
  {
    key: "sirup-stroberi",
    category: "olahan-stroberi",
    unit: "BOTOL",
    names: ["Sirup stroberi", "Sirup strawberry", "Sirup stroberi pekat"],
    says: ["Botol 600 ml, dari buah stroberi asli.", "Untuk minuman kafe dan es campur."],
    asks: ["Sirup stroberi untuk minuman kafe", "Sirup stroberi"],
    supply: "stock",
    stock: [20, 200],
    perWeek: [40, 150],
    lead: [1, 3],
    quantity: [20, 150],
  },
  {
    key: "dodol-stroberi",
    category: "olahan-stroberi",
    unit: "PAK",
    names: ["Dodol stroberi", "Dodol strawberry", "Dodol stroberi Lembang"],
    says: ["Dodol legit dari buah stroberi, 250 g.", "Oleh-oleh dan suvenir pernikahan."],
    asks: ["Dodol stroberi untuk oleh-oleh pernikahan", "Dodol stroberi"],
    supply: "either",
    stock: [40, 300],
    perWeek: [80, 300],
    lead: [3, 7],
    quantity: [50, 400],
  },
  {
    key: "stroberi-segar",
    category: "stroberi",
    unit: "KG",
    names: ["Stroberi segar", "Stroberi petik", "Strawberry segar", "Stroberi grade A"],
    says: ["Dipetik pagi dari kebun di lereng Tangkuban Parahu.", "Untuk hotel, jus dan toko buah."],
    asks: ["Stroberi segar untuk hotel", "Stroberi segar", "Stroberi untuk jus"],
    supply: "order",
    stock: [0, 0],
    perWeek: [30, 200],
    lead: [1, 2],
    quantity: [10, 150],
  },
  {
    key: "selada",
    category: "sayur",
    unit: "KG",
    names: ["Selada keriting", "Selada hidroponik", "Sayur selada segar"],
    says: ["Dipanen pagi, dikirim dingin.", "Untuk burger, salad dan katering."],
    asks: ["Selada untuk burger", "Selada segar", "Selada hidroponik"],
    supply: "order",
    stock: [0, 0],
    perWeek: [20, 150],
    lead: [1, 2],
    quantity: [10, 100],
  },
  {
    key: "bolu",
    category: "kue",
    unit: "PCS",
    names: ["Bolu kukus", "Bolu kukus pandan", "Bolu pisang", "Bolu susu Lembang"],
    says: ["Lembut, dibuat pagi hari.", "Untuk rapat, arisan dan pengajian."],
    asks: ["Bolu kukus", "Bolu untuk rapat kantor", "Bolu kukus untuk arisan"],
    supply: "order",
    stock: [0, 0],
    perWeek: [50, 300],
    lead: [1, 3],
    quantity: [20, 200],
  },
  {
    key: "kue-basah",
    category: "kue",
    unit: "PCS",
    names: ["Kue putu ayu", "Kue lapis legit", "Aneka kue basah", "Kue cucur"],
    says: ["Kue basah tradisional, dibuat sesuai pesanan.", "Untuk hajatan, pengajian dan rapat."],
    asks: ["Kue basah untuk acara pernikahan", "Kue basah untuk pengajian", "Kue basah"],
    supply: "order",
    stock: [0, 0],
    perWeek: [100, 500],
    lead: [1, 3],
    quantity: [50, 500],
  },
];

const kindOf = (key: string): Kind => {
  const kind = KINDS.find((k) => k.key === key);
  if (!kind) throw new Error(`no kind ${key}`);
  return kind;
};

/** Groups make related things: a trade, and now and then one thing from another. */
const TRADES: string[][] = [
  ["besek", "keranjang", "tatakan"],
  ["keset", "taplak", "tas-kain"],
  ["tas-rajut", "syal", "kupluk"],
  ["keripik-singkong", "keripik-pisang", "rengginang", "keripik-tempe"],
  ["dodol-susu", "yoghurt", "karamel-susu", "susu-segar"],
  ["selai-stroberi", "sirup-stroberi", "dodol-stroberi", "stroberi-segar"],
  ["stroberi-segar", "selada"],
  ["bolu", "kue-basah"],
];

/** Requests that accept several kinds: what a buyer types when any of them will do. */
const VAGUE: { title: string; category: string | null; kinds: string[] }[] = [
  {
    title: "Aneka keripik untuk minibar hotel",
    category: "keripik",
    kinds: ["keripik-singkong", "keripik-pisang", "keripik-tempe"],
  },
  {
    title: "Olahan stroberi untuk hampers",
    category: "olahan-stroberi",
    kinds: ["selai-stroberi", "sirup-stroberi", "dodol-stroberi"],
  },
  {
    title: "Kerajinan bambu untuk dekorasi kafe",
    category: "anyaman-bambu",
    kinds: ["besek", "keranjang", "tatakan"],
  },
  { title: "Dodol", category: null, kinds: ["dodol-susu", "dodol-stroberi"] },
  { title: "Kue untuk arisan", category: "kue", kinds: ["bolu", "kue-basah"] },
  { title: "Rajutan untuk souvenir wisata", category: "rajutan", kinds: ["tas-rajut", "syal", "kupluk"] },
  {
    title: "Olahan susu untuk toko oleh-oleh",
    category: "olahan-susu",
    kinds: ["dodol-susu", "karamel-susu"],
  },
];

// Districts of Kabupaten Bandung Barat and some of their villages; coordinates are approximate
// district centres, each village placed within about 3 km of its centre.
const DISTRICTS: { name: string; lat: number; lng: number; villages: string[] }[] = [
  {
    name: "Lembang",
    lat: -6.811,
    lng: 107.618,
    villages: [
      "Jayagiri",
      "Cikahuripan",
      "Kayuambon",
      "Gudangkahuripan",
      "Cibodas",
      "Cikole",
      "Wangunsari",
      "Sukajaya",
      "Langensari",
      "Mekarwangi",
      "Cibogo",
      "Suntenjaya",
      "Pagerwangi",
      "Cikidang",
    ],
  },
  {
    name: "Parongpong",
    lat: -6.829,
    lng: 107.572,
    villages: [
      "Cihideung",
      "Cigugurgirang",
      "Karyawangi",
      "Ciwaruga",
      "Sariwangi",
      "Cihanjuang",
      "Cihanjuangrahayu",
    ],
  },
  {
    name: "Cisarua",
    lat: -6.806,
    lng: 107.545,
    villages: [
      "Jambudipa",
      "Pasirhalang",
      "Kertawangi",
      "Padaasih",
      "Tugumukti",
      "Pasirlangu",
      "Sadangmekar",
    ],
  },
  {
    name: "Ngamprah",
    lat: -6.848,
    lng: 107.505,
    villages: ["Cimareme", "Tanimulya", "Margajaya", "Cilame", "Bojongkoneng", "Sukatani", "Pakuhaji"],
  },
  {
    name: "Padalarang",
    lat: -6.843,
    lng: 107.474,
    villages: ["Kertajaya", "Ciburuy", "Jayamekar", "Laksanamekar", "Tagogapu", "Cimerang"],
  },
  {
    name: "Batujajar",
    lat: -6.912,
    lng: 107.502,
    villages: ["Galanggang", "Selacau", "Batujajar Timur", "Pangauban"],
  },
  {
    name: "Cikalongwetan",
    lat: -6.745,
    lng: 107.43,
    villages: ["Mandalasari", "Cipada", "Ganjarsari", "Mandalamukti"],
  },
  {
    name: "Cipatat",
    lat: -6.826,
    lng: 107.382,
    villages: ["Citatah", "Cirawamekar", "Gunungmasigit", "Rajamandala Kulon"],
  },
  {
    name: "Cililin",
    lat: -6.952,
    lng: 107.45,
    villages: ["Budiharja", "Karyamukti", "Mukapayung", "Karangtanjung"],
  },
];

const GROUP_WORDS = [
  "Mekar",
  "Sauyunan",
  "Saluyu",
  "Sekar",
  "Berkah",
  "Mandiri",
  "Harapan",
  "Sugih Mukti",
  "Rahayu",
  "Sinar",
  "Wargi",
  "Bina Usaha",
  "Tunas",
  "Lestari",
  "Makmur",
  "Sejahtera",
  "Karya",
  "Melati",
  "Kenanga",
  "Sari",
];

export type WorldVillage = {
  code: string;
  name: string;
  district: string;
  latitude: number;
  longitude: number;
};

export type WorldProduct = {
  kind: string;
  category: string;
  unit: Unit;
  name: string;
  description: string;
  supplyMode: "READY_STOCK" | "MADE_TO_ORDER";
  stock: number;
  capacityPerWeek: number | null;
  leadTimeDays: number;
  price: number;
  /** What the group really makes a week (for ready stock the listing does not show it). */
  truePerWeek: number;
  /** Units already booked per week, from the generator's now. */
  bookedByWeek: Map<string, number>;
};

export type WorldGroup = {
  id: string;
  slug: string;
  name: string;
  village: WorldVillage;
  verifiedAt: Date;
  products: WorldProduct[];
  completedOrders: number;
  onTimeOrders: number;
  ratingAverage: number | null;
  ratingCount: number;
  recentInvites: number;
};

export type WorldRequest = {
  title: string;
  /** Demo category slug, or null when the buyer chose none. */
  category: string | null;
  quantity: number;
  unit: Unit;
  neededBy: Date;
  village: WorldVillage;
  radiusKm: number;
  /** Kinds that would do (ground truth). */
  kinds: string[];
  /** Group ids a careful person would invite (the labelling rule above). */
  invite: string[];
};

export type World = {
  now: Date;
  villages: WorldVillage[];
  groups: WorldGroup[];
  requests: WorldRequest[];
  /** Requests generated but dropped because no group could meet them. */
  unmeetable: number;
};

const DAY = 24 * 60 * 60 * 1000;

export type WorldOptions = {
  seed?: number;
  groups?: number;
  /** Products per group; by default one per kind the group makes (1–3). */
  productsPerGroup?: number;
  requests?: number;
  now?: Date;
};

export function generateWorld(options: WorldOptions = {}): World {
  const rand = seededRandom(options.seed ?? 10);
  const now = options.now ?? new Date("2026-12-03T02:00:00Z");
  const between = ([lo, hi]: Range) => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;

  const villages: WorldVillage[] = DISTRICTS.flatMap((district, d) =>
    district.villages.map((name, v) => ({
      code: `32.17.9${d}.${String(3001 + v)}`,
      name,
      district: district.name,
      latitude: Math.round((district.lat + (rand() - 0.5) * 0.05) * 10_000) / 10_000,
      longitude: Math.round((district.lng + (rand() - 0.5) * 0.05) * 10_000) / 10_000,
    })),
  );

  const groups: WorldGroup[] = [];
  for (let g = 0; g < (options.groups ?? 200); g++) {
    const village = pick(villages);
    const trade = pick(TRADES);
    const kinds = new Set<string>([pick(trade)]);
    const more = between([0, 2]);
    for (let i = 0; i < more; i++) kinds.add(pick(trade));
    if (rand() < 0.2) kinds.add(pick(KINDS).key);
    const name = `KUBE ${pick(GROUP_WORDS)} ${village.name} ${g + 1}`;
    const kindList = [...kinds];
    const count = Math.max(options.productsPerGroup ?? kindList.length, 1);
    const products: WorldProduct[] = [];
    for (let p = 0; p < count; p++) {
      const kind = kindOf(kindList[p % kindList.length] as string);
      const variant = Math.floor(p / kindList.length);
      products.push(makeProduct(kind, name, village, variant));
    }
    const isNew = rand() < 0.15;
    const completed = isNew ? between([0, 2]) : between([0, 60]);
    const onTime = Math.round(completed * (0.5 + rand() * 0.5));
    const ratingCount = Math.round(completed * rand() * 0.8);
    groups.push({
      id: `g${g + 1}`,
      slug: `kube-dunia-${g + 1}`,
      name,
      village,
      verifiedAt: new Date(now.getTime() - (isNew ? between([3, 55]) : between([90, 1400])) * DAY),
      products,
      completedOrders: completed,
      onTimeOrders: onTime,
      ratingAverage: ratingCount > 0 ? Math.round((3 + rand() * 2) * 10) / 10 : null,
      ratingCount,
      recentInvites: isNew ? 0 : between([0, 8]),
    });
  }

  function makeProduct(kind: Kind, groupName: string, village: WorldVillage, variant: number): WorldProduct {
    const madeToOrder = kind.supply === "order" || (kind.supply === "either" && rand() < 0.5);
    const perWeek = between(kind.perWeek);
    const base = pick(kind.names);
    const name =
      variant === 0
        ? base
        : `${base} ${["ukuran besar", "isi 12", "kemasan hemat", "premium", "mini"][variant % 5]} ${variant}`;
    const bookedByWeek = new Map<string, number>();
    if (madeToOrder && rand() < 0.3) {
      for (let w = 0; w < between([1, 3]); w++) {
        bookedByWeek.set(wibWeekKey(addWibDays(now, 7 * w)), Math.round(perWeek * (0.2 + rand() * 0.8)));
      }
    }
    const says = [pick(kind.says), ...(rand() < 0.5 ? [pick(kind.says)] : [])];
    return {
      kind: kind.key,
      category: kind.category,
      unit: kind.unit,
      name,
      description: [...new Set(says)].join(" ") + ` Buatan ${groupName}, Desa ${village.name}.`,
      supplyMode: madeToOrder ? "MADE_TO_ORDER" : "READY_STOCK",
      // One ready-stock product in eight is sold out for now.
      stock: madeToOrder
        ? 0
        : rand() < 0.125
          ? 0
          : between([Math.max(1, kind.stock[0]), Math.max(1, kind.stock[1])]),
      capacityPerWeek: madeToOrder ? perWeek : null,
      leadTimeDays: madeToOrder ? between(kind.lead) : 1,
      price: between([5, 120]) * 1000,
      truePerWeek: perWeek,
      bookedByWeek,
    };
  }

  const requests: WorldRequest[] = [];
  let unmeetable = 0;
  for (let attempts = 0; requests.length < (options.requests ?? 150) && attempts < 10_000; attempts++) {
    let title: string;
    let category: string | null;
    let kinds: string[];
    if (rand() < 0.25) {
      const vague = pick(VAGUE);
      ({ title, category, kinds } = vague);
    } else {
      const kind = pick(KINDS);
      title = pick(kind.asks);
      kinds = [kind.key];
      const roll = rand();
      // Most buyers choose the category; some the parent ("Makanan & minuman"); some none.
      category = roll < 0.6 ? kind.category : roll < 0.75 ? parentOf(kind.category) : null;
    }
    const main = kindOf(kinds[0] as string);
    const request: WorldRequest = {
      title,
      category,
      quantity: between(main.quantity),
      unit: main.unit,
      neededBy: wibNoon(wibDateKey(addWibDays(now, between([3, 30])))) as Date,
      village: pick(villages),
      radiusKm: pick([15, 25, 25, 40]),
      kinds,
      invite: [],
    };
    request.invite = groups.filter((group) => wouldInvite(group, request, now)).map((group) => group.id);
    if (request.invite.length === 0) unmeetable += 1;
    else requests.push(request);
  }
  return { now, villages, groups, requests, unmeetable };
}

/** The labelling rule (top of this file), for one group and one request. */
export function wouldInvite(group: WorldGroup, request: WorldRequest, now: Date): boolean {
  if (straightLineKm(group.village, request.village) > request.radiusKm) return false;
  const daysLeft = Math.floor((request.neededBy.getTime() - now.getTime()) / DAY);
  return group.products.some((product) => {
    if (!request.kinds.includes(product.kind)) return false;
    const makingDays = daysLeft - 1 - product.leadTimeDays;
    if (makingDays < 0) return false;
    if (product.supplyMode === "READY_STOCK")
      return product.stock + Math.floor((product.truePerWeek * makingDays) / 7) >= request.quantity;
    let booked = 0;
    for (const [week, units] of product.bookedByWeek) {
      if (week <= wibWeekKey(request.neededBy)) booked += units;
    }
    return Math.floor(((product.capacityPerWeek ?? 0) * (daysLeft - 1)) / 7) - booked >= request.quantity;
  });
}

function straightLineKm(a: WorldVillage, b: WorldVillage): number {
  const rad = Math.PI / 180;
  const x = (b.longitude - a.longitude) * rad * Math.cos(((a.latitude + b.latitude) / 2) * rad);
  const y = (b.latitude - a.latitude) * rad;
  return Math.sqrt(x * x + y * y) * 6371;
}

function parentOf(slug: string): string {
  const parent = CATEGORIES.find((c) => c.children.some((child) => child.slug === slug));
  return parent?.slug ?? slug;
}

export function categoryName(slug: string): string {
  return (
    CATEGORIES.flatMap((parent) => [parent, ...parent.children]).find((c) => c.slug === slug)?.id ?? slug
  );
}

function categoryPath(slug: string): string[] {
  const parent = parentOf(slug);
  return parent === slug ? [slug] : [slug, parent];
}

/** The facts the matcher sees of a group: its listings, never the kinds or true rates behind them. */
export function groupFactsOf(group: WorldGroup): GroupFacts {
  return {
    id: group.id,
    name: group.name,
    latitude: group.village.latitude,
    longitude: group.village.longitude,
    verifiedAt: group.verifiedAt,
    completedOrders: group.completedOrders,
    onTimeOrders: group.onTimeOrders,
    ratingAverage: group.ratingAverage,
    ratingCount: group.ratingCount,
    recentInvites: group.recentInvites,
    products: group.products.map((product, i): ProductFacts => ({
      id: `${group.id}-${i}`,
      name: product.name,
      categoryPath: categoryPath(product.category),
      nameText: normalizeForSearch(`${product.name} ${categoryName(product.category)}`),
      searchText: searchTextFor({
        name: product.name,
        description: product.description,
        category: categoryName(product.category),
        group: group.name,
        village: group.village.name,
      }).searchText,
      supplyMode: product.supplyMode,
      stock: product.stock,
      leadTimeDays: product.leadTimeDays,
      capacityPerWeek: product.capacityPerWeek,
      bookedByWeek: product.bookedByWeek,
    })),
  };
}

/** The facts the matcher sees of a request: its words, category, quantity, date and place. */
export function requestFactsOf(request: WorldRequest): RequestFacts {
  return {
    words: [...new Set(normalizeForSearch(request.title).split(" ").filter(Boolean))],
    categoryId: request.category,
    quantity: request.quantity,
    neededBy: request.neededBy,
    latitude: request.village.latitude,
    longitude: request.village.longitude,
    maxKm: request.radiusKm,
  };
}
