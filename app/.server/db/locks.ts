import { dbKind, Prisma, type Tx } from "./client";

// Row locks for changes that read several fields and decide on them (an order's status, what is
// paid, what is shipped; what is still at a shop). Taken as the first statement of the transaction,
// so everything read after it is what the previous holder committed, and a second request waits
// instead of deciding on the same stale row. Decision 008 says which functions must take one.

/** Tables whose rows are locked this way; their names go into SQL, so only these. */
type LockableTable = "Order" | "ConsignmentPlacement" | "QuoteRequest" | "Group" | "TkmTeam";

/** Columns a lock may be keyed by (the row's id, or its number with the tenant that owns it). */
type LockColumn = "id" | "number" | "groupId" | "businessId";

/**
 * Locks the one row matching every condition until the transaction ends and returns its id, or
 * null when no row matches (a wrong id or another tenant's row: the caller answers "not found").
 * PostgreSQL: SELECT … FOR UPDATE. SQLite: a write that changes nothing, which takes the
 * database's write lock (SQLite has no row locks; it serialises writers).
 */
export async function lockRow(
  tx: Tx,
  table: LockableTable,
  where: Partial<Record<LockColumn, string>>,
): Promise<string | null> {
  const entries = Object.entries(where) as [LockColumn, string][];
  if (entries.length === 0) throw new Error("lockRow needs at least one condition");
  const conditions = Prisma.join(
    entries.map(([column, value]) => Prisma.sql`${Prisma.raw(`"${column}"`)} = ${value}`),
    " AND ",
  );
  const name = Prisma.raw(`"${table}"`);
  const rows =
    dbKind === "postgres"
      ? await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM ${name} WHERE ${conditions} FOR UPDATE`
      : await tx.$queryRaw<
          { id: string }[]
        >`UPDATE ${name} SET "id" = "id" WHERE ${conditions} RETURNING "id"`;
  return rows[0]?.id ?? null;
}

/**
 * The standing (name, suspension) of groups or businesses, read for a decision that must not race
 * a suspension: on PostgreSQL the rows are share-locked until the transaction ends (many orders
 * can hold them at once; the suspension's UPDATE waits for them, and a read waits for a suspension
 * being written, then sees it). SQLite serialises writers, so a plain read is enough there.
 */
export async function standing(
  tx: Tx,
  table: "Group" | "Business",
  ids: string[],
): Promise<{ id: string; name: string; suspendedAt: Date | string | null }[]> {
  if (ids.length === 0) return [];
  const name = Prisma.raw(`"${table}"`);
  const share = dbKind === "postgres" ? Prisma.sql`FOR SHARE` : Prisma.empty;
  return tx.$queryRaw`SELECT "id", "name", "suspendedAt" FROM ${name}
    WHERE "id" IN (${Prisma.join([...new Set(ids)].sort())}) ORDER BY "id" ${share}`;
}
