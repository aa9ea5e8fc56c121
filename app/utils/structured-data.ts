import type { ProductUnit, SupplyMode } from "~/.server/db/generated/sqlite/enums";

type ProductForJsonLd = {
  slug: string;
  name: string;
  description: string;
  price: number;
  minOrderQuantity: number;
  supplyMode: SupplyMode;
  stock: number;
  unit: ProductUnit;
  tiers: { minQuantity: number; unitPrice: number }[];
  image: { src: string } | null;
  group: { name: string; slug: string };
};

/** schema.org Product with its Offer, as search engines read it; safe to put inside <script>. */
export function productJsonLd(product: ProductForJsonLd, origin: string): string {
  const url = `${origin}/produk/${product.slug}`;
  const prices = [product.price, ...product.tiers.map((tier) => tier.unitPrice)];
  const availability =
    product.supplyMode === "MADE_TO_ORDER"
      ? "https://schema.org/PreOrder"
      : product.stock >= product.minOrderQuantity
        ? "https://schema.org/InStock"
        : "https://schema.org/OutOfStock";
  const data = {
    "@context": "https://schema.org",
    "@type": "Product",
    name: product.name,
    description: product.description || undefined,
    sku: product.slug,
    url,
    image: product.image ? [`${origin}${product.image.src}`] : undefined,
    brand: {
      "@type": "Organization",
      name: product.group.name,
      url: `${origin}/kelompok/${product.group.slug}`,
    },
    offers: {
      "@type": "AggregateOffer",
      priceCurrency: "IDR",
      lowPrice: Math.min(...prices),
      highPrice: Math.max(...prices),
      offerCount: prices.length,
      availability,
      url,
      eligibleQuantity: {
        "@type": "QuantitativeValue",
        minValue: product.minOrderQuantity,
        unitText: product.unit,
      },
    },
  };
  return JSON.stringify(data).replace(/</g, "\\u003c");
}
