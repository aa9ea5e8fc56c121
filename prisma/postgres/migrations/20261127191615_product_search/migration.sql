-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "searchName" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '';

-- Hand-written: full-text search over "Product"."searchText" (the 'simple' configuration: no
-- stemming, so it matches exactly what SQLite's FTS5 index matches).
CREATE INDEX "Product_searchText_fts_idx" ON "Product" USING GIN (to_tsvector('simple', "searchText"));
