import { describe, expect, it } from "vitest";
import { catalogs, pickLang, translator } from "~/locales";
import {
  BUSINESS_KIND_KEYS,
  ORDER_STATUS_KEYS,
  PAYMENT_METHOD_KEYS,
  PAYMENT_STATUS_KEYS,
  UNIT_KEYS,
} from "~/utils/labels";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("translation catalogs", () => {
  const idKeys = Object.keys(catalogs.id).sort();
  const enKeys = Object.keys(catalogs.en).sort();

  it("have the same keys in Indonesian and English", () => {
    expect(enKeys.filter((k) => !idKeys.includes(k))).toEqual([]);
    expect(idKeys.filter((k) => !enKeys.includes(k))).toEqual([]);
  });

  it("have no empty text and the same placeholders in both languages", () => {
    for (const key of idKeys) {
      const id = catalogs.id[key as keyof typeof catalogs.id];
      const en = catalogs.en[key as keyof typeof catalogs.en];
      expect(id.trim(), key).not.toBe("");
      expect(en.trim(), key).not.toBe("");
      expect(placeholders(en), key).toEqual(placeholders(id));
    }
  });

  it("label every value the database stores", () => {
    for (const map of [
      BUSINESS_KIND_KEYS,
      ORDER_STATUS_KEYS,
      PAYMENT_METHOD_KEYS,
      PAYMENT_STATUS_KEYS,
      UNIT_KEYS,
    ]) {
      for (const key of Object.values(map)) expect(idKeys).toContain(key);
    }
  });

  it("uses the words Indonesian marketplaces use", () => {
    expect(catalogs.id["nav.products"]).toBe("Produk");
    expect(catalogs.id["order.status.SHIPPED"]).toBe("Dikirim");
    expect(catalogs.id["order.status.COMPLETED"]).toBe("Selesai");
  });

  it("fills placeholders", () => {
    expect(translator("id")("order.below_minimum", { min: 24 })).toBe("Minimal pemesanan 24.");
    expect(translator("en")("order.below_minimum", { min: 24 })).toBe("The minimum order is 24.");
  });

  it("writes a fraction with the reader's decimal mark (in Indonesian 1.5 reads as fifteen hundred)", () => {
    expect(translator("id")("match.reason.distance", { km: 1.5 })).toBe("1,5 km");
    expect(translator("id")("match.reason.rating", { rating: 4.8, count: 24 })).toBe(
      "nilai 4,8 dari 24 ulasan",
    );
    expect(translator("en")("match.reason.distance", { km: 1.5 })).toBe("1.5 km");
    // Whole numbers are left as they are: years, quantities and numbers written by the catalog.
    expect(translator("id")("order.below_minimum", { min: 1200 })).toBe("Minimal pemesanan 1200.");
  });
});

describe("pickLang", () => {
  it.each([
    ["en", null, "en"],
    ["id", "en-US,en;q=0.9", "id"],
    [null, "en-US,en;q=0.9", "en"],
    [null, "fr-FR,en;q=0.5,id;q=0.8", "id"],
    [null, "fr-FR", "id"],
    [null, null, "id"],
    ["xx", "en", "en"],
  ])("saved %s and Accept-Language %s give %s", (saved, accept, expected) => {
    expect(pickLang(saved, accept)).toBe(expected);
  });
});
