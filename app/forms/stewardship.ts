import { calendarDate, optionalPhone, rupiah } from "./fields";
import { z } from "./zod";

// Forms of TKM's stewardship pages: a group's baseline and stage, verification and suspension,
// and registering a group on its members' behalf. Enum values the browser needs are listed here
// (tests/unit/stewardship-forms.test.ts checks them against the database's).

export const BASELINE_METHODS = ["SURVEY", "INTERVIEW", "RECORDS", "ESTIMATE"] as const;
export const GROUP_STAGES = ["TUMBUH", "BERKEMBANG", "MAJU"] as const;
export const REGISTER_ROLES = ["KETUA", "SEKRETARIS", "BENDAHARA", "ANGGOTA"] as const;
export const STANDING_ACTIONS = ["verify", "suspend", "reinstate"] as const;
/** Rows of people on the registration form (a KUBE has 5 to 20 households). */
export const REGISTER_ROWS = 20;

const REASON_MAX = 300;
const id = () => z.string({ error: "form.choose_one" }).min(1, "form.choose_one").max(64, "form.choose_one");
const optionalText = (max: number) => z.string().trim().max(max, "form.too_long").optional();

export const BaselineSchema = z.object({
  monthlyIncome: rupiah(0, 1_000_000_000),
  method: z.enum(BASELINE_METHODS, { error: "form.choose_one" }),
  measuredOn: calendarDate(),
  note: optionalText(REASON_MAX),
  reason: optionalText(REASON_MAX),
  basedOn: z.string().max(64).optional(),
  // One row per current member; a row left blank is no household line.
  households: z
    .array(z.object({ memberId: id(), monthlyIncome: rupiah(0, 1_000_000_000).optional() }))
    .max(100)
    .default([]),
});

export const StageSchema = z.object({
  stage: z.enum(GROUP_STAGES, { error: "form.choose_one" }),
  derivedSeen: z.enum(GROUP_STAGES, { error: "form.choose_one" }),
  reason: optionalText(REASON_MAX),
});

export const StandingSchema = z.object({
  intent: z.literal("standing"),
  entity: z.enum(["group", "business"], { error: "form.choose_one" }),
  id: id(),
  action: z.enum(STANDING_ACTIONS, { error: "form.choose_one" }),
  reason: optionalText(REASON_MAX),
});

/** The same, where one select names the group or business as "group:<id>" or "business:<id>". */
export const StandingChoiceSchema = z.preprocess((value) => {
  if (!value || typeof value !== "object" || !("target" in value) || typeof value.target !== "string") {
    return value;
  }
  const [entity, id] = value.target.split(":");
  return { ...value, entity, id };
}, StandingSchema);

export const RegisterGroupSchema = z.object({
  name: z.string({ error: "form.required" }).trim().min(3, "form.too_short").max(80, "form.too_long"),
  villageId: id(),
  rw: z
    .string()
    .trim()
    .max(6, "form.too_long")
    .regex(/^(rw\s*)?\d{1,3}$/i, "members.rw_invalid")
    .optional(),
  // Rows with no name are left out: the form offers more rows than most groups need.
  people: z
    .array(
      z.object({
        name: optionalText(80),
        role: z.enum(REGISTER_ROLES, { error: "form.choose_one" }).default("ANGGOTA"),
        phone: optionalPhone(),
      }),
    )
    .max(REGISTER_ROWS)
    .default([])
    .transform((rows) => rows.filter((row): row is typeof row & { name: string } => Boolean(row.name))),
  verified: z.boolean().optional(),
  giveCodes: z.boolean().optional(),
});
