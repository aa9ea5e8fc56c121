import { calendarDate, optionalPhone, rupiah } from "./fields";
import { z } from "./zod";

// Forms of the members' pages (/kelola/anggota) and bagi hasil (/kelola/bagi-hasil).

export const MEMBER_ROLES = ["ANGGOTA", "KETUA", "SEKRETARIS", "BENDAHARA"] as const;
export const DISTRIBUTION_BASES = ["QUANTITY", "HOURS"] as const;

const id = () => z.string({ error: "form.choose_one" }).min(1).max(64);
const whole = (max: number) =>
  z
    .number({ error: "form.number_required" })
    .int("form.whole_number")
    .min(0, "form.not_negative")
    .max(max, "form.too_large");
const monthKey = () =>
  z.string({ error: "form.required" }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, "members.month_invalid");

const memberFields = {
  name: z.string({ error: "form.required" }).trim().min(2, "form.too_short").max(80, "form.too_long"),
  rw: z
    .string()
    .trim()
    .max(6, "form.too_long")
    .regex(/^(rw\s*)?\d{1,3}$/i, "members.rw_invalid")
    .optional(),
  phone: optionalPhone(),
  role: z.enum(MEMBER_ROLES, { error: "form.choose_one" }),
  joinedAt: calendarDate(),
};

export const MemberSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("add"), ...memberFields }),
  z.object({ intent: z.literal("update"), memberId: id(), ...memberFields }),
  z.object({ intent: z.literal("left"), memberId: id(), leftAt: calendarDate() }),
]);

export const WorkSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("record"),
    memberId: id(),
    orderId: z.string().max(64).optional(),
    date: calendarDate(),
    quantity: whole(1_000_000).default(0),
    hours: whole(1_000).default(0),
    note: z.string().trim().max(200, "form.too_long").optional(),
  }),
  z.object({ intent: z.literal("delete"), contributionId: id() }),
]);

export const PeriodSchema = z.object({
  from: monthKey(),
  to: monthKey().optional(),
  basis: z.enum(DISTRIBUTION_BASES, { error: "form.choose_one" }).default("QUANTITY"),
});

export const SharingSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("save"), ...PeriodSchema.shape }),
  z.object({
    intent: z.literal("fund-rate"),
    percent: z
      .number({ error: "form.number_required" })
      .int("form.whole_number")
      .min(0, "members.fund_percent_range")
      .max(100, "members.fund_percent_range"),
    validFrom: calendarDate(),
    reason: z.string().trim().max(200, "form.too_long").optional(),
  }),
]);

export const DistributionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("approve") }),
  z.object({
    intent: z.literal("cancel"),
    reason: z
      .string({ error: "members.cancel_reason_required" })
      .trim()
      .min(3, "form.too_short")
      .max(300, "form.too_long"),
  }),
  z.object({ intent: z.literal("pay"), shareId: id(), amount: rupiah(1, 1_000_000_000) }),
]);
