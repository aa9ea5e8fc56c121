import { z } from "./zod";

/** "Kenalkan kelompok kami" on the group's home: which suggested business to tell about the group. */
export const IntroduceSchema = z.object({
  intent: z.literal("introduce"),
  businessId: z.string({ error: "form.choose_one" }).min(1).max(64),
});
