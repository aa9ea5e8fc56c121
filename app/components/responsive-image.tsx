export type ResponsiveImageData = {
  src: string;
  srcSet: string;
  width: number;
  height: number;
  sources: { type: string; srcSet: string }[];
};

/**
 * A stored picture as <picture>: AVIF, then WebP, then the JPEG <img>, each at the widths we
 * keep; width and height set so nothing shifts while it loads; lazy unless above the fold.
 */
export function ResponsiveImage({
  image,
  alt,
  sizes,
  eager = false,
  className,
}: {
  image: ResponsiveImageData;
  alt: string;
  sizes: string;
  eager?: boolean;
  className?: string;
}) {
  return (
    <picture>
      {image.sources.map((source) => (
        <source key={source.type} type={source.type} srcSet={source.srcSet} sizes={sizes} />
      ))}
      <img
        src={image.src}
        srcSet={image.srcSet}
        sizes={sizes}
        width={image.width}
        height={image.height}
        alt={alt}
        loading={eager ? "eager" : "lazy"}
        decoding="async"
        className={className}
      />
    </picture>
  );
}
