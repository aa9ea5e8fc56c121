// What buyers write about an order, picked to fit it: food is judged by its taste, packaging and
// freshness, crafts by how neat, strong and well coloured they are; an order delivered after the
// day the buyer asked for gets fewer stars and says why it was late. Indonesian, as buyers write.

export type Family = "food" | "craft";

/** Each demo category's family: what a buyer looks at when she rates it. */
export const CATEGORY_FAMILY: Record<string, Family> = {
  "anyaman-bambu": "craft",
  rajutan: "craft",
  tekstil: "craft",
  "olahan-susu": "food",
  keripik: "food",
  kue: "food",
  "olahan-stroberi": "food",
  stroberi: "food",
  sayur: "food",
};

/** [stars, comment] for an order that came on time, by category. */
const ON_TIME: Record<string, [number, string][]> = {
  "anyaman-bambu": [
    [5, "Anyamannya rapat dan rapi, tidak ada serpihan. Tamu hotel suka."],
    [5, "Bambunya kuat dan ukurannya seragam semua, pas untuk hampers."],
    [5, "Warnanya alami, halus dipegang, pengerjaannya teliti."],
    [4, "Anyaman rapi, hanya dua tutup besek agak seret dipasang."],
    [4, "Kokoh dan rapi. Ukuran yang kecil sedikit beda dari contoh, tapi masih terpakai."],
  ],
  rajutan: [
    [5, "Rajutannya rapi dan rapat, tidak ada benang yang lepas."],
    [5, "Warnanya cerah sesuai foto, jahitan talinya kuat."],
    [5, "Hasil rajutan halus dan kuat, layak untuk suvenir."],
    [4, "Warna sesuai pesanan. Dua buah ukurannya sedikit lebih kecil, tapi rajutannya rapi."],
  ],
  tekstil: [
    [5, "Jahitannya kuat, kesetnya tebal dan tidak mudah bergeser."],
    [5, "Paduan warna kain percanya cantik, rapi di setiap tepi."],
    [5, "Rapi dan warnanya serasi dengan kamar tamu vila kami."],
    [4, "Kokoh dan menyerap air, hanya ada satu jahitan tepi yang perlu dirapikan."],
  ],
  "olahan-susu": [
    [5, "Rasanya gurih susu, tidak terlalu manis. Tamu kafe suka."],
    [5, "Kemasannya tersegel baik, sampai di toko masih segar."],
    [5, "Dikirim dalam cool box, sampai masih dingin dan segar."],
    [4, "Rasanya enak, tapi tanggal kedaluwarsa di label kurang jelas terbaca."],
  ],
  keripik: [
    [5, "Renyah, bumbunya meresap, dan tidak berminyak."],
    [5, "Rasanya gurih dan pas, laku cepat di etalase."],
    [5, "Masih renyah walau sudah seminggu dipajang."],
    [4, "Enak dan renyah, tapi beberapa bungkus isinya agak hancur. Plastiknya bisa lebih tebal."],
  ],
  kue: [
    [5, "Kuenya lembut dan masih hangat waktu datang, rasanya enak."],
    [5, "Manisnya pas, tamu acara banyak yang nambah."],
    [5, "Dikemas dalam dus yang bersih, kue tidak penyok dan tetap segar."],
    [4, "Rasanya enak, hanya beberapa potong ukurannya lebih kecil."],
  ],
  "olahan-stroberi": [
    [5, "Rasa stroberinya terasa asli, asam manisnya pas."],
    [5, "Kemasannya tersegel baik, tidak ada yang bocor di jalan."],
    [5, "Harum stroberi segar, pembeli oleh-oleh suka."],
    [4, "Rasanya enak, tapi agak terlalu manis untuk lidah kami."],
  ],
  stroberi: [
    [5, "Buahnya segar, merah merata, dan besar-besar."],
    [5, "Dipetik pagi, sampai siang masih segar. Kemasan tray aman."],
    [5, "Manis dan tidak ada yang busuk, sortirannya bagus."],
    [4, "Segar dan manis, hanya ada beberapa buah yang memar di bawah."],
  ],
  sayur: [
    [5, "Sayurnya segar, daunnya hijau dan bersih."],
    [5, "Datang pagi sekali, masih segar untuk dapur restoran."],
    [5, "Timbangannya pas dan sayurnya segar, dikemas bersih."],
    [4, "Segar, tapi selada yang di bawah ikatan agak layu."],
  ],
};

/** What a buyer adds about the goods themselves when the order came late, by family. */
const LATE_GOODS: Record<Family, string[]> = {
  food: [
    "Rasanya tetap enak, tapi stok kami sempat kosong dua hari.",
    "Produknya masih segar, hanya jadwal kami jadi mundur.",
    "Kemasan aman dan rasanya seperti biasa, mohon lain kali kabari lebih awal.",
  ],
  craft: [
    "Hasilnya tetap rapi, tapi acara kami hampir tertunda.",
    "Barangnya kuat dan rapi, semoga lain kali tepat waktu.",
    "Warna dan hasil kerjanya bagus, sayang terlambat sampai.",
  ],
};

export type Review = { score: number; comment: string };

/**
 * A review for one received order of a product of `category`. `late` is how many days after the
 * wanted-by day it arrived and the reason the group gave; `pick` is the seed's random stream.
 */
export function reviewFor(
  category: string,
  late: { days: number; reason: string } | null,
  pick: () => number,
): Review {
  const family = CATEGORY_FAMILY[category];
  const lines = ON_TIME[category];
  if (!family || !lines) throw new Error(`No reviews for category ${category}`);
  if (late) {
    const goods = LATE_GOODS[family][Math.floor(pick() * LATE_GOODS[family].length)] ?? "";
    return {
      score: late.days <= 2 ? 3 : 2,
      comment: `Terlambat ${late.days} hari dari tanggal yang kami minta (${late.reason}). ${goods}`,
    };
  }
  // Now and then a buyer gives stars and writes nothing.
  if (pick() < 0.12) return { score: pick() < 0.7 ? 5 : 4, comment: "" };
  const [score, comment] = lines[Math.floor(pick() * lines.length)] ?? [5, ""];
  return { score, comment };
}
