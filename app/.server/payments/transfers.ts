import type { MessageKey } from "~/locales";
import type { Viewer } from "../auth/guards";
import { isUniqueViolation } from "../db/errors";
import { audit } from "../audit/audit";
import { db, type OrderStatus, type Tx } from "../db/client";
import { processImage, storeImage, type ProcessedImage } from "../images/pipeline";
import { notifyBusinessUsers, notifyGroupManagers } from "../notifications/notifications";
import { withOrderLocked } from "../orders/lock";
import { canRecordPayment } from "../orders/state";
import { addToAmountPaid, bookReceivedPayment, PAYABLE_ORDER } from "./record";

// Bank transfer: the buyer reports a transfer (a photo of the proof, or the reference typed); the
// group's treasurer, or a TKM officer for the area, checks the account and confirms it arrived.
// Only then is it money in the books.

export type ReportTransferResult =
  | { ok: true; duplicate: boolean }
  | {
      ok: false;
      field: "amount" | "form" | "proof" | "reference";
      key: MessageKey;
      params?: Record<string, number>;
    };

export async function reportTransfer(
  businessId: string,
  userId: string,
  number: string,
  input: { amount: number; reference?: string; proof?: Uint8Array; idempotencyKey: string },
  now = new Date(),
): Promise<ReportTransferResult> {
  const key = `transfer:${businessId}:${input.idempotencyKey}`;
  // Checked before the photo is processed (a second of work), and again under the order's lock.
  const first = await reportProblem(
    db,
    await db.order.findFirst({ where: { number, businessId }, select: PAYABLE_ORDER }),
    key,
    input,
  );
  if (first) return first;
  let proof: ProcessedImage | null = null;
  if (input.proof) proof = await processImage(input.proof); // throws ImageRejected with its message
  try {
    return await withOrderLocked<ReportTransferResult>(
      { number, businessId },
      { ok: false, field: "form", key: "order.not_found" },
      async (tx, orderId) => {
        const order = await tx.order.findUniqueOrThrow({ where: { id: orderId }, select: PAYABLE_ORDER });
        const problem = await reportProblem(tx, order, key, input);
        if (problem) return problem;
        const proofImageId = proof ? await storeImage(tx, proof, { shared: false }) : null;
        const payment = await tx.payment.create({
          data: {
            orderId: order.id,
            groupId: order.groupId,
            method: "BANK_TRANSFER",
            state: "PENDING",
            amount: input.amount,
            reference: input.reference ?? "",
            proofImageId,
            idempotencyKey: key,
            createdAt: now,
          },
          select: { id: true },
        });
        await tx.orderEvent.create({
          data: {
            orderId: order.id,
            type: "transfer_reported",
            actorId: userId,
            note: String(input.amount),
            createdAt: now,
          },
          select: { id: true },
        });
        await audit(tx, {
          actorId: userId,
          action: "payment.report_transfer",
          entityType: "Payment",
          entityId: payment.id,
          groupId: order.groupId,
          businessId,
          data: { amount: input.amount, reference: input.reference ?? "", proof: proofImageId !== null },
        });
        await notifyGroupManagers(
          tx,
          order.groupId,
          "notify.transfer_reported",
          { number: order.number, amount: input.amount },
          `/kelola/pesanan/${order.number}`,
        );
        return { ok: true, duplicate: false };
      },
    );
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: true, duplicate: true };
    throw error;
  }
}

/** Why this report cannot be taken now (or that it was taken already); null when it can. */
async function reportProblem(
  reader: Pick<Tx, "payment">,
  order: { status: OrderStatus; total: number; amountPaid: number } | null,
  key: string,
  input: { amount: number; reference?: string; proof?: Uint8Array },
): Promise<ReportTransferResult | null> {
  if (!order) return { ok: false, field: "form", key: "order.not_found" };
  if (await reader.payment.findUnique({ where: { idempotencyKey: key }, select: { id: true } })) {
    return { ok: true, duplicate: true };
  }
  if (!canRecordPayment(order.status)) return { ok: false, field: "form", key: "payment.not_payable" };
  const due = order.total - order.amountPaid;
  if (input.amount > due) return { ok: false, field: "amount", key: "payment.exceeds_due", params: { due } };
  if (!input.proof && !input.reference)
    return { ok: false, field: "reference", key: "transfer.proof_or_reference" };
  return null;
}

export type ReviewTransferResult =
  { ok: true } | { ok: false; key: MessageKey; params?: Record<string, number> };

/**
 * Who may confirm, and where they are looking: a manager of the order's group on that order's
 * page, or a TKM officer whose area holds the group, on that group's page. A payment of another
 * order (or group) than the page names is not found.
 */
export type Reviewer =
  | { kind: "group"; groupId: string; orderNumber: string }
  | { kind: "tkm"; areaPath: string; groupId: string };

function reviewerScope(reviewer: Reviewer) {
  return reviewer.kind === "group"
    ? { groupId: reviewer.groupId, order: { number: reviewer.orderNumber } }
    : { groupId: reviewer.groupId, group: { village: { path: { startsWith: reviewer.areaPath } } } };
}

/**
 * The money is in the account (confirm) or is not (decline). Under the order's lock, so two
 * treasurers pressing at once confirm it once, and a cancelled order never takes it in.
 */
export async function reviewTransfer(
  reviewer: Reviewer,
  actorId: string,
  paymentId: string,
  decision: "confirm" | "decline",
  now = new Date(),
): Promise<ReviewTransferResult> {
  const found = await db.payment.findFirst({
    where: { id: paymentId, method: "BANK_TRANSFER", ...reviewerScope(reviewer) },
    select: { orderId: true },
  });
  if (!found) return { ok: false, key: "transfer.not_found" };
  return withOrderLocked<ReviewTransferResult>(
    { id: found.orderId },
    { ok: false, key: "transfer.not_found" },
    async (tx, orderId) => {
      const [payment, order] = await Promise.all([
        tx.payment.findUniqueOrThrow({
          where: { id: paymentId },
          select: { id: true, state: true, amount: true, reference: true },
        }),
        tx.order.findUniqueOrThrow({ where: { id: orderId }, select: PAYABLE_ORDER }),
      ]);
      if (payment.state !== "PENDING") return { ok: false, key: "transfer.already_reviewed" };
      if (decision === "confirm") {
        if (!canRecordPayment(order.status)) return { ok: false, key: "payment.not_payable" };
        const due = order.total - order.amountPaid;
        if (payment.amount > due) return { ok: false, key: "payment.exceeds_due", params: { due } };
      }
      await tx.payment.update({
        where: { id: payment.id },
        data:
          decision === "confirm"
            ? { state: "SUCCEEDED", receivedAt: now, recordedById: actorId }
            : { state: "FAILED", recordedById: actorId },
        select: { id: true },
      });
      if (decision === "decline") {
        await tx.orderEvent.create({
          data: {
            orderId: order.id,
            type: "transfer_declined",
            actorId,
            note: String(payment.amount),
            createdAt: now,
          },
          select: { id: true },
        });
        await audit(tx, {
          actorId,
          action: "payment.decline_transfer",
          entityType: "Payment",
          entityId: payment.id,
          groupId: order.groupId,
          businessId: order.businessId,
          data: { amount: payment.amount, by: reviewer.kind },
        });
        await notifyBusinessUsers(
          tx,
          order.businessId,
          "notify.transfer_declined",
          { number: order.number, amount: payment.amount },
          `/pesanan/${order.number}`,
        );
        return { ok: true };
      }
      await addToAmountPaid(tx, order, payment.amount);
      await bookReceivedPayment(tx, {
        order,
        paymentId: payment.id,
        amount: payment.amount,
        reference: payment.reference,
        actorId,
        now,
      });
      return { ok: true };
    },
  );
}

/** Transfers reported and waiting for someone to look at the account. */
export async function pendingTransfers(
  scope: { orderId: string } | { groupId: string } | { areaPath: string },
) {
  const where =
    "orderId" in scope
      ? { orderId: scope.orderId }
      : "groupId" in scope
        ? { groupId: scope.groupId }
        : { group: { village: { path: { startsWith: scope.areaPath } } } };
  const rows = await db.payment.findMany({
    where: { ...where, method: "BANK_TRANSFER", state: "PENDING" },
    orderBy: { createdAt: "asc" },
    take: 100,
    select: {
      id: true,
      amount: true,
      reference: true,
      createdAt: true,
      order: {
        select: { number: true, business: { select: { name: true } }, group: { select: { name: true } } },
      },
      proofImage: {
        select: {
          variants: {
            where: { format: "jpeg" },
            orderBy: { width: "desc" },
            take: 1,
            select: { hash: true },
          },
        },
      },
    },
  });
  return rows.map(({ proofImage, ...row }) => ({
    ...row,
    proofUrl: proofImage?.variants[0] ? `/gambar/${proofImage.variants[0].hash}` : null,
  }));
}

/**
 * Whether the viewer may see a transfer proof photo: the buyer of an order it was sent for, a
 * manager of that order's group, or a TKM officer of the group's area (who may confirm it).
 */
export async function mayViewTransferProof(viewer: Viewer, assetId: string): Promise<boolean> {
  const parties = [
    ...(viewer.business ? [{ order: { businessId: viewer.business.id } }] : []),
    ...(viewer.managedGroup ? [{ groupId: viewer.managedGroup.id }] : []),
    ...(viewer.tkmTeam ? [{ group: { village: { path: { startsWith: viewer.tkmTeam.areaPath } } } }] : []),
  ];
  if (parties.length === 0) return false;
  const payment = await db.payment.findFirst({
    where: { proofImageId: assetId, OR: parties },
    select: { id: true },
  });
  return payment !== null;
}
