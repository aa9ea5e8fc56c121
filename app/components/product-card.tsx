import { Link } from "@remix-run/react";
import type { ProductUnit } from "~/.server/db/generated/sqlite/enums";
import { useT } from "~/utils/i18n";
import { UNIT_KEYS } from "~/utils/labels";
import { formatRupiah } from "~/utils/money";
import { ResponsiveImage, type ResponsiveImageData } from "./responsive-image";

export type ProductCardData = {
  slug: string;
  name: string;
  unit: ProductUnit;
  price: number;
  minOrderQuantity: number;
  group: { name: string; village: { name: string } };
  image: (ResponsiveImageData & { alt: string }) | null;
};

export function ProductCard({ product, eager = false }: { product: ProductCardData; eager?: boolean }) {
  const t = useT();
  return (
    <li className="card flex flex-col overflow-hidden p-0">
      <Link to={`/produk/${product.slug}`} className="flex flex-1 flex-col">
        {product.image ? (
          <ResponsiveImage
            image={product.image}
            alt={product.image.alt}
            sizes="(min-width: 768px) 240px, 50vw"
            eager={eager}
            className="aspect-[4/3] w-full bg-stone-100 object-cover"
          />
        ) : (
          <div className="aspect-[4/3] w-full bg-stone-100" aria-hidden="true" />
        )}
        <div className="flex flex-1 flex-col gap-1 p-3">
          <h3 className="font-semibold leading-snug">{product.name}</h3>
          <p className="text-lg font-bold text-brand-700">
            {formatRupiah(product.price)}
            <span className="text-sm font-normal text-stone-600"> / {t(UNIT_KEYS[product.unit])}</span>
          </p>
          <p className="text-sm text-stone-600">
            {t("product.min_order_short", {
              qty: product.minOrderQuantity,
              unit: t(UNIT_KEYS[product.unit]),
            })}
          </p>
          <p className="mt-auto pt-1 text-sm text-stone-500">
            {product.group.name} · {product.group.village.name}
          </p>
        </div>
      </Link>
    </li>
  );
}

/** Products as a grid of cards: two across on a phone, four on a desktop; the first `eager` load at once. */
export function ProductGrid({
  products,
  eager = 0,
  className = "",
}: {
  products: ProductCardData[];
  eager?: number;
  className?: string;
}) {
  return (
    <ul className={`grid grid-cols-2 gap-3 md:grid-cols-4 ${className}`}>
      {products.map((product, index) => (
        <ProductCard key={product.slug} product={product} eager={index < eager} />
      ))}
    </ul>
  );
}
