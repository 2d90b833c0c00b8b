/** The scope of a consent: what may be used, for what, by whom, where, until when. */
import { z } from "zod";
import { AiUse, DataCategory, DiseaseCode, Geography, RecipientType } from "./vocabulary";

const unique = <T,>(items: readonly T[]) => new Set(items).size === items.length;

export const ResearchScope = z.discriminatedUnion("level", [
  z.object({ level: z.literal("GRU") }),
  z.object({ level: z.literal("HMB") }),
  z.object({
    level: z.literal("DS"),
    diseases: z.array(DiseaseCode).min(1, "choose at least one disease").refine(unique, "diseases must not repeat"),
  }),
]);
export type ResearchScope = z.infer<typeof ResearchScope>;

export const ConsentScope = z.object({
  dataCategories: z
    .array(DataCategory)
    .min(1, "choose at least one kind of data")
    .refine(unique, "data categories must not repeat"),
  research: ResearchScope,
  aiUses: z.array(AiUse).refine(unique, "AI uses must not repeat"),
  recipientTypes: z
    .array(RecipientType)
    .min(1, "choose at least one kind of recipient")
    .refine(unique, "recipient types must not repeat"),
  geography: Geography,
  /** ISO date-time the consent ends, or null for "until I withdraw it". */
  validUntil: z.iso.datetime({ offset: true }).nullable(),
  conditions: z.object({
    mayRecontact: z.boolean(),
    wantsFindings: z.boolean(),
  }),
});
export type ConsentScope = z.infer<typeof ConsentScope>;
