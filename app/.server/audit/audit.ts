import type { Tx } from "../db/client";

export type AuditInput = {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  groupId?: string | null;
  businessId?: string | null;
  data?: Record<string, unknown>;
};

/** Writes an audit event inside the caller's transaction, so it exists exactly when the change does. */
export async function audit(tx: Tx, input: AuditInput) {
  await tx.auditEvent.create({
    data: {
      actorId: input.actorId,
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId,
      groupId: input.groupId ?? null,
      businessId: input.businessId ?? null,
      data: JSON.stringify(input.data ?? {}),
    },
    select: { id: true },
  });
}
