/** A write refused by a unique constraint (Prisma's P2002): someone else wrote the same key first. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && "code" in error && (error as { code: unknown }).code === "P2002";
}
