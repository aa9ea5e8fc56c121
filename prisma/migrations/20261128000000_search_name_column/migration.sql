-- Hand-written, SQLite only (PostgreSQL needs no change): the search index gets the product's
-- name as a column of its own beside the whole text, so "does the name match the words" — the
-- relevance — is answered by the index itself rather than by reading every matching product
-- (see catalog/search.ts). Same index, same triggers, one more column; rebuilt from "Product".
DROP TRIGGER "ProductSearch_insert";
DROP TRIGGER "ProductSearch_update";
DROP TRIGGER "ProductSearch_delete";
DROP TABLE "ProductSearch";
CREATE VIRTUAL TABLE "ProductSearch" USING fts5(
    "name",
    "text",
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3 4'
);
INSERT INTO "ProductSearch" ("rowid", "name", "text") SELECT "rowid", "searchName", "searchText" FROM "Product";
CREATE TRIGGER "ProductSearch_insert" AFTER INSERT ON "Product" BEGIN
    INSERT INTO "ProductSearch" ("rowid", "name", "text") VALUES (new."rowid", new."searchName", new."searchText");
END;
CREATE TRIGGER "ProductSearch_update" AFTER UPDATE OF "searchText", "searchName" ON "Product" BEGIN
    DELETE FROM "ProductSearch" WHERE "rowid" = old."rowid";
    INSERT INTO "ProductSearch" ("rowid", "name", "text") VALUES (new."rowid", new."searchName", new."searchText");
END;
CREATE TRIGGER "ProductSearch_delete" AFTER DELETE ON "Product" BEGIN
    DELETE FROM "ProductSearch" WHERE "rowid" = old."rowid";
END;
