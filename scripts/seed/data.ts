// The demo: Desa Jayagiri and neighbouring villages of Kecamatan Lembang, Kabupaten Bandung Barat.
// Names of people and businesses are invented. The areas are the published dataset's
// (idn-area-data, Kemendagri codes): the seed loads all of Kabupaten Bandung Barat from it, and
// gives the demo's villages their coordinates (approximate village centres), which the dataset
// does not have.

export const DEMO_PASSWORD = "lembang-sejahtera";

export const PROVINCE = { code: "32", name: "Jawa Barat" };
export const REGENCY = { code: "32.17", name: "Kabupaten Bandung Barat" };
export const VILLAGES = [
  { code: "32.17.01.2008", name: "Jayagiri", lat: -6.8037, lng: 107.6281 },
  { code: "32.17.01.2005", name: "Cikahuripan", lat: -6.8155, lng: 107.6254 },
  { code: "32.17.01.2002", name: "Kayuambon", lat: -6.8173, lng: 107.6152 },
  { code: "32.17.01.2003", name: "Lembang", lat: -6.8114, lng: 107.6175 },
  { code: "32.17.01.2007", name: "Gudangkahuripan", lat: -6.8201, lng: 107.6062 },
  { code: "32.17.01.2009", name: "Cibodas", lat: -6.8147, lng: 107.6631 },
  { code: "32.17.01.2006", name: "Cikole", lat: -6.7851, lng: 107.6462 },
  { code: "32.17.01.2016", name: "Wangunsari", lat: -6.8248, lng: 107.6089 },
  { code: "32.17.02.2004", name: "Cihideung", lat: -6.8213, lng: 107.5872 },
];

export type DemoCategory = {
  slug: string;
  id: string;
  en: string;
  children: { slug: string; id: string; en: string }[];
};
export const CATEGORIES: DemoCategory[] = [
  {
    slug: "kerajinan",
    id: "Kerajinan",
    en: "Crafts",
    children: [
      { slug: "anyaman-bambu", id: "Anyaman bambu", en: "Woven bamboo" },
      { slug: "rajutan", id: "Rajutan", en: "Knitwear" },
      { slug: "tekstil", id: "Tekstil & keset", en: "Textiles & mats" },
    ],
  },
  {
    slug: "makanan-minuman",
    id: "Makanan & minuman",
    en: "Food & drink",
    children: [
      { slug: "olahan-susu", id: "Olahan susu", en: "Dairy products" },
      { slug: "keripik", id: "Keripik", en: "Chips" },
      { slug: "kue", id: "Kue", en: "Cakes & pastries" },
      { slug: "olahan-stroberi", id: "Olahan stroberi", en: "Strawberry products" },
    ],
  },
  {
    slug: "pertanian",
    id: "Pertanian",
    en: "Farm produce",
    children: [
      { slug: "stroberi", id: "Stroberi segar", en: "Fresh strawberries" },
      { slug: "sayur", id: "Sayur", en: "Vegetables" },
    ],
  },
];

export type Motif = "weave" | "knit" | "mat" | "jar" | "chips" | "cake" | "berry" | "leaf" | "block";

export type DemoProduct = {
  name: string;
  category: string;
  unit: "PCS" | "KG" | "PAK" | "LUSIN" | "BOTOL" | "TOPLES" | "LITER";
  price: number;
  min: number;
  multiple?: number;
  stock: number;
  madeToOrder?: { capacityPerWeek: number; leadTimeDays: number };
  tiers?: [number, number][];
  description: string;
  motif: Motif;
  colors: [string, string];
  halal?: string;
  pirt?: string;
};

export type DemoGroup = {
  slug: string;
  name: string;
  village: string;
  rw: string;
  stage: "TUMBUH" | "BERKEMBANG" | "MAJU";
  baseline: number;
  story: string;
  bank: [string, string];
  manager: { name: string; phone: string; role: "KETUA" | "BENDAHARA" };
  treasurer?: { name: string; phone: string };
  members: string[];
  products: DemoProduct[];
  /** Orders per month at the start of the history (18 months), and how many by its end. */
  ordersPerMonth: [number, number];
  /** How its sales went, so every flag and chart TKM looks at shows something true. */
  history: DemoHistory;
};

export type DemoHistory = {
  /**
   * steady: orders follow ordersPerMonth; growing: income rises each of the last four complete
   * months; shrinking: it falls three months running up to the last complete one; quiet: nothing
   * ordered or paid in the last 70 days.
   */
  trend: "steady" | "growing" | "shrinking" | "quiet";
  /** Share of orders delivered after the day the buyer asked for, and in the last four months. */
  lateShare: number;
  lateShareRecent?: number;
  /** Why an order was late, as the buyer heard it (every product of the group can be late so). */
  lateReasons: string[];
  /** A buyer on tempo whose invoices from the last two months are left unpaid past their due day. */
  overdueBuyer?: string;
  /** Why the story goes this way, for whoever reads the seed. */
  note: string;
};

export const GROUPS: DemoGroup[] = [
  {
    slug: "kube-perempuan-mandiri",
    name: "KUBE Perempuan Mandiri",
    village: "Jayagiri",
    rw: "08",
    stage: "TUMBUH",
    baseline: 650_000,
    story:
      "Kelompok ibu-ibu RW 08 Jayagiri yang menganyam bambu, merajut tas dan membuat keset dari kain perca. Dulu menunggu bantuan; sekarang menerima pesanan dari toko oleh-oleh dan hotel di Lembang.",
    bank: ["BRI", "0123-01-004567-50-8"],
    manager: { name: "Euis Komalasari", phone: "081200000001", role: "KETUA" },
    treasurer: { name: "Neneng Suryani", phone: "081200000002" },
    members: [
      "Yati Rohayati",
      "Iis Aisyah",
      "Cucu Sumiati",
      "Enok Kuraesin",
      "Titin Supriatin",
      "Popon Rosita",
      "Entin Kartini",
      "Imas Masitoh",
      "Dedeh Juariah",
      "Onih Rukmini",
    ],
    ordersPerMonth: [2, 5],
    history: {
      trend: "growing",
      lateShare: 0.08,
      lateReasons: ["kata ketua, bahan bakunya telat datang", "beberapa anggota sedang sakit"],
      overdueBuyer: "hotel-puncak-lembang",
      note: "Orders from hotels and oleh-oleh shops keep coming since the group joined the network.",
    },
    products: [
      {
        name: "Besek bambu tutup (set 3 ukuran)",
        category: "anyaman-bambu",
        unit: "PAK",
        price: 27_000,
        min: 20,
        stock: 140,
        tiers: [
          [50, 25_000],
          [200, 22_500],
        ],
        description:
          "Besek anyaman bambu tali dengan tutup, tiga ukuran bersusun. Cocok untuk hantaran, parsel dan kemasan oleh-oleh.",
        motif: "weave",
        colors: ["#d9b26f", "#8a5a2b"],
      },
      {
        name: "Keranjang bambu buah",
        category: "anyaman-bambu",
        unit: "PCS",
        price: 35_000,
        min: 10,
        stock: 60,
        tiers: [[40, 32_000]],
        description:
          "Keranjang anyaman bambu dengan pegangan, diameter 30 cm. Dipakai kafe dan hotel untuk buah dan roti.",
        motif: "weave",
        colors: ["#e2c185", "#7b4f24"],
      },
      {
        name: "Tatakan gelas anyaman bambu",
        category: "anyaman-bambu",
        unit: "LUSIN",
        price: 48_000,
        min: 5,
        stock: 45,
        description: "Satu lusin tatakan gelas bulat 10 cm dari anyaman bambu halus, dipernis tahan air.",
        motif: "weave",
        colors: ["#c9a15e", "#6e4521"],
      },
      {
        name: "Tas rajut benang katun",
        category: "rajutan",
        unit: "PCS",
        price: 85_000,
        min: 6,
        stock: 0,
        madeToOrder: { capacityPerWeek: 30, leadTimeDays: 14 },
        tiers: [[24, 78_000]],
        description:
          "Tas bahu rajutan tangan dari benang katun, pilihan warna krem, hijau sage, dan terakota.",
        motif: "knit",
        colors: ["#b7c4a3", "#5b6e4a"],
      },
      {
        name: "Keset kain perca bulat",
        category: "tekstil",
        unit: "PCS",
        price: 22_000,
        min: 12,
        stock: 200,
        tiers: [
          [60, 19_500],
          [240, 17_000],
        ],
        description: "Keset bulat 40 cm dari kain perca sisa konveksi, dijahit rapat dan bisa dicuci.",
        motif: "mat",
        colors: ["#d98b6b", "#6d8fb3"],
      },
      {
        name: "Keset kain perca persegi",
        category: "tekstil",
        unit: "PCS",
        price: 25_000,
        min: 12,
        stock: 150,
        description: "Keset persegi 40 × 60 cm dari kain perca, warna acak yang ceria.",
        motif: "mat",
        colors: ["#e6b655", "#b35c5c"],
      },
    ],
  },
  {
    slug: "kube-sauyunan",
    name: "KUBE Sauyunan",
    village: "Jayagiri",
    rw: "03",
    stage: "BERKEMBANG",
    baseline: 1_200_000,
    story:
      "Ibu-ibu peternak sapi perah di Jayagiri mengolah susu segar menjadi dodol, karamel dan tahu susu.",
    bank: ["BJB", "0078-4412-300"],
    manager: { name: "Rina Marlina", phone: "081200000003", role: "KETUA" },
    members: [
      "Eti Hayati",
      "Wiwin Winarsih",
      "Ai Nurhasanah",
      "Lilis Suryati",
      "Nining Kurniasih",
      "Ela Nurlaela",
      "Tati Hartati",
    ],
    ordersPerMonth: [3, 6],
    history: {
      trend: "shrinking",
      lateShare: 0.27,
      lateShareRecent: 0.5,
      lateReasons: [
        "pasokan susu dari peternak sedang berkurang",
        "mesin pengemas sedang rusak",
        "kata ketua, anggota banyak yang sedang ke sawah",
      ],
      overdueBuyer: "hotel-puncak-lembang",
      note: "Milk from the farmers fell short; deliveries slipped and buyers went elsewhere.",
    },
    products: [
      {
        name: "Dodol susu Lembang",
        category: "olahan-susu",
        unit: "PAK",
        price: 18_000,
        min: 24,
        multiple: 12,
        stock: 360,
        tiers: [
          [96, 16_500],
          [240, 15_000],
        ],
        description:
          "Dodol dari susu sapi segar Lembang, isi 250 g per pak. Dijual per kelipatan 12 pak (satu dus).",
        motif: "block",
        colors: ["#f1e4c8", "#a9773f"],
        halal: "ID32110012345670524",
        pirt: "2063217010123-27",
      },
      {
        name: "Karamel susu",
        category: "olahan-susu",
        unit: "PAK",
        price: 15_000,
        min: 24,
        multiple: 12,
        stock: 240,
        description: "Permen karamel susu lembut, 200 g per pak.",
        motif: "block",
        colors: ["#f3d9a4", "#8d5a26"],
        pirt: "2063217010124-27",
      },
      {
        name: "Tahu susu",
        category: "olahan-susu",
        unit: "PAK",
        price: 12_000,
        min: 20,
        stock: 0,
        madeToOrder: { capacityPerWeek: 300, leadTimeDays: 2 },
        description:
          "Tahu dari susu sapi, isi 10 potong. Dibuat segar sesuai pesanan; tahan 3 hari di lemari es.",
        motif: "block",
        colors: ["#fbf6e9", "#cbb994"],
      },
      {
        name: "Yoghurt susu segar 1 liter",
        category: "olahan-susu",
        unit: "BOTOL",
        price: 32_000,
        min: 12,
        stock: 48,
        tiers: [[48, 29_000]],
        description: "Yoghurt tawar dari susu segar, botol 1 liter. Banyak dipakai kafe untuk smoothie.",
        motif: "jar",
        colors: ["#f7f3ea", "#7fa7c9"],
      },
      {
        name: "Susu pasteurisasi 1 liter",
        category: "olahan-susu",
        unit: "LITER",
        price: 16_000,
        min: 20,
        stock: 80,
        description: "Susu sapi segar dipasteurisasi, dikirim pagi hari dalam kotak pendingin.",
        motif: "jar",
        colors: ["#ffffff", "#9dbbd6"],
      },
    ],
  },
  {
    slug: "kube-mekar-sari",
    name: "KUBE Mekar Sari",
    village: "Cikahuripan",
    rw: "05",
    stage: "BERKEMBANG",
    baseline: 900_000,
    story:
      "Kelompok ibu-ibu pemetik stroberi di Cikahuripan yang mengolah buah sortiran menjadi selai, sirup dan dodol.",
    bank: ["BRI", "0456-01-007781-50-2"],
    manager: { name: "Siti Rohimah", phone: "081200000004", role: "KETUA" },
    members: [
      "Yuyun Yuningsih",
      "Elis Lisnawati",
      "Dewi Sartika",
      "Omah Rohmah",
      "Ade Rukmana",
      "Heni Hendrayani",
      "Nia Kurniawati",
      "Sri Mulyani",
    ],
    ordersPerMonth: [2, 5],
    history: {
      trend: "steady",
      lateShare: 0.06,
      lateReasons: ["stroberi sedang langka karena hujan terus"],
      note: "A steady seller of strawberry products to oleh-oleh shops.",
    },
    products: [
      {
        name: "Selai stroberi 250 g",
        category: "olahan-stroberi",
        unit: "TOPLES",
        price: 28_000,
        min: 12,
        stock: 120,
        tiers: [[48, 25_000]],
        description: "Selai stroberi Lembang, kental dan tidak terlalu manis, toples kaca 250 g.",
        motif: "jar",
        colors: ["#e0475b", "#f6d1d6"],
        pirt: "2063217020456-28",
      },
      {
        name: "Sirup stroberi 600 ml",
        category: "olahan-stroberi",
        unit: "BOTOL",
        price: 30_000,
        min: 12,
        stock: 96,
        description: "Sirup stroberi asli, untuk minuman kafe dan es buah.",
        motif: "jar",
        colors: ["#c8243a", "#f2b8c0"],
      },
      {
        name: "Dodol stroberi",
        category: "olahan-stroberi",
        unit: "PAK",
        price: 17_000,
        min: 24,
        multiple: 12,
        stock: 240,
        description: "Dodol stroberi isi 250 g, oleh-oleh khas Lembang.",
        motif: "block",
        colors: ["#d94e63", "#7a2331"],
      },
      {
        name: "Stroberi beku 1 kg",
        category: "olahan-stroberi",
        unit: "KG",
        price: 38_000,
        min: 10,
        stock: 70,
        description: "Stroberi utuh dibekukan cepat, untuk jus dan dessert.",
        motif: "berry",
        colors: ["#e2384d", "#5f9e57"],
      },
      {
        name: "Manisan stroberi kering",
        category: "olahan-stroberi",
        unit: "PAK",
        price: 22_000,
        min: 20,
        stock: 100,
        description: "Stroberi kering manis, 150 g per pak.",
        motif: "berry",
        colors: ["#b8323f", "#f0c27b"],
      },
    ],
  },
  {
    slug: "kube-saluyu",
    name: "KUBE Saluyu",
    village: "Kayuambon",
    rw: "11",
    stage: "TUMBUH",
    baseline: 500_000,
    story:
      "Kelompok ibu rumah tangga Kayuambon yang menggoreng keripik dari singkong, pisang dan tempe hasil kebun sekitar.",
    bank: ["BRI", "0789-01-003321-50-6"],
    manager: { name: "Ecin Kuraesin", phone: "081200000005", role: "KETUA" },
    members: [
      "Imas Rosmiati",
      "Enung Nurjanah",
      "Ipah Saripah",
      "Mimin Mintarsih",
      "Oon Rohaeni",
      "Atikah Suhaemi",
    ],
    ordersPerMonth: [2, 4],
    history: {
      trend: "steady",
      lateShare: 0.12,
      lateReasons: [
        "kata ketua, bahan bakunya sulit didapat karena hujan",
        "penggorengan besar sedang rusak",
      ],
      note: "Steady, sometimes late in the rainy season.",
    },
    products: [
      {
        name: "Keripik singkong balado",
        category: "keripik",
        unit: "PAK",
        price: 12_000,
        min: 30,
        stock: 300,
        tiers: [
          [120, 10_500],
          [300, 9_500],
        ],
        description: "Keripik singkong pedas manis, 200 g per pak.",
        motif: "chips",
        colors: ["#e8a33d", "#c0392b"],
        pirt: "2063217030789-26",
      },
      {
        name: "Keripik pisang manis",
        category: "keripik",
        unit: "PAK",
        price: 13_000,
        min: 30,
        stock: 240,
        description: "Keripik pisang kepok tipis dengan gula aren, 200 g.",
        motif: "chips",
        colors: ["#f0c75e", "#8a6d1f"],
      },
      {
        name: "Keripik tempe sagu",
        category: "keripik",
        unit: "PAK",
        price: 11_000,
        min: 30,
        stock: 200,
        description: "Keripik tempe tipis renyah dengan daun jeruk, 150 g.",
        motif: "chips",
        colors: ["#e9d29a", "#6b8e23"],
      },
      {
        name: "Opak singkong bakar",
        category: "keripik",
        unit: "PAK",
        price: 10_000,
        min: 30,
        stock: 150,
        description: "Opak singkong dibakar di atas bara, isi 10 lembar.",
        motif: "chips",
        colors: ["#f2e3bf", "#a27b48"],
      },
      {
        name: "Rengginang ketan",
        category: "keripik",
        unit: "PAK",
        price: 15_000,
        min: 20,
        stock: 0,
        madeToOrder: { capacityPerWeek: 150, leadTimeDays: 5 },
        description: "Rengginang ketan terasi, mentah siap goreng, isi 20 keping.",
        motif: "chips",
        colors: ["#f7f0dc", "#b89b5e"],
      },
    ],
  },
  {
    slug: "kube-berkah-rajut",
    name: "KUBE Berkah Rajut",
    village: "Lembang",
    rw: "02",
    stage: "MAJU",
    baseline: 1_500_000,
    story:
      "Perajut Desa Lembang yang memasok topi, syal dan tas rajut untuk toko oleh-oleh di jalur wisata Tangkuban Parahu.",
    bank: ["Mandiri", "131-00-1234567-8"],
    manager: { name: "Yeni Nuraeni", phone: "081200000006", role: "KETUA" },
    members: [
      "Rini Suhartini",
      "Nenden Rahayu",
      "Ika Kartika",
      "Ani Rohani",
      "Sumiati",
      "Rosidah",
      "Tuti Alawiyah",
      "Ecih Sukaesih",
      "Eha Julaeha",
    ],
    ordersPerMonth: [3, 7],
    history: {
      trend: "steady",
      lateShare: 0.1,
      lateReasons: ["benangnya harus dipesan dulu ke Bandung"],
      note: "Busy with made-to-order bags; the yarn sometimes has to be ordered first.",
    },
    products: [
      {
        name: "Topi kupluk rajut",
        category: "rajutan",
        unit: "PCS",
        price: 35_000,
        min: 12,
        stock: 180,
        tiers: [
          [60, 31_000],
          [180, 28_000],
        ],
        description: "Kupluk rajut tebal untuk udara dingin Lembang, berbagai warna.",
        motif: "knit",
        colors: ["#7c9cbf", "#2f4f6f"],
      },
      {
        name: "Syal rajut panjang",
        category: "rajutan",
        unit: "PCS",
        price: 45_000,
        min: 12,
        stock: 90,
        description: "Syal rajut 160 cm, benang akrilik lembut.",
        motif: "knit",
        colors: ["#c46b5a", "#6e2f26"],
      },
      {
        name: "Sarung tangan rajut",
        category: "rajutan",
        unit: "LUSIN",
        price: 180_000,
        min: 2,
        stock: 30,
        description: "Satu lusin sarung tangan rajut dewasa.",
        motif: "knit",
        colors: ["#9a8fbf", "#4b3f72"],
      },
      {
        name: "Gantungan kunci rajut",
        category: "rajutan",
        unit: "LUSIN",
        price: 60_000,
        min: 5,
        stock: 50,
        tiers: [[20, 54_000]],
        description: "Gantungan kunci boneka rajut kecil, satu lusin berbagai bentuk.",
        motif: "knit",
        colors: ["#f2a7b8", "#6fb7a8"],
      },
      {
        name: "Tas rajut tali kur",
        category: "rajutan",
        unit: "PCS",
        price: 95_000,
        min: 6,
        stock: 0,
        madeToOrder: { capacityPerWeek: 25, leadTimeDays: 10 },
        description: "Tas jinjing rajut dari tali kur, kuat untuk belanja.",
        motif: "knit",
        colors: ["#d7c49e", "#343148"],
      },
      {
        name: "Taplak meja rajut",
        category: "tekstil",
        unit: "PCS",
        price: 120_000,
        min: 4,
        stock: 16,
        description: "Taplak rajut renda 100 × 100 cm untuk meja kafe dan vila.",
        motif: "mat",
        colors: ["#faf3e0", "#b99b6b"],
      },
    ],
  },
  {
    slug: "kube-sekar-tani",
    name: "KUBE Sekar Tani",
    village: "Cibodas",
    rw: "06",
    stage: "TUMBUH",
    baseline: 700_000,
    story:
      "Ibu-ibu petani Cibodas yang menjual sayur dan stroberi segar langsung dari kebun, dan membuat kue basah untuk acara.",
    bank: ["BJB", "0091-2287-100"],
    manager: { name: "Eneng Hasanah", phone: "081200000007", role: "KETUA" },
    members: [
      "Dedah Rosidah",
      "Uum Umayah",
      "Acih Sukaesih",
      "Mamah Halimah",
      "Kokom Komariah",
      "Iyah Sopiah",
    ],
    ordersPerMonth: [1, 4],
    history: {
      trend: "quiet",
      lateShare: 0.15,
      lateReasons: ["hujan deras, jalan desa sempat tertutup longsor"],
      note: "The ketua fell ill and the harvest failed; nothing sold for the last ten weeks.",
    },
    products: [
      {
        name: "Stroberi segar grade A",
        category: "stroberi",
        unit: "KG",
        price: 45_000,
        min: 5,
        stock: 60,
        tiers: [[20, 42_000]],
        description: "Stroberi petik pagi, ukuran besar, dikemas kotak 250 g.",
        motif: "berry",
        colors: ["#e63946", "#2a9d8f"],
      },
      {
        name: "Paket sayur segar",
        category: "sayur",
        unit: "PAK",
        price: 25_000,
        min: 10,
        stock: 40,
        description: "Sayur campur dari kebun: wortel, buncis, kol, tomat; sekitar 2 kg per paket.",
        motif: "leaf",
        colors: ["#6a994e", "#f4a261"],
      },
      {
        name: "Selada keriting",
        category: "sayur",
        unit: "KG",
        price: 18_000,
        min: 5,
        stock: 50,
        description: "Selada keriting hidroponik, segar untuk salad dan burger.",
        motif: "leaf",
        colors: ["#90be6d", "#386641"],
      },
      {
        name: "Kue putu ayu",
        category: "kue",
        unit: "LUSIN",
        price: 24_000,
        min: 5,
        stock: 0,
        madeToOrder: { capacityPerWeek: 80, leadTimeDays: 1 },
        description: "Kue putu ayu pandan kelapa, dipesan H-1 untuk rapat dan acara.",
        motif: "cake",
        colors: ["#74c69d", "#f1faee"],
      },
      {
        name: "Bolu kukus pandan",
        category: "kue",
        unit: "LUSIN",
        price: 30_000,
        min: 5,
        stock: 0,
        madeToOrder: { capacityPerWeek: 60, leadTimeDays: 1 },
        description: "Bolu kukus mekar rasa pandan dan cokelat.",
        motif: "cake",
        colors: ["#95d5b2", "#6f4e37"],
      },
    ],
  },
];

export type DemoBusiness = {
  slug: string;
  name: string;
  kind: "TOKO_OLEH_OLEH" | "KAFE" | "RESTORAN" | "HOTEL" | "KATERING" | "KANTOR";
  village: string;
  address: string;
  owner: { name: string; phone: string };
  /** Which categories this business buys. */
  buys: string[];
  /** The only groups it has bought from so far (its regular suppliers); any group when absent. */
  onlyFrom?: string[];
};

export const BUSINESSES: DemoBusiness[] = [
  {
    slug: "toko-oleh-oleh-rasa-lembang",
    name: "Toko Oleh-oleh Rasa Lembang",
    kind: "TOKO_OLEH_OLEH",
    village: "Lembang",
    address: "Jl. Raya Lembang No. 120",
    owner: { name: "Dadang Sutisna", phone: "081300000001" },
    buys: ["olahan-susu", "olahan-stroberi", "keripik", "anyaman-bambu", "rajutan"],
  },
  {
    slug: "galeri-kriya-tangkuban",
    name: "Galeri Kriya Tangkuban",
    kind: "TOKO_OLEH_OLEH",
    village: "Cikole",
    address: "Jl. Raya Tangkuban Parahu km 3",
    owner: { name: "Asep Saepudin", phone: "081300000002" },
    buys: ["anyaman-bambu", "rajutan", "tekstil"],
  },
  {
    slug: "kafe-kebun-teh",
    name: "Kafe Kebun Teh",
    kind: "KAFE",
    village: "Cikahuripan",
    address: "Jl. Kolonel Masturi No. 45",
    owner: { name: "Rizky Pratama", phone: "081300000003" },
    buys: ["olahan-susu", "olahan-stroberi", "kue", "anyaman-bambu"],
  },
  {
    slug: "kopi-bukit-jayagiri",
    name: "Kopi Bukit Jayagiri",
    kind: "KAFE",
    village: "Jayagiri",
    address: "Jl. Jayagiri No. 8",
    owner: { name: "Fajar Nugraha", phone: "081300000004" },
    buys: ["olahan-susu", "kue", "keripik"],
  },
  {
    slug: "hotel-puncak-lembang",
    name: "Hotel Puncak Lembang",
    kind: "HOTEL",
    village: "Gudangkahuripan",
    address: "Jl. Grand Hotel No. 33",
    owner: { name: "Hendra Gunawan", phone: "081300000005" },
    buys: ["anyaman-bambu", "tekstil", "olahan-susu", "sayur", "stroberi"],
  },
  {
    slug: "vila-cikole-asri",
    name: "Vila Cikole Asri",
    kind: "HOTEL",
    village: "Cikole",
    address: "Jl. Sukawangi No. 17",
    owner: { name: "Maya Anggraeni", phone: "081300000006" },
    buys: ["tekstil", "rajutan", "olahan-stroberi"],
  },
  {
    slug: "restoran-saung-sunda",
    name: "Restoran Saung Sunda",
    kind: "RESTORAN",
    village: "Kayuambon",
    address: "Jl. Maribaya No. 60",
    owner: { name: "Ujang Rahmat", phone: "081300000007" },
    buys: ["sayur", "keripik", "olahan-susu", "anyaman-bambu"],
  },
  {
    slug: "katering-ibu-imas",
    name: "Katering Ibu Imas",
    kind: "KATERING",
    village: "Wangunsari",
    address: "Jl. Wangunsari No. 21",
    owner: { name: "Imas Suryamah", phone: "081300000008" },
    buys: ["kue", "sayur", "keripik", "anyaman-bambu"],
  },
  {
    slug: "pusat-oleh-oleh-stroberi",
    name: "Pusat Oleh-oleh Stroberi Cihideung",
    kind: "TOKO_OLEH_OLEH",
    village: "Cihideung",
    address: "Jl. Kolonel Masturi km 7",
    owner: { name: "Wawan Setiawan", phone: "081300000009" },
    buys: ["olahan-stroberi", "olahan-susu", "keripik"],
  },
  {
    // Buys knitwear and table linen from one group only: a shop KUBE Perempuan Mandiri (which
    // also makes rajutan and keset) has never sold to, so "Usaha yang mungkin membeli" shows it.
    slug: "toko-suvenir-floating-market",
    name: "Toko Suvenir Floating Market",
    kind: "TOKO_OLEH_OLEH",
    village: "Gudangkahuripan",
    address: "Jl. Grand Hotel No. 33",
    owner: { name: "Yuyun Suryani", phone: "081300000010" },
    buys: ["rajutan", "tekstil"],
    onlyFrom: ["kube-berkah-rajut"],
  },
];

export const TKM_TEAMS = [
  {
    name: "TKM Desa Jayagiri",
    area: "32.17.01.2008",
    officers: [
      { name: "Nining Rusmini", phone: "081400000001", position: "Ketua TKM" },
      { name: "Agus Supriatna", phone: "081400000002", position: "Kader" },
    ],
  },
  {
    name: "TKM Kecamatan Lembang",
    area: "32.17.01",
    officers: [{ name: "Budi Hermawan", phone: "081400000003", position: "Pendamping kecamatan" }],
  },
];

export const ADMIN = { name: "Admin Jejaring", email: "admin@jejaring.test" };
