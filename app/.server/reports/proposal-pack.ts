import { lastWibMonths, wibMonthKey, wibMonthStart } from "~/utils/time";
import type {
  BaselineMethod,
  GroupStage,
  InstitutionKind,
  MemberRole,
  ProductUnit,
  SupportKind,
} from "../db/client";
import { db } from "../db/client";
import { supportsForGroup } from "../institutions/support";
import { earnedIncomeByMonth } from "../ledger/summary";

// The proposal data pack (data untuk proposal bantuan/pinjaman): what a TKM officer attaches to an
// aid or loan proposal for one group of her area. Everything is read here; the PDF writer only
// draws it. Members are counted; their names appear only when the group allowed it
// (Group.shareMemberNames), because the pack goes to outsiders.

export const PACK_MONTHS = 12;
/** Products in the pack: a proposal needs the range, not the whole catalogue. */
export const PACK_PRODUCTS = 12;

export type PackProduct = {
  name: string;
  unit: ProductUnit;
  price: number;
  minOrderQuantity: number;
  /** The smallest stored JPEG variant of the first photo (pdfkit draws JPEG and PNG only). */
  photo: Uint8Array | null;
};

export type ProposalPack = {
  group: {
    id: string;
    slug: string;
    name: string;
    villageName: string;
    districtName: string | null;
    rw: string | null;
    story: string;
    joinedAt: Date;
    verifiedAt: Date | null;
    stage: GroupStage;
    /** When TKM last confirmed or overrode the stage; null when it never has. */
    stageDecidedAt: Date | null;
  };
  members: { count: number; names: { name: string; role: MemberRole }[] | null };
  products: PackProduct[];
  productCount: number;
  months: string[];
  salesByMonth: Record<string, number>;
  salesTotal: number;
  /** Distinct businesses with sales orders (not refused or cancelled) placed in the twelve months. */
  buyers: number;
  supports: {
    institution: string;
    institutionKind: InstitutionKind;
    kind: SupportKind;
    title: string;
    date: Date;
    amount: number | null;
  }[];
  baseline: { monthlyIncome: number; method: BaselineMethod | null; measuredOn: Date | null } | null;
  generatedAt: Date;
};

/**
 * The pack for one group, if it lies inside the area (by its village's path); null otherwise, so
 * a group elsewhere is answered exactly like one that does not exist.
 */
export async function proposalPack(
  tenant: { areaPath: string; groupId: string },
  now = new Date(),
): Promise<ProposalPack | null> {
  const group = await db.group.findFirst({
    where: { id: tenant.groupId, village: { path: { startsWith: tenant.areaPath } } },
    select: {
      id: true,
      slug: true,
      name: true,
      rw: true,
      story: true,
      joinedAt: true,
      verifiedAt: true,
      stage: true,
      shareMemberNames: true,
      baselineMonthlyIncome: true,
      village: { select: { name: true, parent: { select: { name: true } } } },
    },
  });
  if (!group) return null;
  const groupId = group.id;
  const months = lastWibMonths(now, PACK_MONTHS);
  const from = wibMonthStart(months[0] ?? wibMonthKey(now));
  const [decision, members, products, productCount, sales, buyers, supports, baseline] = await Promise.all([
    db.stageDecision.findFirst({
      where: { groupId },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true },
    }),
    db.groupMember.findMany({
      where: { groupId, leftAt: null },
      orderBy: [{ joinedAt: "asc" }, { name: "asc" }],
      select: { name: true, role: true },
    }),
    db.product.findMany({
      where: { groupId, status: "ACTIVE" },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: PACK_PRODUCTS,
      select: {
        name: true,
        unit: true,
        price: true,
        minOrderQuantity: true,
        images: {
          orderBy: { position: "asc" },
          take: 1,
          select: {
            asset: {
              select: {
                variants: {
                  where: { format: "jpeg" },
                  orderBy: { width: "asc" },
                  take: 1,
                  select: { bytes: true },
                },
              },
            },
          },
        },
      },
    }),
    db.product.count({ where: { groupId, status: "ACTIVE" } }),
    earnedIncomeByMonth({ groupId }, { from, to: now }),
    db.order.groupBy({
      by: ["businessId"],
      where: { groupId, placedAt: { gte: from, lt: now }, status: { notIn: ["REJECTED", "CANCELLED"] } },
    }),
    supportsForGroup(groupId, tenant.areaPath),
    db.groupBaseline.findFirst({
      where: { groupId },
      orderBy: { createdAt: "desc" },
      select: { monthlyIncome: true, method: true, measuredOn: true },
    }),
  ]);
  const salesByMonth = Object.fromEntries(months.map((month) => [month, sales.get(month) ?? 0]));
  return {
    group: {
      id: group.id,
      slug: group.slug,
      name: group.name,
      villageName: group.village.name,
      districtName: group.village.parent?.name ?? null,
      rw: group.rw,
      story: group.story,
      joinedAt: group.joinedAt,
      verifiedAt: group.verifiedAt,
      stage: group.stage,
      stageDecidedAt: decision?.createdAt ?? null,
    },
    members: { count: members.length, names: group.shareMemberNames ? members : null },
    products: products.map((product) => ({
      name: product.name,
      unit: product.unit,
      price: product.price,
      minOrderQuantity: product.minOrderQuantity,
      photo: product.images[0]?.asset.variants[0]?.bytes ?? null,
    })),
    productCount,
    months,
    salesByMonth,
    salesTotal: Object.values(salesByMonth).reduce((sum, amount) => sum + amount, 0),
    buyers: buyers.length,
    supports: supports.map((support) => ({
      institution: support.institution.name,
      institutionKind: support.institution.kind,
      kind: support.kind,
      title: support.title,
      date: support.date,
      amount: support.amount,
    })),
    // The baseline TKM recorded (its newest revision); a group from before baselines were
    // recorded with their method still has the mirrored figure.
    baseline: baseline
      ? baseline
      : group.baselineMonthlyIncome !== null
        ? { monthlyIncome: group.baselineMonthlyIncome, method: null, measuredOn: null }
        : null,
    generatedAt: now,
  };
}
